"""Broken agenda and session files, generated: every command that reads one says
what is wrong in one line a problem, naming the file, exits with 2, shows no
traceback and changes no file.

The files are made from good ones (the built-in agenda, a short agenda, the
sample session) by one mutation each: cut short, a field of the wrong type, a
huge text, control characters, bytes that are not UTF-8, duplicate ids, zero or
negative minutes, 10,000 steps; and the path may be a symbolic link to a file in
another folder. Only files the loaders refuse are used (a mutation that happens
to leave a valid file is discarded), so each example is bad input by definition.

The commands run in this process (`facilitator.cli.main`), the screen app never
opens (`run` and `resume` stop where they would start it); a few representative
cases run the installed command as a real process (tests/test_bad_input_process.py).

`sessions` and `plan` read every file of the workspace: one broken file is one
line naming it, and the others are still listed (exit code 0), as the README says.
"""

from __future__ import annotations

import copy
import datetime as dt
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, Phase, assume, event, example, given, settings
from hypothesis import strategies as st

from facilitator.agenda.loader import load_agenda_file
from facilitator.agenda.registry import builtin_dir
from facilitator.session.store import END_LINE, SessionStore
from facilitator.tomlfile import FileProblem

from cli_helpers import (
    SAMPLE_SESSION,
    SHORT_AGENDA,
    Result,
    changes,
    forbid_screen,
    run_cli,
    tree_state,
)
from strategies import REJECTED_CHARS

DEFAULT_AGENDA = builtin_dir() / "kollegaveiledning.toml"

# In-process calls take tens of milliseconds (a 10,000-step file a second or so):
# a deadline well above that catches a command that hangs or goes quadratic
# without failing on a slow machine.
BAD_INPUT = settings(
    max_examples=100,
    deadline=dt.timedelta(seconds=10),
    # no explain phase: it reruns a failure dozens of times over megabytes of input
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,  # capsys is read before every call
    ],
)


@pytest.fixture(autouse=True)
def no_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """`run` and `resume` must refuse a bad file before the screen app starts."""
    forbid_screen(monkeypatch)
    monkeypatch.delenv("FACILITATOR_WORKSPACE", raising=False)
    monkeypatch.delenv("FACILITATOR_LANG", raising=False)


# --- making bad files ---------------------------------------------------------------

WRONG_VALUES: list[Any] = [
    123,
    -1,
    0,
    1.5,
    True,
    "tekst [/b] æøå",
    "",
    [],
    [1, "to"],
    {},
    {"x": 1},
    dt.date(2026, 3, 2),
    dt.datetime(2026, 3, 2, 8, 0),  # no time zone
]


