"""The running workshop as views show it: one frozen object, computed from the
session and the clock at one moment.

Every view of the room renders this and nothing else: the facilitator's terminal
renders all of it, the projector renders `for_audience()`, which is the same object
with the facilitator's part left out. Leaving out (rather than building a second
object by hand) is what lets a test prove that nothing captured ever reaches the
wall: everything captured lives in `FacilitatorPart`, and the audience form has none.

Texts are already in the session's language, so a view only lays them out; the
numbers they came from are kept beside them for views that draw (the timer's level,
seconds left, who has spoken).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from facilitator.agenda.model import Capture, NoteKind, Phase, Role, Step, StepKind
from facilitator.followup import followed_up_here, measure_label, to_follow_up
from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.projection import Projection
from facilitator.session.model import FindingKind, Session, Visibility
from facilitator.stepclock import Level, Reading, Status
from facilitator.timefmt import clock_text, moment_text, short_date
from facilitator.workshop import Workshop

CAPTURED_SHOWN = 12
"""How many of the latest captured lines the facilitator's list holds: the newest
are what the facilitator checks while typing; the items screen holds them all."""


class Cue(StrEnum):
    """What the focus person does with their chair in peer supervision."""

    TURN_AWAY = "turn_away"
    """The colleagues discuss: the focus person turns their back and listens."""
    TURN_BACK = "turn_back"
    """The discussion is over: the focus person turns back to the group."""


class PersonState(StrEnum):
    FOCUS = "focus"
    ABSENT = "absent"
    PASSED = "passed"
    SPOKEN = "spoken"
    WAITING = "waiting"


@dataclass(frozen=True)
class StepPart:
    """The step and its texts."""

    index: int
    count: int
    id: str
    kind: StepKind
    title: str
    purpose: str
    questions: tuple[str, ...]
    process: tuple[str, ...]
    content: str
    captures: tuple[Capture, ...]
    """What the step asks the group to record (the facilitator's keys follow it)."""


@dataclass(frozen=True)
class ClockPart:
    """The reading of the clock for the person or phase now running."""

    status: Status
    level: Level
    """NORMAL until the clock has started."""
    over: bool
    """Past the planned time (never when the round is complete)."""
    complete: bool
    """Everyone has passed or left: the round is over before its time."""
    remaining: float
    planned: float
    display: str
    """`4:55`, or `+1:05` in overtime."""
    label: str
    """The line under the timer: time left of the planned, overtime, paused."""
    step_line: str
    """The whole step's time when it has several turns or phases; else empty."""
    ends_at: str
    """A running break's end as `HH:MM` in the room's time zone; else empty."""


@dataclass(frozen=True)
class FocusPart:
    """Who is in focus now."""

    name: str
    label: str
    """`Fokusperson` in peer supervision, `Ordet har` in a plain round."""


@dataclass(frozen=True)
class PhasePart:
    index: int
    count: int
    id: str
    heading: str
    """`Fase 2 av 4: Avklarende spørsmål`."""
    title: str
    rule: str
    floor: str
    """Who talks and how the focus person takes part."""
    questions: tuple[str, ...]
    back_turned: bool
    round: bool
    """The phase goes around the table (its time is each person's, not the phase's)."""


@dataclass(frozen=True)
class CuePart:
    cue: Cue
    text: str


@dataclass(frozen=True)
class ProgressPart:
    """The agenda as a strip: the steps before `index` are done."""

    index: int
    titles: tuple[str, ...]


@dataclass(frozen=True)
class SlotPart:
    """Where the group stands against its plan and its booked slot."""

    planned_end: str
    projected_end: str
    behind_minutes: int
    """Positive: running late against the group's own plan."""
    booked_end: str
    """Empty when no slot was booked."""
    margin_minutes: int | None
    """Minutes to spare before the booked end; negative: it will run over."""
    status_line: str
    slot_line: str


@dataclass(frozen=True)
class WallFinding:
    """A strength or a risk the facilitator has put on the room's screen."""

    strength: bool
    text: str


@dataclass(frozen=True)
class PersonLine:
    id: str
    name: str
    state: PersonState
    airtime: float
    """Seconds in focus in this step."""
    note: str
    """`(borte)`, `(står over)` or the airtime, as the list shows it."""


@dataclass(frozen=True)
class CapturedLine:
    text: str
    shared: bool


@dataclass(frozen=True)
class FollowUpLine:
    label: str
    status: str
    done_here: bool


@dataclass(frozen=True)
class DilemmaPart:
    title: str
    text: str
    hr_hint: bool


@dataclass(frozen=True)
class FacilitatorPart:
    """What only the facilitator sees: names, what was captured, the dilemma."""

    session_title: str
    unit: str
    facilitator: str
    facilitator_in_focus: bool
    """The focus person is the facilitator: someone else keeps the time."""
    people: tuple[PersonLine, ...]
    captured: tuple[CapturedLine, ...]
    """The newest lines captured in this step (at most CAPTURED_SHOWN)."""
    dilemma: DilemmaPart | None
    """The focus person's dilemma, in peer supervision."""
    follow_up: tuple[FollowUpLine, ...]
    """Measures carried from earlier sessions, in the step that follows them up."""


@dataclass(frozen=True)
class WorkshopView:
    """Everything a view of the running workshop may show, at one moment."""

    lang: Lang
    agenda_title: str
    step: StepPart
    clock: ClockPart
    focus: FocusPart | None
    phase: PhasePart | None
    cue: CuePart | None
    progress: ProgressPart
    slot: SlotPart
    present: int
    spoken: int
    """How many of those present have had the focus in this step (a count: the
    wall names nobody but the person in focus)."""
    finished: bool
    on_wall: tuple[WallFinding, ...]
    """The step's shared strengths and risks, when the facilitator shows them to the
    room (`Workshop.toggle_findings_on_wall`): the one thing captured the audience
    form may hold, by the facilitator's choice, with no author and never group-only."""
    unit_index: int
    """Which turn (or phase) of the step is running: a change of it is announced."""
    private: FacilitatorPart | None
    """None in the audience form."""

    def for_audience(self) -> WorkshopView:
        """The same view without what only the facilitator may see."""
        return replace(self, private=None)


def workshop_view(workshop: Workshop, lang: Lang | None = None) -> WorkshopView:
    """The view of `workshop` now, in `lang` (the session's language if not given)."""
    session = workshop.session
    lang = lang or session.lang
    step = workshop.step
    reading = workshop.reading()
    zone = ZoneInfo(session.time_zone)
    supervision = step.kind is StepKind.PER_PARTICIPANT
    phase = step.phase(reading.phase)
    focus_name = workshop.name(reading.person) if not reading.complete else ""
    return WorkshopView(
        lang=lang,
        agenda_title=session.agenda.title.get(lang),
        step=_step_part(workshop, step, lang),
        clock=_clock_part(step, reading, workshop.now(), zone, lang),
        focus=(
            FocusPart(name=focus_name, label=s("focus" if supervision else "in_focus", lang))
            if focus_name
            else None
        ),
        # A complete round has nobody in focus: the last person's name would stay.
        phase=_phase_part(step, phase, focus_name, lang) if phase is not None else None,
        cue=_cue(step, phase, focus_name, lang),
        progress=ProgressPart(
            index=workshop.step_index, titles=tuple(x.title.get(lang) for x in workshop.steps)
        ),
        slot=_slot_part(workshop.projection(), zone, lang),
        present=len(session.present),
        spoken=sum(1 for p in session.present if reading.airtime.get(p.id, 0) > 0),
        finished=session.finished_at is not None,
        on_wall=_on_wall(workshop, step),
        unit_index=reading.unit_index,
        private=_facilitator_part(workshop, step, reading, lang),
    )


def _step_part(workshop: Workshop, step: Step, lang: Lang) -> StepPart:
    return StepPart(
        index=workshop.step_index,
        count=len(workshop.steps),
        id=step.id,
        kind=step.kind,
        title=step.title.get(lang),
        purpose=step.purpose.get(lang) if step.purpose else "",
        questions=tuple(q.get(lang) for q in step.questions),
        process=tuple(p.get(lang) for p in step.process),
        content=step.content.get(lang) if step.content else "",
        captures=capturable(step),
    )


ANYWHERE = (Capture.NOTES, Capture.MEASURES)
"""What can be recorded in any step: a note is how anything said is kept, and a
measure the group agrees on belongs in the plan whichever step it came up in."""


def capturable(step: Step) -> tuple[Capture, ...]:
    """What the facilitator can record in `step`: what it asks for, notes and
    measures anywhere, and in peer supervision the focus person's dilemma, which
    the presentation may sharpen."""
    kinds = list(step.captures)
    extra = [*ANYWHERE, Capture.DILEMMA] if step.kind is StepKind.PER_PARTICIPANT else ANYWHERE
    kinds += [kind for kind in extra if kind not in kinds]
    return tuple(kinds)


def _on_wall(workshop: Workshop, step: Step) -> tuple[WallFinding, ...]:
    if workshop.findings_on_wall != step.id:
        return ()
    return tuple(
        WallFinding(strength=f.kind is FindingKind.STRENGTH, text=f.text)
        for f in workshop.session.findings
        if f.step_id == step.id and f.visibility is Visibility.SHARED
    )


def _hhmm(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def _clock_part(
    step: Step, reading: Reading, now: datetime, zone: ZoneInfo, lang: Lang
) -> ClockPart:
    started = reading.status is not Status.NOT_STARTED
    over = reading.unit_remaining <= 0 and started and not reading.complete
    value = clock_text(reading.unit_remaining)
    planned = clock_text(reading.unit_planned)
    if reading.complete:
        label = s("round_complete", lang)
    elif not started:
        label = s("timer_not_started", lang)
    elif over:
        label = s("timer_over", lang, planned=planned)
    else:
        label = s("timer_left", lang, planned=planned)
        if reading.status is Status.PAUSED:
            label = f"{s('timer_paused', lang)} · {label}"
    step_line = ""
    if reading.unit_count > 1:
        total = clock_text(reading.planned)
        if reading.remaining >= 0:
            step_line = s("step_time", lang, left=clock_text(reading.remaining), planned=total)
        else:
            step_line = s("step_time_over", lang, over=clock_text(reading.remaining), planned=total)
    ends_at = ""
    if step.kind is StepKind.BREAK and reading.status is Status.RUNNING:
        ends_at = _hhmm(now + timedelta(seconds=max(0.0, reading.remaining)), zone)
    return ClockPart(
        status=reading.status,
        level=reading.unit_level if started else Level.NORMAL,
        over=over,
        complete=reading.complete,
        remaining=reading.unit_remaining,
        planned=reading.unit_planned,
        display=f"+{value}" if over else value,
        label=label,
        step_line=step_line,
        ends_at=ends_at,
    )


def _phase_part(step: Step, phase: Phase, focus: str, lang: Lang) -> PhasePart:
    index = [p.id for p in step.phases].index(phase.id)
    return PhasePart(
        index=index,
        count=len(step.phases),
        id=phase.id,
        heading=s(
            "phase_of", lang, n=index + 1, total=len(step.phases), title=phase.title.get(lang)
        ),
        title=phase.title.get(lang),
        rule=phase.rule.get(lang) if phase.rule else "",
        floor=floor_line(phase, focus, step.kind is StepKind.PER_PARTICIPANT, lang),
        questions=tuple(q.get(lang) for q in phase.questions),
        back_turned=phase.focus_back_turned,
        round=phase.round,
    )


def _cue(step: Step, phase: Phase | None, focus: str, lang: Lang) -> CuePart | None:
    """Turn away while the colleagues discuss; turn back in the phase after."""
    if phase is None or step.kind is not StepKind.PER_PARTICIPANT:
        return None
    name = focus or s("role_focus", lang)
    if phase.focus_back_turned:
        return CuePart(Cue.TURN_AWAY, s("back_turned", lang, name=name))
    index = [p.id for p in step.phases].index(phase.id)
    if index > 0 and step.phases[index - 1].focus_back_turned:
        return CuePart(Cue.TURN_BACK, s("cue_turn_back", lang, name=name))
    return None


def _slot_part(projection: Projection, zone: ZoneInfo, lang: Lang) -> SlotPart:
    behind = round(projection.behind_plan_minutes)
    if behind > 0:
        status_line = s("plan_behind", lang, minutes=behind)
    elif behind < 0:
        status_line = s("plan_ahead", lang, minutes=-behind)
    else:
        status_line = s("plan_on_time", lang)
    margin = projection.margin_minutes
    booked_end = _hhmm(projection.booked_end, zone) if projection.booked_end else ""
    slot_line = ""
    if margin is not None and booked_end:
        if margin >= 0:
            slot_line = s("slot_margin", lang, minutes=round(margin), end=booked_end)
        else:
            slot_line = s("slot_over", lang, minutes=round(-margin), end=booked_end)
    return SlotPart(
        planned_end=_hhmm(projection.planned_end, zone),
        projected_end=_hhmm(projection.projected_end, zone),
        behind_minutes=behind,
        booked_end=booked_end,
        margin_minutes=round(margin) if margin is not None else None,
        status_line=status_line,
        slot_line=slot_line,
    )


def _facilitator_part(
    workshop: Workshop, step: Step, reading: Reading, lang: Lang
) -> FacilitatorPart:
    session = workshop.session
    supervision = step.kind is StepKind.PER_PARTICIPANT
    dilemma = workshop.dilemma_of(reading.person) if reading.person and supervision else None
    return FacilitatorPart(
        session_title=session.title,
        unit=session.unit,
        facilitator=workshop.name(session.facilitator),
        facilitator_in_focus=(
            supervision and reading.person is not None and reading.person == session.facilitator
        ),
        people=_people(session, reading, lang),
        captured=_captured(workshop, step, lang),
        dilemma=(
            DilemmaPart(title=dilemma.title, text=dilemma.text, hr_hint=dilemma.hr_hint)
            if dilemma is not None
            else None
        ),
        follow_up=_follow_up(session, step, lang),
    )


def _people(session: Session, reading: Reading, lang: Lang) -> tuple[PersonLine, ...]:
    lines = []
    for p in session.participants:
        airtime = reading.airtime.get(p.id, 0.0)
        if p.id == reading.person:
            state, note = PersonState.FOCUS, ""
        elif not p.present:
            state, note = PersonState.ABSENT, f"({s('absent', lang)})"
        elif p.id in reading.passed:
            state, note = PersonState.PASSED, f"({s('passed', lang)})"
        elif airtime > 0:
            state, note = PersonState.SPOKEN, clock_text(airtime)
        else:
            state, note = PersonState.WAITING, ""
        lines.append(PersonLine(p.id, p.name, state, airtime, note))
    return tuple(lines)


def _captured(workshop: Workshop, step: Step, lang: Lang) -> tuple[CapturedLine, ...]:
    session = workshop.session
    lines: list[tuple[str, Visibility]] = []
    for note in session.notes:
        if note.step_id == step.id:
            who = workshop.name(note.person)
            if note.kind is not NoteKind.NOTE:  # the focus person's own notes or takeaway
                who = f"{who} ({s(f'kind_{note.kind.value}', lang)})"
            prefix = f"{who}: " if who else ""
            lines.append((f"✎ {prefix}{note.text}", note.visibility))
    if Capture.DILEMMA in step.captures:
        for d in session.dilemmas:
            lines.append((f"◆ {workshop.name(d.owner)}: {d.title or d.text}", d.visibility))
    if Capture.STRENGTHS_RISKS in step.captures:
        for f in session.findings:
            mark = "+" if f.kind is FindingKind.STRENGTH else "!"
            lines.append((f"{mark} {f.text}", f.visibility))
    if Capture.MEASURES in step.captures:
        for m in session.measures:
            owner = f" ({m.owner})" if m.owner else ""
            due = f" {short_date(m.deadline, lang)}" if m.deadline else ""
            lines.append((f"→ {m.what}{owner}{due}", m.visibility))
    if Capture.CHECKOUT in step.captures:
        for c in session.checkouts:
            lines.append((f"○ {workshop.name(c.person)}: {c.text}", c.visibility))
    if Capture.NEXT_MEETING in step.captures and session.next_meeting:
        when = moment_text(session.next_meeting, session.time_zone, lang)
        lines.append((f"⌚ {s('key_next_meeting', lang)}: {when}", Visibility.SHARED))
    return tuple(
        CapturedLine(text, visibility is Visibility.SHARED)
        for text, visibility in lines[-CAPTURED_SHOWN:]
    )


def _follow_up(session: Session, step: Step, lang: Lang) -> tuple[FollowUpLine, ...]:
    if Capture.FOLLOW_UP not in step.captures:
        return ()
    return tuple(
        FollowUpLine(
            label=measure_label(m, lang),
            status=s(f"status_{m.status.value}", lang),
            done_here=followed_up_here(session, m),
        )
        for m in to_follow_up(session)
    )


def _role(role: Role, focus: str, lang: Lang) -> str:
    """A role as the screen names it: the focus person by name when known."""
    if role is Role.FOCUS and focus:
        return focus
    return s(f"role_{role.value}", lang)


def floor_line(phase: Phase, focus: str, supervision: bool, lang: Lang) -> str:
    """Who talks in a phase, and how the focus person (`focus`, a name or "") takes
    part: from the phase's speakers and listeners. In peer supervision
    (`supervision`) "everyone" is the focus person and the colleagues together."""
    speakers, listeners = phase.speakers, phase.listeners
    name = focus or s("role_focus", lang)
    if speakers is Role.COLLEAGUES and listeners is Role.FOCUS:
        # Turned away, the focus person only listens; facing the colleagues, they
        # answer what is asked (the clarifying questions).
        key = "floor_discussion" if phase.focus_back_turned else "floor_questions"
        return s(key, lang, name=name)
    if speakers is Role.EVERYONE and supervision:
        return s("floor_focus_and_colleagues", lang, name=name)
    if speakers in (Role.NOBODY, Role.EVERYONE, Role.EACH_IN_TURN):
        return s(f"floor_{speakers.value}", lang)
    line = s("floor_speaks", lang, who=_role(speakers, focus, lang))
    if listeners not in (Role.NOBODY, speakers):
        line += " · " + s("floor_listens", lang, who=_role(listeners, focus, lang))
    return line
