"""End to end: the installed `facilitator` command in a real terminal (tmux).

A note saved in a running workshop, and another only typed into its form, must
be on disk before the process is killed with SIGKILL; `facilitator resume` must
bring back both: the saved one in the list, the other in its form as typed.
The only waits are bounded polls of the screen (`capture-pane`) and the disk.
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

pytestmark = pytest.mark.e2e

DEADLINE_SECONDS = 20.0
POLL_SECONDS = 0.1
NOTE = "Notat fra tmux: Vi tar det videre"
DRAFT = "Halvskrevet: ikke lagret ennå"

# The command installed next to the interpreter running the tests comes first
# (a venv's bin/ is often not on PATH), then PATH.
SEARCH_PATH = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
FACILITATOR = shutil.which("facilitator", path=SEARCH_PATH)
TMUX = shutil.which("tmux")


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

    def __init__(self, tmp: Path) -> None:
        self.socket = f"facilitator-e2e-{uuid.uuid4().hex[:12]}"
        self.config = tmp / "tmux.conf"
        # Keep a pane whose process died, so the session (and server) outlive it.
        self.config.write_text(
            "set -g remain-on-exit on\nset -g default-terminal xterm-256color\n",
            encoding="utf-8",
        )
        self.env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
        self.env.pop("TMUX", None)

    def __call__(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            [TMUX, "-u", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=DEADLINE_SECONDS,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

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


def shell_command(status: Path, *args: str) -> str:
    """A command line for tmux: run the program, then write its exit status to
    `status` (128 + N when signal N killed it). The shell waits for the program
    itself, so the test does not depend on tmux reaping the pane's process
    (some sandboxes never deliver SIGCHLD to the tmux server)."""
    program = " ".join(shlex.quote(a) for a in args)
    return f"env TERM=xterm-256color {program}; echo $? > {shlex.quote(str(status))}"


def wait_for_exit(status: Path, what: str, show: Callable[[], str]) -> int:
    def ended() -> str:
        try:
            return status.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return ""

    return int(wait_for(ended, what, show=show))


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


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
@pytest.mark.skipif(FACILITATOR is None, reason="the facilitator command is not installed")
def test_a_note_survives_sigkill_and_comes_back_on_resume(tmp_path: Path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    tmux = Tmux(tmp_path)
    try:
        first, second = tmp_path / "first.status", tmp_path / "second.status"
        run = shell_command(
            first,
            FACILITATOR,
            "--workspace",
            str(workspace),
            "run",
            "--participants",
            "Kari,Ola,Aisha,Per",
            "--title",
            "Test",
        )
        pane = tmux(
            "new-session",
            "-d",
            "-x",
            "100",
            "-y",
            "30",
            "-s",
            "e2e",
            "-P",
            "-F",
            "#{pane_id}",
            run,
        ).strip()
        tmux.wait_for_text(pane, "Steg 1 av 10", "the first step")

        tmux.send(pane, "n")
        tmux.wait_for_text(pane, "Tekst *", "the note form")  # "Notat" is in the footer too
        tmux.send(pane, NOTE, literal=True)
        tmux.wait_for_text(pane, NOTE, "the note typed into the form")
        tmux.send(pane, "C-s")
        wait_for(
            lambda: file_contains(workspace, NOTE),
            "the note in the session file",
            show=lambda: tmux.screen(pane),
        )
        (session_file,) = session_files(workspace)

        tmux.send(pane, "n")
        tmux.wait_for_text(pane, "Tekst *", "a second note form")
        tmux.send(pane, DRAFT, literal=True)
        wait_for(
            lambda: file_contains(workspace, DRAFT),
            "the unsaved text as the session's draft",
            show=lambda: tmux.screen(pane),
        )

        # Kill it hard: no chance to save or unlock on the way out.
        shell = int(tmux.pane_info(pane, "#{pane_pid}"))
        kill_descendants(shell)
        screen = lambda: tmux.screen(pane)  # noqa: E731
        assert wait_for_exit(first, "the killed process to be gone", screen) == 128 + 9
        assert NOTE in session_file.read_text(encoding="utf-8")
        assert session_file.with_suffix(".lock").exists()  # left behind; the kernel freed it

        resume = shell_command(second, FACILITATOR, "--workspace", str(workspace), "resume")
        pane = tmux("new-window", "-t", "e2e", "-P", "-F", "#{pane_id}", resume).strip()
        tmux.wait_for_text(pane, DRAFT, "the unsaved text back in its form")
        tmux.send(pane, "C-s")
        tmux.wait_for_text(pane, "Steg 1 av 10", "the resumed run screen")
        tmux.send(pane, "i")
        tmux.wait_for_text(pane, NOTE, "the note in the list of everything captured")
        tmux.wait_for_text(pane, DRAFT, "the saved draft in the list too")

        tmux.send(pane, "C-q")
        assert wait_for_exit(second, "the app to quit", lambda: tmux.screen(pane)) == 0
        assert session_files(workspace) == [session_file]
        text = session_file.read_text(encoding="utf-8")
        assert NOTE in text
        assert DRAFT in text
        assert "[draft]" not in text  # saved as a note, so no longer a draft
        assert not session_file.with_suffix(".lock").exists()  # released on quit
    finally:
        tmux.kill_server()