def _walk(node: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """Every key path in parsed TOML (into tables and lists)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _walk(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*prefix, i)
            yield from _walk(value, (*prefix, i))


def _get(node: Any, path: tuple) -> Any:
    for part in path:
        node = node[part]
    return node


def _set(node: Any, path: tuple, value: Any) -> None:
    _get(node, path[:-1])[path[-1]] = value


def _strings(node: Any) -> list[tuple]:
    return [p for p in _walk(node) if isinstance(_get(node, p), str)]


def _steps(data: dict) -> list[dict]:
    return data["agenda"]["steps"] if "agenda" in data else data["steps"]


def _dump(data: dict, session: bool) -> bytes:
    text = tomli_w.dumps(data)
    return (f"{text}\n{END_LINE}\n" if session else text).encode("utf-8")


class Case:
    """A bad file: how it was made, what it holds, and where it is. (Not a dataclass:
    Hypothesis would print every field in full, and the content runs to megabytes.)"""

    def __init__(
        self, kind: str, content: bytes, linked: bool = False, in_sessions: bool = True
    ) -> None:
        self.kind = kind
        self.content = content
        self.linked = linked
        """The path given is a symbolic link to the file in another folder."""
        self.in_sessions = in_sessions
        """The file is in the workspace's sessions/ folder (else beside it)."""

    def __repr__(self) -> str:
        # The content runs to megabytes: its start and end are enough to go on.
        head, tail = self.content[:300], self.content[-100:]
        where = f"linked={self.linked}, in_sessions={self.in_sessions}"
        return f"Case({self.kind!r}, {len(self.content)} bytes, {where}, {head!r} … {tail!r})"


@st.composite
def mutated(draw: st.DrawFn, base: bytes, session: bool) -> tuple[str, bytes]:
    """One mutation of `base`: its name and the new content."""
    import tomllib

    data = tomllib.loads(base.decode("utf-8"))
    kind = draw(
        st.sampled_from(
            [
                "truncated",
                "wrong_type",
                "huge_text",
                "huge_file",
                "control_chars",
                "raw_control_byte",
                "invalid_utf8",
                "duplicate_ids",
                "minutes",
                "many_steps",
                "empty",
                "garbage",
            ]
        )
    )
    data = copy.deepcopy(data)
    if kind == "truncated":
        return kind, base[: draw(st.integers(0, len(base) - 1))]
    if kind == "wrong_type":
        path = draw(st.sampled_from(list(_walk(data))))
        old = _get(data, path)
        value = draw(st.sampled_from([v for v in WRONG_VALUES if type(v) is not type(old)]))
        _set(data, path, value)
    elif kind == "huge_text":
        # Ids too: a problem names its entry by id, cut short (test_bad_input_found.py).
        path = draw(st.sampled_from(list(_strings(data))))
        _set(data, path, "å" * draw(st.integers(10_001, 300_000)))
    elif kind == "huge_file":
        return kind, base + b"# " + b"x" * (5 * 1024 * 1024) + b"\n"
    elif kind == "control_chars":
        # Ids too: a problem shows an id's control characters as escapes.
        path = draw(st.sampled_from(list(_strings(data))))
        char = draw(st.sampled_from(REJECTED_CHARS))
        _set(data, path, f"{_get(data, path)}{char}slutt")
    elif kind == "raw_control_byte":
        at = draw(st.integers(0, len(base)))
        byte = bytes([draw(st.sampled_from([*range(0x00, 0x09), 0x0B, 0x0C, 0x0E, 0x1F, 0x7F]))])
        return kind, base[:at] + byte + base[at:]
    elif kind == "invalid_utf8":
        at = draw(st.integers(0, len(base)))
        junk = draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\x80"]))
        return kind, base[:at] + junk + base[at:]
    elif kind == "duplicate_ids":
        steps = _steps(data)
        i = draw(st.integers(0, len(steps) - 1))
        steps.insert(draw(st.integers(0, len(steps))), copy.deepcopy(steps[i]))
        if session and draw(st.booleans()):
            people = data["participants"]
            people.append(copy.deepcopy(people[draw(st.integers(0, len(people) - 1))]))
            steps.remove(steps[i])  # only the participants, this time
    elif kind == "minutes":
        steps = _steps(data)
        step = steps[draw(st.integers(0, len(steps) - 1))]
        value = draw(st.sampled_from([0, -1, -10, -(10**9)]))
        phases = step.get("phases")
        if phases and draw(st.booleans()):
            phases[draw(st.integers(0, len(phases) - 1))]["minutes"] = value
        elif "minutes_per_participant" in step:
            step["minutes_per_participant"] = value
        else:
            step["minutes"] = value
    elif kind == "many_steps":
        steps = _steps(data)
        template = copy.deepcopy(steps[-1])
        for n in range(10_000 - len(steps)):
            steps.append({**template, "id": f"steg-{n}"})
        if session:
            data.pop("clocks", None)  # keep the file under 5 MB: the steps are the point
    elif kind == "empty":
        return kind, draw(st.sampled_from([b"", b"\n", b"   \n\n", b"\xef\xbb\xbf"]))
    elif kind == "garbage":
        return kind, draw(st.binary(min_size=1, max_size=300))
    return kind, _dump(data, session)


def agenda_refused(path: Path) -> bool:
    try:
        load_agenda_file(path, None, "nb")
    except FileProblem:
        return True
    return False


def session_refused(path: Path) -> bool:
    try:
        SessionStore(path.parent.parent).load(path)
    except FileProblem:
        return True
    return False


@contextmanager
def scene(case: Case, name: str) -> Iterator[tuple[Path, Path]]:
    """A workspace and the bad file: the workspace, and the path to give the command
    (a symbolic link to a file in a folder outside the workspace when `case.linked`)."""
    content, linked, in_sessions = case.content, case.linked, case.in_sessions
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace = root / "ws"
        (workspace / "sessions").mkdir(parents=True, mode=0o700)
        folder = workspace / "sessions" if in_sessions else workspace
        real = folder / name
        if linked:
            elsewhere = root / "elsewhere"
            elsewhere.mkdir()
            real = elsewhere / name
            (folder / name).symlink_to(real)
        real.write_bytes(content)
        yield workspace, folder / name


def assert_refused(result: Result, path: Path) -> None:
    text = result.out + result.err
    assert "Traceback" not in text
    assert result.code == 2, (result.code, result.err[-2000:])
    assert result.err_lines, "no message"
    for line in result.err_lines:
        assert str(path) in line, f"a line that does not name the file: {line!r}"
        assert len(line) < 600 + len(str(path)), f"a line that echoes too much: {line[:200]!r}…"


def check_commands(workspace: Path, path: Path, commands: list[tuple[str, ...]], capsys) -> None:
    before = tree_state(workspace.parent)
    for args in commands:
        result = run_cli(capsys, "--workspace", str(workspace), *args)
        assert_refused(result, path)
    assert changes(before, tree_state(workspace.parent)) == []


# --- agendas ------------------------------------------------------------------------

AGENDA_BASES = [SHORT_AGENDA.encode("utf-8"), DEFAULT_AGENDA.read_bytes()]


@st.composite
def bad_agendas(draw: st.DrawFn) -> Case:
    base = draw(st.sampled_from(AGENDA_BASES))
    kind, content = draw(mutated(base, session=False))
    return Case(kind, content, linked=draw(st.booleans()), in_sessions=False)


def _short(old: str, new: str) -> bytes:
    return SHORT_AGENDA.replace(old, new).encode("utf-8")


@BAD_INPUT
@given(bad_agendas())
@example(Case("wrong_type", _short("minutes = 10", "minutes = []"), in_sessions=False))
@example(Case("minutes", _short("minutes = 10", "minutes = 0"), linked=True, in_sessions=False))
@example(Case("minutes", _short("minutes = 10", "minutes = -5"), in_sessions=False))
def test_a_bad_agenda_file_is_refused_by_every_command_that_reads_it(capsys, case: Case):
    with scene(case, "agenda.toml") as (workspace, path):
        assume(agenda_refused(path))  # else the mutation left a valid agenda
        event(case.kind)
        commands = [
            ("agenda", "validate", str(path)),
            ("agenda", "show", str(path)),
            ("run", "--agenda", str(path)),
        ]
        check_commands(workspace, path, commands, capsys)


# --- sessions -----------------------------------------------------------------------

SESSION_BASE = SAMPLE_SESSION.read_bytes()


@st.composite
def bad_sessions(draw: st.DrawFn) -> Case:
    kind, content = draw(mutated(SESSION_BASE, session=True))
    return Case(kind, content, linked=draw(st.booleans()), in_sessions=draw(st.booleans()))


@BAD_INPUT
@given(bad_sessions())
@example(Case("truncated", SESSION_BASE[: len(SESSION_BASE) // 2]))
def test_a_bad_session_file_is_refused_by_export_and_resume(capsys, case: Case):
    with scene(case, "2026-03-02-broken.toml") as (workspace, path):
        assume(session_refused(path))  # else still a valid session
        event(case.kind)
        commands = [
            ("export", str(path)),
            ("export", str(path), "--audience", "group", "--format", "json"),
            ("resume", str(path)),
        ]
        if case.in_sessions:
            commands.append(("resume", path.stem))  # by id
        check_commands(workspace, path, commands, capsys)


@BAD_INPUT
@given(bad_sessions())
def test_a_bad_session_file_is_one_line_in_sessions_and_plan(capsys, case: Case):
    case = Case(case.kind, case.content, case.linked, in_sessions=True)
    with scene(case, "2026-03-02-broken.toml") as (workspace, path):
        assume(session_refused(path))
        event(case.kind)
        (workspace / "sessions" / "god.toml").write_bytes(SESSION_BASE)
        before = tree_state(workspace.parent)

        listed = run_cli(capsys, "--workspace", str(workspace), "sessions")
        assert "Traceback" not in listed.out + listed.err
        assert listed.code == 0, listed.err
        assert "god.toml" in listed.out  # the good one is still listed
        problems = [line for line in listed.out.splitlines() if line.startswith("! ")]
        assert len(problems) == 1, listed.out
        assert str(path) in problems[0]

        plan = run_cli(capsys, "--workspace", str(workspace), "plan", "--as-of", "2026-03-25")
        assert "Traceback" not in plan.out + plan.err
        assert plan.code == 0, plan.err
        assert "Faste morgenmøter" in plan.out  # the good one's measure
        # The plan reads only the measures: a file broken elsewhere may pass, but
        # whatever it says of one is one line naming it.
        for line in plan.err_lines:
            assert str(path) in line, line
        assert changes(before, tree_state(workspace.parent)) == []
