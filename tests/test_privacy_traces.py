"""Nothing of a session is written anywhere but the workspace: no log, no cache,
no temp file. A workshop is run in-process (Textual's logging and devtools off,
as when installed) with a marker typed into a note, a draft and a measure, and
exported; HOME, TMPDIR and the XDG folders point at empty temp folders. Then
every file there, and every file in the system's temp folder changed since the
test began (in folders changed since), is searched for the marker."""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from pathlib import Path

from facilitator.timesource import FakeClock

from cli_helpers import run_cli
from tui_helpers import fill_form, make_app, run_screen_or_form, saved, type_text, wait_until

SYSTEM_TMP = Path(tempfile.gettempdir())


def _files(root: Path, since: float | None = None) -> list[Path]:
    """The files under `root`; with `since`, those changed since then, looking only
    into folders changed since then (a new file changes its folder)."""
    out = []
    for folder, dirs, names in os.walk(root):
        if since is not None:
            dirs[:] = [d for d in dirs if _changed_since(Path(folder) / d, since)]
        for name in names:
            path = Path(folder) / name
            try:
                st = path.lstat()
            except OSError:
                continue
            if path.is_symlink() or not path.is_file() or st.st_size > 50 * 1024 * 1024:
                continue
            if since is None or st.st_mtime >= since:
                out.append(path)
    return out


def _changed_since(path: Path, since: float) -> bool:
    try:
        return path.lstat().st_mtime >= since
    except OSError:
        return False


def _holding(paths: list[Path], marker: str) -> list[Path]:
    needles = [marker.encode("utf-8"), marker.encode("utf-16-le")]
    found = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if any(n in data for n in needles):
            found.append(path)
    return found


async def test_nothing_of_a_session_lands_outside_the_workspace(
    tmp_path: Path, clock: FakeClock, monkeypatch, capsys
):
    began = time.time() - 1
    marker = f"Hemmelig{uuid.uuid4().hex[:10]}"
    workspace, home, tmp = tmp_path / "ws", tmp_path / "home", tmp_path / "tmp"
    for folder in (workspace, home, tmp):
        folder.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(tmp))
    for name in ("XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name in ("TEXTUAL", "TEXTUAL_LOG", "FACILITATOR_DEBUG", "FACILITATOR_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    monkeypatch.chdir(workspace)

    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space", "n")
        await type_text(pilot, f"Notat {marker} æøå 🙂")
        await pilot.press("ctrl+s")
        await pilot.press("n")
        await type_text(pilot, f"Utkast {marker}")
        workshop = run_screen_or_form(app).workshop
        await wait_until(pilot, lambda: workshop.session.draft is not None, "the draft")
        await pilot.press("escape", "y")  # Esc asks before it throws the draft away
        await pilot.press("m")
        await fill_form(pilot, f"Tiltak {marker}")
        session = await saved(app, pilot)
        await pilot.press("ctrl+q")
    assert marker in session.notes[0].text
    assert marker in session.measures[0].what

    for audience in ("management", "group"):
        for fmt in ("md", "html", "csv", "json", "ics"):
            out = workspace / "exports" / f"{audience}.{fmt}"
            args = ("export", session.id, "--audience", audience, "-f", fmt, "-o", str(out))
            assert run_cli(capsys, *args).code == 0
    assert run_cli(capsys, "plan", "--audience", "group").code == 0
    assert run_cli(capsys, "sessions").code == 0

    assert _holding(_files(workspace), marker)  # it is in the workspace, so the search works
    leaks = _holding(_files(home) + _files(tmp), marker)
    assert leaks == [], f"session content outside the workspace: {leaks}"
    recent = [p for p in _files(SYSTEM_TMP, since=began) if tmp_path not in p.parents]
    leaks = _holding(recent, marker)
    assert leaks == [], f"session content in the system's temp folder: {leaks}"
