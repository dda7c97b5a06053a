"""Running a screen program in a pseudo-terminal, as a person's terminal would:
how long until its first frame shows a given text, and how much memory it took."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass

COLUMNS, ROWS = 120, 40
CTRL_Q = b"\x11"


@dataclass(frozen=True)
class Run:
    first_frame: float
    """Seconds from starting the process to the first output that holds the marker."""
    max_rss: int
    """The most memory the process had resident at any time, in bytes."""


def run_in_terminal(
    argv: list[str],
    marker: bytes,
    env: dict[str, str],
    settle: float = 0.0,
    timeout: float = 30.0,
) -> Run:
    """Start `argv` in a new pseudo-terminal of COLUMNS×ROWS, read what it draws
    until `marker` appears, let it run `settle` seconds more (reading on, as a
    terminal does), then press Ctrl+Q and collect its resource use."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: our own arguments, no shell
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.execve(argv[0], argv, env)  # noqa: S606
        finally:
            os._exit(127)
    seen = b""
    first: float | None = None
    deadline = start + timeout
    try:
        while time.perf_counter() < deadline:
            chunk = _read(fd, 0.02)
            if chunk is None:
                break  # the program ended
            if first is None:
                seen += chunk
                if marker in seen:
                    first = time.perf_counter() - start
                    deadline = time.perf_counter() + settle
        if first is None:
            raise RuntimeError(f"{argv!r} never showed {marker!r}: {seen[-300:]!r}")
        return Run(first, _stop(pid, fd))
    finally:
        os.close(fd)


def _read(fd: int, wait: float) -> bytes | None:
    """What the program wrote within `wait` seconds (b"" if nothing), None at its end."""
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return b""
    try:
        return os.read(fd, 1 << 16) or None
    except OSError:  # EIO: the other side of the terminal is closed
        return None


def _stop(pid: int, fd: int) -> int:
    """Quit the program as a person would (Ctrl+Q); kill it if it will not go.
    Returns its peak resident memory in bytes."""
    os.write(fd, CTRL_Q)
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return usage.ru_maxrss * 1024
        _read(fd, 0.02)
    os.kill(pid, signal.SIGKILL)
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss * 1024
