"""The workshop controller: a whole session driven with a fake clock, and each
intention on its own (setup, steps, the timer, people, capture, editing)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from facilitator.agenda.model import NoteKind, StepKind
from facilitator.law import Paragraph
from facilitator.session.model import (
    CheckoutAnswer,
    Dilemma,
    Finding,
    FindingKind,
    Measure,
    MeasureStatus,
    Note,
    Session,
    Visibility,
    new_session,
)
from facilitator.session.store import SessionStore
from facilitator.stepclock import Level, Status, Unit
from facilitator.timesource import FakeClock
from facilitator.workshop import COLLECTIONS, Workshop

NAMES = ["Kari Nordmann", "Ola Hansen", "Per Berg", "Lise Dahl"]
START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class Changes:
    """An `on_change` that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1


def make(agenda: Any, clock: FakeClock, names: list[str] | None = None) -> tuple[Workshop, Changes]:
    session = new_session("Ledergruppe Øst", agenda, clock.now(), NAMES if names is None else names)
    changes = Changes()
    return Workshop(session, clock, changes), changes


@pytest.fixture
def ws(default_agenda: Any, clock: FakeClock) -> tuple[Workshop, Changes]:
    return make(default_agenda, clock)


def change(w: Workshop, changes: Changes, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
    """Call one intention; it must call on_change exactly once and stamp updated_at."""
    before = changes.calls
    result = fn(*args, **kw)
    assert changes.calls == before + 1, fn.__name__
    assert w.session.updated_at == w.clock.now(), fn.__name__
    return result


def goto(w: Workshop, step_id: str) -> None:
    w.goto_step(w.session.agenda.step_index(step_id))
    assert w.step.id == step_id


def running(session: Session) -> list[str]:
    return [sid for sid, c in session.clocks.items() if c.status is Status.RUNNING]


# --- a whole session ------------------------------------------------------------


def test_a_whole_four_person_session(
    ws: tuple[Workshop, Changes], clock: FakeClock, tmp_path: Any
) -> None:
    w, changes = ws
    s = w.session
    step_ids = [st.id for st in w.steps]
    assert step_ids == [
        "intro",
        "fasilitator",
        "innsjekk",
        "faglig-intro",
        "refleksjon",
        "pause",
        "forberedelse",
        "kollegaveiledning",
        "utsjekk",
        "avslutning",
    ]
    assert s.state == "setup"
    assert w.schedule().total_minutes == 140

    # setup
    chosen = change(w, changes, w.draw_facilitator, random.Random(3))
    assert chosen == random.Random(3).choice(s.participants).id
    assert s.facilitator == chosen

    change(w, changes, w.begin)
    assert s.state == "running"
    assert s.started_at == START
    assert s.current_step == "intro"
    assert running(s) == []  # beginning does not start a timer
    assert w.reading().status is Status.NOT_STARTED

    # 0 intro: timed, no phases
    change(w, changes, w.toggle_timer)
    assert running(s) == ["intro"]
    clock.advance(minutes=10)
    note = change(w, changes, w.add_note, "Filmen satte i gang gode samtaler")
    assert (note.step_id, note.phase_id, note.person, note.kind) == (
        "intro",
        None,
        None,
        NoteKind.NOTE,
    )
    assert w.reading().elapsed == 600

    # 1 choose a facilitator: moving on pauses the intro and starts nothing
    assert change(w, changes, w.next_step)
    assert s.current_step == "fasilitator"
    assert running(s) == []
    assert s.clocks["intro"].runs[-1].end == clock.now()
    assert "fasilitator" not in s.clocks
    clock.advance(minutes=2)

    # 2 check-in: a round; 8 minutes split among 4
    assert change(w, changes, w.next_step)
    assert w.step.kind is StepKind.ROUND
    change(w, changes, w.toggle_timer)
    for i, pid in enumerate(["p1", "p2", "p3", "p4"]):
        r = w.reading()
        assert (r.person, r.phase, r.unit_index, r.unit_count) == (pid, None, i, 4)
        assert r.unit_planned == 120
        clock.advance(minutes=2)
        n = change(w, changes, w.add_note, f"{w.name(pid)} er spent")
        assert (n.step_id, n.phase_id, n.person, n.kind) == ("innsjekk", None, pid, NoteKind.NOTE)
        if pid != "p4":
            assert change(w, changes, w.move_unit, +1)
    before = changes.calls
    assert not w.move_unit(+1)  # the end of the round: moving on is a separate act
    assert changes.calls == before
    r = w.reading()
    assert r.elapsed == r.planned == 480
    assert r.airtime == {"p1": 120, "p2": 120, "p3": 120, "p4": 120}

    # 3 professional introduction
    assert change(w, changes, w.next_step)
    change(w, changes, w.toggle_timer)
    clock.advance(minutes=5)
    n = change(
        w, changes, w.add_note, "Endringene i § 4-3 gjelder fra 2026", factors=[Paragraph.P1]
    )
    assert n.factors == [Paragraph.P1]

    # 4 reflection: alone, a round phase, discussion
    assert change(w, changes, w.next_step)
    assert s.current_step == "refleksjon"
    change(w, changes, w.toggle_timer)
    expected_units = [(None, "alene")] + [(p, "runde") for p in ["p1", "p2", "p3", "p4"]]
    expected_units += [(None, "diskusjon")]
    seen = []
    for i in range(6):
        r = w.reading()
        seen.append((r.person, r.phase))
        phase = w.phase(r)
        assert phase is not None and phase.id == r.phase
        minutes = {"alene": 2, "runde": 2, "diskusjon": 10}[r.phase]
        assert r.unit_planned == minutes * 60
        clock.advance(minutes=minutes)
        n = change(w, changes, w.add_note, f"refleksjon {i}")
        assert (n.step_id, n.phase_id, n.person) == ("refleksjon", r.phase, r.person)
        if i < 5:
            assert change(w, changes, w.move_unit, +1)
    assert seen == expected_units
    strength = change(
        w, changes, w.add_finding, FindingKind.STRENGTH, "Godt kollegafellesskap", Paragraph.P2D
    )
    risk = change(
        w,
        changes,
        w.add_finding,
        FindingKind.RISK,
        "Høy arbeidsmengde i turnus",
        Paragraph.P2C,
        visibility=Visibility.GROUP,
    )
    assert (strength.step_id, strength.visibility) == ("refleksjon", Visibility.SHARED)
    assert (risk.kind, risk.factor, risk.visibility) == (
        FindingKind.RISK,
        Paragraph.P2C,
        Visibility.GROUP,
    )

    # break
    assert change(w, changes, w.next_step)
    assert w.step.kind is StepKind.BREAK
    assert running(s) == []
    clock.advance(minutes=10)

    # 5a prepare: a dilemma per participant
    assert change(w, changes, w.next_step)
    assert s.current_step == "forberedelse"
    change(w, changes, w.toggle_timer)
    texts = {
        "p1": ("Turnus og ønsker", "Hvordan fordele helgevakter rettferdig når alle vil ha fri?"),
        "p2": ("Trakassering", "En ansatt sier at en kollega trakasserer henne på vakt."),
        "p3": ("Endring", "Hvordan ta med de ansatte i en omorganisering?"),
        "p4": ("Forventninger", "Uklare krav fra ledelsen og fra brukerne."),
    }
    for pid, (title, text) in texts.items():
        d = change(w, changes, w.set_dilemma, pid, title, text, factors=[Paragraph.P2A])
        assert (d.owner, d.title, d.text, d.visibility) == (pid, title, text, Visibility.GROUP)
        assert d.hr_hint is (pid == "p2")
    clock.advance(minutes=5)
    assert [d.owner for d in s.dilemmas] == ["p1", "p2", "p3", "p4"]

    # 5b peer supervision: 4 turns of 4 phases
    assert change(w, changes, w.next_step)
    assert running(s) == []
    change(w, changes, w.toggle_timer)
    kinds = {
        "presentasjon": NoteKind.NOTE,
        "sporsmal": NoteKind.NOTE,
        "drofting": NoteKind.FOCUS_NOTES,
        "respons": NoteKind.TAKEAWAY,
    }
    minutes = {"presentasjon": 3, "sporsmal": 5, "drofting": 5, "respons": 2}
    index = 0
    for pid in ["p1", "p2", "p3", "p4"]:
        for phase_id in ["presentasjon", "sporsmal", "drofting", "respons"]:
            r = w.reading()
            assert (r.person, r.phase, r.unit_index, r.unit_count) == (pid, phase_id, index, 16)
            assert r.unit_planned == minutes[phase_id] * 60
            assert w.focus_participant(r).name == w.name(pid)  # type: ignore[union-attr]
            assert w.default_note_kind() is kinds[phase_id]
            clock.advance(minutes=minutes[phase_id])
            n = change(w, changes, w.add_note, f"{pid} {phase_id}")
            assert (n.step_id, n.phase_id, n.person, n.kind) == (
                "kollegaveiledning",
                phase_id,
                pid,
                kinds[phase_id],
            )
            assert n.visibility is Visibility.GROUP
            index += 1
            if index < 16:
                assert change(w, changes, w.move_unit, +1)
    assert not w.move_unit(+1)
    r = w.reading()
    assert r.elapsed == r.planned == 4 * 15 * 60
    assert r.airtime == {p: 15 * 60 for p in ["p1", "p2", "p3", "p4"]}
    assert r.level.value == "overtime"  # all time used: remaining is 0

    # 6 check-out: a round with answers
    assert change(w, changes, w.next_step)
    change(w, changes, w.toggle_timer)
    for pid in ["p1", "p2", "p3", "p4"]:
        assert w.reading().person == pid
        a = change(w, changes, w.add_checkout, pid, f"Det mest verdifulle for {pid}")
        b = change(w, changes, w.add_checkout, pid, "Gleder meg til neste gang", question=1)
        assert (a.person, a.question, b.question) == (pid, 0, 1)
        clock.advance(seconds=150)
        if pid != "p4":
            assert change(w, changes, w.move_unit, +1)

    # 7 closing: measures with owner and deadline, next meeting
    assert change(w, changes, w.next_step)
    assert s.current_step == "avslutning"
    assert not w.next_step()  # the last step
    change(w, changes, w.toggle_timer)
    m1 = change(
        w,
        changes,
        w.add_measure,
        "Fast ukentlig kollegaveiledning",
        owner="Avdelingsleder",
        deadline=date(2026, 4, 30),
        challenge="Lite tid til refleksjon",
        factor=Paragraph.P2D,
        likelihood=3,
        consequence=4,
    )
    m2 = change(
        w, changes, w.add_measure, "Rutine for å melde trakassering", owner="HR", deadline=None
    )
    assert (m1.owner, m1.deadline, m1.risk, m1.status) == (
        "Avdelingsleder",
        date(2026, 4, 30),
        12,
        MeasureStatus.PLANNED,
    )
    assert m2.risk is None and m2.visibility is Visibility.SHARED
    meeting = datetime(2026, 4, 6, 8, 0, tzinfo=UTC)
    change(w, changes, w.set_next_meeting, meeting)
    clock.advance(minutes=12)
    change(w, changes, w.finish)
    assert s.state == "finished"
    assert s.finished_at == clock.now()
    assert running(s) == []

    # what the session holds
    assert len(s.notes) == 1 + 4 + 1 + 6 + 16
    assert [n.kind for n in s.notes].count(NoteKind.FOCUS_NOTES) == 4
    assert [n.kind for n in s.notes].count(NoteKind.TAKEAWAY) == 4
    assert len(s.dilemmas) == 4 and [d.hr_hint for d in s.dilemmas] == [
        False,
        True,
        False,
        False,
    ]
    assert [f.kind for f in s.findings] == [FindingKind.STRENGTH, FindingKind.RISK]
    assert len(s.checkouts) == 8
    assert [m.what for m in s.measures] == [m1.what, m2.what]
    assert s.next_meeting == meeting
    assert set(s.clocks) == set(step_ids) - {"fasilitator", "pause"}
    # 10+2+8+5+20+10+5+60+10+12 minutes from the start
    assert clock.now() - START == timedelta(minutes=142)
    assert w.projection().projected_end == clock.now()

    # it survives the disk
    store = SessionStore(tmp_path)
    store.save(s)
    loaded = store.load(s.id)
    assert loaded == s
    assert loaded.model_dump() == s.model_dump()


def test_a_saved_session_continues_where_it_was(
    ws: tuple[Workshop, Changes], clock: FakeClock, tmp_path: Any
) -> None:
    w, _ = ws
    w.begin()
    goto(w, "kollegaveiledning")
    w.toggle_timer()
    for _ in range(5):
        clock.advance(minutes=3)
        w.move_unit(+1)
    w.adjust(+2)
    w.pass_turn("p3")
    store = SessionStore(tmp_path)
    store.save(w.session)
    again = Workshop(store.load(w.session.id), clock)
    clock.advance(seconds=75)
    assert again.reading() == w.reading()
    assert again.projection() == w.projection()
    assert again.step.id == "kollegaveiledning"


# --- steps ----------------------------------------------------------------------


def test_moving_between_steps_never_starts_a_timer_and_pauses_the_one_left(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, changes = ws
    w.begin()
    for i in range(len(w.steps)):
        assert w.step_index == i
        assert running(w.session) == []
        w.toggle_timer()
        assert running(w.session) == [w.step.id]
        clock.advance(minutes=1)
        left = w.step.id
        moved = change(w, changes, w.next_step) if i < len(w.steps) - 1 else None
        if moved:
            assert running(w.session) == []
            assert w.session.clocks[left].runs[-1].end == clock.now()
    # and backwards: a paused step is not resumed by coming back to it
    while w.step_index > 0:
        w.toggle_timer()
        clock.advance(seconds=30)
        left = w.step.id
        assert change(w, changes, w.previous_step)
        assert running(w.session) == []
        assert w.session.clocks[left].status is Status.PAUSED
    assert w.reading().status is Status.PAUSED


def test_goto_step_refuses_the_same_step_and_steps_that_do_not_exist(
    ws: tuple[Workshop, Changes],
) -> None:
    w, changes = ws
    w.begin()
    before = changes.calls
    assert not w.goto_step(0)
    assert not w.goto_step(-1)
    assert not w.goto_step(len(w.steps))
    assert not w.previous_step()
    assert changes.calls == before
    assert change(w, changes, w.goto_step, 7)
    assert w.step.id == "kollegaveiledning"


def test_steps_before_the_current_one_count_as_done(ws: tuple[Workshop, Changes]) -> None:
    w, _ = ws
    w.begin()
    goto(w, "refleksjon")
    done = [st.id for st in w.steps if w.step_done(st)]
    assert done == ["intro", "fasilitator", "innsjekk", "faglig-intro"]


def test_going_to_a_step_from_setup_starts_the_session(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, _ = ws
    clock.advance(minutes=3)
    assert w.goto_step(2)
    assert w.session.started_at == clock.now()
    assert w.session.current_step == "innsjekk"
    assert running(w.session) == []


def test_starting_the_timer_in_setup_puts_the_session_at_its_first_step(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, _ = ws
    w.toggle_timer()
    assert w.session.state == "running"
    assert w.session.current_step == "intro"
    assert running(w.session) == ["intro"]
    clock.advance(minutes=4)
    # the projection counts the running step, not the whole plan from now
    assert w.projection().projected_end == START + timedelta(minutes=140)


# --- the timer --------------------------------------------------------------------


def four_minutes_in(w: Workshop, clock: FakeClock) -> None:
    """The first step has run for four minutes."""
    w.begin()
    w.toggle_timer()
    clock.advance(minutes=4)


def test_a_clock_left_running_for_days_stops_at_the_last_change(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, changes = ws
    four_minutes_in(w, clock)
    w.add_note("Siste notat før strømmen gikk")
    last = clock.now()
    clock.advance(minutes=30)  # the laptop died; the room went on, nobody came back
    assert w.stop_stale_clocks() is None  # 30 minutes: could still be the workshop
    clock.advance(minutes=3 * 24 * 60)
    assert change(w, changes, w.stop_stale_clocks) == last
    assert running(w.session) == []
    assert w.reading().elapsed == 4 * 60
    assert w.stop_stale_clocks() is None  # nothing runs now


def test_a_paused_session_reopened_days_later_is_left_as_it_was(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, changes = ws
    four_minutes_in(w, clock)
    w.pause()
    clock.advance(minutes=3 * 24 * 60)
    before = changes.calls
    assert w.stop_stale_clocks() is None
    assert changes.calls == before


def test_toggle_pause_and_resume(ws: tuple[Workshop, Changes], clock: FakeClock) -> None:
    w, changes = ws
    w.begin()
    change(w, changes, w.toggle_timer)
    clock.advance(minutes=3)
    change(w, changes, w.toggle_timer)
    assert w.reading().status is Status.PAUSED
    clock.advance(minutes=30)  # paused time does not count
    change(w, changes, w.toggle_timer)
    clock.advance(minutes=1)
    change(w, changes, w.pause)
    assert w.reading().elapsed == 4 * 60
    before = changes.calls
    w.pause()  # already paused: nothing changes
    assert changes.calls == before


def test_pause_without_a_clock_changes_nothing(ws: tuple[Workshop, Changes]) -> None:
    w, changes = ws
    w.begin()
    before = changes.calls
    w.pause()
    assert changes.calls == before
    assert w.session.clocks == {}


def test_adjust_adds_and_takes_time_on_the_unit_in_focus(
    ws: tuple[Workshop, Changes],
) -> None:
    w, changes = ws
    w.begin()
    goto(w, "innsjekk")
    w.toggle_timer()
    change(w, changes, w.adjust, +2)
    r = w.reading()
    assert (r.person, r.unit_planned, r.planned) == ("p1", 240, 600)
    change(w, changes, w.adjust, -10)  # never below zero
    assert w.reading().unit_planned == 0
    w.move_unit(+1)
    assert w.reading().unit_planned == 120


def test_move_unit_backwards_and_at_the_ends(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, changes = ws
    w.begin()
    goto(w, "kollegaveiledning")
    before = changes.calls
    assert not w.move_unit(-1)
    assert changes.calls == before
    w.toggle_timer()
    assert w.move_unit(+1) and w.move_unit(+1)
    assert w.reading().phase == "drofting"
    assert change(w, changes, w.move_unit, -1)
    assert (w.reading().person, w.reading().phase) == ("p1", "sporsmal")
    clock.advance(minutes=1)
    assert w.reading().unit_elapsed == 60


def test_moving_before_the_start_chooses_where_the_timer_begins(
    ws: tuple[Workshop, Changes],
) -> None:
    w, _ = ws
    w.begin()
    goto(w, "innsjekk")
    assert w.move_unit(+1)
    assert w.reading().status is Status.NOT_STARTED
    assert w.reading().person == "p2"
    w.toggle_timer()
    assert w.reading().person == "p2"


# --- who is here ----------------------------------------------------------------


def shares(w: Workshop) -> dict[str, float]:
    clock = w.step_clock()
    return {p: clock.unit_planned(w.step, Unit(p, None)) for p in clock.order}


def test_pass_and_absence_in_a_round_recompute_the_shares(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, changes = ws
    w.begin()
    goto(w, "innsjekk")
    w.toggle_timer()
    assert shares(w) == {"p1": 120, "p2": 120, "p3": 120, "p4": 120}

    assert change(w, changes, w.pass_turn, "p3")
    # p1 has the floor: p3's share goes to p2 and p4, who are waiting
    assert shares(w) == {"p1": 120, "p2": 180, "p3": 0, "p4": 180}
    assert w.reading().passed == ("p3",)
    assert w.reading().person == "p1"  # someone else passing does not move the focus

    change(w, changes, w.set_present, "p4", False)  # not yet in focus: leaves the order
    assert shares(w) == {"p1": 160, "p2": 320, "p3": 0}
    assert w.reading().planned == 480
    assert [p.id for p in w.session.present] == ["p1", "p2", "p3"]
    assert w.schedule().total_minutes == 125  # peer supervision is one turn shorter

    clock.advance(minutes=1)
    assert w.move_unit(+1)
    assert w.reading().person == "p2"
    assert not w.move_unit(+1)  # p3 passed: p2 is the last

    change(w, changes, w.set_present, "p4", True)  # back: at the end of the order
    assert shares(w) == {"p1": 120, "p2": 180, "p3": 0, "p4": 180}
    assert w.move_unit(+1)
    assert w.reading().person == "p4"

    # the one in focus passes: the focus moves on, backwards at the end
    assert change(w, changes, w.pass_turn)
    assert w.reading().person == "p2"
    # p3's share went to p2 and p4 (waiting then); p4's, with what p3 had given,
    # to both who are left, since nobody is waiting any more
    assert shares(w) == {"p1": 210, "p2": 270, "p3": 0, "p4": 0}


def test_someone_who_has_spoken_and_leaves_keeps_their_airtime(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, _ = ws
    w.begin()
    goto(w, "innsjekk")
    w.toggle_timer()
    clock.advance(minutes=2)
    w.move_unit(+1)
    w.set_present("p1", False)
    r = w.reading()
    assert r.airtime["p1"] == 120
    assert r.passed == ("p1",)
    # the two minutes p1 used are p1's; none of the share was left to give on
    assert shares(w) == {"p1": 120, "p2": 120, "p3": 120, "p4": 120}
    w.set_present("p1", True)  # back again: their share is theirs again
    assert shares(w)["p1"] == 120


def test_ola_speaks_is_called_away_kari_passes_and_ola_comes_back(
    default_agenda: Any, clock: FakeClock
) -> None:
    """Issue 12: the screen showed red overtime with 7:47 left, and marking Ola
    back left the floor with Kari, who had passed."""
    w, _ = make(default_agenda, clock, ["Ola", "Kari"])
    w.begin()
    goto(w, "innsjekk")
    w.toggle_timer()
    clock.advance(13)
    w.set_present("p1", False)  # Ola had the floor: it goes to Kari
    r = w.reading()
    assert r.person == "p2" and r.unit_planned == 480 - 13
    clock.advance(2)
    assert w.pass_turn()  # Kari passes: nobody is left, the round is complete
    r = w.reading()
    assert r.complete and r.status is Status.PAUSED
    assert Level.OVERTIME not in (r.level, r.unit_level)
    assert r.airtime == {"p1": 13, "p2": 2}
    clock.advance(60)
    w.toggle_timer()  # nothing to time: the clock stays stopped
    assert w.reading().status is Status.PAUSED and w.reading().airtime["p2"] == 2

    w.set_present("p1", True)  # Ola is back: the floor is hers, with the time left
    r = w.reading()
    assert not r.complete and r.person == "p1" and r.passed == ("p2",)
    assert r.unit_planned == 480 - 2 and r.unit_remaining == 480 - 2 - 13
    assert r.remaining == 480 - 2 - 13
    w.toggle_timer()
    clock.advance(10)
    r = w.reading()
    assert r.status is Status.RUNNING and r.unit_remaining == 480 - 2 - 23
    assert r.unit_level is Level.NORMAL


def test_someone_back_before_their_turn_queues_without_taking_the_floor(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, _ = ws
    w.begin()
    goto(w, "innsjekk")
    w.set_present("p3", False)
    w.toggle_timer()
    clock.advance(30)
    w.set_present("p3", True)
    assert w.reading().person == "p1"
    assert w.step_clock().order == ["p1", "p2", "p4", "p3"]
    # the one with the floor is called away: it goes to the next one waiting
    w.set_present("p1", False)
    assert w.reading().person == "p2"


def test_set_present_to_what_it_is_changes_nothing(ws: tuple[Workshop, Changes]) -> None:
    w, changes = ws
    before = changes.calls
    w.set_present("p1", True)
    w.set_present("p9", False)
    assert changes.calls == before


def test_passing_in_peer_supervision_skips_the_whole_turn(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, _ = ws
    w.begin()
    goto(w, "kollegaveiledning")
    w.toggle_timer()
    clock.advance(minutes=3)
    w.pass_turn("p1")
    r = w.reading()
    assert (r.person, r.phase) == ("p2", "presentasjon")
    # p1 keeps the three minutes used; the rest of the turn is not planned any more
    assert r.planned == 3 * 15 * 60 + 180
    assert r.remaining == 3 * 15 * 60
    assert r.passed == ("p1",)


def test_absent_before_peer_supervision_shortens_it(
    ws: tuple[Workshop, Changes],
) -> None:
    w, _ = ws
    w.begin()
    w.set_present("p2", False)
    goto(w, "kollegaveiledning")
    w.toggle_timer()
    r = w.reading()
    assert r.unit_count == 12
    assert r.planned == 3 * 15 * 60
    assert w.step_clock().order == ["p1", "p3", "p4"]


def test_pass_turn_without_anyone_in_focus_is_refused(ws: tuple[Workshop, Changes]) -> None:
    w, changes = ws
    w.begin()
    before = changes.calls
    assert not w.pass_turn()  # the intro has no person in focus
    assert changes.calls == before


# --- setup ------------------------------------------------------------------------


def test_set_participants_numbers_them_by_position_and_drops_blanks(
    ws: tuple[Workshop, Changes],
) -> None:
    w, changes = ws
    change(w, changes, w.set_participants, ["  Anne ", "", "   ", "Bjørn"])
    assert [(p.id, p.name) for p in w.session.participants] == [("p1", "Anne"), ("p2", "Bjørn")]


def test_set_participants_keeps_or_clears_the_facilitator(
    ws: tuple[Workshop, Changes],
) -> None:
    w, changes = ws
    w.set_facilitator("p2")
    change(w, changes, w.set_participants, ["A", "B", "C"])
    assert w.session.facilitator == "p2"
    change(w, changes, w.set_participants, ["A"])  # p2 is gone
    assert w.session.facilitator is None


def test_set_participants_refused_leaves_people_and_facilitator(
    ws: tuple[Workshop, Changes],
) -> None:
    w, changes = ws
    w.set_facilitator("p4")
    before, calls = list(w.session.participants), changes.calls
    with pytest.raises(ValidationError):
        w.set_participants([f"Person {i}" for i in range(31)])
    with pytest.raises(ValidationError):
        w.set_participants(["ok", "x" * 201])
    assert w.session.participants == before
    assert w.session.facilitator == "p4"
    assert changes.calls == calls


def test_the_facilitator_must_be_a_participant(ws: tuple[Workshop, Changes]) -> None:
    w, changes = ws
    with pytest.raises(ValidationError):
        w.set_facilitator("p9")
    assert w.session.facilitator is None
    change(w, changes, w.set_facilitator, "p1")
    change(w, changes, w.set_facilitator, None)
    assert w.session.facilitator is None


@pytest.mark.parametrize("seed", [0, 1, 2, 42, 2026])
def test_draw_facilitator_is_deterministic_with_a_seed(
    default_agenda: Any, clock: FakeClock, seed: int
) -> None:
    a, _ = make(default_agenda, clock)
    b, _ = make(default_agenda, clock)
    assert a.draw_facilitator(random.Random(seed)) == b.draw_facilitator(random.Random(seed))
    assert a.session.facilitator == random.Random(seed).choice(a.session.participants).id


def test_draw_facilitator_picks_only_someone_present(
    ws: tuple[Workshop, Changes],
) -> None:
    w, changes = ws
    for pid in ["p1", "p2", "p4"]:
        w.set_present(pid, False)
    for seed in range(20):
        assert w.draw_facilitator(random.Random(seed)) == "p3"
    w.set_present("p3", False)
    before = changes.calls
    assert w.draw_facilitator(random.Random(0)) is None
    assert changes.calls == before


@pytest.mark.parametrize("seed", [0, 7, 99])
def test_shuffle_order_is_deterministic_with_a_seed(
    default_agenda: Any, clock: FakeClock, seed: int
) -> None:
    w, changes = make(default_agenda, clock)
    change(w, changes, w.shuffle_order, random.Random(seed))
    expected = list(range(4))
    random.Random(seed).shuffle(expected)
    assert [p.name for p in w.session.participants] == [NAMES[i] for i in expected]
    # ids stay with their people
    assert {p.id: p.name for p in w.session.participants} == {
        f"p{i}": n for i, n in enumerate(NAMES, 1)
    }
    other, _ = make(default_agenda, clock)
    other.shuffle_order(random.Random(seed))
    assert [p.id for p in other.session.participants] == [p.id for p in w.session.participants]
    # a round follows the new order
    w.begin()
    goto(w, "innsjekk")
    w.toggle_timer()
    assert w.step_clock().order == [p.id for p in w.session.participants]


def test_begin_twice_keeps_the_start(ws: tuple[Workshop, Changes], clock: FakeClock) -> None:
    w, changes = ws
    change(w, changes, w.begin)
    goto(w, "innsjekk")
    clock.advance(minutes=5)
    change(w, changes, w.begin)
    assert w.session.started_at == START
    assert w.session.current_step == "innsjekk"


def test_finish_pauses_and_reopen_continues(ws: tuple[Workshop, Changes], clock: FakeClock) -> None:
    w, changes = ws
    w.begin()
    w.toggle_timer()
    clock.advance(minutes=2)
    change(w, changes, w.finish)  # one change, though it also pauses the timer
    assert w.session.state == "finished"
    assert running(w.session) == []
    clock.advance(minutes=2)
    change(w, changes, w.reopen)
    assert w.session.state == "running"
    assert w.session.finished_at is None
    assert w.reading().elapsed == 120


def test_names(ws: tuple[Workshop, Changes]) -> None:
    w, _ = ws
    assert w.name("p1") == "Kari Nordmann"
    assert w.name(None) == ""
    assert w.name("p9") == ""


# --- capture ----------------------------------------------------------------------


def test_add_note_takes_the_context_and_a_given_kind(
    ws: tuple[Workshop, Changes],
) -> None:
    w, _ = ws
    w.begin()
    goto(w, "kollegaveiledning")
    w.toggle_timer()
    w.move_unit(+1)
    w.move_unit(+1)
    n = w.add_note(
        "  Fokuspersonen noterer  ",
        kind=NoteKind.NOTE,
        visibility=Visibility.SHARED,
        factors=[Paragraph.P2B],
    )
    assert (n.text, n.phase_id, n.person, n.kind) == (
        "Fokuspersonen noterer",
        "drofting",
        "p1",
        "note",
    )
    assert (n.visibility, n.factors) == (Visibility.SHARED, [Paragraph.P2B])
    assert w.default_note_kind() is NoteKind.FOCUS_NOTES


def test_an_empty_note_is_refused(ws: tuple[Workshop, Changes]) -> None:
    w, changes = ws
    w.begin()
    with pytest.raises(ValidationError):
        w.add_note("   ")
    with pytest.raises(ValidationError):
        w.add_note("kontroll\x07tegn")
    assert w.session.notes == []
    assert changes.calls == 1  # begin only


def test_set_dilemma_replaces_the_participants_dilemma(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, changes = ws
    first = change(w, changes, w.set_dilemma, "p1", "Sykefravær", "Langvarig fravær i teamet")
    assert first.hr_hint
    clock.advance(minutes=1)
    second = change(w, changes, w.set_dilemma, "p1", "Turnus", "Helgevakter og ønsker")
    assert w.session.dilemmas == [second]
    assert (second.id, second.created_at) == (first.id, first.created_at)
    assert second.updated_at == clock.now()
    assert (second.title, second.hr_hint) == ("Turnus", False)
    assert w.dilemma_of("p1") == second
    assert w.dilemma_of("p2") is None


def test_set_dilemma_takes_a_given_hr_hint_over_the_suggestion(
    ws: tuple[Workshop, Changes],
) -> None:
    w, _ = ws
    assert not w.set_dilemma("p1", "Mobbing", "mobbing i gruppa", hr_hint=False).hr_hint
    assert w.set_dilemma("p2", "Turnus", "", hr_hint=True).hr_hint
    assert w.set_dilemma("p3", "", "Jeg er usikker på om jeg er habil i saken").hr_hint


def test_a_refused_dilemma_leaves_the_old_one(ws: tuple[Workshop, Changes]) -> None:
    w, changes = ws
    d = w.set_dilemma("p1", "Turnus", "tekst")
    calls = changes.calls
    with pytest.raises(ValidationError):
        w.set_dilemma("p1", "x" * 201, "ny tekst")
    with pytest.raises(ValidationError):
        w.set_dilemma("Not A Ref", "Tittel")
    assert w.session.dilemmas == [d]
    assert changes.calls == calls


def test_follow_up_records_status_and_done_date(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, changes = ws
    m = w.add_measure("Ukentlig veiledning", owner="Leder")
    today = clock.now().astimezone().date()
    change(w, changes, w.follow_up, m.id, MeasureStatus.IN_PROGRESS, "Startet")
    assert m.status is MeasureStatus.IN_PROGRESS and m.done_on is None
    assert m.updated_at == clock.now()
    change(w, changes, w.follow_up, m.id, MeasureStatus.DONE)  # a correction, same session
    assert m.done_on == today
    assert [(f.status, f.text, f.session_id) for f in m.follow_ups] == [
        (MeasureStatus.DONE, "", w.session.id),
    ]
    change(w, changes, w.follow_up, m.id, MeasureStatus.IN_PROGRESS, "Ikke helt likevel")
    assert m.done_on is None

    # In a later session the earlier follow-up stays and a new one is added.
    carried = m.model_copy(update={"carried_from": w.session.id}, deep=True)
    later = Workshop(new_session("Neste gang", w.session.agenda, clock.now(), ["Kari"]), clock)
    later.session.measures.append(carried)
    clock.advance(minutes=40 * 24 * 60)
    later.follow_up(carried.id, MeasureStatus.DONE, "Virker godt")
    assert [(f.status, f.text, f.session_id, f.at) for f in carried.follow_ups] == [
        (MeasureStatus.IN_PROGRESS, "Ikke helt likevel", w.session.id, today),
        (MeasureStatus.DONE, "Virker godt", later.session.id, today + timedelta(days=40)),
    ]
    assert carried.done_on == today + timedelta(days=40)
    with pytest.raises(KeyError):
        w.follow_up("missing", MeasureStatus.DONE)


def test_risk_scores_above_the_sessions_scale_are_refused(
    ws: tuple[Workshop, Changes],
) -> None:
    w, changes = ws
    with pytest.raises(ValidationError):
        w.add_measure("Tiltak", likelihood=9)  # 1 to 5
    w.session.risk_scale = 3
    with pytest.raises(ValidationError, match="1 to 3"):
        w.add_measure("Tiltak", likelihood=2, consequence=4)
    assert w.session.measures == []
    assert changes.calls == 0
    # the session stays usable
    m = change(w, changes, w.add_measure, "Tiltak", likelihood=3, consequence=3)
    assert m.risk == 9
    with pytest.raises(ValidationError):
        w.update("measures", m.id, likelihood=4)
    assert w.session.measures == [m]
    change(w, changes, w.add_note, "fortsatt i gang")


def test_set_next_meeting_needs_a_time_zone(ws: tuple[Workshop, Changes]) -> None:
    w, changes = ws
    with pytest.raises(ValidationError):
        w.set_next_meeting(datetime(2026, 4, 6, 8, 0))
    assert w.session.next_meeting is None
    change(w, changes, w.set_next_meeting, datetime(2026, 4, 6, 8, 0, tzinfo=UTC))
    change(w, changes, w.set_next_meeting, None)
    assert w.session.next_meeting is None


# --- editing ----------------------------------------------------------------------


def add(w: Workshop, collection: str) -> Any:
    return {
        "notes": lambda: w.add_note("Et notat"),
        "dilemmas": lambda: w.set_dilemma("p1", "Tittel", "Tekst"),
        "findings": lambda: w.add_finding(FindingKind.STRENGTH, "Godt samhold"),
        "measures": lambda: w.add_measure("Tiltak", owner="Leder", likelihood=2, consequence=2),
        "checkouts": lambda: w.add_checkout("p1", "Takk for i dag"),
    }[collection]()


EDITS: dict[str, tuple[dict[str, Any], str, Any]] = {
    # a good change, then a field and a bad value for it
    "notes": ({"text": "Rettet notat", "visibility": Visibility.SHARED}, "text", "   "),
    "dilemmas": ({"title": "Ny tittel", "hr_hint": True}, "owner", "Ikke En Id"),
    "findings": ({"kind": FindingKind.RISK, "factor": Paragraph.P2C}, "kind", "opportunity"),
    "measures": ({"deadline": date(2026, 5, 1), "owner": "HR"}, "likelihood", 9),
    "checkouts": ({"text": "Ny tekst", "question": 1}, "question", 41),
}
TYPES = {
    "notes": Note,
    "dilemmas": Dilemma,
    "findings": Finding,
    "measures": Measure,
    "checkouts": CheckoutAnswer,
}


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_update_and_delete(ws: tuple[Workshop, Changes], clock: FakeClock, collection: str) -> None:
    w, changes = ws
    w.begin()
    first, item, last = add(w, "checkouts"), add(w, collection), add(w, "notes")
    assert w.find(collection, item.id) is item
    clock.advance(minutes=1)
    good, _, _ = EDITS[collection]
    new = change(w, changes, w.update, collection, item.id, **good)
    assert isinstance(new, TYPES[collection])
    assert (new.id, new.created_at, new.updated_at) == (item.id, item.created_at, clock.now())
    for field, value in good.items():
        assert getattr(new, field) == value
    items = getattr(w.session, collection)
    assert any(i is new for i in items)
    assert not any(i is item for i in items)
    assert w.find(collection, item.id) is new
    # order is kept
    assert w.session.checkouts[0] == first and w.session.notes[-1] == last

    change(w, changes, w.delete, collection, item.id)
    assert item.id not in [i.id for i in getattr(w.session, collection)]
    with pytest.raises(KeyError):
        w.find(collection, item.id)
    with pytest.raises(KeyError):
        w.update(collection, item.id, text="x")
    with pytest.raises(KeyError):
        w.delete(collection, item.id)


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_a_refused_update_leaves_the_item_as_it_was(
    ws: tuple[Workshop, Changes], clock: FakeClock, collection: str
) -> None:
    w, changes = ws
    w.begin()
    item = add(w, collection)
    snapshot = item.model_dump()
    stamped, calls = w.session.updated_at, changes.calls
    clock.advance(minutes=1)
    _, field, bad = EDITS[collection]
    # a bad value alongside a good one: neither is applied
    with pytest.raises(ValidationError):
        w.update(collection, item.id, **{field: bad, "visibility": Visibility.SHARED})
    with pytest.raises(ValidationError):
        w.update(collection, item.id, no_such_field="x")
    assert getattr(w.session, collection) == [item]
    assert w.find(collection, item.id) is item
    assert item.model_dump() == snapshot
    assert (w.session.updated_at, changes.calls) == (stamped, calls)


def test_updating_a_measure_above_a_three_point_scale_is_refused(
    ws: tuple[Workshop, Changes],
) -> None:
    w, _ = ws
    w.session.risk_scale = 3
    m = w.add_measure("Tiltak", likelihood=3)
    with pytest.raises(ValidationError, match="1 to 3"):
        w.update("measures", m.id, consequence=5)
    assert w.session.measures == [m]
    assert w.update("measures", m.id, consequence=2).risk == 6


def test_unknown_collections_are_refused(ws: tuple[Workshop, Changes]) -> None:
    w, _ = ws
    for name in ("participants", "clocks", "agenda"):
        with pytest.raises(KeyError):
            w.find(name, "p1")
        with pytest.raises(KeyError):
            w.update(name, "p1", name="x")
        with pytest.raises(KeyError):
            w.delete(name, "p1")


# --- every change: one on_change, updated_at stamped --------------------------------


def test_every_change_calls_on_change_once_and_stamps_the_session(
    ws: tuple[Workshop, Changes], clock: FakeClock
) -> None:
    w, changes = ws
    ids: dict[str, str] = {}
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("set_participants", lambda: w.set_participants(NAMES)),
        ("set_facilitator", lambda: w.set_facilitator("p2")),
        ("draw_facilitator", lambda: w.draw_facilitator(random.Random(1))),
        ("shuffle_order", lambda: w.shuffle_order(random.Random(1))),
        ("begin", w.begin),
        ("goto_step", lambda: w.goto_step(2)),
        ("toggle_timer", w.toggle_timer),
        ("move_unit", lambda: w.move_unit(+1)),
        ("adjust", lambda: w.adjust(1)),
        ("pass_turn", w.pass_turn),
        ("set_present", lambda: w.set_present("p1", False)),
        ("pause", w.pause),
        ("next_step", w.next_step),
        ("previous_step", w.previous_step),
        ("add_note", lambda: ids.setdefault("note", w.add_note("n").id)),
        ("set_dilemma", lambda: ids.setdefault("dilemma", w.set_dilemma("p1", "t").id)),
        ("add_finding", lambda: ids.setdefault("finding", w.add_finding(FindingKind.RISK, "r").id)),
        ("add_measure", lambda: ids.setdefault("measure", w.add_measure("m").id)),
        ("follow_up", lambda: w.follow_up(ids["measure"], MeasureStatus.DONE)),
        ("add_checkout", lambda: ids.setdefault("checkout", w.add_checkout("p1", "c").id)),
        ("set_next_meeting", lambda: w.set_next_meeting(START + timedelta(days=30))),
        ("update", lambda: w.update("notes", ids["note"], text="ny")),
        ("delete", lambda: w.delete("findings", ids["finding"])),
        ("finish", w.finish),
        ("reopen", w.reopen),
    ]
    for name, act in steps:
        clock.advance(minutes=1)
        before = changes.calls
        act()
        assert changes.calls == before + 1, name
        assert w.session.updated_at == clock.now(), name


def test_without_on_change_nothing_breaks(default_agenda: Any, clock: FakeClock) -> None:
    session = new_session("Uten lytter", default_agenda, clock.now(), NAMES)
    w = Workshop(session, clock)
    w.begin()
    w.add_note("ok")
    assert session.notes[0].text == "ok"


def test_reading_helpers(ws: tuple[Workshop, Changes], clock: FakeClock) -> None:
    w, _ = ws
    w.begin()
    goto(w, "refleksjon")
    assert w.is_round_like()  # it has a round phase
    assert [c.value for c in w.captures()] == ["strengths_risks", "notes"]
    assert w.phase() is not None and w.phase().id == "alene"  # type: ignore[union-attr]
    assert w.focus_participant() is None
    goto(w, "faglig-intro")
    assert not w.is_round_like()
    assert w.phase() is None
    assert w.default_note_kind() is NoteKind.NOTE
    # a step not yet entered reads as not started, with those present in order
    assert w.step_clock(w.session.agenda.step("utsjekk")).order == ["p1", "p2", "p3", "p4"]
    assert w.reading(w.session.agenda.step("utsjekk")).status is Status.NOT_STARTED
    assert "utsjekk" not in w.session.clocks
