"""The clock a running app reads: the wall clock taken once, carried on by a clock
that is never stepped, so a correction of the system clock (network time, often
right after joining the room's Wi-Fi) does not move a running countdown.

Everything runs on `FakeClock` as the machine's two clocks: `advance` is time
passing, `step_wall` a correction of the wall clock with no time passing."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from typing import Any

from textual.widgets import Digits

from facilitator.session.model import Session, new_session
from facilitator.session.store import dumps_session
from facilitator.stepclock import Status
from facilitator.timesource import FakeClock, MachineTime, SystemClock
from facilitator.workshop import Workshop

from tui_helpers import make_app, run_screen, wait_until

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_now_follows_time_passing_but_not_steps_of_the_wall_clock() -> None:
    machine = FakeClock(T0)
    clock = SystemClock(machine)
    assert clock.now() == T0
    machine.advance(90)
    assert clock.now() == T0 + timedelta(seconds=90)
    machine.step_wall(hours=1)
    assert machine.wall() == T0 + timedelta(hours=1, seconds=90)
    assert clock.now() == T0 + timedelta(seconds=90)
    machine.step_wall(minutes=-70)
    assert clock.now() == T0 + timedelta(seconds=90)
    machine.advance(0.25)
    assert clock.now() == T0 + timedelta(seconds=90.25)


def test_a_new_clock_takes_the_wall_clock_as_it_is_then() -> None:
    machine = FakeClock(T0)
    machine.step_wall(minutes=-3)  # the laptop's clock was three minutes slow
    before = SystemClock(machine)
    machine.advance(60)
    machine.step_wall(minutes=3)  # network time sets it right
    assert before.now() == T0 + timedelta(minutes=-3, seconds=60)
    after = SystemClock(machine)  # the next process
    assert after.now() == T0 + timedelta(seconds=60) == machine.wall()


def workshop_on(clock: SystemClock, agenda: Any) -> Workshop:
    session = new_session("Ledergruppe Øst", agenda, clock.now(), ["Kari", "Ola", "Aisha"])
    w = Workshop(session, clock)
    w.begin()
    return w


def test_a_countdown_moves_only_by_the_time_that_really_passed(default_agenda: Any) -> None:
    """Issue 12: the clock stepped forward an hour and back ten minutes in the
    middle of check-in."""
    machine = FakeClock(T0)
    w = workshop_on(SystemClock(machine), default_agenda)
    w.goto_step(w.session.agenda.step_index("innsjekk"))
    w.toggle_timer()  # eight minutes, 160 s each
    machine.advance(60)
    assert (w.reading().remaining, w.reading().unit_remaining) == (420, 100)

    machine.step_wall(hours=1)
    r = w.reading()
    assert (r.remaining, r.unit_remaining, r.status) == (420, 100, Status.RUNNING)
    machine.advance(30)
    assert (w.reading().remaining, w.reading().unit_remaining) == (390, 70)

    machine.step_wall(minutes=-10)
    assert (w.reading().remaining, w.reading().unit_remaining) == (390, 70)
    machine.advance(30)
    r = w.reading()
    assert (r.remaining, r.unit_remaining, r.elapsed) == (360, 40, 120)
    assert r.airtime["p1"] == 120

    # what is stored is on the same line: two minutes between start and now
    run = w.session.clocks["innsjekk"].runs[0]
    assert w.now() - run.start == timedelta(minutes=2)
    # and a pause after a step back does not end before the run began
    machine.step_wall(minutes=-30)
    w.pause()
    assert w.reading().elapsed == 120
    assert w.session.clocks["innsjekk"].runs[0].end == run.start + timedelta(minutes=2)


def test_after_a_crash_the_time_between_the_processes_counts(default_agenda: Any) -> None:
    machine = FakeClock(T0)
    w = workshop_on(SystemClock(machine), default_agenda)
    w.toggle_timer()  # the intro: ten minutes
    machine.advance(100)
    text = dumps_session(w.session)

    machine.advance(300)  # five minutes until the app runs again
    loaded = Session.model_validate(tomllib.loads(text))
    again = Workshop(loaded, SystemClock(machine))
    assert again.reading().status is Status.RUNNING
    assert again.reading().elapsed == 400
    assert again.reading().remaining == 200


def test_the_machines_clocks() -> None:
    machine = MachineTime()
    wall = machine.wall()
    assert wall.tzinfo is not None and wall.utcoffset() == timedelta(0)
    first = machine.monotonic()
    assert machine.monotonic() >= first
    now = SystemClock().now()
    assert now.tzinfo is not None and now.utcoffset() == timedelta(0)


async def test_the_timer_on_screen_does_not_move_when_the_wall_clock_is_stepped(workspace):
    machine = FakeClock(T0)
    app = make_app(workspace, SystemClock(machine))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = run_screen(app)
        digits = screen.query_one("#timer", Digits)
        await pilot.press("space")
        machine.advance(minutes=4)
        await wait_until(pilot, lambda: digits.value == "6:00", "6:00 on the timer")
        machine.step_wall(hours=1)
        machine.advance(seconds=1)
        await wait_until(pilot, lambda: digits.value == "5:59", "5:59 after the step forward")
        assert not digits.has_class("-overtime")
        machine.step_wall(minutes=-10)
        machine.advance(seconds=1)
        await wait_until(pilot, lambda: digits.value == "5:58", "5:58 after the step back")
        assert not digits.has_class("-paused")
