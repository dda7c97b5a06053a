"""A few bad files given to the installed `facilitator` as a real process, as a
person would: the exit code, one line on stderr naming the file, no traceback,
no screen (nothing on stdout, not even the terminal codes that start one), and
no file changed. The generated cases run in-process (tests/test_bad_input.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cli_helpers import SAMPLE_SESSION, SHORT_AGENDA, changes, tree_state
from tmux_helpers import FACILITATOR

AGENDA = SHORT_AGENDA

pytestmark = pytest.mark.skipif(FACILITATOR is None, reason="facilitator is not installed")


def facilitator(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed command as a process of its own, with no terminal."""
    return subprocess.run(
        [FACILITATOR or "facilitator", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


def _session(text: str) -> bytes:
    return text.encode("utf-8")


SAMPLE_TEXT = SAMPLE_SESSION.read_text(encoding="utf-8")
CASES = {
    "agenda validate, cut short": ("agenda.toml", AGENDA[:-30].encode(), ["agenda", "validate"]),
    "agenda show, zero minutes": (
        "agenda.toml",
        AGENDA.replace("minutes = 10", "minutes = 0").encode(),
        ["agenda", "show"],
    ),
    "run --agenda, not UTF-8": (
        "agenda.toml",
        AGENDA.encode().replace(b"Half an hour.", b"Half an hour\xff."),
        ["run", "--agenda"],
    ),
    "export, cut short": ("s.toml", _session(SAMPLE_TEXT[: len(SAMPLE_TEXT) // 3]), ["export"]),
    "resume, control character": (
        "s.toml",
        _session(SAMPLE_TEXT.replace("Ledergruppe Helse Øst", "Ledergruppe\\u0007 Øst", 1)),
        ["resume"],
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_a_bad_file_is_one_line_and_exit_2_from_the_installed_command(tmp_path: Path, case):
    name, content, command = CASES[case]
    workspace = tmp_path / "ws"
    workspace.mkdir()
    path = workspace / name
    path.write_bytes(content)
    before = tree_state(tmp_path)
    done = facilitator("--workspace", str(workspace), *command, str(path))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""  # no screen was started
    lines = done.stderr.splitlines()
    assert lines and all(str(path) in line for line in lines), lines
    assert changes(before, tree_state(tmp_path)) == []


def test_sessions_lists_a_broken_file_in_one_line_and_the_rest(tmp_path: Path):
    workspace = tmp_path / "ws"
    (workspace / "sessions").mkdir(parents=True, mode=0o700)
    (workspace / "sessions" / "god.toml").write_bytes(SAMPLE_SESSION.read_bytes())
    broken = workspace / "sessions" / "brukket.toml"
    broken.write_bytes(SAMPLE_SESSION.read_bytes()[:5000])
    before = tree_state(tmp_path)
    done = facilitator("--workspace", str(workspace), "sessions")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "god.toml" in done.stdout
    (line,) = [x for x in done.stdout.splitlines() if str(broken) in x]
    assert line.startswith("! ")
    assert changes(before, tree_state(tmp_path)) == []
