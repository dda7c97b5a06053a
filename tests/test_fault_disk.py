"""A disk that refuses writes while the app runs, made so by the kernel rather than
by a monkeypatch (tests/test_tui_flow.py has that one): the top bar says so, the
workshop goes on, nothing typed is lost, and saving resumes by itself once the
disk allows it.

Which ones run depends on who runs them:

- as an ordinary user: the sessions folder made read-only with chmod 0500 while
  the app runs (EACCES). Root ignores permission bits, so as root it is skipped;
- as root (CI here), or wherever mounting is allowed: the sessions folder is a
  small tmpfs, remounted read-only (EROFS) or filled to the last byte (ENOSPC).
  Linux refuses to remount read-only a filesystem with a file open for writing,
  and the app holds its lock file open: the lock file is therefore bind-mounted
  from outside, so that the remount is allowed; the session file itself is on
  the read-only filesystem. Skipped where mount is not permitted.
"""

from __future__ import annotations

import contextlib
import os
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from facilitator.session.model import new_session
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock

from tui_helpers import (
    NAMES,
    fill_form,
    make_app,
    paste_text,
    run_screen,
    run_screen_or_form,
    saved,
    screen_text,
    wait_until,
    widget_text,
)

RETRY_WAIT = 15.0
"""Seconds to wait for the autosaver's own retry (it tries every 2 s)."""


def _sh(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=30, check=False)


def _can_mount() -> bool:
    if os.name != "posix" or os.geteuid() != 0:
        return False
    probe = Path(os.environ.get("TMPDIR", "/tmp"))
    try:
        with _tmpfs(probe / f"facilitator-mount-probe-{os.getpid()}", "64k"):
            return True
    except OSError:
        return False


@contextlib.contextmanager
def _tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    done = _sh("mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where))
    if done.returncode != 0:
        with contextlib.suppress(OSError):
            where.rmdir()
        raise OSError(done.stderr.strip())
    try:
        yield where
    finally:
        # Whatever happened, leave no mount behind (lazily, if something still holds it).
        for mount in reversed(_mounts_under(where)):
            _sh("umount", "-l", mount)
        with contextlib.suppress(OSError):
            where.rmdir()


def _mounts_under(where: Path) -> list[str]:
    text = Path("/proc/mounts").read_text(encoding="utf-8")
    points = [line.split()[1] for line in text.splitlines()]
    return [p for p in points if p == str(where) or p.startswith(f"{where}/")]


MOUNTS = _can_mount()
needs_mount = pytest.mark.skipif(
    not MOUNTS, reason="mounting a tmpfs needs root (or CAP_SYS_ADMIN); not allowed here"
)


async def _refused_then_allowed(
    workspace: Path,
    clock: FakeClock,
    refuse: Callable[[], None],
    allow: Callable[[], None],
    because: str,
    **launch: object,
) -> None:
    """Run a workshop; `refuse` the writes, go on working, `allow` them again."""
    app = make_app(workspace, clock, **launch)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        screen = run_screen(app)
        status = screen.query_one("#save-status", Static)
        await pilot.press("space")
        await pilot.press("n")
        await fill_form(pilot, "Før feilen: lagret som vanlig")
        await saved(app, pilot)
        path = app.session_path
        assert path is not None
        on_disk = path.read_bytes()

        refuse()
        clock.advance(30)
        await pilot.press("space")  # pause the timer: a change that cannot be saved
        await wait_until(pilot, lambda: status.has_class("-error"), "the save warning")
        assert "KUNNE IKKE LAGRE" in screen_text(app)
        assert because in widget_text(app, "#save-status")
        assert app.is_running

        # The workshop goes on, in memory.
        await pilot.press("n")
        await fill_form(pilot, "Under feilen: skrevet mens disken sa nei")
        clock.advance(10)
        await pilot.press("pagedown", "space")
        await pilot.press("n")
        await paste_text(pilot, "Halvskrevet under feilen")
        workshop = run_screen_or_form(app).workshop
        await wait_until(pilot, lambda: workshop.session.draft is not None, "the draft")
        assert not app.autosaver.flush(timeout=0.1)
        assert path.read_bytes() == on_disk  # the last good file, whole and untouched
        assert list(path.parent.glob(".*.tmp")) == []  # no half-written temp file

        allow()  # no retry_now(): the autosaver tries again by itself
        await wait_until(
            pilot, lambda: app.save_status and not app.save_status.error, "saving", RETRY_WAIT
        )
        assert app.autosaver.flush(timeout=RETRY_WAIT)
        session = await saved(app, pilot)
        assert [n.text for n in session.notes] == [
            "Før feilen: lagret som vanlig",
            "Under feilen: skrevet mens disken sa nei",
        ]
        assert session.draft is not None
        assert session.draft.values["text"] == "Halvskrevet under feilen"
        assert session.current_step == workshop.steps[1].id
        assert session.clocks[workshop.steps[0].id].runs[-1].end is not None
        assert session.clocks[workshop.steps[1].id].runs[-1].end is None  # still running
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert list(path.parent.glob(".*.tmp")) == []
        await pilot.press("escape")
        await wait_until(pilot, lambda: not status.has_class("-error"), "the warning to go")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes whatever the permission bits say")
async def test_a_read_only_sessions_folder(workspace: Path, clock: FakeClock):
    folder = workspace / "sessions"
    try:
        await _refused_then_allowed(
            workspace,
            clock,
            lambda: folder.chmod(0o500),
            lambda: folder.chmod(0o700),
            "Permission denied",
        )
    finally:
        folder.chmod(0o700)


@needs_mount
async def test_a_filesystem_remounted_read_only(workspace: Path, clock: FakeClock):
    folder = workspace / "sessions"
    with _tmpfs(folder, "4m"):
        store = SessionStore(workspace)
        session = new_session("Skrivebeskyttet", _agenda(workspace), clock.now(), list(NAMES))
        path = store.create(session)
        lock = store.path_for(session.id).with_suffix(".lock")
        outside = workspace / "lock-outside"
        outside.touch()
        lock.touch()
        assert _sh("mount", "--bind", str(outside), str(lock)).returncode == 0

        def remount(mode: str) -> Callable[[], None]:
            def run() -> None:
                done = _sh("mount", "-o", f"remount,{mode}", str(folder))
                assert done.returncode == 0, done.stderr

            return run

        await _refused_then_allowed(
            workspace,
            clock,
            remount("ro"),
            remount("rw"),
            "Read-only file system",
            mode="resume",
            session_path=path,
        )


@needs_mount
async def test_a_full_disk(workspace: Path, clock: FakeClock):
    folder = workspace / "sessions"
    with _tmpfs(folder, "1m"):
        filler = folder / "fyll"

        def fill() -> None:
            with contextlib.suppress(OSError), filler.open("wb", buffering=0) as out:
                while True:  # until the disk is full
                    out.write(b"\0" * 4096)

        await _refused_then_allowed(
            workspace, clock, fill, filler.unlink, "No space left on device"
        )


def _agenda(workspace: Path):
    from facilitator.agenda.registry import load_agenda

    return load_agenda("kollegaveiledning", workspace)
