"""The start screen: a new session, or one from the workspace to resume or open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.i18n import Lang
from facilitator.session.store import SessionEntry
from facilitator.tui.bindings import localize
from facilitator.tui.strings import s

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

NEW = "new"


class StartScreen(Screen[str | None]):
    """Dismisses with `"new"`, a session file path, or None to quit."""

    BINDINGS = [
        Binding("n", "new", "start_new"),
        Binding("e", "export", "key_export", tooltip="tip_export"),
        Binding("q,escape", "quit", "key_quit"),
    ]

    def __init__(self, entries: list[SessionEntry], workspace: str, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.entries = entries
        self.workspace = workspace
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="start"):
            yield Static(s("start_title", lang), id="start-title")
            options: list[Option | None] = [Option(f"+ {s('start_new', lang)}", id=NEW)]
            unfinished = [e for e in self.entries if e.session and e.session.state != "finished"]
            past = [e for e in self.entries if e.session and e.session.state == "finished"]
            for heading, group in (
                (s("start_resume", lang), unfinished),
                (s("start_past", lang), past),
            ):
                if not group:
                    continue
                options.append(None)
                options.append(Option(heading, disabled=True))
                for e in group:
                    assert e.session is not None
                    sess = e.session
                    people = len(sess.present)
                    unit = f" · {sess.unit}" if sess.unit else ""
                    options.append(
                        Option(
                            f"  {sess.date.isoformat()}  {sess.title}{unit} ({people})",
                            id=str(e.path),
                        )
                    )
            yield OptionList(*options, id="sessions")
            broken = sum(1 for e in self.entries if e.session is None)
            footer = s("start_workspace", lang, path=self.workspace)
            if broken:
                footer += "\n" + s("start_broken", lang, count=broken)
            if not self.entries:
                footer = s("start_none", lang) + "\n" + footer
            yield Static(footer, id="start-footer")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_export(self) -> None:
        """Export the highlighted session without opening it."""
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        option = options.get_option_at_index(highlighted) if highlighted is not None else None
        if option is None or option.id in (None, NEW):
            self.notify(s("start_pick_session", self.lang), timeout=4)
            return
        cast("FacilitatorApp", self.app).show_export(Path(option.id))

    def action_new(self) -> None:
        self.dismiss(NEW)

    def action_quit(self) -> None:
        self.dismiss(None)
