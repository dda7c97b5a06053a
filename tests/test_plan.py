"""The HMS action plan over a workspace: hundreds of sessions, measures followed up
across them, overdue deadlines, filters, damaged files, and the fast reader that
must give exactly what a full read gives."""

from __future__ import annotations

import random
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from facilitator.law import Paragraph
from facilitator.report.action_plan import (
    collect_plan,
    is_overdue,
    open_measures,
    workspace_plan,
)
from facilitator.report.model import Audience
from facilitator.report.plan_layout import plan_csv
from facilitator.session.model import (
    Measure,
    MeasureStatus,
    NamesPolicy,
    Session,
    Visibility,
    new_session,
)
from facilitator.session.quickread import _fast, cut, read_measures, read_workspace
from facilitator.session.refs import public_ref
from facilitator.session.store import SessionStore

from strategies import default_agenda, sessions

AS_OF = date(2026, 6, 1)


def _session(day: date, title: str = "Ledergruppe", unit: str = "Sone øst") -> Session:
    moment = datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
    session = new_session(title, default_agenda(), moment, ["Kari Nordmann", "Ola Hansen"])
    session.unit, session.date = unit, day
    return session


def _measure(what: str, **fields: object) -> Measure:
    fields.setdefault("created_at", datetime(2026, 1, 1, tzinfo=UTC))
    return Measure(what=what, **fields)  # type: ignore[arg-type]


def _save(workspace: Path, session: Session) -> Path:
    return SessionStore(workspace, "nb").save(session)


def test_measure_followed_up_twice_appears_once_in_its_newest_state(workspace):
    first = _session(date(2026, 1, 19), "Januar")
    agreed = _measure("Faste morgenmøter", deadline=date(2026, 2, 27), factor=Paragraph.P4)
    first.measures = [agreed]
    second = _session(date(2026, 3, 2), "Mars")
    second.measures = [
        agreed.model_copy(update={"carried_from": first.id, "status": MeasureStatus.IN_PROGRESS})
    ]
    third = _session(date(2026, 4, 20), "April")
    third.measures = [
        agreed.model_copy(
            update={
                "carried_from": first.id,
                "status": MeasureStatus.DONE,
                "done_on": date(2026, 4, 1),
            }
        )
    ]
    for s in (third, first, second):  # the order of the files must not matter
        _save(workspace, s)
    plan = workspace_plan(workspace, AS_OF, "nb")
    assert len(plan.rows) == 1
    row = plan.rows[0]
    assert row.entry.status is MeasureStatus.DONE and row.entry.done_on == date(2026, 4, 1)
    assert row.source_id == public_ref(first.id) and row.source == "Januar (19.01.2026)"
    assert not row.overdue  # done, although the deadline has passed


@pytest.mark.parametrize(
    ("origin", "lang", "source"),
    [
        ("2026-01-19-januar-ab12", "nb", "Tidligere økt (19.01.2026)"),
        ("2026-01-19-januar-ab12", "en", "An earlier session (2026-01-19)"),
        # not an id this app made: its reference (the group's plan shows it as it is)
        ("eldre-okt", "nb", public_ref("eldre-okt")),
    ],
)
def test_a_source_no_longer_in_the_workspace_is_named_by_its_date(workspace, origin, lang, source):
    later = _session(date(2026, 3, 2), "Mars")
    later.measures = [_measure("Faste morgenmøter", carried_from=origin)]
    _save(workspace, later)
    (row,) = workspace_plan(workspace, AS_OF, lang).rows
    assert row.source_id == public_ref(origin) and row.source == source


def test_same_day_copies_are_told_apart_by_when_they_changed(workspace):
    first = _session(date(2026, 3, 2), "Morgen")
    agreed = _measure("Tiltak")
    first.measures = [agreed]
    later = _session(date(2026, 3, 2), "Ettermiddag")
    later.measures = [
        agreed.model_copy(
            update={
                "carried_from": first.id,
                "status": MeasureStatus.DROPPED,
                "updated_at": datetime(2026, 3, 2, 14, 0, tzinfo=UTC),
            }
        )
    ]
    _save(workspace, first)
    _save(workspace, later)
    (row,) = workspace_plan(workspace, AS_OF, "nb").rows
    assert row.entry.status is MeasureStatus.DROPPED


