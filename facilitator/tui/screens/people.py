"""Choose a participant to mark as away, or back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.tui.bindings import localize
from facilitator.workshop import Workshop


class PeopleModal(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "key_back")]

    def __init__(self, workshop: Workshop, lang: Lang, title: str = "pick_person") -> None:
        super().__init__()
        localize(self, lang)
        self.workshop = workshop
        self.lang = lang
        self.title_key = title
        """The question over the list (a key of the screen's words)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(s(self.title_key, self.lang), classes="dialog-title")
            options = []
            for p in self.workshop.session.participants:
                state = "" if p.present else f"  ({s('absent', self.lang)})"
                options.append(Option(f"{p.name}{state}", id=p.id))
            yield OptionList(*options, id="people-list")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
