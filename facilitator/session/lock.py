"""One process per session: an advisory lock on `<id>.lock` next to the file.

The lock is `flock`, which the kernel releases when a process dies, so a lock
file left behind by a killed process is free to take; its content (pid, host,
since) is only there to tell the user who holds it, or whom we took over from.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import socket
import time
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import tomli_w

from facilitator.atomic import FILE_MODE
from facilitator.errors import RuntimeFailure, SessionLocked, UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli


@dataclass(frozen=True)
class Holder:
    pid: int | None
    host: str | None
    since: datetime | None


def _read_holder(path: Path) -> Holder | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    pid, host, since = data.get("pid"), data.get("host"), data.get("since")
    return Holder(
        pid if isinstance(pid, int) else None,
        host if isinstance(host, str) else None,
        since if isinstance(since, datetime) else None,
    )


class SessionLock:
    """Held while a process edits a session. Use as a context manager or call
    `acquire()` / `release()`. `took_over` names a dead holder we replaced."""

    def __init__(self, path: Path, session_id: str, lang: Lang = "nb") -> None:
        self.path = path
        self.lang = lang
        self.session_id = session_id
        self._fd: int | None = None
        self.took_over: Holder | None = None

    def acquire(self) -> SessionLock:
        if self._fd is not None:
            return self  # already ours; a second flock on a new fd would refuse us
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise SessionLocked(self._held_message(self._wait_for_holder())) from None
            except BaseException:
                os.close(fd)
                raise
            # Someone may have unlinked the file between our open and flock; then
            # we hold a lock on a file nobody else will see. Start again.
            try:
                same = os.fstat(fd).st_ino == self.path.stat().st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        try:
            previous = _read_holder(self.path)
            info = {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "since": datetime.now(UTC).replace(microsecond=0),
            }
            with contextlib.suppress(OSError):
                os.fchmod(fd, FILE_MODE)  # O_CREAT's mode is filtered by the umask
            os.ftruncate(fd, 0)
            os.pwrite(fd, tomli_w.dumps(info).encode(), 0)
            os.fsync(fd)
        except BaseException:
            os.close(fd)  # do not keep a lock we could not sign
            raise
        self.took_over = previous if previous is not None and previous.pid is not None else None
        self._fd = fd
        return self

    def _open(self) -> int:
        """The lock file, opened (and made when missing). Never through a symbolic
        link: the pid and host we write would land in whatever file it points at."""
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, FILE_MODE)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise UserError(cli("lock_is_link", self.lang, path=self.path)) from None
            raise RuntimeFailure(
                cli("lock_failed", self.lang, path=self.path, error=exc.strerror or exc)
            ) from None

    def _wait_for_holder(self) -> Holder | None:
        """Who holds the lock. The holder writes its pid just after it takes the
        lock, so give it a moment (at most 0.2 s) before saying "someone"."""
        for _ in range(10):
            holder = _read_holder(self.path)
            if holder is not None and holder.pid is not None:
                return holder
            time.sleep(0.02)
        return _read_holder(self.path)

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> SessionLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()

    def _held_message(self, holder: Holder | None) -> str:
        who = ""
        if holder and holder.pid:
            since = holder.since.astimezone().strftime("%H:%M") if holder.since else "?"
            who = cli(
                "lock_holder", self.lang, pid=holder.pid, host=holder.host or "?", since=since
            )
        return cli("lock_held", self.lang, session=self.session_id, holder=who)
