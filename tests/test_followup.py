"""Following up earlier measures: which ones a new session carries, where the
follow-up step goes, and that the earlier session files are left as they were."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from facilitator.agenda.model import Capture
from facilitator.followup import (
    MAX_MINUTES,
    MIN_MINUTES,
    STEP_ID,
    add_follow_up,
    follow_up_step,
    followed_up_here,
    open_earlier_measures,
    to_follow_up,
    with_follow_up,
)
from facilitator.schedule import plan
from facilitator.session.model import Measure, MeasureStatus, Session, Visibility, new_session
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock
from facilitator.workshop import Workshop

from strategies import default_agenda

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _session(day: date, unit: str = "Hjemmetjenesten", title: str = "Ledergruppe") -> Session:
    moment = datetime(day.year, day.month, day.day, 8, 0, tzinfo=UTC)
    session = new_session(title, default_agenda(), moment, ["Kari", "Ola"], unit=unit, day=day)
    return session


def _measure(what: str, **fields: object) -> Measure:
    fields.setdefault("created_at", START)
    return Measure(what=what, **fields)  # type: ignore[arg-type]


def test_the_step_goes_before_closing_by_default_and_first_when_asked():
    agenda = default_agenda()
    assert agenda.follow_up == "before_closing"
    ids = [s.id for s in with_follow_up(agenda, 3).steps]
    assert ids == [s.id for s in agenda.steps[:-1]] + [STEP_ID, agenda.steps[-1].id]
    first = agenda.model_copy(update={"follow_up": "first"})
    assert with_follow_up(first, 3).steps[0].id == STEP_ID
    none = agenda.model_copy(update={"follow_up": "none"})
    assert with_follow_up(none, 3) == none
    assert with_follow_up(agenda, 0) == agenda
    twice = with_follow_up(with_follow_up(agenda, 3), 5)
    assert [s.id for s in twice.steps].count(STEP_ID) == 1


@given(st.integers(min_value=1, max_value=200))
def test_the_step_takes_two_minutes_a_measure_within_bounds(count):
    step = follow_up_step(count)
    assert MIN_MINUTES <= step.minutes <= MAX_MINUTES
    assert step.minutes == min(MAX_MINUTES, max(MIN_MINUTES, 2 * count))
    assert Capture.FOLLOW_UP in step.captures
    for text in (step.title, step.purpose, *step.process, *step.questions):
        assert text.nb and text.en and text.nb != text.en


def test_the_schedule_grows_by_the_follow_up_step():
    agenda = default_agenda()
    before = plan(agenda, 4, START, None).total_minutes
    after = plan(with_follow_up(agenda, 4), 4, START, None).total_minutes
    assert after - before == 8


def test_a_new_session_carries_the_open_measures_of_its_unit(workspace):
    store = SessionStore(workspace)
    january = _session(date(2026, 1, 19))
    done = _measure("Ferdig allerede", status=MeasureStatus.DONE)
    open_one = _measure("Faste morgenmøter", owner="Enhetsleder", deadline=date(2026, 2, 27))
    private = _measure("Bare for gruppen", visibility=Visibility.GROUP)
    january.measures = [done, open_one, private]
    west = _session(date(2026, 1, 20), unit="Sone vest")
    west.measures = [_measure("Vest sitt tiltak")]
    no_unit = _session(date(2026, 1, 21), unit="")
    no_unit.measures = [_measure("Uten enhet")]
    paths = [store.save(s) for s in (january, west, no_unit)]
    before = [p.read_bytes() for p in paths]
    (workspace / "sessions" / "odelagt.toml").write_text("ikke toml [", encoding="utf-8")

    carried = open_earlier_measures(workspace, "hjemmetjenesten")
    assert [(m.what, m.carried_from, m.id) for m in carried] == [
        ("Faste morgenmøter", january.id, open_one.id),
        ("Bare for gruppen", january.id, private.id),
    ]
    assert [m.what for m in open_earlier_measures(workspace, "")] == ["Uten enhet"]
    assert open_earlier_measures(workspace, "Ingen slik enhet") == []

    march = _session(date(2026, 3, 2))
    add_follow_up(march, carried)
    assert STEP_ID in [s.id for s in march.agenda.steps]
    assert to_follow_up(march) == carried
    add_follow_up(march, carried)  # again: nothing doubles
    assert len(march.measures) == 2
    assert [s.id for s in march.agenda.steps].count(STEP_ID) == 1
    assert [p.read_bytes() for p in paths] == before  # the earlier files are untouched


def test_followed_up_measures_are_not_carried_again_once_done(workspace):
    store = SessionStore(workspace)
    clock = FakeClock(START)
    january = _session(date(2026, 1, 19))
    january.measures = [_measure("A"), _measure("B")]
    store.save(january)

    march = _session(date(2026, 3, 2))
    add_follow_up(march, open_earlier_measures(workspace, "Hjemmetjenesten"))
    w = Workshop(march, clock)
    a, b = to_follow_up(march)
    w.follow_up(a.id, MeasureStatus.DONE, "Gjort og virker")
    w.follow_up(b.id, MeasureStatus.IN_PROGRESS, "Godt i gang")
    assert followed_up_here(march, a) and followed_up_here(march, b)
    store.save(march)

    april = open_earlier_measures(workspace, "Hjemmetjenesten")
    assert [(m.what, m.status, m.carried_from) for m in april] == [
        ("B", MeasureStatus.IN_PROGRESS, january.id)
    ]
    assert [f.text for f in april[0].follow_ups] == ["Godt i gang"]
    assert not followed_up_here(_session(date(2026, 4, 20)), april[0])


def test_no_workspace_folder_means_nothing_to_follow_up(tmp_path):
    assert open_earlier_measures(tmp_path / "tom", "Enhet") == []
