from __future__ import annotations

from datetime import timedelta

from facilitator.projection import project
from facilitator.session.model import new_session
from facilitator.stepclock import StepClock


def _session(default_agenda, clock, people=6, booked_minutes=180):
    s = new_session("Ledergruppe", default_agenda, clock.now(), [f"P{i}" for i in range(people)])
    s.booked_start = clock.now()
    s.booked_end = clock.now() + timedelta(minutes=booked_minutes)
    return s


def test_before_the_start_the_projection_is_the_plan(default_agenda, clock):
    s = _session(default_agenda, clock)
    p = project(s, clock.now())
    assert p.planned_end == clock.now() + timedelta(minutes=170)
    assert p.projected_end == p.planned_end
    assert p.margin_minutes == 10
    assert p.behind_plan_minutes == 0


def test_overrun_of_the_current_step_pushes_the_end(default_agenda, clock):
    s = _session(default_agenda, clock, booked_minutes=170)
    s.started_at = clock.now()
    s.current_step = "intro"
    step = default_agenda.step("intro")
    c = StepClock(step_id="intro")
    c.start(step, clock.now())
    s.clocks["intro"] = c
    clock.advance(minutes=4)
    assert project(s, clock.now()).behind_plan_minutes == 0
    clock.advance(minutes=10)  # 14 minutes into a 10-minute step
    p = project(s, clock.now())
    assert round(p.behind_plan_minutes) == 4
    assert round(p.margin_minutes) == -4


def test_fewer_present_shortens_the_projection(default_agenda, clock):
    s = _session(default_agenda, clock)
    s.participants[0].present = False
    s.participants[1].present = False
    p = project(s, clock.now())
    assert p.projected_end == clock.now() + timedelta(minutes=140)
