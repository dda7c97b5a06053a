"""The workshop as the facilitator drives it: intentions applied to a session.

The screen calls these methods and shows the result; it never changes the
session itself. Each change stamps `updated_at` and calls `on_change`, which
the screen uses to hand a snapshot to the autosaver. Nothing here reads a
clock of its own or touches the disk.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Literal, TypeVar, overload

from pydantic import ValidationError
from pydantic_core import InitErrorDetails

from facilitator.agenda.model import Capture, NoteKind, Phase, Step, StepKind
from facilitator.i18n import MAX_TEXT
from facilitator.law import Paragraph
from facilitator.localized import as_typed, rule_error
from facilitator.projection import Projection, project, session_schedule
from facilitator.schedule import Schedule
from facilitator.session.model import (
    Answer,
    CapturedItem,
    CheckoutAnswer,
    Dilemma,
    Draft,
    DraftForm,
    Finding,
    FindingKind,
    FollowUp,
    ItemKind,
    Measure,
    MeasureStatus,
    NamesPolicy,
    Note,
    Participant,
    Session,
    Visibility,
    done_on,
    hr_hint_for,
    out_of_scale_error,
    scores_out_of_scale,
)
from facilitator.stepclock import Reading, Status, StepClock
from facilitator.timesource import Clock

Item = TypeVar("Item", Note, Dilemma, Finding, Measure, CheckoutAnswer)

COLLECTIONS = tuple(ItemKind)
"""Every kind of captured item (kept by its old name: each is also the name of the
session's list, so `"notes"` and `ItemKind.NOTES` find the same items)."""

STALE_AFTER = timedelta(hours=2)
"""How long a session can go without any change while a clock runs before the room
is taken to have stopped. No step of a workshop runs that long untouched: the
longest are about 20 minutes, and peer supervision moves phase every few."""


class Workshop:
    def __init__(
        self, session: Session, clock: Clock, on_change: Callable[[], None] | None = None
    ) -> None:
        self.session = session
        self.clock = clock
        self.on_change = on_change or (lambda: None)
        self.findings_on_wall: str | None = None
        """The step whose shared strengths and risks the room's screen shows, when the
        facilitator has chosen to show them (`toggle_findings_on_wall`). Not saved:
        showing them is a moment in the room, chosen again after a restart."""

    # --- reading -------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock.now()

    @property
    def steps(self) -> list[Step]:
        return self.session.agenda.steps

    @property
    def step(self) -> Step:
        current = self.session.current_step
        return self.session.agenda.step(current) if current else self.steps[0]

    @property
    def step_index(self) -> int:
        return self.session.agenda.step_index(self.step.id)

    def step_clock(self, step: Step | None = None) -> StepClock:
        """The clock of a step; one not yet saved if the step has not been entered."""
        step = step or self.step
        existing = self.session.clocks.get(step.id)
        if existing is not None:
            return existing
        return StepClock(step_id=step.id, order=self._speaking_order())

    def reading(self, step: Step | None = None) -> Reading:
        step = step or self.step
        return self.step_clock(step).read(step, self.now(), self.session.agenda.warn_fraction)

    def projection(self) -> Projection:
        return project(self.session, self.now())

    def schedule(self) -> Schedule:
        return session_schedule(self.session, self.now())

    def phase(self, reading: Reading | None = None) -> Phase | None:
        reading = reading or self.reading()
        return self.step.phase(reading.phase)

    def name(self, pid: str | None) -> str:
        person = self.session.participant(pid) if pid else None
        return person.name if person else ""

    def step_done(self, step: Step) -> bool:
        """Steps before the current one count as done."""
        return self.session.agenda.step_index(step.id) < self.step_index

    def _speaking_order(self) -> list[str]:
        return [p.id for p in self.session.participants if p.present]

    # --- changes --------------------------------------------------------------

    def _changed(self) -> None:
        self.session.updated_at = self.now()
        self.on_change()

    def _ensure_clock(self) -> StepClock:
        clock = self.session.clocks.get(self.step.id)
        if clock is None:
            clock = StepClock(step_id=self.step.id, order=self._speaking_order())
            self.session.clocks[self.step.id] = clock
        return clock

    # setup

    def set_participants(self, names: list[str]) -> None:
        """Replace the participants (setup only), keeping ids stable by position."""
        names = [n.strip() for n in names if n.strip()]
        people = [Participant(id=f"p{i}", name=name) for i, name in enumerate(names, 1)]
        # The session refuses a facilitator who is not a participant, so clear the
        # facilitator first when they are not among the new people; put them back
        # if the new list is refused.
        facilitator = self.session.facilitator
        if facilitator not in {p.id for p in people}:
            self.session.facilitator = None
        try:
            self.session.participants = people
        except ValidationError:
            self.session.facilitator = facilitator
            raise
        self._changed()

    def set_facilitator(self, pid: str | None) -> None:
        self.session.facilitator = pid
        self._changed()

    def draw_facilitator(self, rng: random.Random | None = None) -> str | None:
        present = self.session.present
        if not present:
            return None
        chosen = (rng or random.Random()).choice(present).id
        self.set_facilitator(chosen)
        return chosen

    def shuffle_order(self, rng: random.Random | None = None) -> None:
        people = list(self.session.participants)
        (rng or random.Random()).shuffle(people)
        self.session.participants = people
        self._changed()

    def begin(self) -> None:
        """Leave setup: the session starts at its first step (the timer does not)."""
        if self.session.started_at is None:
            self.session.started_at = self.now()
        if self.session.current_step is None:
            self.session.current_step = self.steps[0].id
        self._changed()

    def stop_stale_clocks(self) -> datetime | None:
        """Reopening a session whose clock was left running (the program killed,
        the laptop dead) long after its last change: the room stopped long ago, so
        the clock stops at that last change instead of counting the hours or days
        in between as overtime, which would also go into the summary's minutes.
        Returns when the clocks were stopped, or None when nothing was stale."""
        last = self.session.updated_at
        stale = [c for c in self.session.clocks.values() if c.status is Status.RUNNING]
        if not stale or self.now() - last < STALE_AFTER:
            return None
        for clock in stale:
            clock.pause(last)
        self._changed()
        return last

    # moving between steps

    def goto_step(self, index: int) -> bool:
        if not 0 <= index < len(self.steps) or index == self.step_index:
            return False
        if self.session.started_at is None:
            self.session.started_at = self.now()
        current = self.session.clocks.get(self.step.id)
        if current is not None:
            current.pause(self.now())
        self.session.current_step = self.steps[index].id
        self._changed()
        return True

    def next_step(self) -> bool:
        return self.goto_step(self.step_index + 1)

    def toggle_findings_on_wall(self) -> bool:
        """Show this step's shared strengths and risks on the room's screen, or stop
        showing them; they carry no author, and group-only ones are never shown.
        Only in a step that collects them. Returns whether they are shown now."""
        step = self.step
        if Capture.STRENGTHS_RISKS not in step.captures or self.findings_on_wall == step.id:
            self.findings_on_wall = None
        else:
            self.findings_on_wall = step.id
        return self.findings_on_wall is not None

    def previous_step(self) -> bool:
        return self.goto_step(self.step_index - 1)

    # the timer

    def toggle_timer(self) -> None:
        clock = self._ensure_clock()
        if not clock.runs:
            clock.order = self._speaking_order()
        if self.session.started_at is None:
            self.session.started_at = self.now()
        if self.session.current_step is None:
            # Started from setup: the session is running, so it is at its first step.
            self.session.current_step = self.step.id
        clock.toggle(self.step, self.now())
        self._changed()

    def pause(self) -> None:
        clock = self.session.clocks.get(self.step.id)
        if clock is not None and clock.runs and clock.runs[-1].end is None:
            clock.pause(self.now())
            self._changed()

    def move_unit(self, delta: int) -> bool:
        """Next (+1) or previous (−1) person or phase within the step."""
        clock = self._ensure_clock()
        moved = clock.move(self.step, delta, self.now())
        if moved:
            self._changed()
        return moved

    def adjust(self, minutes: int) -> None:
        self._ensure_clock().adjust(self.step, minutes * 60, self.now())
        self._changed()

    # who is here

    def set_present(self, pid: str, present: bool) -> None:
        """Mark someone away or back. Away: before their turn they leave the order,
        after it their turn counts as done; if they had the floor it goes on. Back:
        in the queue again, without taking the floor from whoever has it (see
        `StepClock` for the rules)."""
        person = self.session.participant(pid)
        if person is None or person.present == present:
            return
        person.present = present
        clock = self.session.clocks.get(self.step.id)
        if clock is not None:
            if not present:
                clock.drop(self.step, pid, self.now())
            else:
                clock.rejoin(self.step, pid, self.now())
        self._changed()

    def pass_turn(self, pid: str | None = None) -> bool:
        """The person in focus (or `pid`) passes; their time goes to the others."""
        clock = self._ensure_clock()
        pid = pid or clock.current(self.step).person
        if pid is None:
            return False
        clock.pass_turn(self.step, pid, self.now())
        self._changed()
        return True

    def finish(self) -> None:
        clock = self.session.clocks.get(self.step.id)
        if clock is not None:
            clock.pause(self.now())  # not `self.pause()`: one change, one on_change
        self.session.finished_at = self.now()
        self._changed()

    def reopen(self) -> None:
        self.session.finished_at = None
        self._changed()

    # --- capture ---------------------------------------------------------------

    def _context(self) -> tuple[str, str | None, str | None]:
        reading = self.reading()
        return self.step.id, reading.phase, reading.person

    def default_note_kind(self) -> NoteKind:
        phase = self.phase()
        return phase.note_kind if phase else NoteKind.NOTE

    def add_note(
        self,
        text: str,
        visibility: Visibility = Visibility.GROUP,
        factors: list[Paragraph] | None = None,
        kind: NoteKind | None = None,
    ) -> Note:
        step_id, phase_id, person = self._context()
        note = Note(
            text=text,
            step_id=step_id,
            phase_id=phase_id,
            person=person,
            kind=kind or self.default_note_kind(),
            factors=factors or [],
            visibility=visibility,
            created_at=self.now(),
        )
        self.session.notes.append(note)
        self._changed()
        return note

    def dilemma_of(self, owner: str) -> Dilemma | None:
        return next((d for d in self.session.dilemmas if d.owner == owner), None)

    def set_dilemma(
        self,
        owner: str,
        title: str,
        text: str = "",
        factors: list[Paragraph] | None = None,
        hr_hint: bool | None = None,
        visibility: Visibility = Visibility.GROUP,
    ) -> Dilemma:
        """One dilemma per participant: create it, or replace its content. Whether it
        is one to raise with HR is `hr_hint` when given, else what its words suggest."""
        hint = hr_hint_for(title, text, hr_hint)
        existing = self.dilemma_of(owner)
        if existing is not None:
            updated = existing.model_copy(
                update={
                    "title": title,
                    "text": text,
                    "factors": factors or [],
                    "hr_hint": hint,
                    "visibility": visibility,
                    "updated_at": self.now(),
                }
            )
            checked = Dilemma.model_validate(updated.model_dump())
            self.session.dilemmas[self.session.dilemmas.index(existing)] = checked
            self._changed()
            return checked
        dilemma = Dilemma(
            owner=owner,
            title=title,
            text=text,
            factors=factors or [],
            hr_hint=hint,
            visibility=visibility,
            created_at=self.now(),
        )
        self.session.dilemmas.append(dilemma)
        self._changed()
        return dilemma

    def add_finding(
        self,
        kind: FindingKind,
        text: str,
        factor: Paragraph | None = None,
        visibility: Visibility = Visibility.SHARED,
    ) -> Finding:
        finding = Finding(
            kind=kind,
            text=text,
            factor=factor,
            step_id=self.step.id,
            visibility=visibility,
            created_at=self.now(),
        )
        self.session.findings.append(finding)
        self._changed()
        return finding

    def add_measure(
        self,
        what: str,
        owner: str = "",
        deadline: date | None = None,
        challenge: str = "",
        factor: Paragraph | None = None,
        visibility: Visibility = Visibility.SHARED,
        likelihood: int | None = None,
        consequence: int | None = None,
        owner_role: str = "",
    ) -> Measure:
        measure = Measure(
            what=what,
            owner=owner,
            owner_role=owner_role,
            deadline=deadline,
            challenge=challenge,
            factor=factor,
            visibility=visibility,
            likelihood=likelihood,
            consequence=consequence,
            created_at=self.now(),
        )
        self._check_risk(measure)
        self.session.measures.append(measure)
        self._changed()
        return measure

    def follow_up(
        self,
        measure_id: str,
        status: MeasureStatus,
        text: str = "",
        worked: Answer | None = None,
        enough: Answer | None = None,
    ) -> Measure:
        """Record how a measure stands, dated today, with the group's answers to "did
        it work" and "is it enough" when it gave them. One follow-up per measure per
        session: doing it again in the same session corrects it."""
        measure = self.find(ItemKind.MEASURES, measure_id)
        today = self._today()
        earlier = [f for f in measure.follow_ups if f.session_id != self.session.id]
        measure.follow_ups = [
            *earlier,
            FollowUp(
                at=today,
                status=status,
                text=text,
                session_id=self.session.id,
                worked=worked,
                enough=enough,
            ),
        ]
        measure.status = status
        measure.done_on = done_on(status, measure.done_on, today)
        measure.updated_at = self.now()
        self._changed()
        return measure

    def add_checkout(
        self, person: str, text: str, question: int = 0, visibility: Visibility = Visibility.GROUP
    ) -> CheckoutAnswer:
        answer = CheckoutAnswer(
            person=person,
            text=text,
            question=question,
            visibility=visibility,
            created_at=self.now(),
        )
        self.session.checkouts.append(answer)
        self._changed()
        return answer

    def set_draft(
        self, form: DraftForm, values: dict[str, str | bool], item_id: str | None
    ) -> None:
        """Keep what is being typed into a form (see `Draft`), exactly as typed (a
        space at the end too). What a text field cannot hold (control characters,
        more than `MAX_TEXT`) is left out here; the form itself says so when the item
        is saved."""
        kept = {k: v if isinstance(v, bool) else as_typed(v, MAX_TEXT) for k, v in values.items()}
        self.session.draft = Draft(form=form, item_id=item_id, values=kept, updated_at=self.now())
        self._changed()

    def clear_draft(self) -> None:
        if self.session.draft is not None:
            self.session.draft = None
            self._changed()

    def set_next_meeting(self, when: datetime | None) -> None:
        self.session.next_meeting = when
        self._changed()

    # editing any captured item

    @overload
    def find(self, kind: Literal[ItemKind.NOTES], item_id: str) -> Note: ...
    @overload
    def find(self, kind: Literal[ItemKind.DILEMMAS], item_id: str) -> Dilemma: ...
    @overload
    def find(self, kind: Literal[ItemKind.FINDINGS], item_id: str) -> Finding: ...
    @overload
    def find(self, kind: Literal[ItemKind.MEASURES], item_id: str) -> Measure: ...
    @overload
    def find(self, kind: Literal[ItemKind.CHECKOUTS], item_id: str) -> CheckoutAnswer: ...
    @overload
    def find(self, kind: ItemKind | str, item_id: str) -> CapturedItem: ...
    def find(self, kind: ItemKind | str, item_id: str) -> CapturedItem:
        """The item of this kind with this id. KeyError when there is none, or when
        `kind` names no kind of item (a stored name is taken as its kind)."""
        for item in self.session.items(ItemKind.named(kind)):
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    @overload
    def update(self, kind: Literal[ItemKind.NOTES], item_id: str, /, **changes: object) -> Note: ...
    @overload
    def update(
        self, kind: Literal[ItemKind.DILEMMAS], item_id: str, /, **changes: object
    ) -> Dilemma: ...
    @overload
    def update(
        self, kind: Literal[ItemKind.FINDINGS], item_id: str, /, **changes: object
    ) -> Finding: ...
    @overload
    def update(
        self, kind: Literal[ItemKind.MEASURES], item_id: str, /, **changes: object
    ) -> Measure: ...
    @overload
    def update(
        self, kind: Literal[ItemKind.CHECKOUTS], item_id: str, /, **changes: object
    ) -> CheckoutAnswer: ...
    @overload
    def update(self, kind: ItemKind | str, item_id: str, /, **changes: object) -> CapturedItem: ...
    def update(self, kind: ItemKind | str, item_id: str, /, **changes: object) -> CapturedItem:
        """Change fields of a captured item; the whole item is checked first, so a
        refused change leaves the item as it was. A measure whose status changes
        gets its done date by the same rule as a follow-up (`done_on`)."""
        kind = ItemKind.named(kind)
        # One line per kind: each list is typed as the list of its own model, so the
        # item put back is known to be of the same model as the one taken out.
        match kind:
            case ItemKind.NOTES:
                return self._replace(self.session.notes, item_id, changes)
            case ItemKind.DILEMMAS:
                return self._replace(self.session.dilemmas, item_id, changes)
            case ItemKind.FINDINGS:
                return self._replace(self.session.findings, item_id, changes)
            case ItemKind.MEASURES:
                return self._replace(self.session.measures, item_id, changes)
            case ItemKind.CHECKOUTS:
                return self._replace(self.session.checkouts, item_id, changes)

    def delete(self, kind: ItemKind | str, item_id: str) -> None:
        kind = ItemKind.named(kind)
        match kind:
            case ItemKind.NOTES:
                _remove(self.session.notes, item_id)
            case ItemKind.DILEMMAS:
                _remove(self.session.dilemmas, item_id)
            case ItemKind.FINDINGS:
                _remove(self.session.findings, item_id)
            case ItemKind.MEASURES:
                _remove(self.session.measures, item_id)
            case ItemKind.CHECKOUTS:
                _remove(self.session.checkouts, item_id)
        self._changed()

    def _replace(self, items: list[Item], item_id: str, changes: dict[str, object]) -> Item:
        item = _find(items, item_id)
        data = item.model_dump()
        data.update(changes, updated_at=self.now())
        replacement = type(item).model_validate(data)
        if isinstance(replacement, Measure) and isinstance(item, Measure):
            self._check_risk(replacement)
            if replacement.status is not item.status:
                replacement.done_on = done_on(replacement.status, item.done_on, self._today())
        items[items.index(item)] = replacement
        self._changed()
        return replacement

    def _today(self) -> date:
        return self.now().astimezone().date()

    def _check_risk(self, measure: Measure) -> None:
        """Refuse risk scores above the session's scale (1–3 or 1–5) before the
        measure goes in: the session checks it on every later change, so a score
        let in here would make each of them fail."""
        scale = self.session.risk_scale
        errors = [
            InitErrorDetails(type=out_of_scale_error(scale), loc=(field,), input=value)
            for field, value in scores_out_of_scale(measure, scale)
        ]
        if errors:
            raise ValidationError.from_exception_data("Measure", errors)

    # --- what the step asks for -----------------------------------------------------

    def captures(self) -> list[Capture]:
        return list(self.step.captures)

    def focus_participant(self, reading: Reading | None = None) -> Participant | None:
        reading = reading or self.reading()
        return self.session.participant(reading.person) if reading.person else None

    def is_round_like(self) -> bool:
        step = self.step
        return step.kind in (StepKind.ROUND, StepKind.PER_PARTICIPANT) or any(
            p.round for p in step.phases
        )

    # --- the session's details, changed while it runs ---------------------------------

    def set_details(
        self,
        title: str,
        unit: str,
        day: date,
        booked_start: datetime | None,
        booked_end: datetime | None,
        names_policy: NamesPolicy,
    ) -> bool:
        """Change what setup asked for (a typo in the title, the wrong unit, the slot
        moved). Everything is checked before anything changes, so a refused change
        leaves the session as it was. Returns whether the unit changed: the open
        measures of the new unit can then be followed up (`follow_up_earlier`)."""
        if booked_start is not None and booked_end is not None and booked_end <= booked_start:
            error = rule_error(
                "booked_end_before_start",
                "den avsatte tiden må slutte etter at den starter",
                "the booked slot must end after it starts",
            )
            details = InitErrorDetails(type=error, loc=("booked_end",), input=booked_end)
            raise ValidationError.from_exception_data("Session", [details])
        changes: dict[str, object] = {
            "title": title.strip(),
            "unit": unit.strip(),
            "date": day,
            "booked_start": booked_start,
            "booked_end": booked_end,
            "names_policy": names_policy,
        }
        Session.model_validate({**self.session.model_dump(), **changes})  # raises if refused
        unit_changed = unit.strip() != self.session.unit
        for name, value in changes.items():
            setattr(self.session, name, value)
        self._changed()
        return unit_changed

    def follow_up_earlier(self, measures: list[Measure]) -> int:
        """Carry open measures of earlier sessions into this one, while it runs (see
        `facilitator.followup.add_follow_up`); returns how many were new here."""
        from facilitator.followup import add_follow_up

        before = len(self.session.measures)
        add_follow_up(self.session, measures)
        added = len(self.session.measures) - before
        if added:
            self._changed()
        return added


def _find(items: list[Item], item_id: str) -> Item:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)


def _remove(items: list[Item], item_id: str) -> None:
    items.remove(_find(items, item_id))
