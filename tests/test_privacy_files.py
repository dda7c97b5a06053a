"""Session files are owner-only after every write, whatever the umask.

The write paths in facilitator/ (grep for open, write, replace, mkdir, chmod,
mkstemp): `atomic.write_atomic` (a temp file in the same folder, fchmod 0600,
then rename) under `SessionStore.create` / `save_dump` (a new session, every
autosave, the retry after a failed write, a session carrying measures over for
follow-up) and `report.files.write_export` (exports from the screen and the
command line); `atomic.ensure_private_dir` (sessions/, exports/); and the lock
file (`os.open(O_CREAT)` then fchmod). This test walks a workshop through all of
them with umask 0, the loosest there is, and checks the mode of everything in the
workspace after each: files 0600, folders 0700.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import facilitator.session.store as store_module
from facilitator.timesource import FakeClock

from cli_helpers import run_cli
from tui_helpers import make_app, run_screen, saved, wait_until

MARK = "Personopplysning-7Q"


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def assert_private(workspace: Path, when: str) -> list[Path]:
    """Every file below the workspace 0600, every folder 0700; the files found."""
    found = []
    for folder, dirs, files in os.walk(workspace):
        for name in dirs:
            mode = stat.S_IMODE((Path(folder) / name).stat().st_mode)
            assert mode == 0o700, f"{when}: {folder}/{name} is {mode:o}"
        for name in files:
            path = Path(folder) / name
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode == 0o600, f"{when}: {path} is {mode:o}"
            found.append(path)
    return found


async def test_every_write_path_leaves_owner_only_files_and_folders(
    workspace: Path, clock: FakeClock, monkeypatch, capsys, loose_umask
):
    real_write = store_module.write_atomic
    fail = {"next": False}

    def write_atomic(path, data, **kwargs):
        if fail["next"]:
            fail["next"] = False
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(path, data, **kwargs)

    monkeypatch.setattr(store_module, "write_atomic", write_atomic)
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        workshop = run_screen(app).workshop
        # created, and locked: the lock file is there while the session is open
        lock = app.session_path.with_suffix(".lock")
        assert lock in assert_private(workspace, "created")

        workshop.add_measure(MARK, owner="HMS", deadline=date(2026, 4, 1))  # autosave
        await saved(app, pilot)
        assert_private(workspace, "autosaved")

        fail["next"] = True  # the next write fails; the retry writes it
        clock.advance(60)
        await pilot.press("space")
        await wait_until(pilot, lambda: app.save_status and app.save_status.error, "a failure")
        app.autosaver.retry_now()
        await saved(app, pilot)
        assert_private(workspace, "saved after a failed write")

        await pilot.press("e")  # export from the screen, to exports/
        await pilot.press("ctrl+s", "y")
        await wait_until(pilot, lambda: (workspace / "exports").is_dir(), "the export")
        assert_private(workspace, "exported from the screen")
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    assert not lock.exists()

    # A new session of the same unit carries the open measure over for follow-up.
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        carried = run_screen(app).workshop.session.measures
        assert [m.what for m in carried] == [MARK]
        await saved(app, pilot)
        assert_private(workspace, "a follow-up session")
        second = app.session_path
        await pilot.press("ctrl+q")

    exports = workspace / "exports"
    for args in (
        ("export", second.stem, "--audience", "group", "-o", str(exports / "gruppe.html")),
        ("plan", "--format", "csv", "-o", str(exports / "plan.csv")),
    ):
        result = run_cli(capsys, "--workspace", str(workspace), *args)
        assert result.code == 0, result.err
    files = assert_private(workspace, "exported from the command line")
    names = sorted(p.name for p in files)
    assert len([n for n in names if n.endswith(".toml")]) == 2
    assert {"gruppe.html", "plan.csv"} <= set(names)
    assert [n for n in names if n.endswith("-ledelsen.md")]  # the one from the screen
    assert not [n for n in names if n.endswith((".tmp", ".lock"))]  # nothing left over
