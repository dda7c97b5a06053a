"""Saving every change at once, off the screen's thread, and never giving up.

The screen hands over a snapshot (`Session.model_dump`) after each change; a
worker thread writes the newest one. Snapshots that arrive while a write is
under way replace each other, so a burst of changes costs one or two writes.
When a write fails (read-only folder, full disk), the snapshot is kept, the
failure is reported, and the write is tried again until it succeeds.

Reports go to `on_status`, called on the worker's own thread after each write. It
must hand the status on and return (the screen app posts it as a message), never
wait for a screen: the writes would wait with it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator.errors import FacilitatorError
from facilitator.session.store import SessionStore

RETRY_SECONDS = 2.0


@dataclass(frozen=True)
class SaveStatus:
    pending: bool
    """A change is not yet on disk."""
    error: str | None
    """Why the last write failed; None once a write succeeds."""
    saves: int
    """Successful writes so far."""


class AutoSaver:
    def __init__(
        self,
        store: SessionStore,
        path: Path | None = None,
        on_status: Callable[[SaveStatus], None] | None = None,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self.store = store
        self.path = path
        self.on_status = on_status
        self.retry_seconds = retry_seconds
        self._cond = threading.Condition()
        self._pending: dict[str, Any] | None = None
        self._writing = False
        self._error: str | None = None
        self._saves = 0
        self._closed = False
        self._wake = False
        """Set by `submit` and `retry_now`, so that a request made while a write is
        under way is not lost: the wait after a failed write ends at once."""
        self._thread = threading.Thread(target=self._run, name="facilitator-autosave", daemon=True)
        self._thread.start()

    @property
    def status(self) -> SaveStatus:
        with self._cond:
            return self._status()

    def _status(self) -> SaveStatus:
        return SaveStatus(self._pending is not None or self._writing, self._error, self._saves)

    def submit(self, dump: dict[str, Any]) -> None:
        """Queue a snapshot for writing (replacing any not yet written)."""
        with self._cond:
            if self._closed:
                raise RuntimeError("autosaver is closed")
            self._pending = dump
            self._wake = True
            self._cond.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything submitted is on disk; False if it is not by
        `timeout` (for instance because the disk keeps failing)."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self._pending is None and not self._writing, timeout=timeout
            )

    def retry_now(self) -> None:
        """Try a failed write again without waiting for the next retry."""
        with self._cond:
            self._wake = True
            self._cond.notify_all()

    def close(self, timeout: float | None = 5.0) -> bool:
        """Flush and stop the worker. Returns False if unsaved data remains."""
        done = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=1.0)
        return done

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None:
                    return  # closed with nothing left to write
                dump, self._pending = self._pending, None
                self._writing = True
                self._wake = False
            error = self._write(dump)
            with self._cond:
                self._writing = False
                if error is None:
                    self._saves += 1
                    self._error = None
                else:
                    self._error = error
                    if self._pending is None:
                        self._pending = dump  # keep it; a newer snapshot would replace it
                status = self._status()
                self._cond.notify_all()
            self._report(status)
            if error is not None:
                with self._cond:
                    if self._closed:
                        return
                    self._cond.wait_for(lambda: self._wake or self._closed, self.retry_seconds)

    def _write(self, dump: dict[str, Any]) -> str | None:
        try:
            self.store.save_dump(dump, self.path)
        except FacilitatorError as exc:
            return str(exc)
        except OSError as exc:
            where = exc.filename or self.path or self.store.path_for(str(dump.get("id")))
            return f"{exc.strerror or exc} ({where})"
        except Exception as exc:  # a bug must not kill the thread that keeps data safe
            return f"{type(exc).__name__}: {exc}"
        return None

    def _report(self, status: SaveStatus) -> None:
        if self.on_status is not None:
            # a broken listener must not stop the saving
            with contextlib.suppress(Exception):
                self.on_status(status)
