"""The evidence pack and the reading of what units share (issue 15).

Management exports are read from folders (sub-folders too), and nothing else:
no session file is ever opened there; a damaged, foreign or group file is one
line; the same session exported twice counts once (the newest); versions 1 and
2 of the JSON are read; measures followed up in later sessions are merged by
(origin, id), newest copy first; the period and the unit filter what is shown,
and overdue is judged as of the period's end. The workspace is a source too,
giving the same pack. And the pack, in every format, is the same whether or not
the sessions' group-only items exist (a hypothesis property).
"""

from __future__ import annotations

import builtins
import hashlib
import io
import json
import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from evidence_year import write_exports, year_of_sessions
from hypothesis import given
from test_management_invariance import (
    GROUP_COPY_HIDES_SHARED_MEASURE,
    SETTINGS,
    Others,
    World,
    _cells,
    replaced,
    stripped,
    worlds,
)

from facilitator.report.action_plan import workspace_plan
from facilitator.report.build import build_summary
from facilitator.report.evidence import build_pack, render_pack_json
from facilitator.report.evidence_layout import evidence_document
from facilitator.report.html_page import render_html
from facilitator.report.json_export import render_json
from facilitator.report.markdown import render_markdown
from facilitator.report.model import Audience
from facilitator.report.plan_layout import plan_document
from facilitator.report.shared_exports import (
    read_folders,
    read_workspace_shared,
    shared_plan,
)
from facilitator.session.model import Session
from facilitator.session.refs import public_ref
from facilitator.session.store import SessionStore

from cli_helpers import SAMPLE_SESSION

START, END = date(2026, 1, 1), date(2026, 12, 31)
TODAY = date(2027, 1, 15)
STAMP = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def year() -> list[Session]:
    return year_of_sessions()


def _export(session: Session) -> dict[str, Any]:
    return json.loads(render_json(build_summary(session, Audience.MANAGEMENT)))


