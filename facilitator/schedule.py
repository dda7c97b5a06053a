"""The plan of a session: each step's start, end and minutes for the number of
participants present, and whether it all fits in the booked slot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from facilitator.agenda.model import Agenda, Step, StepKind


@dataclass(frozen=True)
class PlannedStep:
    step: Step
    start: datetime
    end: datetime
    minutes: int
    share_seconds: float | None
    """For a round: each participant's slice of the time, in seconds."""


@dataclass(frozen=True)
class Schedule:
    steps: tuple[PlannedStep, ...]
    start: datetime
    participants: int
    booked_end: datetime | None

    @property
    def total_minutes(self) -> int:
        return sum(p.minutes for p in self.steps)

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.total_minutes)

    @property
    def slack_minutes(self) -> float | None:
        """Minutes to spare before the booked end (negative: the plan runs over)."""
        if self.booked_end is None:
            return None
        return (self.booked_end - self.end).total_seconds() / 60

    @property
    def fits(self) -> bool | None:
        """True when the plan ends by the booked end; None when no end is booked."""
        slack = self.slack_minutes
        return None if slack is None else slack >= 0


def round_share_seconds(step: Step, participants: int) -> float | None:
    """Each participant's slice of a round (or of the step's round phase)."""
    if participants <= 0:
        return None
    if step.kind is StepKind.ROUND:
        return step.base_minutes * 60 / participants
    round_phase = next((p for p in step.phases if p.round), None)
    if round_phase is not None and step.kind is StepKind.TIMED:
        return round_phase.minutes * 60 / participants
    return None


def plan(
    agenda: Agenda,
    participants: int,
    start: datetime,
    booked_end: datetime | None = None,
) -> Schedule:
    """Lay the agenda's steps end to end from `start`."""
    if participants < 1:
        raise ValueError("at least one participant must be present")
    at = start
    planned = []
    for step in agenda.steps:
        minutes = step.planned_minutes(participants)
        end = at + timedelta(minutes=minutes)
        planned.append(PlannedStep(step, at, end, minutes, round_share_seconds(step, participants)))
        at = end
    return Schedule(tuple(planned), start, participants, booked_end)
