"""A session this process has open, from opening to closing.

Opening takes the session's lock (one process per session), writes a new session's
file, starts the autosaver, and makes the workshop that runs it: a session reopened
long after its timer was left running has that clock stopped where it was last
used (`stale_stopped_at` says when, so the caller can tell the user), and one that
never left setup begins at its first step. Every change of the workshop is handed to
the autosaver. Closing writes what is left and lets go of the lock.

The screen app and `facilitator resume` use it; nothing here knows about a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from facilitator.session.autosave import AutoSaver, SaveStatus
from facilitator.session.lock import SessionLock
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.timesource import Clock
from facilitator.workshop import Workshop

StatusListener = Callable[[SaveStatus], None]


def check_openable(store: SessionStore, path: Path) -> Session:
    """The session in `path`, when this process could open it now: raises the
    file's problem (FileProblem) or SessionLocked when another process has it, so
    a command can say so before it opens a screen. The lock is not kept."""
    session = store.load(path)
    with store.lock(session.id):
        pass
    return session


class OpenedSession:
    """Made by `open`; use as a context manager or call `close()`."""

    def __init__(
        self,
        store: SessionStore,
        session: Session,
        path: Path,
        lock: SessionLock,
        clock: Clock,
        on_status: StatusListener | None,
        on_submit: StatusListener | None,
    ) -> None:
        self.store = store
        self.path = path
        self.lock = lock
        self.on_submit = on_submit
        self.closed = False
        self.autosaver = AutoSaver(store, path, on_status=on_status)
        self.workshop = Workshop(session, clock, on_change=self.save)
        self.stale_stopped_at: datetime | None = None
        """When a clock left running was stopped on opening; None if none was."""

    @classmethod
    def open(
        cls,
        store: SessionStore,
        session: Session,
        clock: Clock,
        *,
        new: bool,
        path: Path | None = None,
        on_status: StatusListener | None = None,
        on_submit: StatusListener | None = None,
    ) -> OpenedSession:
        """Open `session`: a `new` one (its file is made; refused if one exists) or
        one read from `path`. Raises SessionLocked when another process has it open,
        or the store's error when the file cannot be made; then nothing stays held.

        `on_status` hears the autosaver's reports, from its own thread; `on_submit`
        hears the status right after each change is handed over, in the caller's."""
        lock = store.lock(session)
        try:
            lock.acquire()
            if new:
                path = store.create(session)
        except BaseException:
            lock.release()
            raise
        opened = cls(
            store, session, path or store.path_for(session.id), lock, clock, on_status, on_submit
        )
        workshop = opened.workshop
        if not new:
            opened.stale_stopped_at = workshop.stop_stale_clocks()
        if new or session.current_step is None:
            workshop.begin()
        return opened

    @property
    def session(self) -> Session:
        return self.workshop.session

    @property
    def status(self) -> SaveStatus:
        return self.autosaver.status

    def save(self) -> None:
        """Hand the session as it is now to the autosaver (the workshop calls this on
        every change). Nothing once closed: the screen may still be drawing."""
        if self.closed:
            return
        self.autosaver.submit(self.session.model_dump(mode="python", exclude_none=True))
        if self.on_submit is not None:
            self.on_submit(self.autosaver.status)

    def save_now(self, timeout: float) -> bool:
        """Try a failed write again at once and wait for it; False if something is
        still not on disk after `timeout` seconds."""
        if self.closed:
            return True
        self.autosaver.retry_now()
        return self.autosaver.flush(timeout=timeout)

    def close(self, timeout: float = 5.0) -> bool:
        """Write what is left (waiting at most `timeout` seconds), stop the autosaver
        and release the lock. False if something could not be saved. Closing twice
        does nothing the second time."""
        if self.closed:
            return True
        self.closed = True
        try:
            done = self.autosaver.close(timeout)
        finally:
            self.lock.release()
        return done

    def __enter__(self) -> OpenedSession:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
