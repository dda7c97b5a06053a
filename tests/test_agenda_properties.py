"""Property tests: any valid agenda survives TOML unchanged; anything else gives
clear problems, never a traceback, and never touches the file."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda.loader import dumps_agenda, load_agenda_file
from facilitator.agenda.model import Agenda, Capture, NoteKind, Phase, Role, Step, StepKind
from facilitator.law import Paragraph
from facilitator.localized import LocalizedText
from facilitator.tomlfile import FileProblem

from conftest import REPO

# Any printable text the model accepts: letters of many scripts, emoji, quotes,
# backslashes and line breaks, but no control characters or lone surrogates.
_chars = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t\"'\\æøåÆØÅ")
texts = st.text(_chars, min_size=1, max_size=60).map(str.strip).filter(bool)
slugs = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True)
localized = st.builds(LocalizedText, nb=texts, en=texts)
minutes = st.integers(min_value=1, max_value=120)


def phases(round_allowed: bool) -> st.SearchStrategy[list[Phase]]:
    phase = st.builds(
        Phase,
        id=slugs,
        title=localized,
        minutes=minutes,
        rule=st.none() | localized,
        speakers=st.sampled_from(Role),
        listeners=st.sampled_from(Role),
        round=st.booleans() if round_allowed else st.just(False),
        focus_back_turned=st.booleans(),
        note_kind=st.sampled_from(NoteKind),
        questions=st.lists(localized, max_size=2),
    )
    return st.lists(phase, max_size=4, unique_by=lambda p: p.id)


@st.composite
def steps(draw: st.DrawFn, step_id: str) -> Step:
    kind = draw(st.sampled_from(StepKind))
    ph = [] if kind is StepKind.ROUND else draw(phases(kind is StepKind.TIMED))
    total = sum(p.minutes for p in ph)
    fixed = draw(st.booleans()) or not ph
    time: dict[str, int | None] = {}
    if kind is StepKind.PER_PARTICIPANT:
        time["minutes_per_participant"] = (total or draw(minutes)) if fixed else None
    else:
        time["minutes"] = (total or draw(minutes)) if fixed else None
    return Step(
        id=step_id,
        kind=kind,
        title=draw(localized),
        purpose=draw(st.none() | localized),
        phases=ph,
        questions=draw(st.lists(localized, max_size=3)),
        process=draw(st.lists(localized, max_size=3)),
        content=draw(st.none() | localized),
        captures=draw(st.lists(st.sampled_from(Capture), unique=True, max_size=3)),
        paragraphs=draw(st.lists(st.sampled_from(Paragraph), unique=True, max_size=3)),
        **time,
    )


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    ids = draw(st.lists(slugs, min_size=1, max_size=6, unique=True))
    return Agenda(
        id=draw(slugs),
        title=draw(localized),
        description=draw(localized),
        theme=draw(st.none() | localized),
        paragraphs=draw(st.lists(st.sampled_from(Paragraph), unique=True, max_size=4)),
        follow_up=draw(st.sampled_from(["first", "before_closing", "none"])),
        steps=[draw(steps(i)) for i in ids],
    )


SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(agenda=agendas())
def test_generated_agendas_survive_a_toml_round_trip(tmp_path: Path, agenda: Agenda):
    path = tmp_path / "a.toml"
    path.write_text(dumps_agenda(agenda), encoding="utf-8")
    assert load_agenda_file(path) == agenda


def _check_clean_failure(path: Path) -> None:
    before = path.read_bytes()
    try:
        load_agenda_file(path, lang="en")
    except FileProblem as exc:
        assert exc.problems
        for line in exc.problems:
            assert line.startswith(str(path))
            assert "Traceback" not in line
    assert path.read_bytes() == before


DEFAULT_TEXT = (REPO / "agendas" / "kollegaveiledning.toml").read_bytes()


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=len(DEFAULT_TEXT) - 1))
def test_truncated_files_fail_cleanly(tmp_path: Path, cut: int):
    path = tmp_path / "cut.toml"
    path.write_bytes(DEFAULT_TEXT[:cut])
    _check_clean_failure(path)


@SETTINGS
@given(junk=st.binary(max_size=400))
def test_garbage_fails_cleanly(tmp_path: Path, junk: bytes):
    path = tmp_path / "junk.toml"
    path.write_bytes(junk)
    _check_clean_failure(path)


_wrong_values = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=5), st.integers(), max_size=2),
)


def _paths(node, prefix=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*prefix, i)
            yield from _paths(value, (*prefix, i))


DEFAULT_DATA = tomllib.loads(DEFAULT_TEXT.decode())
ALL_PATHS = list(_paths(DEFAULT_DATA))


@SETTINGS
@given(where=st.sampled_from(ALL_PATHS), value=_wrong_values)
def test_mistyped_fields_fail_cleanly(tmp_path: Path, where, value):
    data = copy.deepcopy(DEFAULT_DATA)
    node = data
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = value
    path = tmp_path / "typo.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    _check_clean_failure(path)
