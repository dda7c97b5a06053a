"""The read model of the running workshop: what it says, and that its audience form
(what the projector shows) holds nothing captured and no name but the focus person's."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from facilitator.agenda.registry import load_agenda
from facilitator.session.model import FindingKind, Visibility, new_session
from facilitator.stepclock import Level, Status
from facilitator.timesource import FakeClock
from facilitator.workshop import Workshop
from facilitator.workshop_view import Cue, PersonState, WorkshopView, workshop_view

AGENDA = load_agenda("kollegaveiledning", None)
NAMES = ["Zqaria", "Zqolav", "Zqkaren", "Zqpetra", "Zqsindre", "Zqtonje"]


def make(names: list[str] = NAMES, start: datetime | None = None) -> tuple[Workshop, FakeClock]:
    clock = FakeClock(start or datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    session = new_session("Ledergruppe Zqtitle", AGENDA, clock.now(), names)
    session.time_zone = "Europe/Oslo"
    return Workshop(session, clock), clock


def goto(w: Workshop, step_id: str) -> None:
    w.goto_step(w.session.agenda.step_index(step_id))


def as_json(view: WorkshopView) -> str:
    return json.dumps(dataclasses.asdict(view), default=str, ensure_ascii=False)


# --- what the view says -------------------------------------------------------------


def test_peer_supervision_says_who_is_in_focus_and_when_to_turn_away_and_back() -> None:
    w, _clock = make()
    w.set_facilitator(w.session.participants[1].id)
    goto(w, "kollegaveiledning")
    w.toggle_timer()
    view = workshop_view(w, "nb")
    assert view.focus is not None and view.focus.name == "Zqaria"
    assert view.focus.label == "Fokusperson"
    assert view.phase is not None and view.phase.heading.startswith("Fase 1 av 4")
    assert view.cue is None
    w.move_unit(+1)
    w.move_unit(+1)  # the colleagues discuss
    view = workshop_view(w, "nb")
    assert view.phase is not None and view.phase.back_turned
    assert view.cue is not None and view.cue.cue is Cue.TURN_AWAY
    assert "Zqaria" in view.cue.text
    w.move_unit(+1)  # the focus person responds
    view = workshop_view(w, "en")
    assert view.cue is not None and view.cue.cue is Cue.TURN_BACK
    assert view.cue.text == "Zqaria turns back to the group."


def test_the_clock_reads_overtime_and_the_warning_level() -> None:
    w, clock = make()
    goto(w, "intro")
    view = workshop_view(w, "nb")
    assert view.clock.status is Status.NOT_STARTED and view.clock.level is Level.NORMAL
    assert view.clock.label == "Trykk mellomrom for å starte"
    w.toggle_timer()
    clock.advance(view.clock.planned - 30)
    view = workshop_view(w, "nb")
    assert view.clock.level is Level.WARNING and not view.clock.over
    assert view.clock.display == "0:30"
    clock.advance(95)
    view = workshop_view(w, "en")
    assert view.clock.over and view.clock.level is Level.OVERTIME
    assert view.clock.display == "+1:05"
    assert view.clock.label.startswith("OVERTIME")


def test_a_break_shows_its_end_in_the_rooms_time_zone() -> None:
    w, clock = make()
    goto(w, "pause")
    w.toggle_timer()
    view = workshop_view(w, "nb")
    ends = clock.now() + timedelta(seconds=view.clock.remaining)
    assert view.clock.ends_at == ends.astimezone(ZoneInfo("Europe/Oslo")).strftime("%H:%M")
    assert view.clock.ends_at != ends.strftime("%H:%M")  # not UTC


def test_the_plan_and_the_booked_slot_are_in_the_rooms_time_zone() -> None:
    w, _clock = make()
    w.session.booked_start = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    w.session.booked_end = datetime(2026, 3, 2, 11, 0, tzinfo=UTC)
    view = workshop_view(w, "nb")
    assert view.slot.booked_end == "12:00"
    assert view.slot.margin_minutes is not None
    assert "12:00" in view.slot.slot_line


def test_who_has_spoken_is_a_count_for_the_wall_and_names_for_the_facilitator() -> None:
    w, clock = make()
    goto(w, "innsjekk")
    w.toggle_timer()
    clock.advance(60)
    w.move_unit(+1)
    w.pass_turn()
    view = workshop_view(w, "nb")
    assert view.spoken == 1 and view.present == len(NAMES)
    assert view.private is not None
    states = {p.name: p.state for p in view.private.people}
    assert states["Zqaria"] is PersonState.SPOKEN
    assert states["Zqolav"] is PersonState.PASSED
    assert states["Zqkaren"] is PersonState.FOCUS


def test_what_was_captured_in_the_step_is_listed_for_the_facilitator() -> None:
    w, _clock = make()
    goto(w, "refleksjon")
    w.add_finding(FindingKind.RISK, "Zqrisk", visibility=Visibility.GROUP)
    w.add_note("Zqnote")
    view = workshop_view(w, "nb")
    assert view.private is not None
    texts = [line.text for line in view.private.captured]
    assert any("Zqnote" in t for t in texts) and any("Zqrisk" in t for t in texts)
    assert view.private.captured[-1].shared is False  # a note is group-only by default


# --- the audience form ----------------------------------------------------------------

ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("goto"), st.integers(0, len(AGENDA.steps) - 1)),
        st.tuples(st.just("unit"), st.sampled_from([1, -1])),
        st.tuples(st.just("timer"), st.none()),
        st.tuples(st.just("wait"), st.integers(1, 900)),
        st.tuples(st.just("pass"), st.none()),
        st.tuples(st.just("away"), st.integers(0, 5)),
        st.tuples(st.just("capture"), st.integers(0, 11)),
        st.tuples(st.just("facilitator"), st.integers(0, 5)),
        st.tuples(st.just("wall"), st.none()),
    ),
    max_size=30,
)


def _capture(w: Workshop, n: int, i: int) -> str:
    marker = f"Zqcaptured{i}x"
    person = w.session.participants[n % len(w.session.participants)].id
    kind = n % 6
    if kind == 5:
        w.add_finding(FindingKind.RISK, marker, visibility=Visibility.GROUP)
    elif kind == 0:
        w.add_note(marker, visibility=Visibility.SHARED)
    elif kind == 1:
        w.set_dilemma(person, marker, f"{marker} text")
    elif kind == 2:
        w.add_finding(FindingKind.STRENGTH, marker)
    elif kind == 3:
        w.add_measure(marker, owner=f"{marker}owner")
    else:
        w.add_checkout(person, marker)
    return marker


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actions=ACTIONS, lang=st.sampled_from(["nb", "en"]))
# a group-only risk, and a shared strength, in the reflection task, shown on the wall
@example(
    actions=[("goto", 4), ("capture", 5), ("capture", 2), ("wall", None), ("wall", None)],
    lang="nb",
)
# everyone passed: the round is complete, and the last focus person's name stayed
# in the phase's floor line
@example(actions=[("goto", 7)] + [("pass", None)] * 6, lang="nb")
@example(
    actions=[("goto", 7), ("capture", 1), ("timer", None), ("unit", 1), ("unit", 1)], lang="nb"
)
def test_the_audience_form_holds_nothing_captured_and_no_name_but_the_focus_persons(
    actions: list[tuple[str, Any]], lang: str
) -> None:
    w, clock = make()
    markers: list[str] = []
    for i, (what, arg) in enumerate(actions):
        if what == "goto":
            w.goto_step(arg)
        elif what == "unit":
            w.move_unit(arg)
        elif what == "timer":
            w.toggle_timer()
        elif what == "wait":
            clock.advance(arg)
        elif what == "pass":
            w.pass_turn()
        elif what == "away":
            p = w.session.participants[arg]
            w.set_present(p.id, not p.present)
        elif what == "capture":
            markers.append(_capture(w, arg, i))
        elif what == "wall":
            w.toggle_findings_on_wall()
        else:
            w.set_facilitator(w.session.participants[arg].id)
        view = workshop_view(w, lang)  # type: ignore[arg-type]
        audience = view.for_audience()
        assert audience.private is None
        # What the facilitator put on the wall: only this step's shared strengths and
        # risks, and only while shown; nothing else captured is anywhere in the form.
        shown_here = {
            f.text
            for f in w.session.findings
            if f.step_id == w.step.id and f.visibility is Visibility.SHARED
        }
        on_wall = {f.text for f in audience.on_wall}
        assert on_wall == (shown_here if w.findings_on_wall == w.step.id else set())
        text = as_json(dataclasses.replace(audience, on_wall=()))
        for marker in markers:
            assert marker not in text
        assert "Zqtitle" not in text
        focus = audience.focus.name if audience.focus else None
        for name in NAMES:
            if name != focus and (view.phase is None or name not in (focus or "")):
                assert name not in text, (name, focus)
        # the facilitator's form has everything the audience form has
        assert dataclasses.replace(view, private=None) == audience
