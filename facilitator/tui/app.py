"""The Textual app: moves between the start, setup and run screens. Making a
session (`facilitator.session.create`), opening, saving and closing it
(`facilitator.opened_session`) and the workshop itself live in the domain; the app
calls them and says what happened.

The start screen is what `facilitator` shows first, so only what it needs is
imported here; the run, setup and help screens (and the Markdown that help
brings) are imported when first shown (benchmarks/run.py measures start-up)."""

from __future__ import annotations

import contextlib
import functools
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from facilitator.errors import FacilitatorError, SessionLocked
from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.timefmt import hhmm, short_date
from facilitator.timesource import Clock, SystemClock
from facilitator.tui.bindings import localize
from facilitator.tui.screens.start import NEW, StartScreen
from facilitator.tui.textual_words import own_bindings

if TYPE_CHECKING:
    from facilitator.agenda.model import Agenda
    from facilitator.opened_session import OpenedSession
    from facilitator.room.host import InputKind
    from facilitator.room.server import Room
    from facilitator.session.autosave import AutoSaver, SaveStatus
    from facilitator.session.lock import SessionLock
    from facilitator.session.model import Session
    from facilitator.session.store import SessionStore
    from facilitator.workshop import Workshop


@dataclass
class Launch:
    """What the command line asked for."""

    mode: str = "start"
    """`start` (the start screen), `setup`, `run` (straight to the first step) or `resume`."""
    agenda: Agenda | None = None
    names: list[str] = field(default_factory=list)
    title: str = ""
    session_path: Path | None = None
    risk_scale: int = 5
    """From the workspace's settings file (`facilitator.settings`)."""
    booked_start: time | None = None
    """`run --start`: when the booked slot begins, a time of day on the session's date."""
    booked_end: time | None = None
    """`run --end`: when it ends; not after the start (or, without one, not after the
    moment the session opens) means the next day."""
    room: str | None = None
    """`--room`: open the room with the session, `local` (the room's screen on this
    computer) or `lan` (the participants' phones too)."""


def _open_in_browser(url: str) -> None:
    """Open `url` in a graphical browser, if this computer shows one: in a plain
    console, `webbrowser` would start a text browser in the terminal the app runs
    in. Without one the room's dialog shows the link to open by hand."""
    import os
    import sys
    import webbrowser

    graphical = sys.platform in ("darwin", "win32") or any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY")
    )
    if graphical:
        with contextlib.suppress(webbrowser.Error):
            webbrowser.open(url, new=1)


class SaveReport(Message):
    """What the autosaver reports, posted from its thread (`post_message` is safe
    to call from another thread; the autosaver never waits for the screen)."""

    def __init__(self, status: SaveStatus) -> None:
        super().__init__()
        self.status = status


