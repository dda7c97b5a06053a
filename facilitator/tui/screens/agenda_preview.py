"""What an agenda brings before a group chooses it: its theme, the paragraphs of
§ 4-3 it covers, and the texts and questions of its steps (for a theme agenda,
its own introduction and reflection questions)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator.agenda.coverage import short_refs
from facilitator.agenda.model import Agenda
from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.tui.bindings import localize


def theme_line(agenda: Agenda, lang: Lang) -> str:
    """`Theme · § 4-3 (1), (2) d` in one line; empty for an agenda with neither."""
    refs = f"§ 4-3 {short_refs(agenda.paragraphs)}" if agenda.paragraphs else ""
    theme = agenda.theme.get(lang) if agenda.theme else ""
    return " · ".join(part for part in (theme, refs) if part)


def preview_text(agenda: Agenda, lang: Lang) -> Text:
    text = Text()
    text.append(agenda.title.get(lang) + "\n", style="bold")
    line = theme_line(agenda, lang)
    if line:
        text.append(line + "\n", style="italic")
    text.append("\n" + agenda.description.get(lang).strip() + "\n")
    for step in agenda.steps:
        if not step.content and not step.questions:
            continue
        text.append("\n" + step.title.get(lang) + "\n", style="bold underline")
        if step.content:
            text.append(step.content.get(lang).strip() + "\n")
        if step.questions:
            text.append(s("questions", lang) + "\n", style="bold")
            for n, q in enumerate(step.questions, 1):
                text.append(f"{n}. ", style="bold")
                text.append(q.get(lang) + "\n")
    return text


class AgendaPreviewModal(ModalScreen[None]):
    BINDINGS = [Binding("escape,f2,q", "dismiss", "key_back")]

    def __init__(self, agenda: Agenda, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.agenda = agenda
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(preview_text(self.agenda, self.lang))
