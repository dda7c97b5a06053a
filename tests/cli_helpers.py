"""What the command-line tests share: running `facilitator.cli.main` in-process,
a snapshot of a folder tree to prove that a command changed nothing, and good
files to break."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest

from facilitator import cli

from conftest import REPO

SAMPLE_SESSION = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
"""The sample session of the README: every kind of item, a follow-up, finished."""

SHORT_AGENDA = """\
schema_version = 1
id = "kort-innsjekk"
title = { nb = "Kort innsjekk", en = "Short check-in" }
description = { nb = "En halvtime med runde og avslutning.", en = "Half an hour." }
paragraphs = ["1", "2d"]

[[steps]]
id = "innsjekk"
kind = "round"
minutes = 10
title = { nb = "Innsjekk", en = "Check-in" }
captures = ["notes"]

[[steps.questions]]
nb = "Hvordan har du det i dag?"
en = "How are you today?"

[[steps]]
id = "avslutning"
minutes = 20
title = { nb = "Avslutning", en = "Closing" }
captures = ["measures", "next_meeting"]
"""
"""A valid agenda of two steps, the README's example."""


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """`facilitator ARGS` in this process: its exit code, stdout and stderr."""
    capsys.readouterr()  # what came before is not ours
    try:
        code = cli.main(list(args))
    except SystemExit as exc:  # argparse's own exits
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return Result(code, out, err)


def forbid_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `run` and `resume` fail the test where they would start the screen app,
    so that a command that should have refused cannot open a screen and hang."""

    def refuse(*args: object, **kwargs: object) -> int:
        raise AssertionError("the screen app would have opened")

    monkeypatch.setattr("facilitator.commands.tui._run", refuse)


FileState = tuple[int, int, int, bytes | str | None]
"""mode, size, mtime in ns, and the content (bytes of a file, target of a link)."""


def tree_state(*roots: Path) -> dict[str, FileState]:
    """Every file, folder and link under `roots` (links not followed): what it is,
    its size, when it changed and what it holds. Two equal states mean nothing
    was created, removed, written, touched or had its permissions changed."""
    state: dict[str, FileState] = {}
    for root in roots:
        for folder, dirs, files in os.walk(root, followlinks=False):
            for name in [*dirs, *files, ""]:
                path = Path(folder, name) if name else Path(folder)
                st = path.lstat()
                content: bytes | str | None = None
                if stat.S_ISLNK(st.st_mode):
                    content = str(path.readlink())
                elif stat.S_ISREG(st.st_mode):
                    content = path.read_bytes()
                state[str(path)] = (st.st_mode, st.st_size, st.st_mtime_ns, content)
    return state


def changes(before: dict[str, FileState], after: dict[str, FileState]) -> list[str]:
    """What differs between two `tree_state`s, one line a path."""
    out = [f"new: {p}" for p in sorted(after.keys() - before.keys())]
    out += [f"gone: {p}" for p in sorted(before.keys() - after.keys())]
    out += [f"changed: {p}" for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    return out
