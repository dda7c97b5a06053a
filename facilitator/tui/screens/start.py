"""The start screen: a new session, or one from the workspace to resume or open."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.timefmt import short_date
from facilitator.tui.bindings import localize

if TYPE_CHECKING:
    from facilitator.session.quickread import SessionMeasures
    from facilitator.tui.app import FacilitatorApp

NEW = "new"


class StartScreen(Screen[str | None]):
    """Dismisses with `"new"`, a session file path, or None to quit."""

    BINDINGS = [
        Binding("n", "new", "start_new"),
        Binding("e", "export", "key_export", tooltip="tip_export"),
        Binding("q,escape", "quit", "key_quit"),
    ]

    def __init__(self, workspace: Path, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.workspace = workspace
        self.lang = lang
        self.listed: list[SessionMeasures] | None = None
        """The sessions found, once read (off the screen's thread: a workspace of a
        thousand sessions takes a second or two, and the screen shows at once)."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(id="start"):
            yield Static(s("start_title", lang), id="start-title")
            yield OptionList(
                Option(f"+ {s('start_new', lang)}", id=NEW),
                Option(s("start_reading", lang), disabled=True),
                id="sessions",
            )
            yield Static(s("start_workspace", lang, path=self.workspace), id="start-footer")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        # After the first frame: reading the sessions loads pydantic and the models,
        # which would otherwise hold the screen back (the GIL is shared).
        self.call_after_refresh(self._read)

    @work(thread=True, exclusive=True)
    def _read(self) -> None:
        from facilitator.session.quickread import read_workspace

        found, problems = read_workspace(self.workspace / "sessions", self.lang)
        self.app.call_from_thread(self._list, found, len(problems))

    def _list(self, found: list[SessionMeasures], broken: int) -> None:
        lang = self.lang
        self.listed = sorted(found, key=lambda e: (e.date, e.path.name), reverse=True)
        options: list[Option | None] = [Option(f"+ {s('start_new', lang)}", id=NEW)]
        unfinished = [e for e in self.listed if e.state != "finished"]
        past = [e for e in self.listed if e.state == "finished"]
        for heading, group in (
            (s("start_resume", lang), unfinished),
            (s("start_past", lang), past),
        ):
            if not group:
                continue
            options.append(None)
            options.append(Option(heading, disabled=True))
            for e in group:
                unit = f" · {e.unit}" if e.unit else ""
                label = f"  {short_date(e.date, self.lang)}  {e.title}{unit} ({e.present_count})"
                options.append(Option(label, id=str(e.path)))
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(options)
        option_list.highlighted = highlighted
        footer = s("start_workspace", lang, path=self.workspace)
        if broken:
            footer += "\n" + s("start_broken", lang, count=broken)
        if not found and not broken:
            footer = s("start_none", lang) + "\n" + footer
        self.query_one("#start-footer", Static).update(footer)

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
