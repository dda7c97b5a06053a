"""The agenda as a strip of numbered steps: done, now, still to come."""

from __future__ import annotations

from textual.content import Content

from facilitator.tui.widgets import run_text
from facilitator.tui.widgets.part import PartView
from facilitator.workshop_view import ProgressPart


class ProgressStrip(PartView):
    def __init__(self, *, id: str) -> None:
        super().__init__(self._line, id=id, hide_empty=False)

    @staticmethod
    def _line(part: ProgressPart) -> Content:
        return run_text.progress(part)
