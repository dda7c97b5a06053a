"""Two processes on one session, as real processes: the second is refused in one
line naming the holder (exit code 1, no screen), and a lock left by a process
killed with SIGKILL is taken over by the next `facilitator resume`."""

from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

import pytest

from tmux_helpers import (
    FACILITATOR,
    NEEDS_TERMINAL,
    Tmux,
    facilitator_command,
    kill_descendants,
    process_tree,
    run_command,
    session_files,
    wait_for,
    wait_for_exit,
)

pytestmark = [pytest.mark.e2e, *NEEDS_TERMINAL]


def resume(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`facilitator resume` as a second process, not in a terminal."""
    return subprocess.run(
        [FACILITATOR or "facilitator", "--workspace", str(workspace), "resume", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


def holder_pid(lock: Path) -> int | None:
    try:
        return tomllib.loads(lock.read_text(encoding="utf-8")).get("pid")
    except (OSError, tomllib.TOMLDecodeError):
        return None


def assert_refused(done: subprocess.CompletedProcess[str], pid: int, words: str) -> None:
    assert done.returncode == 1, (done.returncode, done.stderr)
    assert done.stdout == ""  # no screen was opened, not even for a moment
    (line,) = done.stderr.splitlines()
    assert line.startswith("facilitator: ")
    assert words in line
    assert f"pid {pid} " in line
    assert "Traceback" not in done.stderr


def test_a_second_process_is_refused_and_a_killed_holders_lock_is_taken_over(tmp_path: Path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    tmux = Tmux(tmp_path)
    try:
        first, third = tmp_path / "first.status", tmp_path / "third.status"
        pane = tmux.new_session("lock", run_command(first, workspace, "Låst"))
        tmux.wait_for_text(pane, "Steg 1 av 10", "the first step")
        (path,) = session_files(workspace)
        lock = path.with_suffix(".lock")
        shell = int(tmux.pane_info(pane, "#{pane_pid}"))
        (holder,) = process_tree(shell)[1:]
        assert holder_pid(lock) == holder
        content = path.read_bytes()

        # A second process, by id, by the start of the id, the latest, and in English.
        words = "er åpen i en annen facilitator-prosess"
        assert_refused(resume(workspace, path.stem), holder, words)
        assert_refused(resume(workspace, path.stem[:12]), holder, words)
        assert_refused(resume(workspace), holder, words)
        english = resume(workspace, "--lang", "en", str(path))
        assert_refused(english, holder, "is open in another facilitator process")
        assert path.read_bytes() == content
        assert holder_pid(lock) == holder

        # The holder is killed: no chance to unlock. The lock file stays behind.
        kill_descendants(shell)
        assert wait_for_exit(first, "the holder to die", lambda: tmux.screen(pane)) == 128 + 9
        assert holder_pid(lock) == holder

        pane = tmux.new_window("lock", facilitator_command(third, workspace, "resume"))
        tmux.wait_for_text(pane, "Steg 1 av 10", "the session taken over")
        (taker,) = process_tree(int(tmux.pane_info(pane, "#{pane_pid}")))[1:]
        wait_for(lambda: holder_pid(lock) == taker, "the lock to name the new holder")
        assert_refused(resume(workspace, path.stem), taker, words)

        tmux.send(pane, "C-q")
        assert wait_for_exit(third, "the app to quit", lambda: tmux.screen(pane)) == 0
        assert not lock.exists()
        done = resume(workspace, "--lang", "en", "no-such-session")
        assert done.returncode == 2 and len(done.stderr.splitlines()) == 1
    finally:
        tmux.kill_server()
