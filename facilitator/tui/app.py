"""The Textual app: opens, locks and autosaves a session, and moves between
the start, setup and run screens. The workshop logic lives in the domain.

The start screen is what `facilitator` shows first, so only what it needs is
imported here; the run, setup and help screens (and the Markdown that help
brings) are imported when first shown (benchmarks/run.py measures start-up)."""

from __future__ import annotations

import contextlib
import functools
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from facilitator.errors import FacilitatorError, SessionLocked
from facilitator.i18n import Lang
from facilitator.timefmt import hhmm, short_date
from facilitator.timesource import Clock, SystemClock
from facilitator.tui.bindings import localize
from facilitator.tui.screens.start import NEW, StartScreen
from facilitator.tui.strings import s
from facilitator.tui.textual_words import own_bindings

if TYPE_CHECKING:
    from facilitator.agenda.model import Agenda
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
        self.workshop: Workshop | None = None
        self.autosaver: AutoSaver | None = None
        self.lock: SessionLock | None = None
        self.session_path: Path | None = None
        self.save_status: SaveStatus | None = None
        self._quit_warned = False
        self.title = s("app_title", lang)

    @functools.cached_property
    def store(self) -> SessionStore:
        # Made when first needed: the session model (pydantic) loads after the start
        # screen is drawn, not before.
        from facilitator.session.store import SessionStore

        return SessionStore(self.workspace, self.lang)

    # --- flow -----------------------------------------------------------------------

    def on_mount(self) -> None:
        mode = self.launch.mode
        if mode == "resume" and self.launch.session_path is not None:
            self.open_path(self.launch.session_path)
        elif mode == "run" and self.launch.names and self.launch.agenda is not None:
            from facilitator.followup import add_follow_up, open_earlier_measures
            from facilitator.session.model import new_session

            title = self.launch.title or f"{self.launch.agenda.title.get(self.lang)}"
            session = new_session(
                title, self.launch.agenda, self.clock.now(), self.launch.names, lang=self.lang
            )
            session.risk_scale = 3 if self.launch.risk_scale == 3 else 5
            if self.launch.booked_start is not None or self.launch.booked_end is not None:
                from facilitator.slot import booked_slot

                launch = self.launch
                session.booked_start, session.booked_end = booked_slot(
                    session.date, launch.booked_start, launch.booked_end, session.created_at
                )
            # No unit on the command line: it follows up sessions that gave none either.
            add_follow_up(session, open_earlier_measures(self.workspace, session.unit))
            self.open_session(session, new=True)
        elif mode in ("run", "setup") and self.launch.agenda is not None:
            self.show_setup(self.launch.agenda)
        else:
            self.show_start()

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
        from facilitator.session.autosave import AutoSaver
        from facilitator.tui.screens.run import RunScreen
        from facilitator.workshop import Workshop

        lock = self.store.lock(session)
        try:
            lock.acquire()
            if new:
                path = self.store.create(session)
        except FacilitatorError as exc:
            lock.release()
            message = (
                s("locked", self.lang, error=exc) if isinstance(exc, SessionLocked) else str(exc)
            )
            self.notify(message, severity="error", timeout=15)
            if self.launch.mode == "start":
                self.show_start()
            else:
                self.exit(return_code=1, message=str(exc))
            return
        self.lock = lock
        self.session_path = path or self.store.path_for(session.id)
        self.autosaver = AutoSaver(
            self.store, self.session_path, on_status=self._status_from_thread
        )
        self.workshop = Workshop(session, self.clock, on_change=self._changed)
        stopped = None if new else self.workshop.stop_stale_clocks()
        if new or session.current_step is None:
            self.workshop.begin()
        self.push_screen(RunScreen(self.workshop, self.lang))
        if stopped is not None:
            when = f"{short_date(stopped.astimezone().date(), self.lang)} {hhmm(stopped)}"
            self.notify(s("stale_clock", self.lang, when=when), severity="warning", timeout=20)

    # --- saving -----------------------------------------------------------------------

    def _changed(self) -> None:
        if self.workshop is not None and self.autosaver is not None:
            self.autosaver.submit(
                self.workshop.session.model_dump(mode="python", exclude_none=True)
            )
            self.save_status = self.autosaver.status

    def _status_from_thread(self, status: SaveStatus) -> None:
        # RuntimeError: the app is shutting down; the autosaver still finishes its write
        with contextlib.suppress(RuntimeError):
            self.call_from_thread(self._status, status)

    def _status(self, status: SaveStatus) -> None:
        previous = self.save_status
        self.save_status = status
        if status.error and (previous is None or previous.error != status.error):
            self.notify(
                s("save_failed", self.lang, error=status.error), severity="error", timeout=10
            )
            self.bell()
        elif previous is not None and previous.error and not status.error:
            self.notify(s("save_recovered", self.lang), timeout=4)

    def close_session(self, timeout: float = 5.0) -> bool:
        done = True
        if self.autosaver is not None:
            done = self.autosaver.close(timeout)
            self.autosaver = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        return done

    async def action_quit(self) -> None:
        if self.autosaver is not None:
            self.autosaver.retry_now()
            if not self.autosaver.flush(timeout=2.0) and not self._quit_warned:
                self._quit_warned = True
                error = self.autosaver.status.error or "…"
                self.notify(
                    s("unsaved_on_quit", self.lang, error=error), severity="error", timeout=10
                )
                return
        self.close_session()
        self.exit()

    def on_unmount(self) -> None:
        self.close_session()

    # --- help and palette ---------------------------------------------------------------

    def action_help(self) -> None:
        from facilitator.tui.screens.help import HelpModal

        if not isinstance(self.screen, HelpModal):
            self.push_screen(HelpModal(self.lang, self.key_rows(self.screen)))

    def key_rows(self, screen: Screen) -> list[tuple[str, str]]:
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

        if self.use_command_palette and not Palette.is_open(self):
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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
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