class FacilitatorApp(App[None]):
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "key_help", id="help"),
        Binding("ctrl+q", "quit", "key_quit", id="quit", priority=True),
    ]

    def __init__(
        self,
        workspace: Path,
        lang: Lang,
        launch: Launch,
        clock: Clock | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__()
        localize(self, lang)
        self.workspace = workspace
        self.lang = lang
        self.launch = launch
        self.clock = clock or SystemClock()
        self.rng = rng or random.Random()
        self.opened: OpenedSession | None = None
        """The session open in this process, if any (closed on quit)."""
        self.save_status: SaveStatus | None = None
        self.room: Room | None = None
        self._room_inputs: list[str] = []
        """What came in from phones since the screen last showed it."""
        """The room's server while it is open (`open_room`)."""
        self.show_in_browser: Callable[[str], object] = _open_in_browser
        """How the room's screen is opened in a browser (tests replace it)."""
        self._quit_warned = False
        self.title = s("app_title", lang)

    @functools.cached_property
    def store(self) -> SessionStore:
        # Made when first needed: the session model (pydantic) loads after the start
        # screen is drawn, not before.
        from facilitator.session.store import SessionStore

        return SessionStore(self.workspace, self.lang)

    # What the open session holds, as the screens and tests have always read it.

    @property
    def workshop(self) -> Workshop | None:
        return self.opened.workshop if self.opened is not None else None

    @property
    def autosaver(self) -> AutoSaver | None:
        opened = self.opened
        return opened.autosaver if opened is not None and not opened.closed else None

    @property
    def lock(self) -> SessionLock | None:
        opened = self.opened
        return opened.lock if opened is not None and not opened.closed else None

    @property
    def session_path(self) -> Path | None:
        return self.opened.path if self.opened is not None else None

    # --- flow -----------------------------------------------------------------------

    def on_mount(self) -> None:
        mode = self.launch.mode
        if mode == "resume" and self.launch.session_path is not None:
            self.open_path(self.launch.session_path)
        elif mode == "run" and self.launch.names and self.launch.agenda is not None:
            from facilitator.session.create import PlanRefused

            try:
                session = self._from_command_line(self.launch.agenda)
            except PlanRefused as exc:  # the command checks first; this is for other callers
                self.exit(return_code=exc.exit_code, message=str(exc))
                return
            self.open_session(session, new=True)
        elif mode in ("run", "setup") and self.launch.agenda is not None:
            self.show_setup(self.launch.agenda)
        else:
            self.show_start()

    def _from_command_line(self, agenda: Agenda) -> Session:
        """`facilitator run --participants ...`: the session made as setup makes one.
        The command checked the participants and times before the screen opened."""
        from facilitator.followup import open_earlier_measures
        from facilitator.session.create import SessionPlan

        launch = self.launch
        # No unit on the command line: it follows up sessions that gave none either.
        plan = SessionPlan(
            agenda,
            launch.title or agenda.title.get(self.lang),
            tuple(launch.names),
            start=f"{launch.booked_start:%H:%M}" if launch.booked_start else "",
            end=f"{launch.booked_end:%H:%M}" if launch.booked_end else "",
            lang=self.lang,
            risk_scale=3 if launch.risk_scale == 3 else 5,
            follow_up=tuple(open_earlier_measures(self.workspace, "")),
        )
        return plan.create(self.clock.now())

    def show_start(self) -> None:

        def chosen(choice: str | None) -> None:
            if choice is None:
                self.exit()
            elif choice == NEW:
                from facilitator.agenda.registry import DEFAULT_AGENDA, load_agenda

                self.show_setup(
                    self.launch.agenda or load_agenda(DEFAULT_AGENDA, self.workspace, self.lang)
                )
            else:
                self.open_path(Path(choice))

        self.push_screen(StartScreen(self.workspace, self.lang), chosen)

    def show_setup(self, agenda: Agenda) -> None:
        from facilitator.tui.screens.setup import SetupScreen

        def done(session: Session | None) -> None:
            if session is None:
                if self.launch.mode == "start":
                    self.show_start()
                else:
                    self.exit()
                return
            self.open_session(session, new=True)

        self.push_screen(
            SetupScreen(
                self.workspace,
                self.lang,
                self.clock,
                agenda,
                self.launch.title,
                self.launch.names,
                self.rng,
            ),
            done,
        )

    def show_export(self, session: Session | Path) -> None:
        """The export screen for the open session, or for a session file (from the
        start screen: read only, so one open elsewhere can be exported too)."""
        from facilitator.tui.screens.export import ExportScreen

        if isinstance(session, Path):
            try:
                source, session = session, self.store.load(session)
            except FacilitatorError as exc:
                self.notify(str(exc), severity="error", timeout=15)
                return
            on_change = None  # only read: a change of the names rule is for this export
        else:
            source = self.session_path or self.store.path_for(session.id)
            on_change = self._changed
        self.push_screen(
            ExportScreen(session, self.store, self.lang, self.clock.now(), source, on_change)
        )

    def open_path(self, path: Path) -> None:
        try:
            session = self.store.load(path)
        except FacilitatorError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            self.show_start()
            return
        self.open_session(session, new=False, path=path)

    def open_session(self, session: Session, new: bool, path: Path | None = None) -> None:
        from facilitator.opened_session import OpenedSession
        from facilitator.tui.screens.run import RunScreen

        try:
            opened = OpenedSession.open(
                self.store,
                session,
                self.clock,
                new=new,
                path=path,
                on_status=self._status_from_thread,
                on_submit=self._submitted,
            )
        except FacilitatorError as exc:
            message = (
                s("locked", self.lang, error=exc) if isinstance(exc, SessionLocked) else str(exc)
            )
            self.notify(message, severity="error", timeout=15)
            if self.launch.mode == "start":
                self.show_start()
            else:
                self.exit(return_code=1, message=str(exc))
            return
        self.opened = opened
        self.push_screen(RunScreen(opened.workshop, self.lang))
        if self.launch.room is not None:
            self.run_worker(self.open_room(lan=self.launch.room == "lan"), exclusive=True)
        stopped = opened.stale_stopped_at
        if stopped is not None:
            when = f"{short_date(stopped.astimezone().date(), self.lang)} {hhmm(stopped)}"
            self.notify(s("stale_clock", self.lang, when=when), severity="warning", timeout=20)

    # --- saving -----------------------------------------------------------------------

    def _changed(self) -> None:
        """The open session changed outside the workshop (the export's names rule)."""
        if self.opened is not None:
            self.opened.save()

    def _submitted(self, status: SaveStatus) -> None:
        self.save_status = status

    def _status_from_thread(self, status: SaveStatus) -> None:
        # RuntimeError: the app's loop is gone; the autosaver still finishes its write
        with contextlib.suppress(RuntimeError):
            self.post_message(SaveReport(status))

    @on(SaveReport)
    def _status(self, message: SaveReport) -> None:
        status = message.status
        previous = self.save_status
        self.save_status = status
        if status.error and (previous is None or previous.error != status.error):
            self.notify(
                s("save_failed", self.lang, error=status.error), severity="error", timeout=10
            )
            self.bell()
        elif previous is not None and previous.error and not status.error:
            self.notify(s("save_recovered", self.lang), timeout=4)

    # --- the room -----------------------------------------------------------------------

    async def open_room(self, lan: bool) -> None:
        """Open the room's server in this app's own event loop, on this computer only
        or (`lan`) on the room's network too, and the room's screen in a browser."""
        from facilitator.room.host import WorkshopHost
        from facilitator.room.server import LOOPBACK, Room

        workshop = self.workshop
        if workshop is None:
            return
        room = self.room
        if room is None:
            room = Room(WorkshopHost(workshop, on_input=self._room_input, lang=self.lang))
            try:
                await room.start(host=LOOPBACK)
            except OSError as exc:
                self.notify(s("room_failed", self.lang, error=exc), severity="error", timeout=15)
                return
            self.room = room
            self.notify(s("room_opened", self.lang), timeout=4)
            self.show_in_browser(room.wall_url)
        if lan:
            # The same room, its links and the projector's page kept: the phones may
            # now reach it on this computer's address on the room's network.
            await room.open_to_lan()
        self._redraw_run_screen()

    async def close_room(self, quiet: bool = False) -> None:
        room, self.room = self.room, None
        if room is not None:
            await room.stop()
            if not quiet:
                self.notify(s("room_stopped", self.lang), timeout=6)

    def _room_input(self, kind: InputKind, person: str | None) -> None:
        """Something came in from a phone: the workshop has it and has handed it to
        the autosaver. The facilitator's screen shows it, and who sent it, once for
        everything that came in together: twelve phones sending at the same moment
        make one redraw and one message, not twelve."""
        workshop = self.workshop
        who = workshop.name(person) if workshop is not None and person else ""
        what = s(f"room_got_{kind.value}", self.lang)
        self._room_inputs.append(
            f"{who} – {what}" if who else f"{what} ({s('room_no_name', self.lang)})"
        )
        if len(self._room_inputs) == 1:
            self.call_later(self._show_room_inputs)

    def _show_room_inputs(self) -> None:
        lines, self._room_inputs = self._room_inputs, []
        if not lines:
            return
        self._redraw_run_screen()
        if len(lines) == 1:
            message = s("room_input", self.lang, what=lines[0])
        else:
            message = s("room_inputs", self.lang, n=len(lines), what="; ".join(lines))
        self.notify(message, timeout=5)

    def _redraw_run_screen(self) -> None:
        from facilitator.tui.screens.run import RunScreen

        for screen in self.screen_stack:
            if isinstance(screen, RunScreen):
                screen.refresh_all()

    def close_session(self, timeout: float = 5.0) -> bool:
        return self.opened.close(timeout) if self.opened is not None else True

    async def action_quit(self) -> None:
        opened = self.opened
        if opened is not None and not opened.save_now(timeout=2.0) and not self._quit_warned:
            self._quit_warned = True
            error = opened.status.error or "…"
            self.notify(s("unsaved_on_quit", self.lang, error=error), severity="error", timeout=10)
            return
        await self.close_room(quiet=True)
        self.close_session()
        self.exit()

    def on_unmount(self) -> None:
        self.close_session()

    # --- help and palette ---------------------------------------------------------------

    def action_help(self) -> None:
        from facilitator.tui.screens.help import HelpModal

        if not isinstance(self.screen, HelpModal):
            self.push_screen(HelpModal(self.lang, self.key_rows(self.screen)))

    def key_rows(self, screen: Screen[Any]) -> list[tuple[str, str]]:
        """Each of the screen's keys (then the app's) once: the keys that do it and
        the longer of its two texts."""
        rows: dict[str, tuple[list[str], str]] = {}
        for node in (screen, self):
            # Our own keys only, not Textual's (focus moves, copy) that every screen has.
            ours = {b.action for b in type(node).BINDINGS if isinstance(b, Binding)}
            for bindings in own_bindings(node).values():
                for b in bindings:
                    if not b.description or b.system or b.action not in ours:
                        continue
                    what = b.id or b.description
                    keys, _text = rows.setdefault(what, ([], b.tooltip or b.description))
                    shown = self.get_key_display(b)
                    if shown not in keys:
                        keys.append(shown)
        return [(" / ".join(keys), text) for keys, text in rows.values()]

    def action_command_palette(self) -> None:
        # Textual's own palette, in the user's language.
        from facilitator.tui.textual_words import Palette

        if self.use_command_palette and not Palette.is_open(cast("App[object]", self)):
            self.push_screen(
                Palette(self.lang, s("palette_search", self.lang), id="--command-palette")
            )

    def search_themes(self) -> None:
        """Textual's theme picker (the palette's colour theme), in our words."""
        from facilitator.tui.textual_words import theme_palette

        self.push_screen(theme_palette(self.lang))

    def action_help_quit(self) -> None:
        """Ctrl+C, which people press to quit: Textual says which key does, in English."""
        self.notify(s("quit_hint", self.lang), title=s("quit_hint_title", self.lang))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands in the user's language, and only those that fit here.
        Its SVG screenshot is left out on purpose: it would write what is on screen
        (dilemmas, notes) to a file outside the workspace's protected folders."""
        from facilitator.tui.screens.run import RunScreen

        lang = self.lang
        yield SystemCommand(s("cmd_help", lang), s("tip_help", lang), self.action_help)
        yield SystemCommand(
            s("cmd_theme", lang), s("cmd_theme_tip", lang), self.action_change_theme
        )
        yield SystemCommand(s("key_quit", lang), s("cmd_quit_tip", lang), self.action_quit)
        if isinstance(screen, RunScreen):
            seen: set[str] = set()
            for bindings in own_bindings(screen).values():
                for b in bindings:
                    if b.description and b.id and b.id not in seen:
                        seen.add(b.id)
                        yield SystemCommand(
                            b.description,
                            b.tooltip or b.description,
                            lambda action=b.action: self.call_later(screen.run_action, action),
                        )
