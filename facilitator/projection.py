"""Where the group stands against its plan and its booked slot, at one instant.

The planned end comes from the schedule (from the booked start, or the moment
the session started); the projected end is now plus what is left of the
current step plus the planned minutes of the steps after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from facilitator.schedule import Schedule, plan
from facilitator.session.model import Session
from facilitator.stepclock import StepClock


@dataclass(frozen=True)
class Projection:
    planned_end: datetime
    projected_end: datetime
    booked_end: datetime | None

    @property
    def behind_plan_minutes(self) -> float:
        """Positive: the group is running late against its own plan."""
        return (self.projected_end - self.planned_end).total_seconds() / 60

    @property
    def margin_minutes(self) -> float | None:
        """Minutes to spare before the booked end (negative: it will run over)."""
        if self.booked_end is None:
            return None
        return (self.booked_end - self.projected_end).total_seconds() / 60


def session_schedule(session: Session, now: datetime) -> Schedule:
    start = session.booked_start or session.started_at or now
    return plan(session.agenda, max(1, len(session.present)), start, session.booked_end)


def project(session: Session, now: datetime) -> Projection:
    schedule = session_schedule(session, now)
    steps = session.agenda.steps
    present = max(1, len(session.present))
    current = session.current_step
    if current is None or session.started_at is None:
        remaining = sum(s.planned_minutes(present) for s in steps) * 60.0
        start = max(now, schedule.start)
        return Projection(schedule.end, start + timedelta(seconds=remaining), session.booked_end)
    index = session.agenda.step_index(current)
    step = steps[index]
    clock = session.clocks.get(current) or StepClock(step_id=current)
    # Once the step's clock has run, its own reading knows about adjustments and
    # passes; before that, the plan is the best guess.
    left = (
        max(0.0, clock.read(step, now).remaining)
        if clock.runs
        else step.planned_minutes(present) * 60.0
    )
    later = sum(s.planned_minutes(present) for s in steps[index + 1 :]) * 60.0
    return Projection(schedule.end, now + timedelta(seconds=left + later), session.booked_end)
