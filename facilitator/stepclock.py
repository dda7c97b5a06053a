"""The clock of one step: how long it has run, who or which phase is in focus,
and how much time is left.

The state is a log of wall-clock UTC timestamps — run segments, moves between
people and phases, and ± adjustments — so every figure is computed from
timestamps and an injected `now`, never by counting ticks, and a restarted
process reading the saved log continues exactly where it was.

A step is cut into *units*: the person in focus in a round, one phase of one
participant's turn in peer supervision, a phase of a timed step, or the whole
step. Moving between units is always the facilitator's choice; the clock only
says when a unit's time is nearly up or gone.

Passes and absences follow these rules (`test_stepclock.py` holds them as
properties):
- whoever passes, or leaves after having had the floor, keeps the time they had
  used of theirs; in a round the rest goes to those still waiting for their turn
  (so the round keeps its length), in peer supervision the step gets shorter;
- someone who leaves before having had the floor leaves the order;
- when the person with the floor passes or leaves, the floor goes to the next one
  still in after them, else to someone still waiting before them, else back to the
  one before; nobody who has passed or left ever has the floor while someone
  else could have it;
- when everyone has passed or left, the round is complete: the clock stops there
  and will not start again, and nothing is in overtime; whoever comes back (or has
  a pass undone) then gets the floor;
- someone who comes back, or has a pass undone, is in the queue again with their
  share, and does not take the floor from whoever has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from facilitator.agenda.model import Step, StepKind
from facilitator.fields import Ref, UtcDatetime

MAX_ADJUST_SECONDS = 6 * 3600


class Level(StrEnum):
    """How urgent the time is."""

    NORMAL = "normal"
    WARNING = "warning"
    """Near the end: at most the agenda's `warn_fraction` of the time is left."""
    OVERTIME = "overtime"
    """The time is up: the timer counts up."""


class Status(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"


class Run(BaseModel):
    """A stretch of time during which the clock ran."""

    model_config = ConfigDict(extra="forbid")
    start: UtcDatetime
    end: UtcDatetime | None = None


class Mark(BaseModel):
    """From `at`, this person and/or phase is in focus."""

    model_config = ConfigDict(extra="forbid")
    at: UtcDatetime
    person: Ref | None = None
    phase: Ref | None = None


class Pass(BaseModel):
    """When someone passed, and how far the round had come: the number of marks
    then (timestamps alone cannot tell a mark made in the same instant apart)."""

    model_config = ConfigDict(extra="forbid")
    at: UtcDatetime
    marks: int = Field(ge=0)


class Adjustment(BaseModel):
    """Time added to (or taken from) one unit."""

    model_config = ConfigDict(extra="forbid")
    at: UtcDatetime
    seconds: int = Field(ge=-MAX_ADJUST_SECONDS, le=MAX_ADJUST_SECONDS)
    person: Ref | None = None
    phase: Ref | None = None


UnitKey = tuple[str | None, str | None]


@dataclass(frozen=True)
class Unit:
    person: str | None
    phase: str | None

    @property
    def key(self) -> UnitKey:
        return (self.person, self.phase)


@dataclass(frozen=True)
class Reading:
    """Everything a screen needs to show about a step's time, at one instant."""

    status: Status
    elapsed: float
    planned: float
    level: Level
    unit_index: int
    unit_count: int
    person: str | None
    phase: str | None
    unit_elapsed: float
    unit_planned: float
    unit_level: Level
    airtime: dict[str, float]
    """Seconds each person has been in focus in this step."""
    passed: tuple[str, ...]
    complete: bool = False
    """Everyone in the order has passed or left: nobody is left to give the floor
    to, so the step's time is not running out: the round is over."""

    @property
    def remaining(self) -> float:
        return self.planned - self.elapsed

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)

    @property
    def unit_remaining(self) -> float:
        return self.unit_planned - self.unit_elapsed

    @property
    def unit_overtime(self) -> float:
        return max(0.0, -self.unit_remaining)

    @property
    def spoken(self) -> tuple[str, ...]:
        """People who have had the focus so far."""
        return tuple(p for p, s in self.airtime.items() if s > 0)


def level_for(remaining: float, planned: float, warn_fraction: float) -> Level:
    if remaining <= 0:
        return Level.OVERTIME
    if remaining <= planned * warn_fraction:
        return Level.WARNING
    return Level.NORMAL


