"""A yes/no question."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.tui.bindings import localize


class ConfirmModal(ModalScreen[bool]):
    BINDINGS = [Binding("escape,n", "answer(False)", "no"), Binding("y,j", "answer(True)", "yes")]

    def __init__(self, question: str, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question)
            with Horizontal(id="form-buttons"):
                yield Button(s("yes_key", self.lang), variant="primary", id="yes")
                yield Button(s("no_key", self.lang), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
