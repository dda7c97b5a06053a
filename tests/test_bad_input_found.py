"""Bad input the fault and bad-input work found handled badly, each fixed since:
a link to a device, ids that break a problem line, two items with one id, a
session outside the workspace, a title that looks like markup, a lock taken in
the instant before the screen's own. Kept so that none comes back."""

from __future__ import annotations

import resource
import subprocess
import sys

import pytest

from facilitator.session.autosave import AutoSaver
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock

from cli_helpers import SAMPLE_SESSION, SHORT_AGENDA, forbid_screen, run_cli
from tui_helpers import WAIT_SECONDS, make_app

SAMPLE = SAMPLE_SESSION
MARKUP_AGENDA = SHORT_AGENDA.replace('"Kort innsjekk"', '"Kort [/b] innsjekk"').replace(
    '"Innsjekk"', '"Innsjekk [/i]"'
)


@pytest.fixture(autouse=True)
def no_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    forbid_screen(monkeypatch)


@pytest.mark.parametrize("command", [("agenda", "show", "agendas/kort.toml"), ("agenda", "list")])
def test_an_agenda_title_with_brackets_is_shown_as_written(capsys, tmp_path, monkeypatch, command):
    (tmp_path / "agendas").mkdir()
    (tmp_path / "agendas" / "kort.toml").write_text(MARKUP_AGENDA, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli(capsys, "--workspace", str(tmp_path), *command)
    assert result.code == 0, result.err
    assert "[/" in result.out  # the title or a step title, as written


def test_a_huge_id_is_not_echoed_in_full(capsys, tmp_path):
    path = tmp_path / "agenda.toml"
    path.write_text(SHORT_AGENDA.replace('id = "innsjekk"', f'id = "{"å" * 10_000}"'), "utf-8")
    result = run_cli(capsys, "agenda", "validate", str(path))
    assert result.code == 2
    assert all(len(line) < 600 for line in result.err_lines), [len(x) for x in result.err_lines]


# TOML escapes in the file: the parsed id holds the control character itself.
@pytest.mark.parametrize("char", ["\\u000b", "\\u000c", "\\u001b[2J", "\\u0085"])
def test_a_control_character_in_an_id_is_not_echoed_raw(capsys, tmp_path, char):
    path = tmp_path / "agenda.toml"
    path.write_text(SHORT_AGENDA.replace('id = "innsjekk"', f'id = "inn{char}sjekk"'), "utf-8")
    for command in (("agenda", "validate"), ("agenda", "show")):
        result = run_cli(capsys, *command, str(path))
        assert result.code == 2
        assert all(str(path) in line for line in result.err.splitlines()), result.err
        assert not [c for c in result.err if c != "\n" and (ord(c) < 32 or 0x7F <= ord(c) < 0xA0)]


def test_two_items_with_one_id_are_refused(capsys, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    first = text.index("[[measures]]")
    second = text.index("[[measures]]", first + 1)
    copy = text[first:second].replace('what = "', 'what = "En annen: ', 1)
    (tmp_path / "sessions").mkdir(mode=0o700)
    path = tmp_path / "sessions" / SAMPLE.name
    path.write_text(text[:second] + copy + text[second:], encoding="utf-8")
    result = run_cli(capsys, "export", str(path))
    assert result.code == 2, "a session with two measures of one id was exported"


def test_a_link_to_a_device_is_refused_as_not_a_file(tmp_path):
    link = tmp_path / "agenda.toml"
    link.symlink_to("/dev/zero")

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (600 * 1024 * 1024, 600 * 1024 * 1024))

    done = subprocess.run(
        [sys.executable, "-m", "facilitator", "agenda", "validate", str(link)],
        capture_output=True,
        text=True,
        preexec_fn=limit_memory,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert str(link) in done.stderr


def test_saving_a_session_outside_the_workspace_leaves_its_folder_alone(tmp_path):
    ws, documents = tmp_path / "ws", tmp_path / "documents"
    ws.mkdir()
    documents.mkdir()
    documents.chmod(0o755)
    path = documents / SAMPLE.name
    path.write_bytes(SAMPLE.read_bytes())
    store = SessionStore(ws)
    session = store.load(path)
    saver = AutoSaver(store, path)  # as the screen app saves a resumed file
    saver.submit(session.model_dump(mode="python", exclude_none=True))
    assert saver.close(timeout=WAIT_SECONDS)
    assert (documents.stat().st_mode & 0o777) == 0o755


async def test_the_screen_app_exits_non_zero_when_its_session_is_locked(
    workspace, clock: FakeClock
):
    store = SessionStore(workspace)
    (workspace / "sessions").mkdir(mode=0o700)
    path = workspace / "sessions" / SAMPLE.name
    path.write_bytes(SAMPLE.read_bytes())
    other = store.lock(store.load(path)).acquire()
    try:
        app = make_app(workspace, clock, mode="resume", session_path=path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
        assert app.return_code == 1
    finally:
        other.release()
