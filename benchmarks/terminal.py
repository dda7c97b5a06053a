"""Running a screen program in a pseudo-terminal, as a person's terminal would:
how long until its first frame shows a given text, how much memory it took, and
how much processor time it uses while it runs."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

COLUMNS, ROWS = 120, 40
CTRL_Q = b"\x11"
TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Run:
    first_frame: float
    """Seconds from starting the process to the first output that holds the marker."""
    max_rss: int
    """The most memory the process had resident at any time, in bytes."""


class Terminal:
    """One program in its own pseudo-terminal of `size` (columns, rows). Whatever
    it draws is read as it comes, as a terminal does (a program whose output is not
    read would stop when the terminal's buffer is full)."""

    def __init__(
        self, argv: list[str], env: dict[str, str], size: tuple[int, int] = (COLUMNS, ROWS)
    ) -> None:
        self.started = time.perf_counter()
        columns, rows = size
        pid, fd = pty.fork()
        if pid == 0:  # the child: our own arguments, no shell
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
                os.execve(argv[0], argv, env)  # noqa: S606
            finally:
                os._exit(127)
        self.argv = argv
        self.pid = pid
        self.fd = fd
        self.ended = False
        self.seen = b""
        self.written = 0
        """Bytes the program has drawn so far."""

    def read(self, wait: float) -> None:
        """Take what the program wrote within `wait` seconds."""
        if self.ended:
            time.sleep(wait)
            return
        chunk = _read(self.fd, wait)
        if chunk is None:
            self.ended = True
            return
        self.written += len(chunk)
        if len(self.seen) < 1 << 20:  # enough to find a marker in; not the whole run
            self.seen += chunk

    def wait_for(self, marker: bytes, timeout: float = 30.0) -> float:
        """Seconds from the start until the output holds `marker`."""
        deadline = time.perf_counter() + timeout
        while marker not in self.seen:
            if self.ended or time.perf_counter() > deadline:
                raise RuntimeError(f"{self.argv!r} never showed {marker!r}: {self.seen[-300:]!r}")
            self.read(0.02)
        return time.perf_counter() - self.started

    def press(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def cpu_seconds(self) -> float:
        """Processor time the program has used so far, user and system (its own
        threads, from /proc/<pid>/stat: utime and stime)."""
        stat = Path(f"/proc/{self.pid}/stat").read_text()
        # The name in brackets may hold spaces: count the fields after its end.
        fields = stat[stat.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND

    def stop(self) -> int:
        """Quit the program as a person would (Ctrl+Q); kill it if it will not go.
        Returns its peak resident memory in bytes."""
        try:
            return _stop(self.pid, self.fd)
        finally:
            os.close(self.fd)


def pump(terminals: Sequence[Terminal], seconds: float) -> None:
    """Read what all of `terminals` draw, for `seconds`."""
    deadline = time.perf_counter() + seconds
    while (left := deadline - time.perf_counter()) > 0:
        open_ = [t for t in terminals if not t.ended]
        if not open_:
            time.sleep(left)
            return
        ready, _, _ = select.select([t.fd for t in open_], [], [], min(left, 0.1))
        for t in open_:
            if t.fd in ready:
                t.read(0)


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
    terminal = Terminal(argv, env)
    try:
        first = terminal.wait_for(marker, timeout)
        pump([terminal], settle)
    except BaseException:
        terminal.stop()
        raise
    return Run(first, terminal.stop())


@dataclass(frozen=True)
class CpuUse:
    share: float
    """Processor time over wall-clock time while measured: 0.01 is 1 % of one core."""
    drawn: int
    """Bytes the program drew meanwhile (more than nothing: it was redrawing)."""


def cpu_while_running(
    programs: dict[str, tuple[list[str], bytes, bytes]],
    env: dict[str, str],
    seconds: float,
    size: tuple[int, int],
    settle: float = 1.0,
) -> dict[str, CpuUse]:
    """Start each program (`argv`, the text its first frame shows, the keys then
    pressed) in its own terminal of `size`, all at once so that they share the
    machine's ups and downs; when each shows its text, press its keys, let them run
    `settle` seconds, then measure the processor time each uses over `seconds`."""
    terminals = {name: Terminal(argv, env, size) for name, (argv, _, _) in programs.items()}
    try:
        for name, (_, marker, keys) in programs.items():
            terminals[name].wait_for(marker)
            if keys:
                terminals[name].press(keys)
        pump(list(terminals.values()), settle)
        before = {name: (t.cpu_seconds(), t.written) for name, t in terminals.items()}
        start = time.perf_counter()
        pump(list(terminals.values()), seconds)
        wall = time.perf_counter() - start
        used = {
            name: CpuUse((t.cpu_seconds() - before[name][0]) / wall, t.written - before[name][1])
            for name, t in terminals.items()
        }
    finally:
        for t in terminals.values():
            t.stop()
    return used


def _read(fd: int, wait: float) -> bytes | None:
    """What the program wrote within `wait` seconds (b"" if nothing), None at its end."""
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return b""
    try:
        return os.read(fd, 1 << 16) or None
    except OSError:  # EIO: the other side of the terminal is closed
        return None


def _peak_since_exec(pid: int) -> int | None:
    """The program's own peak resident memory (VmHWM), in bytes. Not `ru_maxrss`
    from `wait4`: that counts the child from the fork, when it is still a copy of
    this benchmark process, so a large benchmark would raise every figure to its
    own size. VmHWM belongs to the memory map `exec` made."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return None


def _stop(pid: int, fd: int) -> int:
    """Quit the program as a person would (Ctrl+Q); kill it if it will not go.
    Returns its peak resident memory in bytes."""
    peak = _peak_since_exec(pid)
    with contextlib.suppress(OSError):  # it may have ended already
        os.write(fd, CTRL_Q)
    deadline = time.perf_counter() + 10
    while time.perf_counter() < deadline:
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done:
            return peak if peak is not None else usage.ru_maxrss * 1024
        _read(fd, 0.02)
    os.kill(pid, signal.SIGKILL)
    _, _, usage = os.wait4(pid, 0)
    return peak if peak is not None else usage.ru_maxrss * 1024
