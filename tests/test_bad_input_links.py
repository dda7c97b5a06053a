"""Symbolic links to elsewhere: files are read through a link, never written
through one.

- A session file that is a link (in sessions/, to a file in another folder) is
  read by every command. When the screen app saves it, the link is replaced by
  the workspace's own private file (the rename replaces the link, not its
  target): the file it pointed at, and its folder, are left exactly as they were.
- A lock file that is a link is refused in one line, and the file it points at is
  not written (the lock would write a pid and host name into it).
- An export asked to go through a link to a session file is refused.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from facilitator.session.store import SessionStore, dumps_session
from facilitator.timesource import FakeClock

from cli_helpers import SAMPLE_SESSION as SAMPLE
from cli_helpers import changes, forbid_screen, run_cli, tree_state
from tui_helpers import make_app, run_screen, saved


@pytest.fixture
def linked(tmp_path: Path, workspace: Path) -> tuple[Path, Path, Path]:
    """A workspace whose only session file is a link to a file in another folder:
    the workspace, the link and the file it points at."""
    ws = tmp_path / "ws"
    (ws / "sessions").mkdir(parents=True, mode=0o700)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    elsewhere.chmod(0o755)
    target = elsewhere / SAMPLE.name
    target.write_bytes(SAMPLE.read_bytes())
    target.chmod(0o644)
    link = ws / "sessions" / SAMPLE.name
    link.symlink_to(target)
    return ws, link, target


def test_commands_read_a_session_through_a_link(capsys, linked):
    ws, _, _ = linked
    before = tree_state(ws.parent)
    listed = run_cli(capsys, "--workspace", str(ws), "sessions")
    assert listed.code == 0 and "Ledergruppe Helse Øst" in listed.out
    exported = run_cli(capsys, "--workspace", str(ws), "export", "2026-03-02")
    assert exported.code == 0 and "Ledergruppe Helse Øst" in exported.out
    plan = run_cli(capsys, "--workspace", str(ws), "plan", "--as-of", "2026-03-25")
    assert plan.code == 0 and "Faste morgenmøter" in plan.out
    assert changes(before, tree_state(ws.parent)) == []


async def test_saving_replaces_the_link_and_leaves_its_target_alone(
    linked, clock: FakeClock, monkeypatch
):
    ws, link, target = linked
    monkeypatch.chdir(ws)
    session = SessionStore(ws).load(link)
    session.finished_at = None  # not finished, so that the app runs it
    target.write_text(dumps_session(session), encoding="utf-8")
    outside = tree_state(target.parent)

    app = make_app(ws, clock, mode="resume", session_path=link)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        run_screen(app)
        clock.advance(5)
        await pilot.press("space")  # start the timer: a change to save
        reopened = await saved(app, pilot)
    assert reopened.clocks[reopened.current_step].runs

    assert changes(outside, tree_state(target.parent)) == []  # not a byte, not a mode
    st = link.lstat()
    assert stat.S_ISREG(st.st_mode)  # the link is now the workspace's own file
    assert stat.S_IMODE(st.st_mode) == 0o600
    assert stat.S_IMODE((ws / "sessions").stat().st_mode) == 0o700


def test_a_lock_file_that_is_a_link_is_refused_and_not_written_through(
    capsys, tmp_path, monkeypatch
):
    forbid_screen(monkeypatch)
    ws = tmp_path / "ws"
    (ws / "sessions").mkdir(parents=True, mode=0o700)
    session_file = ws / "sessions" / SAMPLE.name
    data = SAMPLE.read_text(encoding="utf-8").replace(
        "finished_at = 2026-03-02 10:16:20+00:00\n", ""
    )
    session_file.write_text(data, encoding="utf-8")
    victim = tmp_path / "important.txt"
    victim.write_text("mine\n", encoding="utf-8")
    (ws / "sessions" / f"{session_file.stem}.lock").symlink_to(victim)
    before = tree_state(tmp_path)

    result = run_cli(capsys, "--workspace", str(ws), "--lang", "en", "resume", session_file.stem)
    assert result.code == 2
    (line,) = result.err_lines
    assert "symbolic link" in line and f"{session_file.stem}.lock" in line
    assert "Traceback" not in result.err
    assert changes(before, tree_state(tmp_path)) == []
    assert victim.read_text(encoding="utf-8") == "mine\n"


def test_an_export_through_a_link_to_a_session_file_is_refused(capsys, tmp_path):
    ws = tmp_path / "ws"
    (ws / "sessions").mkdir(parents=True, mode=0o700)
    session_file = ws / "sessions" / SAMPLE.name
    session_file.write_bytes(SAMPLE.read_bytes())
    (tmp_path / "out.md").symlink_to(session_file)
    before = tree_state(tmp_path)
    result = run_cli(
        capsys, "--workspace", str(ws), "export", "2026-03-02", "-o", str(tmp_path / "out.md")
    )
    assert result.code == 2 and len(result.err_lines) == 1
    assert changes(before, tree_state(tmp_path)) == []
    assert (tmp_path / "out.md").readlink() == session_file
