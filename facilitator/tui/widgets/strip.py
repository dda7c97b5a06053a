"""The agenda as a strip of numbered steps: done, now, still to come."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from facilitator.i18n import Lang
from facilitator.workshop import Workshop


class ProgressStrip(Static):
    def show(self, workshop: Workshop, lang: Lang) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        current = workshop.step_index
        for i, step in enumerate(workshop.steps):
            label = f" {i + 1} "
            if i < current:
                text.append(label, style="black on green")
            elif i == current:
                text.append(f" {i + 1} {step.title.get(lang)} ", style="bold black on yellow")
            else:
                text.append(label, style="dim")
            text.append(" ")
        self.update(text)