def test_overdue_means_open_with_a_deadline_before_the_day():
    open_late = _measure("a", deadline=AS_OF - timedelta(days=1))
    due_today = _measure("b", deadline=AS_OF)
    done_late = _measure("c", deadline=date(2026, 1, 1), status=MeasureStatus.DONE)
    dropped = _measure("d", deadline=date(2026, 1, 1), status=MeasureStatus.DROPPED)
    going = _measure("e", deadline=date(2026, 1, 1), status=MeasureStatus.IN_PROGRESS)
    no_deadline = _measure("f")
    assert [
        is_overdue(m, AS_OF) for m in (open_late, due_today, done_late, dropped, going, no_deadline)
    ] == [True, False, False, False, True, False]


def test_filters_audience_status_and_unit(workspace):
    east = _session(date(2026, 3, 2), unit="Sone øst")
    east.measures = [
        _measure("delt og åpent"),
        _measure("bare gruppen", visibility=Visibility.GROUP),
        _measure("utført", status=MeasureStatus.DONE),
    ]
    west = _session(date(2026, 3, 3), unit="Sone vest")
    west.measures = [_measure("vest")]
    _save(workspace, east)
    _save(workspace, west)

    def whats(**kw: object) -> set[str]:
        return {r.entry.what for r in workspace_plan(workspace, AS_OF, "nb", **kw).rows}  # type: ignore[arg-type]

    assert whats() == {"delt og åpent", "utført", "vest"}
    assert whats(audience=Audience.GROUP) == {"delt og åpent", "bare gruppen", "utført", "vest"}
    assert whats(status="open") == {"delt og åpent", "vest"}
    assert whats(unit="  SONE ØST ") == {"delt og åpent", "utført"}


def test_names_stay_out_unless_the_session_allows_them(workspace):
    session = _session(date(2026, 3, 2))
    session.measures = [_measure("Kari Nordmann tar kontakt med HR", owner="Kari Nordmann")]
    _save(workspace, session)
    (row,) = workspace_plan(workspace, AS_OF, "nb").rows
    # The default rule: the owner as the group wrote it, no other name.
    assert "Kari" not in row.entry.what
    assert row.entry.owner == "Kari Nordmann"
    session.names_policy = NamesPolicy.NONE
    _save(workspace, session)
    (row,) = workspace_plan(workspace, AS_OF, "nb").rows
    assert "Kari" not in row.entry.what + row.entry.owner
    assert row.entry.owner == "[deltaker]"
    session.names_policy = NamesPolicy.EVERYONE
    _save(workspace, session)
    (row,) = workspace_plan(workspace, AS_OF, "nb").rows
    assert row.entry.owner == "Kari Nordmann"


def test_hundreds_of_sessions_with_carried_measures_and_a_damaged_file(workspace):
    rng = random.Random(4)
    expected: dict[str, tuple[MeasureStatus, date | None]] = {}
    previous: Session | None = None
    start = date(2024, 1, 8)
    for n in range(300):
        session = _session(start + timedelta(days=7 * n), f"Økt {n}")
        if previous is not None and previous.measures and rng.random() < 0.5:
            # Bring one of last time's measures along and move it on.
            carried = previous.measures[0]
            status = rng.choice(list(MeasureStatus))
            session.measures.append(
                carried.model_copy(
                    update={"carried_from": carried.carried_from or previous.id, "status": status}
                )
            )
            expected[carried.id] = (status, carried.deadline)
        for _ in range(rng.randint(0, 3)):
            deadline = session.date + timedelta(days=rng.randint(-30, 60))
            measure = _measure(f"tiltak {n}", deadline=deadline, factor=Paragraph.P2C)
            session.measures.append(measure)
            expected[measure.id] = (MeasureStatus.PLANNED, deadline)
        _save(workspace, session)
        previous = session
    (workspace / "sessions" / "odelagt.toml").write_text("format = [ not toml", "utf-8")

    plan = workspace_plan(workspace, AS_OF, "nb")
    assert plan.sessions_read == 300
    assert len(plan.problems) == 1 and "odelagt.toml" in plan.problems[0]
    assert sorted(r.entry.id for r in plan.rows) == sorted(expected)
    for row in plan.rows:
        status, deadline = expected[row.entry.id]
        assert row.entry.status is status
        assert row.overdue == (status.is_open and deadline is not None and deadline < AS_OF)
    deadlines = [r.entry.deadline or date.max for r in plan.rows]
    assert deadlines == sorted(deadlines)  # one factor here: ordered by deadline
    assert plan_csv(plan).count("\r\n") >= len(plan.rows) + 1