class StepClock(BaseModel):
    """The saved time log of one step."""

    model_config = ConfigDict(extra="forbid")

    step_id: Ref
    order: list[Ref] = []
    """Participant ids in speaking order, fixed when the step starts."""
    passed: list[Ref] = []
    """Participants who passed their turn in this step."""
    passes: dict[Ref, Pass] = {}
    """When each of them passed: what they had not used of their share goes to
    those not yet in focus then. (Files from before this was kept spread the whole
    share over everyone left.)"""
    runs: list[Run] = []
    marks: list[Mark] = []
    adjustments: list[Adjustment] = []

    # --- reading -----------------------------------------------------------

    @property
    def status(self) -> Status:
        if not self.runs:
            return Status.NOT_STARTED
        return Status.RUNNING if self.runs[-1].end is None else Status.PAUSED

    def units(self, step: Step) -> list[Unit]:
        people: list[str | None] = list(self.order) or [None]
        if step.kind is StepKind.ROUND:
            return [Unit(p, None) for p in people]
        if step.kind is StepKind.PER_PARTICIPANT:
            phases: list[str | None] = [ph.id for ph in step.phases] or [None]
            return [Unit(p, ph) for p in people for ph in phases]
        if step.phases:
            out: list[Unit] = []
            for ph in step.phases:
                if ph.round:
                    out.extend(Unit(p, ph.id) for p in people)
                else:
                    out.append(Unit(None, ph.id))
            return out
        return [Unit(None, None)]

    def run_seconds(self, start: datetime, end: datetime, now: datetime) -> float:
        """Seconds the clock ran between `start` and `end`."""
        total = 0.0
        for run in self.runs:
            a = max(run.start, start)
            b = min(run.end or now, end)
            if b > a:
                total += (b - a).total_seconds()
        return total

    def current(self, step: Step) -> Unit:
        units = self.units(step)
        if self.marks:
            key = (self.marks[-1].person, self.marks[-1].phase)
            for u in units:
                if u.key == key:
                    return u
        return units[0]

    def unit_times(self, now: datetime) -> dict[UnitKey, float]:
        """Seconds each unit has been in focus (a unit visited twice adds up)."""
        times: dict[UnitKey, float] = {}
        for i, mark in enumerate(self.marks):
            end = self.marks[i + 1].at if i + 1 < len(self.marks) else now
            key = (mark.person, mark.phase)
            times[key] = times.get(key, 0.0) + self.run_seconds(mark.at, end, now)
        return times

    def round_share(self, person: str, total: float, phase: str | None = None) -> float:
        """`person`'s seconds of a round of `total` seconds (a round step, or the
        round phase `phase`)."""
        if not self.order:
            return total
        return self._round_shares(total, phase).get(person, 0.0)

    def _round_shares(self, total: float, phase: str | None) -> dict[str, float]:
        """Everyone starts with an equal share. The passes are then taken in the
        order they were made: whoever passed (or left) keeps what they had used of
        their share by then, with what they had been given by earlier passes, and the
        rest goes to those still waiting for their turn then, or, if all had spoken,
        to everyone still in; so the round keeps its length until nobody is left."""
        shares = dict.fromkeys(self.order, total / len(self.order))
        gone_so_far: set[str] = set()
        for passer in self.passed:
            if passer not in shares:
                continue
            gone_so_far.add(passer)
            still_in = [p for p in self.order if p not in gone_so_far]
            gone = self.passes.get(passer)
            if gone is None:
                # Files from before passes were kept: the whole share went on.
                kept, recipients = 0.0, still_in
            else:
                kept = min(shares[passer], self._focus_seconds(passer, phase, gone.at))
                had_focus = {m.person for m in self.marks[: gone.marks] if m.phase == phase}
                recipients = [p for p in still_in if p not in had_focus] or still_in
            left, shares[passer] = shares[passer] - kept, kept
            for p in recipients:
                shares[p] += left / len(recipients)
        return shares

    def _focus_seconds(self, person: str, phase: str | None, until: datetime) -> float:
        """Seconds `person` had been in focus in `phase` by `until`."""
        seconds = 0.0
        for i, mark in enumerate(self.marks):
            if (mark.person, mark.phase) != (person, phase) or mark.at >= until:
                continue
            end = self.marks[i + 1].at if i + 1 < len(self.marks) else until
            seconds += self.run_seconds(mark.at, min(end, until), until)
        return seconds

    def unit_planned(self, step: Step, unit: Unit) -> float:
        """Planned seconds of one unit, with its adjustments."""
        if step.kind is StepKind.ROUND:
            total = step.base_minutes * 60.0
            base = self.round_share(unit.person, total) if unit.person else total
        elif step.kind is StepKind.PER_PARTICIPANT:
            phase = step.phase(unit.phase)
            minutes = phase.minutes if phase else step.base_minutes
            base = minutes * 60.0
            if unit.person in self.passed:
                # They keep what they had used of the phase; the rest of their turn
                # is not planned any more (nobody else takes it).
                gone = self.passes.get(unit.person)
                used = self._focus_seconds(unit.person, unit.phase, gone.at) if gone else 0.0
                base = min(base, used)
        elif unit.phase is not None:
            phase = step.phase(unit.phase)
            minutes = phase.minutes if phase else 0
            if phase is not None and phase.round and unit.person is not None:
                base = self.round_share(unit.person, minutes * 60.0, phase.id)
            else:
                base = minutes * 60
        else:
            base = step.base_minutes * 60
        adjust = sum(a.seconds for a in self.adjustments if (a.person, a.phase) == unit.key)
        return max(0.0, base + adjust)

    def complete(self, step: Step) -> bool:
        """Everyone in the order has passed or left, and the step has no unit that
        is nobody's (a discussion after a round phase) to go on to."""
        return bool(self.order) and all(
            u.person is not None and u.person in self.passed for u in self.units(step)
        )

    def read(self, step: Step, now: datetime, warn_fraction: float = 0.2) -> Reading:
        units = self.units(step)
        complete = self.complete(step)
        current = self.current(step)
        times = self.unit_times(now)
        planned = sum(self.unit_planned(step, u) for u in units)
        elapsed = self.run_seconds(self.runs[0].start, now, now) if self.runs else 0.0
        unit_planned = self.unit_planned(step, current)
        unit_elapsed = times.get(current.key, 0.0)
        airtime: dict[str, float] = {p: 0.0 for p in self.order}
        for (person, _), secs in times.items():
            if person is not None:
                airtime[person] = airtime.get(person, 0.0) + secs
        level = level_for(planned - elapsed, planned, warn_fraction)
        unit_level = level_for(unit_planned - unit_elapsed, unit_planned, warn_fraction)
        if complete:
            # The round ended early: there is no time left to run out of.
            level = unit_level = Level.NORMAL
        return Reading(
            status=self.status,
            elapsed=elapsed,
            planned=planned,
            level=level,
            unit_index=units.index(current),
            unit_count=len(units),
            person=current.person,
            phase=current.phase,
            unit_elapsed=unit_elapsed,
            unit_planned=unit_planned,
            unit_level=unit_level,
            airtime=airtime,
            passed=tuple(self.passed),
            complete=complete,
        )

    # --- intentions ---------------------------------------------------------

    def start(self, step: Step, now: datetime, order: list[str] | None = None) -> None:
        """Start or resume. The speaking order is fixed at the first start. A round
        that is complete (everyone has passed or left) does not start: the time
        would run on someone who has passed."""
        if self.status is Status.RUNNING:
            return
        if not self.runs and order is not None:
            self.order = list(order)
        if self.complete(step):
            return
        self.runs.append(Run(start=now))
        units = self.units(step)
        last = (self.marks[-1].person, self.marks[-1].phase) if self.marks else None
        free = [u for u in units if u.person is None or u.person not in self.passed]
        if last not in [u.key for u in free]:
            # No unit chosen yet, or one chosen before the start that the order
            # fixed now does not have (a round phase chosen before anyone was
            # listed) or that is someone who has passed: begin at the first unit
            # of the same phase still open, else the first.
            phase = last[1] if last else None
            begin = next((u for u in free if phase and u.phase == phase), free[0])
            self.marks.append(Mark(at=now, person=begin.person, phase=begin.phase))

    def pause(self, now: datetime) -> None:
        if self.status is Status.RUNNING:
            self.runs[-1].end = max(now, self.runs[-1].start)

    def toggle(self, step: Step, now: datetime) -> None:
        if self.status is Status.RUNNING:
            self.pause(now)
        else:
            self.start(step, now)

    def goto(self, unit: Unit, now: datetime) -> None:
        if self.marks and (self.marks[-1].person, self.marks[-1].phase) == unit.key:
            return
        self.marks.append(Mark(at=now, person=unit.person, phase=unit.phase))

    def move(self, step: Step, delta: int, now: datetime) -> bool:
        """Go to the next (+1) or previous (−1) unit, skipping those who passed.

        Returns False at either end of the step: moving to another step is a
        separate, deliberate act.
        """
        units = self.units(step)
        i = units.index(self.current(step))
        while True:
            i += delta
            if not 0 <= i < len(units):
                return False
            if units[i].person is None or units[i].person not in self.passed:
                break
        if not self.marks and self.status is Status.NOT_STARTED:
            # Moving before the start only chooses where the clock will begin.
            self.marks.append(Mark(at=now, person=units[0].person, phase=units[0].phase))
        self.goto(units[i], now)
        return True

    def adjust(self, step: Step, seconds: int, now: datetime) -> None:
        """Add (or with a negative number take away) time on the current unit;
        the unit's time never goes below zero."""
        unit = self.current(step)
        planned = self.unit_planned(step, unit)
        seconds = max(int(-planned), -MAX_ADJUST_SECONDS, min(seconds, MAX_ADJUST_SECONDS))
        if seconds:
            self.adjustments.append(
                Adjustment(at=now, seconds=seconds, person=unit.person, phase=unit.phase)
            )

    def pass_turn(self, step: Step, person: str, now: datetime) -> None:
        """`person` passes: what they have not used of their time goes to the
        others; if they have the floor, it goes on (see `_hand_on`)."""
        if person not in self.order or person in self.passed:
            return
        in_focus = self.current(step).person == person
        # Passed first, so that moving on skips all of the person's units (in
        # peer supervision: their remaining phases), not just the current one.
        self.passed.append(person)
        self.passes[person] = Pass(at=now, marks=len(self.marks))
        if in_focus:
            self._hand_on(step, now)
        self._stop_if_complete(step, now)

    def _hand_on(self, step: Step, now: datetime) -> None:
        """The floor goes to the next one still in after the current unit; else to
        the first still waiting before it (someone skipped); else back to the one
        before; with nobody left it stays where it is, and the round is complete."""
        if self.move(step, +1, now):
            return
        waiting = self._first_waiting(step)
        if waiting is not None:
            self.goto(waiting, now)
            return
        self.move(step, -1, now)

    def _first_waiting(self, step: Step) -> Unit | None:
        """The first unit of someone still in who has not had the floor (in this
        phase; in peer supervision, at all)."""
        whole_turn = step.kind is StepKind.PER_PARTICIPANT
        for unit in self.units(step):
            if unit.person is None or unit.person in self.passed:
                continue
            if not any(
                m.person == unit.person and (whole_turn or m.phase == unit.phase)
                for m in self.marks
            ):
                return unit
        return None

    def _stop_if_complete(self, step: Step, now: datetime) -> None:
        if self.complete(step):
            self.pause(now)

    def _give_floor_back(self, step: Step, person: str, now: datetime) -> None:
        """`person` is in the queue again. If the floor was with someone who has
        passed (the round was complete), it is theirs; otherwise whoever has it
        keeps it."""
        if self.current(step).person not in self.passed:
            return
        units = [u for u in self.units(step) if u.person == person]
        if not units:
            return
        if step.kind is StepKind.PER_PARTICIPANT:
            # Back in the middle of their own turn: where they left it.
            been = [(m.person, m.phase) for m in self.marks if m.person == person]
            unit = next((u for u in units if been and u.key == been[-1]), units[0])
        else:
            phase = self.current(step).phase
            unit = next((u for u in units if u.phase == phase), units[0])
        self.goto(unit, now)

    def unpass(self, step: Step, person: str, now: datetime) -> None:
        """Undo `person`'s pass: their share is theirs again and they are in the
        queue; the floor stays where it is unless the round was complete."""
        if person not in self.passed:
            return
        self.passed.remove(person)
        self.passes.pop(person, None)
        if person in self.order:
            self._give_floor_back(step, person, now)

    def rejoin(self, step: Step, person: str, now: datetime) -> None:
        """`person` is back: at the end of the order if they had left it before
        having the floor, else with their pass (made when they left) undone."""
        if person in self.order:
            self.unpass(step, person, now)
            return
        self.order.append(person)
        last = (self.marks[-1].person, self.marks[-1].phase) if self.marks else None
        if last is not None and last not in [u.key for u in self.units(step)]:
            # The clock ran with nobody listed (all away): the step was one unit
            # that is nobody's, and now it is theirs.
            self.goto(next(u for u in self.units(step) if u.person == person), now)
        self._give_floor_back(step, person, now)

    def drop(self, step: Step, person: str, now: datetime) -> None:
        """`person` has left (absent): take them out of the order unless they
        have already spoken, in which case their turn counts as done."""
        if person not in self.order:
            return
        if any(m.person == person for m in self.marks):
            # They have been in focus: keep them (their time stays in the log).
            self.pass_turn(step, person, now)
            return
        self.order.remove(person)
        if person in self.passed:
            self.passed.remove(person)
            self.passes.pop(person, None)
        if self.current(step).person in self.passed and not self.complete(step):
            # Before the start the floor is the first unit, which may now be
            # someone who has passed.
            self._hand_on(step, now)
        self._stop_if_complete(step, now)
