"""The step clock: a log of UTC timestamps read with an injected `now`.

Everything runs on `FakeClock`: no sleeps, no real time.
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta

import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from facilitator.agenda.model import Step
from facilitator.agenda.registry import load_agenda
from facilitator.session.model import Session, new_session
from facilitator.session.store import dumps_session
from facilitator.stepclock import (
    MAX_ADJUST_SECONDS,
    Level,
    Reading,
    Status,
    StepClock,
    Unit,
)
from facilitator.timesource import FakeClock
from facilitator.tomlfile import to_toml_data

AGENDA = load_agenda("kollegaveiledning", None)
WARN = AGENDA.warn_fraction
PEOPLE = ["a", "b", "c", "d"]

INNSJEKK = AGENDA.step("innsjekk")
REFLEKSJON = AGENDA.step("refleksjon")
KOLLEGA = AGENDA.step("kollegaveiledning")
PAUSE = AGENDA.step("pause")
INTRO = AGENDA.step("intro")
PP_PHASES = ["presentasjon", "sporsmal", "drofting", "respons"]


def t0() -> datetime:
    return datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def started(step: Step, clock: FakeClock, people: list[str] | None = None) -> StepClock:
    sc = StepClock(step_id=step.id)
    sc.start(step, clock.now(), list(PEOPLE if people is None else people))
    return sc


def read(sc: StepClock, step: Step, clock: FakeClock) -> Reading:
    return sc.read(step, clock.now(), WARN)


def toml_round_trip(sc: StepClock) -> StepClock:
    data = to_toml_data(sc.model_dump(exclude_none=True))
    return StepClock.model_validate(tomllib.loads(tomli_w.dumps(data)))


def dict_round_trip(sc: StepClock) -> StepClock:
    return StepClock.model_validate(sc.model_dump())


def test_the_default_agenda_is_what_these_tests_assume() -> None:
    assert INNSJEKK.kind == "round" and INNSJEKK.base_minutes == 8
    assert [(p.id, p.minutes, p.round) for p in REFLEKSJON.phases] == [
        ("alene", 2, False),
        ("runde", 8, True),
        ("diskusjon", 10, False),
    ]
    assert KOLLEGA.kind == "per_participant"
    assert [(p.id, p.minutes) for p in KOLLEGA.phases] == list(
        zip(PP_PHASES, [3, 5, 5, 2], strict=True)
    )
    assert PAUSE.kind == "break" and PAUSE.base_minutes == 10
    assert INTRO.kind == "timed" and INTRO.base_minutes == 10 and not INTRO.phases
    assert WARN == 0.2


# --- status: not started, running, paused ------------------------------------


@pytest.mark.parametrize("step", [INNSJEKK, REFLEKSJON, KOLLEGA, PAUSE, INTRO], ids=lambda s: s.id)
def test_a_clock_that_has_not_started_reads_zero(step: Step, clock: FakeClock) -> None:
    sc = StepClock(step_id=step.id)
    clock.advance(3600)
    r = read(sc, step, clock)
    assert r.status is Status.NOT_STARTED
    assert r.elapsed == 0 and r.unit_elapsed == 0
    assert r.level is Level.NORMAL and r.unit_level is Level.NORMAL
    assert r.unit_index == 0
    assert r.airtime == {} and r.spoken == () and r.passed == ()


def test_not_started_with_a_preset_order_shows_the_plan(clock: FakeClock) -> None:
    sc = StepClock(step_id=INNSJEKK.id, order=PEOPLE)
    r = read(sc, INNSJEKK, clock)
    assert r.status is Status.NOT_STARTED
    assert (r.unit_count, r.person, r.unit_planned, r.planned) == (4, "a", 120, 480)
    assert r.airtime == dict.fromkeys(PEOPLE, 0.0)


def test_running_elapsed_follows_the_wall_clock(clock: FakeClock) -> None:
    sc = started(INTRO, clock)
    assert read(sc, INTRO, clock).status is Status.RUNNING
    clock.advance(90.5)
    r = read(sc, INTRO, clock)
    assert r.elapsed == 90.5 and r.unit_elapsed == 90.5
    assert r.planned == 600 and r.remaining == 509.5


def test_paused_elapsed_is_frozen_and_resumes_where_it_was(clock: FakeClock) -> None:
    sc = started(INTRO, clock)
    clock.advance(100)
    sc.pause(clock.now())
    assert read(sc, INTRO, clock).status is Status.PAUSED
    for _ in range(3):
        clock.advance(1000)
        assert read(sc, INTRO, clock).elapsed == 100
    sc.start(INTRO, clock.now())
    assert read(sc, INTRO, clock).status is Status.RUNNING
    assert read(sc, INTRO, clock).elapsed == 100
    clock.advance(50)
    assert read(sc, INTRO, clock).elapsed == 150
    sc.pause(clock.now())
    clock.advance(10)
    sc.toggle(INTRO, clock.now())
    clock.advance(5)
    assert read(sc, INTRO, clock).elapsed == 155
    assert len(sc.runs) == 3


def test_reading_a_past_instant_counts_only_up_to_it(clock: FakeClock) -> None:
    sc = started(INTRO, clock)
    clock.advance(100)
    sc.pause(clock.now())
    clock.advance(100)
    sc.start(INTRO, clock.now())
    clock.advance(100)
    assert sc.read(INTRO, t0() + timedelta(seconds=50)).elapsed == 50
    assert sc.read(INTRO, t0() + timedelta(seconds=150)).elapsed == 100
    assert sc.read(INTRO, t0() + timedelta(seconds=250)).elapsed == 150


def test_start_is_idempotent_while_running(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    clock.advance(30)
    before = sc.model_dump()
    sc.start(INNSJEKK, clock.now(), ["x", "y"])
    sc.start(INNSJEKK, clock.now())
    assert sc.model_dump() == before
    assert len(sc.runs) == 1 and len(sc.marks) == 1
    assert sc.order == PEOPLE


def test_the_order_is_fixed_at_the_first_start(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    sc.pause(clock.advance(10))
    sc.start(INNSJEKK, clock.advance(10), ["x", "y"])
    assert sc.order == PEOPLE


def test_pause_when_not_running_does_nothing(clock: FakeClock) -> None:
    sc = StepClock(step_id=INTRO.id)
    sc.pause(clock.now())
    assert sc.runs == []
    sc.start(INTRO, clock.now())
    sc.pause(clock.advance(10))
    before = sc.model_dump()
    sc.pause(clock.advance(10))
    assert sc.model_dump() == before


def test_toggle_starts_pauses_and_resumes(clock: FakeClock) -> None:
    sc = StepClock(step_id=INTRO.id)
    sc.toggle(INTRO, clock.now())
    assert sc.status is Status.RUNNING
    sc.toggle(INTRO, clock.advance(20))
    assert sc.status is Status.PAUSED
    sc.toggle(INTRO, clock.advance(20))
    assert sc.status is Status.RUNNING
    clock.advance(20)
    assert read(sc, INTRO, clock).elapsed == 40


def test_reading_changes_nothing(clock: FakeClock) -> None:
    sc = started(KOLLEGA, clock)
    sc.move(KOLLEGA, +1, clock.advance(100))
    before = sc.model_dump()
    for _ in range(3):
        clock.advance(7)
        read(sc, KOLLEGA, clock)
        sc.units(KOLLEGA)
        sc.unit_times(clock.now())
    assert sc.model_dump() == before


def test_a_break_is_one_unit_of_ten_minutes(clock: FakeClock) -> None:
    sc = started(PAUSE, clock)
    clock.advance(480)
    r = read(sc, PAUSE, clock)
    assert (r.unit_count, r.person, r.phase, r.planned) == (1, None, None, 600)
    assert r.level is Level.WARNING  # 120 s of 600 left = 20 %
    assert r.airtime == dict.fromkeys(PEOPLE, 0.0)


# --- round (innsjekk) ----------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6, 7])
def test_round_share_is_the_time_split_among_those_present(n: int, clock: FakeClock) -> None:
    people = [f"p{i}" for i in range(n)]
    sc = started(INNSJEKK, clock, people)
    r = read(sc, INNSJEKK, clock)
    assert r.unit_count == n
    assert r.unit_planned == pytest.approx(480 / n)
    assert r.planned == pytest.approx(480)
    assert [sc.unit_planned(INNSJEKK, u) for u in sc.units(INNSJEKK)] == pytest.approx(
        [480 / n] * n
    )


def test_round_next_and_previous_person(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    seen = [read(sc, INNSJEKK, clock).person]
    for _ in range(3):
        assert sc.move(INNSJEKK, +1, clock.advance(10))
        seen.append(read(sc, INNSJEKK, clock).person)
    assert seen == PEOPLE
    assert read(sc, INNSJEKK, clock).unit_index == 3
    assert sc.move(INNSJEKK, -1, clock.now())
    r = read(sc, INNSJEKK, clock)
    assert (r.person, r.unit_index) == ("c", 2)


def test_round_airtime_comes_from_timestamps(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    clock.advance(100)  # a: 100
    sc.move(INNSJEKK, +1, clock.now())
    clock.advance(30)  # b: 30
    sc.pause(clock.now())
    clock.advance(500)  # paused: nobody's time
    sc.start(INNSJEKK, clock.now())
    clock.advance(20)  # b: 50
    sc.move(INNSJEKK, -1, clock.now())
    clock.advance(15)  # a again: 115
    r = read(sc, INNSJEKK, clock)
    assert r.airtime == {"a": 115, "b": 50, "c": 0, "d": 0}
    assert r.spoken == ("a", "b")
    assert r.person == "a" and r.unit_elapsed == 115
    assert r.elapsed == 165 == sum(r.airtime.values())
    assert r.unit_level is Level.WARNING  # 5 s of a's 120 left


def test_round_unit_levels_at_the_boundaries(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)  # 120 s each
    clock.advance(95)
    assert read(sc, INNSJEKK, clock).unit_level is Level.NORMAL
    clock.advance(1)  # 24 s left = 20 %
    assert read(sc, INNSJEKK, clock).unit_level is Level.WARNING
    clock.advance(24)  # 0 left
    r = read(sc, INNSJEKK, clock)
    assert r.unit_level is Level.OVERTIME and r.unit_overtime == 0
    clock.advance(7)
    r = read(sc, INNSJEKK, clock)
    assert r.unit_remaining == -7 and r.unit_overtime == 7
    assert r.level is Level.NORMAL  # the step as a whole is far from its end


def test_round_pass_gives_the_share_to_those_still_waiting(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    sc.pass_turn(INNSJEKK, "b", clock.now())
    r = read(sc, INNSJEKK, clock)
    assert r.passed == ("b",)
    assert r.person == "a"  # b was not in focus: nothing moves
    plan = {u.person: sc.unit_planned(INNSJEKK, u) for u in sc.units(INNSJEKK)}
    # a has the floor already: b's two minutes go to c and d, who are waiting
    assert plan == pytest.approx({"a": 120, "b": 0, "c": 180, "d": 180})
    assert r.planned == pytest.approx(480)
    assert r.unit_planned == pytest.approx(120)
    # moving skips the one who passed, both ways
    assert sc.move(INNSJEKK, +1, clock.advance(10))
    assert read(sc, INNSJEKK, clock).person == "c"
    assert sc.move(INNSJEKK, -1, clock.advance(10))
    assert read(sc, INNSJEKK, clock).person == "a"


def test_a_pass_at_ones_turn_goes_to_those_after_not_to_those_who_spoke(
    clock: FakeClock,
) -> None:
    """Check-in, eight minutes for four: a and b speak their two minutes each, c
    passes when her turn comes; d, the last, gets c's two minutes too, and the
    round still ends on time."""
    sc = started(INNSJEKK, clock)
    sc.move(INNSJEKK, +1, clock.advance(120))
    sc.move(INNSJEKK, +1, clock.advance(120))
    sc.pass_turn(INNSJEKK, "c", clock.advance(3))
    r = read(sc, INNSJEKK, clock)
    assert r.person == "d"
    assert r.unit_planned == pytest.approx(120 + 117)
    plan = {u.person: sc.unit_planned(INNSJEKK, u) for u in sc.units(INNSJEKK)}
    assert plan == pytest.approx({"a": 120, "b": 120, "c": 3, "d": 237})
    assert r.planned == pytest.approx(480)
    sc.unpass(INNSJEKK, "c", clock.now())  # a mistake: c's share is hers again
    assert sc.passes == {} and sc.unit_planned(INNSJEKK, Unit("d", None)) == 120


def test_a_pass_kept_by_an_older_file_spreads_over_everyone_left(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    sc.move(INNSJEKK, +1, clock.advance(120))
    sc.pass_turn(INNSJEKK, "c", clock.now())
    sc.passes = {}  # as a file written before passes were kept
    plan = {u.person: sc.unit_planned(INNSJEKK, u) for u in sc.units(INNSJEKK)}
    assert plan == pytest.approx({"a": 160, "b": 160, "c": 0, "d": 160})


def test_round_passing_twice_or_an_unknown_person_does_nothing(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    sc.pass_turn(INNSJEKK, "b", clock.now())
    before = sc.model_dump()
    sc.pass_turn(INNSJEKK, "b", clock.now())
    sc.pass_turn(INNSJEKK, "zz", clock.now())
    assert sc.model_dump() == before


def test_round_passing_the_person_in_focus_moves_on(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    clock.advance(10)
    sc.pass_turn(INNSJEKK, "a", clock.now())
    r = read(sc, INNSJEKK, clock)
    assert r.person == "b" and r.unit_elapsed == 0
    assert r.airtime["a"] == 10  # what was said is still in the log
    # a keeps the ten seconds used; the rest of the share goes to b, c and d
    assert sc.unit_planned(INNSJEKK, Unit("a", None)) == 10
    assert r.unit_planned == pytest.approx(120 + 110 / 3)
    assert r.planned == pytest.approx(480)
    assert sc.move(INNSJEKK, -1, clock.now()) is False  # nobody before b but a


def test_round_passing_the_last_person_in_focus_moves_back(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    for _ in range(3):
        sc.move(INNSJEKK, +1, clock.advance(60))
    sc.pass_turn(INNSJEKK, "d", clock.advance(5))
    r = read(sc, INNSJEKK, clock)
    assert r.person == "c"
    assert "d" in r.passed


def test_round_when_everyone_passes_it_is_complete_not_in_overtime(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock, ["a", "b"])
    clock.advance(20)
    sc.pass_turn(INNSJEKK, "b", clock.now())
    sc.pass_turn(INNSJEKK, "a", clock.now())
    r = read(sc, INNSJEKK, clock)
    # a keeps the 20 s used; nobody is left to take the rest: the round is over
    assert r.complete and r.person == "a"
    assert r.planned == 20 and r.unit_planned == 20
    assert sc.move(INNSJEKK, +1, clock.now()) is False
    assert sc.move(INNSJEKK, -1, clock.now()) is False
    # the clock stopped when the last one passed, and does not start again:
    # the time would run on someone who has passed
    assert r.status is Status.PAUSED
    sc.toggle(INNSJEKK, clock.advance(3))
    clock.advance(300)
    r = read(sc, INNSJEKK, clock)
    assert r.status is Status.PAUSED and r.elapsed == 20 and r.airtime == {"a": 20, "b": 0}
    assert r.level is Level.NORMAL and r.unit_level is Level.NORMAL


def test_everyone_passing_in_check_out_completes_the_step(clock: FakeClock) -> None:
    """Check-out, ten minutes for four: each passes in turn. The step was red
    (planned 0 s, so "overtime" from the first second)."""
    utsjekk = AGENDA.step("utsjekk")
    sc = started(utsjekk, clock)
    for person in PEOPLE:
        assert read(sc, utsjekk, clock).person == person
        sc.pass_turn(utsjekk, person, clock.advance(2))
    r = read(sc, utsjekk, clock)
    assert r.complete and r.passed == tuple(PEOPLE)
    assert r.level is Level.NORMAL and r.unit_level is Level.NORMAL
    assert r.status is Status.PAUSED and r.elapsed == 8
    clock.advance(60)
    r = read(sc, utsjekk, clock)
    assert r.level is Level.NORMAL and r.unit_level is Level.NORMAL and r.elapsed == 8
    # someone changes their mind: the round is open again, and the floor is theirs
    sc.unpass(utsjekk, "b", clock.now())
    r = read(sc, utsjekk, clock)
    assert not r.complete and r.person == "b"
    assert r.unit_planned == pytest.approx(600 - 6)  # what a, c and d did not use
    sc.start(utsjekk, clock.now())
    assert read(sc, utsjekk, clock).status is Status.RUNNING


def test_a_pass_undone_when_the_floor_is_with_someone_else_leaves_it_there(
    clock: FakeClock,
) -> None:
    sc = started(INNSJEKK, clock)
    sc.pass_turn(INNSJEKK, "c", clock.advance(10))
    sc.move(INNSJEKK, +1, clock.advance(10))
    sc.unpass(INNSJEKK, "c", clock.now())
    r = read(sc, INNSJEKK, clock)
    assert r.person == "b" and r.passed == ()
    assert sc.move(INNSJEKK, +1, clock.now()) and read(sc, INNSJEKK, clock).person == "c"


def test_the_floor_goes_to_someone_skipped_before_back_to_a_speaker(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    sc.goto(Unit("c", None), clock.advance(60))  # b was skipped by mistake
    sc.move(INNSJEKK, +1, clock.advance(60))  # d
    sc.pass_turn(INNSJEKK, "d", clock.advance(5))
    assert read(sc, INNSJEKK, clock).person == "b"


def test_round_unpass_restores_the_share(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    sc.pass_turn(INNSJEKK, "c", clock.now())
    sc.unpass(INNSJEKK, "c", clock.now())
    sc.unpass(INNSJEKK, "c", clock.now())
    assert sc.passed == []
    assert read(sc, INNSJEKK, clock).unit_planned == pytest.approx(120)


def test_round_drop_of_someone_not_yet_spoken_removes_them(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    clock.advance(60)
    sc.drop(INNSJEKK, "c", clock.now())
    r = read(sc, INNSJEKK, clock)
    assert sc.order == ["a", "b", "d"] and r.passed == ()
    assert r.unit_count == 3 and "c" not in r.airtime
    assert r.unit_planned == pytest.approx(160) and r.planned == pytest.approx(480)
    assert r.person == "a" and r.unit_elapsed == 60
    sc.move(INNSJEKK, +1, clock.now())
    sc.move(INNSJEKK, +1, clock.now())
    assert read(sc, INNSJEKK, clock).person == "d"


def test_round_drop_of_someone_who_passed_but_never_spoke_clears_the_pass(
    clock: FakeClock,
) -> None:
    sc = started(INNSJEKK, clock)
    sc.pass_turn(INNSJEKK, "c", clock.now())
    sc.drop(INNSJEKK, "c", clock.now())
    assert sc.order == ["a", "b", "d"]
    assert sc.passed == []
    assert read(sc, INNSJEKK, clock).passed == ()


def test_round_drop_of_someone_who_has_spoken_keeps_their_time(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    clock.advance(100)
    sc.move(INNSJEKK, +1, clock.now())
    clock.advance(20)
    sc.drop(INNSJEKK, "a", clock.now())
    r = read(sc, INNSJEKK, clock)
    assert sc.order == PEOPLE and r.passed == ("a",)
    assert r.airtime["a"] == 100 and r.person == "b"
    # dropping the person in focus: they are passed and the focus moves on
    sc.drop(INNSJEKK, "b", clock.now())
    r = read(sc, INNSJEKK, clock)
    assert r.person == "c" and r.airtime["b"] == 20
    assert r.passed == ("a", "b")


def test_drop_before_the_start_and_of_strangers(clock: FakeClock) -> None:
    sc = StepClock(step_id=INNSJEKK.id, order=PEOPLE)
    sc.drop(INNSJEKK, "a", clock.now())
    sc.drop(INNSJEKK, "zz", clock.now())
    assert sc.order == ["b", "c", "d"]
    sc.start(INNSJEKK, clock.now())
    assert read(sc, INNSJEKK, clock).person == "b"


def test_round_adjust_changes_only_the_current_person(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    sc.move(INNSJEKK, +1, clock.advance(30))
    sc.adjust(INNSJEKK, 60, clock.now())
    plan = {u.person: sc.unit_planned(INNSJEKK, u) for u in sc.units(INNSJEKK)}
    assert plan == {"a": 120, "b": 180, "c": 120, "d": 120}
    assert read(sc, INNSJEKK, clock).planned == 540
    sc.adjust(INNSJEKK, -60, clock.now())
    sc.adjust(INNSJEKK, -60, clock.now())
    plan = {u.person: sc.unit_planned(INNSJEKK, u) for u in sc.units(INNSJEKK)}
    assert plan == {"a": 120, "b": 60, "c": 120, "d": 120}
    assert read(sc, INNSJEKK, clock).planned == 420


def test_adjust_never_makes_planned_time_negative(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock, ["a", "b", "c"])  # 160 s each
    sc.adjust(INNSJEKK, -10_000, clock.now())
    assert read(sc, INNSJEKK, clock).unit_planned == 0
    n = len(sc.adjustments)
    sc.adjust(INNSJEKK, -60, clock.now())  # nothing left to take
    sc.adjust(INNSJEKK, 0, clock.now())
    assert len(sc.adjustments) == n
    sc.adjust(INNSJEKK, 30, clock.now())
    assert read(sc, INNSJEKK, clock).unit_planned == 30


def test_adjust_with_a_fractional_share_stays_non_negative(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock, ["a", "b", "c", "d", "e", "f", "g"])  # 68.57 s each
    sc.adjust(INNSJEKK, -1000, clock.now())
    assert 0 <= read(sc, INNSJEKK, clock).unit_planned < 1


def test_adjust_beyond_the_limit_is_clamped(clock: FakeClock) -> None:
    sc = started(INTRO, clock)
    sc.adjust(INTRO, 10 * MAX_ADJUST_SECONDS, clock.now())
    assert sc.adjustments[-1].seconds == MAX_ADJUST_SECONDS
    assert read(sc, INTRO, clock).unit_planned == 600 + MAX_ADJUST_SECONDS
    sc.adjust(INTRO, -10 * MAX_ADJUST_SECONDS, clock.now())
    assert sc.adjustments[-1].seconds == -MAX_ADJUST_SECONDS
    assert read(sc, INTRO, clock).unit_planned == 600


def test_adjust_before_the_start_applies_to_the_first_unit(clock: FakeClock) -> None:
    sc = StepClock(step_id=INNSJEKK.id, order=PEOPLE)
    sc.adjust(INNSJEKK, 60, clock.now())
    sc.start(INNSJEKK, clock.now())
    assert read(sc, INNSJEKK, clock).unit_planned == 180


def test_adjust_survives_a_change_in_share(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    sc.adjust(INNSJEKK, 60, clock.now())
    sc.pass_turn(INNSJEKK, "d", clock.now())
    # a, in focus, gets nothing of d's share, and keeps the minute added
    assert read(sc, INNSJEKK, clock).unit_planned == pytest.approx(120 + 60)
    assert sc.unit_planned(INNSJEKK, Unit("b", None)) == pytest.approx(120 + 60)


# --- peer supervision (per_participant) -----------------------------------------


def test_peer_supervision_has_a_unit_per_person_and_phase(clock: FakeClock) -> None:
    sc = started(KOLLEGA, clock)
    units = sc.units(KOLLEGA)
    assert len(units) == 16
    assert [u.key for u in units] == [(p, ph) for p in PEOPLE for ph in PP_PHASES]
    assert [sc.unit_planned(KOLLEGA, u) for u in units] == [180, 300, 300, 120] * 4
    r = read(sc, KOLLEGA, clock)
    assert (r.unit_count, r.person, r.phase, r.unit_planned) == (16, "a", "presentasjon", 180)


@pytest.mark.parametrize("n", [1, 2, 4, 6])
def test_peer_supervision_total_is_fifteen_minutes_per_active_person(
    n: int, clock: FakeClock
) -> None:
    people = [f"p{i}" for i in range(n)]
    sc = started(KOLLEGA, clock, people)
    assert read(sc, KOLLEGA, clock).planned == 15 * 60 * n
    if n > 1:
        sc.pass_turn(KOLLEGA, people[-1], clock.now())
        assert read(sc, KOLLEGA, clock).planned == 15 * 60 * (n - 1)


def test_peer_supervision_moves_through_every_phase_and_person(clock: FakeClock) -> None:
    sc = started(KOLLEGA, clock)
    visited = [read(sc, KOLLEGA, clock)]
    for _ in range(15):
        assert sc.move(KOLLEGA, +1, clock.advance(60))
        visited.append(read(sc, KOLLEGA, clock))
    assert [(r.person, r.phase) for r in visited] == [(p, ph) for p in PEOPLE for ph in PP_PHASES]
    assert [r.unit_index for r in visited] == list(range(16))
    assert sc.move(KOLLEGA, +1, clock.now()) is False
    assert read(sc, KOLLEGA, clock).unit_index == 15
    for i in range(14, -1, -1):
        assert sc.move(KOLLEGA, -1, clock.now())
        assert read(sc, KOLLEGA, clock).unit_index == i
    r = read(sc, KOLLEGA, clock)
    # 60 s in each unit before moving on; the last unit was left at once
    assert r.airtime == {"a": 240, "b": 240, "c": 240, "d": 180}


def test_peer_supervision_overtime_in_a_phase(clock: FakeClock) -> None:
    sc = started(KOLLEGA, clock)
    clock.advance(200)  # presentasjon is 180 s
    r = read(sc, KOLLEGA, clock)
    assert r.unit_remaining == -20 and r.unit_overtime == 20
    assert r.unit_level is Level.OVERTIME
    assert r.level is Level.NORMAL and r.overtime == 0
    # the next phase starts fresh
    sc.move(KOLLEGA, +1, clock.now())
    r = read(sc, KOLLEGA, clock)
    assert (r.phase, r.unit_elapsed, r.unit_level) == ("sporsmal", 0, Level.NORMAL)


def test_peer_supervision_warning_at_a_fifth_left(clock: FakeClock) -> None:
    sc = started(KOLLEGA, clock)
    sc.move(KOLLEGA, +1, clock.now())  # sporsmal, 300 s
    clock.advance(239)
    assert read(sc, KOLLEGA, clock).unit_level is Level.NORMAL
    clock.advance(1)  # 60 s left
    assert read(sc, KOLLEGA, clock).unit_level is Level.WARNING
    clock.advance(60)
    assert read(sc, KOLLEGA, clock).unit_level is Level.OVERTIME


def test_peer_supervision_step_level(clock: FakeClock) -> None:
    sc = started(KOLLEGA, clock)  # 3600 s
    clock.advance(2879)
    assert read(sc, KOLLEGA, clock).level is Level.NORMAL
    clock.advance(1)
    assert read(sc, KOLLEGA, clock).level is Level.WARNING
    clock.advance(720)
    r = read(sc, KOLLEGA, clock)
    assert r.level is Level.OVERTIME and r.overtime == 0
    clock.advance(61)
    r = read(sc, KOLLEGA, clock)
    assert r.remaining == -61 and r.overtime == 61


def test_peer_supervision_a_person_who_passes_has_no_time(clock: FakeClock) -> None:
    sc = started(KOLLEGA, clock)
    sc.pass_turn(KOLLEGA, "b", clock.now())
    assert [sc.unit_planned(KOLLEGA, Unit("b", ph)) for ph in PP_PHASES] == [0] * 4
    assert read(sc, KOLLEGA, clock).planned == 2700
    for _ in range(3):
        sc.move(KOLLEGA, +1, clock.now())
    assert read(sc, KOLLEGA, clock).phase == "respons"
    sc.move(KOLLEGA, +1, clock.now())
    r = read(sc, KOLLEGA, clock)
    assert (r.person, r.phase, r.unit_index) == ("c", "presentasjon", 8)
    sc.move(KOLLEGA, -1, clock.now())
    assert (read(sc, KOLLEGA, clock).person, read(sc, KOLLEGA, clock).phase) == (
        "a",
        "respons",
    )


def test_peer_supervision_passing_the_focus_person_goes_to_the_next_person(
    clock: FakeClock,
) -> None:
    sc = started(KOLLEGA, clock)
    clock.advance(30)
    sc.pass_turn(KOLLEGA, "a", clock.now())
    r = read(sc, KOLLEGA, clock)
    assert (r.person, r.phase) == ("b", "presentasjon")
    assert r.airtime["a"] == 30


def test_peer_supervision_passing_the_last_focus_person_mid_turn(clock: FakeClock) -> None:
    sc = started(KOLLEGA, clock, ["a", "b"])
    for _ in range(5):
        sc.move(KOLLEGA, +1, clock.advance(10))
    assert (read(sc, KOLLEGA, clock).person, read(sc, KOLLEGA, clock).phase) == (
        "b",
        "sporsmal",
    )
    sc.pass_turn(KOLLEGA, "b", clock.now())
    r = read(sc, KOLLEGA, clock)
    assert r.person == "a"  # back to someone still in, never stuck on b's phases
    assert r.unit_planned > 0


def test_peer_supervision_airtime_adds_up_over_phases(clock: FakeClock) -> None:
    sc = started(KOLLEGA, clock, ["a", "b"])
    for secs in (180, 300, 300, 120):
        clock.advance(secs)
        sc.move(KOLLEGA, +1, clock.now())
    clock.advance(45)
    r = read(sc, KOLLEGA, clock)
    assert r.airtime == {"a": 900, "b": 45}
    assert (r.person, r.phase, r.unit_elapsed) == ("b", "presentasjon", 45)


def test_peer_supervision_someone_back_after_everyone_left_resumes_their_turn(
    clock: FakeClock,
) -> None:
    sc = started(KOLLEGA, clock, ["a", "b"])
    sc.move(KOLLEGA, +1, clock.advance(180))  # a: questions
    sc.drop(KOLLEGA, "a", clock.advance(100))  # a is called away: b's turn
    r = read(sc, KOLLEGA, clock)
    assert (r.person, r.phase) == ("b", "presentasjon")
    # a keeps what was used of the turn; the rest is not planned
    assert r.planned == 180 + 100 + 900
    sc.pass_turn(KOLLEGA, "b", clock.advance(30))
    r = read(sc, KOLLEGA, clock)
    assert r.complete and r.status is Status.PAUSED and r.planned == 180 + 100 + 30
    sc.rejoin(KOLLEGA, "a", clock.advance(60))
    r = read(sc, KOLLEGA, clock)
    assert (r.person, r.phase, r.complete) == ("a", "sporsmal", False)
    assert r.unit_remaining == 200


# --- reflection (timed, with a round phase) ------------------------------------------


def test_reflection_units_in_order(clock: FakeClock) -> None:
    sc = started(REFLEKSJON, clock)
    assert [u.key for u in sc.units(REFLEKSJON)] == [
        (None, "alene"),
        *[(p, "runde") for p in PEOPLE],
        (None, "diskusjon"),
    ]
    keys = [(read(sc, REFLEKSJON, clock).person, read(sc, REFLEKSJON, clock).phase)]
    while sc.move(REFLEKSJON, +1, clock.advance(30)):
        r = read(sc, REFLEKSJON, clock)
        keys.append((r.person, r.phase))
    assert keys == [u.key for u in sc.units(REFLEKSJON)]
    r = read(sc, REFLEKSJON, clock)
    assert r.airtime == dict.fromkeys(PEOPLE, 30.0)  # alene/diskusjon are nobody's
    assert r.elapsed == 6 * 30


def test_reflection_planned_times(clock: FakeClock) -> None:
    sc = started(REFLEKSJON, clock)
    plan = [sc.unit_planned(REFLEKSJON, u) for u in sc.units(REFLEKSJON)]
    assert plan == [120, 120, 120, 120, 120, 600]
    assert read(sc, REFLEKSJON, clock).planned == 1200


@pytest.mark.parametrize("n", [1, 3, 5, 6])
def test_reflection_round_phase_share(n: int, clock: FakeClock) -> None:
    sc = started(REFLEKSJON, clock, [f"p{i}" for i in range(n)])
    sc.move(REFLEKSJON, +1, clock.now())
    r = read(sc, REFLEKSJON, clock)
    assert (r.person, r.phase) == ("p0", "runde")
    assert r.unit_planned == pytest.approx(480 / n)
    assert r.planned == pytest.approx(1200)
    assert r.unit_count == n + 2


def test_reflection_pass_in_the_round_phase(clock: FakeClock) -> None:
    sc = started(REFLEKSJON, clock)
    sc.pass_turn(REFLEKSJON, "a", clock.now())  # not in focus during "alene"
    r = read(sc, REFLEKSJON, clock)
    assert r.phase == "alene"
    sc.move(REFLEKSJON, +1, clock.now())
    r = read(sc, REFLEKSJON, clock)
    assert (r.person, r.phase) == ("b", "runde")
    assert r.unit_planned == pytest.approx(160)
    assert r.planned == pytest.approx(1200)
    sc.pass_turn(REFLEKSJON, "d", clock.now())
    sc.move(REFLEKSJON, +1, clock.now())
    sc.pass_turn(REFLEKSJON, "c", clock.now())  # in focus, last in the round: on
    r = read(sc, REFLEKSJON, clock)
    assert (r.person, r.phase) == (None, "diskusjon")
    assert sc.unit_planned(REFLEKSJON, Unit("b", "runde")) == pytest.approx(480)


def test_without_an_order_a_round_phase_is_one_unit(clock: FakeClock) -> None:
    sc = started(REFLEKSJON, clock, [])
    assert [u.key for u in sc.units(REFLEKSJON)] == [
        (None, "alene"),
        (None, "runde"),
        (None, "diskusjon"),
    ]
    assert read(sc, REFLEKSJON, clock).planned == 1200


def test_moving_before_the_start_chooses_where_to_begin(clock: FakeClock) -> None:
    sc = StepClock(step_id=INNSJEKK.id, order=PEOPLE)
    assert sc.move(INNSJEKK, +1, clock.now())
    assert sc.move(INNSJEKK, +1, clock.now())
    clock.advance(300)
    assert read(sc, INNSJEKK, clock).status is Status.NOT_STARTED
    sc.start(INNSJEKK, clock.now())
    clock.advance(40)
    r = read(sc, INNSJEKK, clock)
    assert r.person == "c" and r.unit_elapsed == 40
    assert r.airtime == {"a": 0, "b": 0, "c": 40, "d": 0}
    assert r.spoken == ("c",)
    assert sum(sc.unit_times(clock.now()).values()) == r.elapsed


def test_a_phase_chosen_before_the_order_is_known_begins_with_the_first_person(
    clock: FakeClock,
) -> None:
    sc = StepClock(step_id=REFLEKSJON.id)
    assert sc.move(REFLEKSJON, +1, clock.now())
    assert read(sc, REFLEKSJON, clock).phase == "runde"
    sc.start(REFLEKSJON, clock.advance(10), ["a", "b"])
    clock.advance(60)
    r = read(sc, REFLEKSJON, clock)
    assert (r.person, r.phase) == ("a", "runde")
    assert r.unit_elapsed == 60 == r.elapsed
    assert r.airtime == {"a": 60, "b": 0}
    unit_keys = {u.key for u in sc.units(REFLEKSJON)}
    assert {k for k, s in sc.unit_times(clock.now()).items() if s > 0} <= unit_keys


def test_an_invalid_pre_start_choice_falls_back_to_the_first_unit(clock: FakeClock) -> None:
    sc = StepClock(step_id=INNSJEKK.id, order=["x", "y"])
    sc.move(INNSJEKK, +1, clock.now())  # y, who is not in the order given at start
    sc.start(INNSJEKK, clock.now(), ["a", "b"])
    clock.advance(10)
    r = read(sc, INNSJEKK, clock)
    assert r.person == "a" and r.unit_elapsed == 10 and r.airtime["a"] == 10


# --- the ends of a step ------------------------------------------------------


@pytest.mark.parametrize("started_", [False, True])
@pytest.mark.parametrize("step", [INNSJEKK, REFLEKSJON, KOLLEGA, PAUSE, INTRO], ids=lambda s: s.id)
def test_move_at_either_end_returns_false_and_changes_nothing(
    step: Step, started_: bool, clock: FakeClock
) -> None:
    sc = StepClock(step_id=step.id, order=PEOPLE)
    if started_:
        sc.start(step, clock.now())
    before = sc.model_dump()
    assert sc.move(step, -1, clock.advance(5)) is False
    assert sc.model_dump() == before
    assert read(sc, step, clock).unit_index == 0
    n = len(sc.units(step))
    for _ in range(n - 1):
        assert sc.move(step, +1, clock.advance(5))
    last = sc.model_dump()
    assert sc.move(step, +1, clock.advance(5)) is False
    assert sc.model_dump() == last
    assert read(sc, step, clock).unit_index == n - 1


def test_moving_to_the_same_unit_adds_no_mark(clock: FakeClock) -> None:
    sc = started(INNSJEKK, clock)
    sc.goto(Unit("a", None), clock.advance(5))
    assert len(sc.marks) == 1


# --- restart -------------------------------------------------------------------


def busy_clock(step: Step, clock: FakeClock) -> StepClock:
    """A clock with runs, pauses, moves, passes and adjustments."""
    sc = started(step, clock)
    clock.advance(70.25)
    sc.move(step, +1, clock.now())
    sc.adjust(step, 45, clock.now())
    clock.advance(33)
    sc.pause(clock.now())
    clock.advance(600)
    sc.pass_turn(step, "c", clock.now())
    sc.start(step, clock.now())
    clock.advance(12.5)
    sc.move(step, +1, clock.now())
    sc.adjust(step, -30, clock.now())
    clock.advance(8)
    return sc


STEPS = [INNSJEKK, REFLEKSJON, KOLLEGA, PAUSE, INTRO]


@pytest.mark.parametrize("trip", [dict_round_trip, toml_round_trip], ids=["dict", "toml"])
@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.id)
def test_restart_reads_the_same_and_a_running_clock_keeps_running(
    step: Step, trip, clock: FakeClock
) -> None:
    sc = busy_clock(step, clock)
    assert sc.status is Status.RUNNING
    before = read(sc, step, clock)
    restored = trip(sc)
    assert restored == sc
    assert read(restored, step, clock) == before
    # the process was dead for five minutes: the wall time counts
    clock.advance(300)
    after = read(restored, step, clock)
    assert after == read(sc, step, clock)
    assert after.elapsed == pytest.approx(before.elapsed + 300)
    assert after.unit_elapsed == pytest.approx(before.unit_elapsed + 300)
    # and it carries on exactly as the original would
    clock.advance(10)
    for c in (sc, restored):
        c.move(step, -1, clock.now())
    clock.advance(10)
    for c in (sc, restored):
        c.pause(clock.now())
    clock.advance(99)
    assert read(restored, step, clock) == read(sc, step, clock)


@pytest.mark.parametrize("trip", [dict_round_trip, toml_round_trip], ids=["dict", "toml"])
def test_restart_of_a_paused_clock_stays_paused(trip, clock: FakeClock) -> None:
    sc = busy_clock(KOLLEGA, clock)
    sc.pause(clock.now())
    before = read(sc, KOLLEGA, clock)
    clock.advance(3600)
    restored = trip(sc)
    r = read(restored, KOLLEGA, clock)
    assert r == before
    assert r.status is Status.PAUSED


def test_restart_of_a_clock_not_started(clock: FakeClock) -> None:
    sc = StepClock(step_id=INNSJEKK.id, order=PEOPLE)
    sc.move(INNSJEKK, +1, clock.now())
    for trip in (dict_round_trip, toml_round_trip):
        restored = trip(sc)
        assert read(restored, INNSJEKK, clock) == read(sc, INNSJEKK, clock)
        assert read(restored, INNSJEKK, clock).person == "b"


def test_the_toml_file_has_no_nulls_and_keeps_utc(clock: FakeClock) -> None:
    sc = busy_clock(INNSJEKK, clock)
    text = tomli_w.dumps(to_toml_data(sc.model_dump(exclude_none=True)))
    data = tomllib.loads(text)
    assert "end" not in data["runs"][-1]
    assert data["runs"][0]["start"] == t0()
    assert data["runs"][0]["start"].utcoffset() == timedelta(0)


def test_restart_through_the_session_file(clock: FakeClock) -> None:
    session = new_session("Ledergruppe Øst", AGENDA, clock.now(), ["Ada", "Bo", "Cy", "Di"])
    clocks = {s.id: busy_clock(s, clock) for s in (INNSJEKK, REFLEKSJON, KOLLEGA)}
    session.clocks = clocks
    text = dumps_session(session)
    loaded = Session.model_validate(tomllib.loads(text))
    clock.advance(125)
    for step in (INNSJEKK, REFLEKSJON, KOLLEGA):
        assert loaded.clocks[step.id] == clocks[step.id]
        assert read(loaded.clocks[step.id], step, clock) == read(clocks[step.id], step, clock)


def test_a_saved_time_without_a_zone_is_refused() -> None:
    with pytest.raises(ValidationError):
        StepClock.model_validate({"step_id": "intro", "runs": [{"start": "2026-03-02T08:00"}]})
    with pytest.raises(ValidationError):
        StepClock.model_validate(
            {"step_id": "intro", "marks": [{"at": datetime(2026, 3, 2, 8, 0)}]}
        )


def test_unknown_fields_and_out_of_range_adjustments_are_refused() -> None:
    with pytest.raises(ValidationError):
        StepClock.model_validate({"step_id": "intro", "tick_count": 3})
    with pytest.raises(ValidationError):
        StepClock.model_validate(
            {
                "step_id": "intro",
                "adjustments": [{"at": t0(), "seconds": MAX_ADJUST_SECONDS + 1}],
            }
        )


# --- properties ----------------------------------------------------------------

NAMES = ["a", "b", "c", "d", "e"]

op = st.one_of(
    st.tuples(st.just("start")),
    st.tuples(st.just("pause")),
    st.tuples(st.just("toggle")),
    st.tuples(st.just("move"), st.sampled_from([-1, 1])),
    st.tuples(st.just("adjust"), st.integers(-900, 900)),
    st.tuples(st.just("pass"), st.sampled_from(NAMES)),
    st.tuples(st.just("unpass"), st.sampled_from(NAMES)),
    st.tuples(st.just("drop"), st.sampled_from(NAMES)),
    st.tuples(st.just("rejoin"), st.sampled_from(NAMES)),
    st.tuples(st.just("advance"), st.floats(0, 600, allow_nan=False)),
    st.tuples(st.just("advance"), st.integers(0, 600)),
)


def apply(sc: StepClock, step: Step, clock: FakeClock, order: list[str], o: tuple) -> None:
    now = clock.now()
    match o:
        case ("start",):
            sc.start(step, now, order)
        case ("pause",):
            sc.pause(now)
        case ("toggle",):
            sc.toggle(step, now)
        case ("move", d):
            sc.move(step, d, now)
        case ("adjust", s):
            sc.adjust(step, s, now)
        case ("pass", p):
            sc.pass_turn(step, p, now)
        case ("unpass", p):
            sc.unpass(step, p, now)
        case ("drop", p):
            sc.drop(step, p, now)
        case ("rejoin", p) if p in order:  # back: only someone of this group
            sc.rejoin(step, p, now)
        case ("advance", s):
            clock.advance(s)


def expected_elapsed(sc: StepClock, now: datetime) -> float:
    return sum(((r.end or now) - r.start).total_seconds() for r in sc.runs)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    step=st.sampled_from(STEPS),
    n=st.integers(0, 5),
    preset=st.booleans(),
    ops=st.lists(op, max_size=40),
)
# Bugs found by this test, kept as fixed examples:
# a round phase chosen before the order was known left the focus on a unit the
# step no longer had, while its time went to that ghost unit,
@example(step=REFLEKSJON, n=2, preset=False, ops=[("move", 1), ("start",), ("advance", 60)])
# passing the focus person in peer supervision moved to their own next phase,
@example(step=KOLLEGA, n=2, preset=False, ops=[("start",), ("pass", "a"), ("advance", 9)])
# and dropping someone who had passed without speaking left them in `passed`;
@example(step=INNSJEKK, n=3, preset=False, ops=[("start",), ("pass", "b"), ("drop", "b")])
# undoing a pass after everyone had passed left the floor with someone who had
# passed (issue 12: "pass b, pass a, unpass b"),
@example(
    step=INNSJEKK,
    n=2,
    preset=False,
    ops=[("start",), ("pass", "b"), ("pass", "a"), ("unpass", "b")],
)
# and so did the order fixed at the start bringing back someone dropped before it.
@example(
    step=INNSJEKK,
    n=3,
    preset=True,
    ops=[("pass", "b"), ("drop", "a"), ("pass", "c"), ("start",)],
)
# Someone back when the clock had run with nobody listed left the focus on a
# unit the step no longer had.
@example(step=INNSJEKK, n=1, preset=False, ops=[("toggle",), ("rejoin", "a")])
@example(step=INNSJEKK, n=1, preset=False, ops=[("toggle",), ("advance", 1.0), ("rejoin", "a")])
@example(step=REFLEKSJON, n=2, preset=False, ops=[("start",), ("move", 1), ("rejoin", "b")])
def test_invariants_under_random_operations(
    step: Step, n: int, preset: bool, ops: list[tuple]
) -> None:
    clock = FakeClock(t0())
    order = NAMES[:n]
    sc = StepClock(step_id=step.id, order=order if preset else [])
    last_elapsed = 0.0
    last_airtime: dict[str, float] = {}
    last_passed: set[str] = set()
    ran_with_nobody = False
    for o in ops:
        apply(sc, step, clock, order, o)
        now = clock.now()
        r = sc.read(step, now, WARN)
        units = sc.units(step)

        # elapsed is the sum of the runs, never decreases, never exceeds wall time
        assert r.elapsed == pytest.approx(expected_elapsed(sc, now), abs=1e-6)
        assert r.elapsed >= last_elapsed - 1e-9
        last_elapsed = r.elapsed
        if sc.runs:
            assert r.elapsed <= (now - sc.runs[0].start).total_seconds() + 1e-9
            # time is never lost between units: every running second is in one
            times = sc.unit_times(now)
            assert sum(times.values()) == pytest.approx(r.elapsed, abs=1e-6)
            # and only in units of this step, the last one being the one shown
            # (but time that ran while nobody was listed stays nobody's when
            # someone comes back: it was not theirs)
            keys = {u.key for u in units}
            ran_with_nobody = ran_with_nobody or (not sc.order and r.elapsed > 0)
            if not ran_with_nobody:
                assert {k for k, s in times.items() if s > 0} <= keys
            assert (sc.marks[-1].person, sc.marks[-1].phase) == (r.person, r.phase)
            assert r.unit_elapsed == pytest.approx(times.get((r.person, r.phase), 0.0))
            assert sum(r.airtime.values()) == pytest.approx(
                sum(s for (p, _), s in times.items() if p is not None), abs=1e-6
            )
        else:
            assert r.elapsed == 0

        # planned times are never negative and add up
        per_unit = [sc.unit_planned(step, u) for u in units]
        assert all(p >= 0 for p in per_unit)
        assert r.planned == pytest.approx(sum(per_unit))
        assert r.unit_planned >= 0
        assert 0 <= r.unit_index < r.unit_count == len(units)
        assert units[r.unit_index] == Unit(r.person, r.phase)
        assert set(r.passed) <= set(sc.order)
        # nobody who has passed or left has the floor while someone else could
        # have it; when nobody is left the round is complete
        if r.person is not None and r.person in r.passed:
            assert r.complete
        assert r.complete == (bool(sc.order) and all(u.person in r.passed for u in units))
        if r.complete:
            # the round is over, not in overtime, and its clock has stopped
            assert Level.OVERTIME not in (r.level, r.unit_level)
            assert r.status is not Status.RUNNING
        # no time is counted on someone after they have passed
        for p in last_passed & set(r.passed):
            assert r.airtime[p] == pytest.approx(last_airtime[p], abs=1e-9)
        last_passed, last_airtime = set(r.passed), dict(r.airtime)
        # whoever passed keeps no more than they had used (with what was added)
        times = sc.unit_times(now)
        for u, planned in zip(units, per_unit, strict=True):
            if u.person in sc.passes:
                added = sum(a.seconds for a in sc.adjustments if (a.person, a.phase) == u.key)
                assert planned <= max(0.0, times.get(u.key, 0.0) + added) + 1e-6
        # a pass undone at once gives back every share, and the floor if it took it
        for p in [q for q in sc.order if q not in sc.passed]:
            trial = sc.model_copy(deep=True)
            trial.pass_turn(step, p, now)
            trial.unpass(step, p, now)
            assert [trial.unit_planned(step, u) for u in units] == pytest.approx(per_unit)
            assert p not in trial.passed
            if trial.current(step).person in trial.passed:
                assert trial.complete(step)

        # a restart reads the same
        assert read(dict_round_trip(sc), step, clock) == r
        assert read(toml_round_trip(sc), step, clock) == r


@settings(max_examples=60, deadline=None)
@given(
    step=st.sampled_from([INNSJEKK, REFLEKSJON, KOLLEGA]),
    n=st.integers(1, 6),
    passes=st.sets(st.integers(0, 5)),
)
def test_passing_never_changes_the_plan_of_a_round(step: Step, n: int, passes: set[int]) -> None:
    clock = FakeClock(t0())
    people = [f"p{i}" for i in range(n)]
    sc = started(step, clock, people)
    for i in sorted(passes):
        if i < n - 1:  # keep at least one
            sc.pass_turn(step, people[i], clock.now())
    active = n - len(sc.passed)
    planned = read(sc, step, clock).planned
    if step is KOLLEGA:
        assert planned == 900 * active
    else:
        assert planned == pytest.approx(step.base_minutes * 60)
    assert read(sc, step, clock).person not in sc.passed


@settings(max_examples=60, deadline=None)
@given(ops=st.lists(op, max_size=30), later=st.floats(0, 3600, allow_nan=False))
def test_a_restart_continues_like_the_original(ops: list[tuple], later: float) -> None:
    clock = FakeClock(t0())
    sc = StepClock(step_id=KOLLEGA.id)
    for o in ops:
        apply(sc, KOLLEGA, clock, PEOPLE, o)
    restored = toml_round_trip(sc)
    clock.advance(later)
    assert read(restored, KOLLEGA, clock) == read(sc, KOLLEGA, clock)
    for c in (sc, restored):
        c.move(KOLLEGA, +1, clock.now())
        c.adjust(KOLLEGA, 30, clock.now())
    clock.advance(later)
    assert read(restored, KOLLEGA, clock) == read(sc, KOLLEGA, clock)


round_op = st.one_of(
    st.tuples(st.just("advance"), st.integers(0, 200)),
    st.tuples(st.just("move"), st.sampled_from([+1, -1])),
    st.tuples(st.just("pass"), st.integers(0, 5)),
    st.tuples(st.just("pass_focus"), st.none()),
    st.tuples(st.just("unpass"), st.integers(0, 5)),
)


@settings(max_examples=150, deadline=None)
@given(
    step=st.sampled_from([INNSJEKK, REFLEKSJON]),
    n=st.integers(1, 6),
    ops=st.lists(round_op, max_size=25),
)
def test_passes_at_any_moment_keep_the_rounds_length(step: Step, n: int, ops: list[tuple]) -> None:
    """Whoever passes when, and whatever they had used: while one person is left,
    the shares add up to the round's time, none is negative, and nobody who passes
    is planned more than their share or more than they had used."""
    clock = FakeClock(t0())
    people = [f"p{i}" for i in range(n)]
    sc = started(step, clock, people)
    for kind, arg in ops:
        if kind == "advance":
            clock.advance(arg)
        elif kind == "move":
            sc.move(step, arg, clock.now())
        elif kind == "pass" and arg < n:
            sc.pass_turn(step, people[arg], clock.now())
        elif kind == "pass_focus":
            person = read(sc, step, clock).person
            if person is not None:
                sc.pass_turn(step, person, clock.now())
        elif kind == "unpass" and arg < n:
            sc.unpass(step, people[arg], clock.now())
    units = sc.units(step)
    per_unit = {u: sc.unit_planned(step, u) for u in units}
    assert all(v >= 0 for v in per_unit.values())
    assert set(sc.passes) == set(sc.passed)
    if len(sc.passed) < n:
        assert sum(per_unit.values()) == pytest.approx(step.base_minutes * 60)
    airtime = read(sc, step, clock).airtime
    for u, planned in per_unit.items():
        if u.person in sc.passed:  # they keep no more than they used
            assert planned <= airtime[u.person] + 1e-9