def test_unreadable_files_are_listed_not_fatal(workspace):
    folder = workspace / "sessions"
    _save(workspace, _session(date(2026, 3, 2)))
    good = next(folder.glob("*.toml")).read_text("utf-8")
    (folder / "kuttet.toml").write_text(good.replace("# end of facilitator session", ""), "utf-8")
    (folder / "fremmed.toml").write_text('title = "x"\n', "utf-8")
    (folder / "binær.toml").write_bytes(b"\xff\xfe\x00garbage")
    found, problems = read_workspace(folder, "en")
    assert len(found) == 1
    assert len(problems) == 3 and all(p.count("\n") == 0 for p in problems)
    assert any("cut off" in p for p in problems) and any("not a facilitator" in p for p in problems)


# --- the fast reader -----------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(sessions())
def test_fast_reader_gives_what_a_full_read_gives(tmp_path_factory, session):
    workspace = tmp_path_factory.mktemp("ws")
    path = SessionStore(workspace, "nb").save(session)
    read = read_measures(path)
    full = SessionStore(workspace, "nb").load(path)
    assert read.measures == tuple(full.measures)
    assert read.participant_names == tuple(p.name for p in full.participants)
    assert (read.id, read.title, read.unit, read.date) == (
        full.id,
        full.title,
        full.unit,
        full.date,
    )
    assert read.names_policy == full.names_policy


def _sample_file(workspace: Path) -> Path:
    session = _session(date(2026, 3, 2))
    session.measures = [_measure(f"tiltak {i}", factor=Paragraph.P1) for i in range(3)]
    session.notes = []
    return _save(workspace, session)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: t.replace("[[measures]]", "  [[measures]]"), id="indented"),
        pytest.param(
            lambda t: t.replace('title = "Ledergruppe"', 'title = """Ledergruppe"""'),
            id="multiline-string",
        ),
    ],
)
def test_files_the_cut_would_misread_are_read_in_full(workspace, change):
    path = _sample_file(workspace)
    assert _fast(path) is not None
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    assert _fast(path) is None
    read = read_measures(path)
    assert [m.what for m in read.measures] == ["tiltak 0", "tiltak 1", "tiltak 2"]


def test_the_cut_keeps_only_the_top_level_participants_and_measures(workspace):
    text = _sample_file(workspace).read_text("utf-8")
    part = cut(text)
    headers = set(re.findall(r"^\[\[?([^\]]+)\]", part, re.M))
    assert headers <= {"measures", "measures.follow_ups", "participants"}
    assert "[agenda]" in text and "[agenda]" not in part
    assert len(part) < len(text) / 3


def test_open_measures_to_follow_up_next_time(workspace):
    first = _session(date(2026, 1, 19), unit="Sone øst")
    kept = _measure("bare gruppen", visibility=Visibility.GROUP, deadline=date(2026, 2, 1))
    done = _measure("ferdig", deadline=date(2026, 1, 30))
    first.measures = [kept, done]
    second = _session(date(2026, 3, 2), unit="Sone øst")
    second.measures = [
        done.model_copy(update={"carried_from": first.id, "status": MeasureStatus.DONE}),
        _measure("nytt", deadline=date(2026, 4, 1)),
    ]
    west = _session(date(2026, 3, 3), unit="Sone vest")
    west.measures = [_measure("vest")]
    found, _ = read_workspace(_folder(workspace, first, second, west))
    assert [i.measure.what for i in open_measures(found, "sone øst")] == ["bare gruppen", "nytt"]
    assert [i.origin for i in open_measures(found, "sone øst")] == [first.id, second.id]
    assert len(open_measures(found)) == 3


def _folder(workspace: Path, *sessions: Session) -> Path:
    for s in sessions:
        _save(workspace, s)
    return workspace / "sessions"


def test_collect_plan_without_sessions_is_empty():
    plan = collect_plan([], AS_OF, "en")
    assert plan.rows == [] and plan.overdue == 0 and plan.groups() == []