def _write(path: Path, data: dict[str, Any] | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return path


def as_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """A version 2 export as the previous release wrote it: without the keys that
    came with version 2, and with the dilemma themes counted over every dilemma
    (here: a harassment theme the shared dilemmas do not have)."""
    out = {k: v for k, v in data.items() if k not in _V2_KEYS}
    out["schema_version"] = 1
    for key in ("measures", "followed_up"):
        out[key] = [
            {
                **{k: v for k, v in m.items() if k not in ("agreed_on", "origin_ref")},
                "follow_ups": [
                    {k: v for k, v in f.items() if k not in ("worked", "enough")}
                    for f in m["follow_ups"]
                ],
            }
            for m in data[key]
        ]
    out["dilemma_themes"] = [
        {"factor": {"paragraph": "5", "label": "§ 4-3 femte ledd"}, "count": 3}
    ]
    return out


_V2_KEYS = (
    "names_policy",
    "time_zone",
    "agenda_theme",
    "agenda_paragraphs",
    "finished_at",
    "roles_present",
)


# --- reading the shared folder ---------------------------------------------------


def test_only_management_exports_are_read_and_every_other_file_is_one_line(tmp_path, year):
    shared = tmp_path / "shared"
    write_exports(shared, year[:3])
    _write(shared / "x" / "foreign.json", {"format": "something-else"})
    _write(shared / "x" / "broken.json", '{"format": "facilitator-summary", ')
    group = _export(year[0]) | {"audience": "group"}
    _write(shared / "x" / "gruppen.json", group)
    _write(shared / "x" / "newer.json", _export(year[1]) | {"schema_version": 3})
    _write(
        shared / "x" / "missing.json", {k: v for k, v in _export(year[2]).items() if k != "date"}
    )
    _write(shared / "x" / "notes.txt", "not json, not read")
    read = read_folders([shared], "en")
    assert [s.summary.session_id for s in read.sessions] == [public_ref(s.id) for s in year[:3]]
    reasons = {Path(line.split(": ", 1)[0]).name: line.split(": ", 1)[1] for line in read.skipped}
    assert reasons == {
        "foreign.json": "not a management summary from facilitator",
        "broken.json": "not valid JSON",
        "gruppen.json": "a group's own record, which must not be shared; not read "
        "(take it out of the shared folder)",
        "newer.json": "from a newer version of facilitator (schema version 3); update facilitator",
        "missing.json": "a management summary with wrong or missing fields",
    }
    assert all("\n" not in line for line in read.skipped)


def test_a_session_file_in_the_shared_folder_is_never_opened(tmp_path, year, monkeypatch):
    """Every way Python opens a file is watched while the folder is read: none of
    them is ever given a `.toml`, though one lies next to the exports (and one
    named like an export is read as JSON and skipped, not parsed as a session)."""
    shared = tmp_path / "shared"
    write_exports(shared, year[:2])
    store = SessionStore(tmp_path / "ws")
    store.save(year[0])
    (shared / "hjemmetjenesten" / "økta.toml").write_bytes(store.path_for(year[0].id).read_bytes())
    opened: list[str] = []

    def watch(real: Any) -> Any:
        def opener(file: Any, *args: Any, **kwargs: Any) -> Any:
            opened.append(os.fspath(file) if not isinstance(file, int) else str(file))
            return real(file, *args, **kwargs)

        return opener

    monkeypatch.setattr(io, "open", watch(io.open))
    monkeypatch.setattr(builtins, "open", watch(builtins.open))
    monkeypatch.setattr(os, "open", watch(os.open))
    read = read_folders([shared], "nb")
    assert len(read.sessions) == 2 and not read.skipped
    assert opened, "the watch saw nothing: it does not watch what the reader uses"
    assert not [p for p in opened if p.endswith(".toml")]


def test_the_same_session_exported_twice_counts_once_the_newest(tmp_path, year):
    session = year[0]
    finished = _export(session)
    draft = finished | {"state": "running", "finished_at": None, "title": "Utkast"}
    later = finished | {"finished_at": "2026-01-12T12:00:00Z", "title": "Senere"}
    shared = tmp_path / "shared"
    # A draft written after the finished export: the finished one still wins.
    _write(shared / "a" / "1.json", finished)
    _write(shared / "b" / "2.json", draft)
    os.utime(shared / "b" / "2.json", (2e9, 2e9))
    read = read_folders([shared], "nb")
    assert [s.summary.title for s in read.sessions] == [finished["title"]]
    # Finished later wins over finished earlier, whatever the files' times.
    _write(shared / "c" / "3.json", later)
    os.utime(shared / "c" / "3.json", (1e9, 1e9))
    assert [s.summary.title for s in read_folders([shared], "nb").sessions] == ["Senere"]
    # Two folders given, the same file in both: once.
    assert len(read_folders([shared, shared / "a"], "nb").sessions) == 1


def test_version_1_exports_are_read_and_their_dilemma_themes_are_ignored(tmp_path, year):
    v2 = tmp_path / "v2"
    v1 = tmp_path / "v1"
    write_exports(v2, year)
    for path in sorted(v2.rglob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        _write(v1 / path.relative_to(v2), as_version_1(data))
    new = build_pack(read_folders([v2], "nb").sessions, START, END, "nb", today=TODAY)
    old = build_pack(read_folders([v1], "nb").sessions, START, END, "nb", today=TODAY)
    assert not read_folders([v1], "nb").skipped
    assert [s.ref for s in old.sessions] == [s.ref for s in new.sessions]
    # The same measures, merged the same way (origin from carried_from or the session).
    assert [(r.origin_ref, r.measure.id) for r in old.register] == [
        (r.origin_ref, r.measure.id) for r in new.register
    ]
    # The same factors mapped: the themes of version 1 (harassment × 3) count nowhere.
    assert [(f.paragraph, f.mapped, f.strengths, f.risks) for f in old.factors] == [
        (f.paragraph, f.mapped, f.strengths, f.risks) for f in new.factors
    ]
    # What version 1 did not record is said, not guessed.
    assert all(s.roles is None for s in old.sessions)
    assert "not recorded" in render_markdown(evidence_document(_in_en(old, v1)))


def _in_en(pack: Any, folder: Path) -> Any:
    return build_pack(
        read_folders([folder], "en").sessions, pack.start, pack.end, "en", today=TODAY
    )


# --- the pack -----------------------------------------------------------------------


def test_a_year_across_three_units(tmp_path, year):
    write_exports(tmp_path / "shared", year)
    pack = build_pack(read_folders([tmp_path / "shared"], "nb").sessions, START, END, "nb")
    assert len(pack.sessions) == 24 and len(pack.units) == 3
    assert [s.day for s in pack.sessions] == sorted(s.day for s in pack.sessions)
    # Every shared measure once; none of the group-only ones, no group-only finding.
    agreed = {(public_ref(s.id), m.id) for s in year for m in s.measures if m.carried_from is None}
    shared = {
        (public_ref(s.id), m.id)
        for s in year
        for m in s.measures
        if m.carried_from is None and m.visibility.value == "shared"
    }
    keys = [(r.origin_ref, r.measure.id) for r in pack.register]
    assert len(keys) == len(set(keys))
    assert set(keys) <= shared < agreed
    text = render_pack_json(pack)
    assert "bare gruppen)" not in text and "Samtale med Kari" not in text
    # A measure followed up in several sessions shows its newest state and every follow-up.
    longest = max(pack.register, key=lambda r: len(r.measure.follow_ups))
    assert len(longest.measure.follow_ups) >= 2
    assert longest.latest_on == max(f.at for f in longest.measure.follow_ups)


def test_the_period_the_unit_and_overdue_as_of_the_end(tmp_path, year):
    write_exports(tmp_path / "shared", year)
    shared = read_folders([tmp_path / "shared"], "nb").sessions
    spring = build_pack(shared, date(2026, 1, 1), date(2026, 4, 30), "nb", today=TODAY)
    assert {s.day.month for s in spring.sessions} <= {1, 2, 3, 4}
    # A measure is shown as it stood at the period's end: no later follow-up in it.
    assert all(f.at <= date(2026, 4, 30) for r in spring.register for f in r.measure.follow_ups)
    assert all(
        r.overdue == (r.measure.status.is_open and r.measure.deadline < date(2026, 4, 30))
        for r in spring.register
        if r.measure.deadline
    )
    assert spring.as_of == date(2026, 4, 30)
    # Today before the end: deadlines are judged as of today.
    assert build_pack(shared, START, END, "nb", today=date(2026, 6, 1)).as_of == date(2026, 6, 1)
    one = build_pack(shared, START, END, "nb", unit="  solbakken SYKEHJEM ", today=TODAY)
    assert {s.unit for s in one.sessions} == {"Solbakken sykehjem"}
    assert {r.unit for r in one.register} == {"Solbakken sykehjem"}
    assert len(one.sessions) == 8


def test_employee_participation_is_claimed_only_where_representatives_were_there(tmp_path, year):
    write_exports(tmp_path / "shared", year)
    shared = read_folders([tmp_path / "shared"], "en").sessions
    pack = build_pack(shared, START, END, "en", today=TODAY)
    with_reps = sum(
        1
        for s in year
        if any(
            p.present and p.role and p.role.value in ("safety_rep", "union_rep")
            for p in s.participants
        )
    )
    assert 0 < with_reps < 24
    assert f"took part in {with_reps} of 24 sessions" in pack.statement[1]
    for s in year:
        for p in s.participants:
            p.role = None if p.role and p.role.value in ("safety_rep", "union_rep") else p.role
    none = tmp_path / "none"
    write_exports(none, year)
    pack = build_pack(read_folders([none], "en").sessions, START, END, "en", today=TODAY)
    assert "no session had a safety or union representative" in pack.statement[1]
    assert not any("took part in" in line for line in pack.statement)


def test_the_workspace_gives_the_same_pack_as_its_exports(tmp_path, year):
    store = SessionStore(tmp_path / "ws")
    for s in year:
        store.save(s)
    write_exports(tmp_path / "shared", year)
    from_folder = read_folders([tmp_path / "shared"], "nb").sessions
    from_workspace = read_workspace_shared(tmp_path / "ws", "nb").sessions
    assert [s.summary for s in from_folder] == [s.summary for s in from_workspace]
    a = build_pack(from_folder, START, END, "nb", today=TODAY)
    b = build_pack(from_workspace, START, END, "nb", today=TODAY)
    assert render_pack_json(a) == render_pack_json(b)


def test_the_plan_from_shared_exports_is_the_workspace_plan(tmp_path, year):
    store = SessionStore(tmp_path / "ws")
    for s in year:
        store.save(s)
    write_exports(tmp_path / "shared", year)
    for lang in ("nb", "en"):
        read = read_folders([tmp_path / "shared"], lang).sessions
        ours = shared_plan(read, date(2026, 10, 1), lang)
        theirs = workspace_plan(tmp_path / "ws", date(2026, 10, 1), lang)
        assert render_markdown(plan_document(ours)) == render_markdown(plan_document(theirs))


def test_the_sample_session_makes_a_pack(tmp_path):
    sample = SessionStore(SAMPLE_SESSION.parent.parent).load(SAMPLE_SESSION)
    _write(tmp_path / "s" / "sample.json", _export(sample))
    pack = build_pack(read_folders([tmp_path / "s"], "nb").sessions, START, END, "nb", today=TODAY)
    assert len(pack.sessions) == 1
    # The two measures carried from January are in the register, with their follow-ups.
    carried = [r for r in pack.register if r.measure.carried_from]
    assert len(carried) == 2 and all(r.agreed_on == date(2026, 1, 19) for r in carried)
    html = render_html(evidence_document(pack))
    assert "<script" not in html and "<svg" in html


# --- nothing kept in a group changes the pack ----------------------------------------


def _pack_outputs(held: list[Session], folder: Path) -> dict[str, Any]:
    from facilitator.report.evidence_xlsx import evidence_xlsx

    for s in held:
        unit = hashlib.sha256(s.unit.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        _write(folder / unit / f"{public_ref(s.id)}.json", _export(s))
    out: dict[str, Any] = {}
    for lang in ("nb", "en"):
        shared = read_folders([folder], lang).sessions
        pack = build_pack(shared, date(1900, 1, 1), date(2200, 12, 31), lang, today=TODAY)
        document = evidence_document(pack)
        out[f"json ({lang})"] = render_pack_json(pack)
        out[f"html ({lang})"] = render_html(document)
        out[f"md ({lang})"] = render_markdown(document)
        out[f"xlsx ({lang})"] = _cells(evidence_xlsx(pack, STAMP))
    return out


def _check_pack(world: World, root: Path) -> None:
    without = _pack_outputs([stripped(s) for s in world.sessions], root / "without")
    as_is = _pack_outputs(world.sessions, root / "as-is")
    others = _pack_outputs(
        [replaced(s, o) for s, o in zip(world.sessions, world.others, strict=True)],
        root / "others",
    )
    for what, got in (("as it is", as_is), ("other group-only items", others)):
        for key, want in without.items():
            assert got[key] == want, f"{key} depends on group-only items ({what})"


@SETTINGS
@given(worlds(max_sessions=3))
def test_the_pack_does_not_depend_on_group_only_items(tmp_path_factory, world):
    _check_pack(world, tmp_path_factory.mktemp("pack"))


def test_the_pack_does_not_depend_on_group_only_items_example(tmp_path):
    _check_pack(GROUP_COPY_HIDES_SHARED_MEASURE, tmp_path)


def test_the_year_pack_does_not_depend_on_group_only_items(tmp_path, year):
    _check_pack(World(year, [Others() for _ in year]), tmp_path)
