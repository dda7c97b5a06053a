"""Driving the installed `facilitator` command in a real terminal: a tmux server
of our own, bounded condition waits (never fixed sleeps), a shell wrapper that
records the program's exit status, and killing it hard.

In some sandboxes tmux never reaps a pane's process that was killed, so the exit
status is not read from tmux: the pane's shell waits for the program and writes
`$?` to a file (`shell_command`, `wait_for_exit`).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

DEADLINE_SECONDS = 20.0
POLL_SECONDS = 0.05

# The command installed next to the interpreter running the tests comes first
# (a venv's bin/ is often not on PATH), then PATH.
SEARCH_PATH = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
FACILITATOR = shutil.which("facilitator", path=SEARCH_PATH)
TMUX = shutil.which("tmux")

NEEDS_TERMINAL = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
    pytest.mark.skipif(FACILITATOR is None, reason="the facilitator command is not installed"),
]
"""Marks for a test that runs the installed command in tmux."""


def wait_for(
    condition: Callable[[], object],
    what: str,
    show: Callable[[], str] | None = None,
    timeout: float = DEADLINE_SECONDS,
):
    """Poll `condition` until it returns something true; fail after `timeout`
    seconds, with what `show` returns (the screen) in the message."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            seen = f"\n{show()}" if show is not None else ""
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}{seen}")
        time.sleep(POLL_SECONDS)


class Tmux:
    """A tmux server of our own (its own socket), so nothing else is touched."""

    def __init__(self, tmp: Path, env: dict[str, str] | None = None) -> None:
        assert TMUX is not None, "tmux is not installed"
        self.socket = f"facilitator-test-{uuid.uuid4().hex[:12]}"
        self.config = tmp / "tmux.conf"
        # Keep a pane whose process died, so the session (and server) outlive it.
        self.config.write_text(
            "set -g remain-on-exit on\nset -g default-terminal xterm-256color\n",
            encoding="utf-8",
        )
        self.env = {**(env or os.environ), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        self.env.pop("TMUX", None)

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            [TMUX or "tmux", "-u", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=DEADLINE_SECONDS,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def new_session(self, name: str, command: str, width: int = 100, height: int = 30) -> str:
        """Start `command` in a detached session; the id of its pane."""
        return self(
            "new-session",
            "-d",
            "-x",
            str(width),
            "-y",
            str(height),
            "-s",
            name,
            "-P",
            "-F",
            "#{pane_id}",
            command,
        ).strip()

    def new_window(self, session: str, command: str) -> str:
        return self("new-window", "-t", session, "-P", "-F", "#{pane_id}", command).strip()

    def screen(self, pane: str) -> str:
        return self("capture-pane", "-p", "-t", pane, check=False)

    def wait_for_text(self, pane: str, text: str, what: str) -> None:
        wait_for(lambda: text in self.screen(pane), what, show=lambda: self.screen(pane))

    def pane_info(self, pane: str, fmt: str) -> str:
        return self("display-message", "-p", "-t", pane, fmt).strip()

    def send(self, pane: str, *keys: str, literal: bool = False) -> None:
        self("send-keys", "-t", pane, *(["-l"] if literal else []), *keys)

    def kill_server(self) -> None:
        self("kill-server", check=False)


def shell_command(status: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """A command line for tmux: run the program, then write its exit status to
    `status` (128 + N when signal N killed it). The shell waits for the program
    itself, so the test does not depend on tmux reaping the pane's process."""
    program = " ".join(shlex.quote(a) for a in args)
    extra = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
    return f"env TERM=xterm-256color {extra} {program}; echo $? > {shlex.quote(str(status))}"


def facilitator_command(status: Path, workspace: Path, *args: str) -> str:
    """`facilitator --workspace WORKSPACE ARGS` as a tmux command line (see
    `shell_command`)."""
    return shell_command(status, FACILITATOR or "facilitator", "--workspace", str(workspace), *args)


def run_command(
    status: Path, workspace: Path, title: str, names: str = "Kari,Ola,Aisha,Per"
) -> str:
    """`facilitator run` straight to the first step, as a tmux command line."""
    return facilitator_command(status, workspace, "run", "--participants", names, "--title", title)


def read_status(status: Path) -> str:
    try:
        return status.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return ""


def wait_for_exit(status: Path, what: str, show: Callable[[], str]) -> int:
    return int(wait_for(lambda: read_status(status), what, show=show))


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants, deepest last."""
    out = subprocess.run(
        ["ps", "-A", "-o", "pid=,ppid="], capture_output=True, text=True, check=True
    ).stdout
    children: dict[int, list[int]] = {}
    for line in out.splitlines():
        pid, ppid = (int(x) for x in line.split())
        children.setdefault(ppid, []).append(pid)
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def kill_descendants(root: int) -> None:
    """SIGKILL every process below `root` (the pane's shell), deepest first, so
    the program gets no chance to save or unlock on the way out."""
    for pid in reversed(process_tree(root)[1:]):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def session_files(workspace: Path) -> list[Path]:
    return sorted((workspace / "sessions").glob("*.toml"))


def file_contains(workspace: Path, text: str) -> bool:
    for path in session_files(workspace):
        try:
            if text in path.read_text(encoding="utf-8"):
                return True
        except OSError:
            pass
    return False
