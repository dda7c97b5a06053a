"""Building a `Summary` from a `Session` for one audience.

The filtering happens here, once, at the data level: for management only items
marked shared are taken, no person is attached to anything, and participants'
names are replaced in every text unless the session allows them. Renderers then
only lay out what they are given.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from facilitator.agenda.model import Capture
from facilitator.i18n import Lang
from facilitator.law import Paragraph
from facilitator.report.model import (
    Audience,
    CheckoutEntry,
    DilemmaEntry,
    DilemmaTheme,
    Factor,
    FactorFindings,
    FindingEntry,
    FollowUpEntry,
    MeasureEntry,
    NoteEntry,
    PersonTime,
    RoleCount,
    StepTime,
    Summary,
)
from facilitator.report.redact import Redactor
from facilitator.report.words import documents_statement, factor_label, status_word, w
from facilitator.schedule import plan
from facilitator.session.model import (
    Dilemma,
    Finding,
    FindingKind,
    Measure,
    NamesPolicy,
    ParticipantRole,
    Session,
    Visibility,
)
from facilitator.session.refs import public_ref, session_date

Scrub = Callable[[str], str]
"""What is done to a text before it goes into the summary."""


class _HasVisibility(Protocol):
    @property
    def visibility(self) -> Visibility: ...


V = TypeVar("V", bound=_HasVisibility)


class Visible(Protocol):
    """Keeps the items the audience may see (of any kind: a generic function)."""

    def __call__(self, items: Iterable[V]) -> list[V]: ...

Person = Callable[[str | None], str | None]
"""A participant's name for the audience (None for management)."""

# Factors in the law's order; untagged items last.
FACTOR_ORDER: tuple[Paragraph | None, ...] = (*Paragraph, None)


def _unchanged(text: str) -> str:
    return text


def session_ref(audience: Audience) -> Scrub:
    """How documents for `audience` name a session: by its id for the group, by a
    name-free reference for everyone else (see facilitator.session.refs)."""
    return _unchanged if audience is Audience.GROUP else public_ref


@lru_cache(maxsize=256)
def name_scrubber(names: tuple[str, ...], allowed: bool, lang: Lang) -> Scrub:
    """Leaves texts alone when names may be shown, else replaces the `names`.
    Cached: a plan builds one per group of people, not one per row."""
    return _unchanged if allowed else Redactor(names, w("participant_role", lang))


@dataclass(frozen=True)
class NameRule:
    """What of people's names a text keeps for an audience (DESIGN.md §4)."""

    audience: Audience
    policy: NamesPolicy
    names: tuple[str, ...]
    """Every name the text's history knows: the participants of the session and,
    for a measure, of the sessions it passed through."""
    lang: Lang

    @property
    def keeps_names(self) -> bool:
        return self.audience is Audience.GROUP or self.policy is NamesPolicy.EVERYONE

    @property
    def scrub(self) -> Scrub:
        return name_scrubber(tuple(sorted(set(self.names))), self.keeps_names, self.lang)

    def owner(self, measure: Measure) -> str:
        """The owner as this audience sees it: as written (with the role, when one
        was typed), or, when no names may leave, the role alone."""
        owner, role = measure.owner.strip(), measure.owner_role.strip()
        if self.audience is Audience.MANAGEMENT and self.policy is NamesPolicy.NONE:
            return self.scrub(role) if role else self.scrub(owner)
        if owner and role and role.casefold() != owner.casefold():
            return f"{owner} ({role})"
        return owner or role


def session_rule(session: Session, audience: Audience, lang: Lang) -> NameRule:
    """The rule for the session's own texts."""
    names = tuple(p.name for p in session.participants)
    return NameRule(audience, session.names_policy, names, lang)


def measure_rule(
    measure: Measure,
    here: NameRule,
    origin: tuple[tuple[str, ...], NamesPolicy] | None = None,
) -> NameRule:
    """The rule for a measure: that of the session that agreed it (`origin`, when
    its file is at hand; else the rule the copy carries; else this session's),
    with every name its history knows."""
    if measure.carried_from is None:
        return here
    names = (*here.names, *measure.history_names, *(origin[0] if origin else ()))
    policy = origin[1] if origin else (measure.agreed_names_policy or here.policy)
    return NameRule(here.audience, policy, names, here.lang)


def factor(paragraph: Paragraph | None, lang: Lang) -> Factor:
    return Factor(paragraph=paragraph, label=factor_label(paragraph, lang))


def measure_entry(
    measure: Measure, session_id: str, rule: NameRule, risk_scale: int
) -> MeasureEntry:
    """One row of the action plan, from a measure held by the session `session_id`,
    under `rule` (see `measure_rule`)."""
    lang, scrub = rule.lang, rule.scrub
    origin = measure.carried_from or session_id
    ref = session_ref(rule.audience)
    return MeasureEntry(
        id=measure.id,
        what=scrub(measure.what),
        challenge=scrub(measure.challenge),
        factor=factor(measure.factor, lang),
        owner=rule.owner(measure),
        deadline=measure.deadline,
        status=measure.status,
        status_text=status_word(measure.status, lang),
        done_on=measure.done_on,
        likelihood=measure.likelihood,
        consequence=measure.consequence,
        risk=measure.risk,
        risk_scale=risk_scale,
        follow_ups=[
            FollowUpEntry(
                at=f.at,
                status=f.status,
                status_text=status_word(f.status, lang),
                text=scrub(f.text),
                worked=f.worked,
                enough=f.enough,
            )
            for f in measure.follow_ups
        ],
        carried_from=ref(measure.carried_from) if measure.carried_from else None,
        agreed_on=session_date(measure.carried_from) if measure.carried_from else None,
        origin_ref=public_ref(origin),
        shared=measure.visibility is Visibility.SHARED,
    )


def build_summary(session: Session, audience: Audience, lang: Lang | None = None) -> Summary:
    """The summary of `session` for `audience`, in `lang` (the session's own by default).

    For management it is made from shared items only: nothing of what stays in the
    group (not a count, a theme or a date) changes a byte of it."""
    lang = lang or session.lang
    group = audience is Audience.GROUP
    rule = session_rule(session, audience, lang)
    scrub = rule.scrub

    def visible(items: Iterable[V]) -> list[V]:
        return [i for i in items if group or i.visibility is Visibility.SHARED]

    def person(pid: str | None) -> str | None:
        if not group or pid is None:
            return None
        found = session.participant(pid)
        return found.name if found else pid

    ref = session_ref(audience)
    measures = [
        measure_entry(m, session.id, measure_rule(m, rule), session.risk_scale)
        for m in visible(session.measures)
    ]
    findings = _findings(session, visible, scrub, lang)
    dilemmas = visible(session.dilemmas)
    present = session.present
    agreed = [m for m in measures if m.carried_from is None]
    return Summary(
        audience=audience,
        lang=lang,
        session_id=ref(session.id),
        title=scrub(session.title),
        unit=scrub(session.unit),
        date=session.date,
        state=session.state,
        agenda_id=session.agenda.id,
        agenda_title=session.agenda.title.get(lang),
        agenda_theme=session.agenda.theme.get(lang) if session.agenda.theme else None,
        agenda_paragraphs=list(session.agenda.paragraphs),
        finished_at=session.finished_at,
        present_count=len(present),
        roles_present=[
            RoleCount(role=role, count=n)
            for role in ParticipantRole
            if (n := sum(1 for p in present if p.role is role))
        ],
        names_policy=session.names_policy,
        time_zone=session.time_zone,
        participants=[p.name for p in present] if rule.keeps_names else None,
        absent=[p.name for p in session.participants if not p.present] if group else [],
        facilitator=person(session.facilitator),
        **_times(session, group, lang),
        findings=findings,
        dilemma_themes=_themes(dilemmas, lang),
        dilemmas=[
            DilemmaEntry(
                title=scrub(d.title),
                text=scrub(d.text),
                factors=[factor(f, lang) for f in d.factors],
                shared=d.visibility is Visibility.SHARED,
                owner=person(d.owner),
                hr_hint=d.hr_hint if group else None,
            )
            for d in dilemmas
        ],
        measures=agreed,
        followed_up=[m for m in measures if m.carried_from is not None],
        notes=_notes(session, visible, scrub, person, lang),
        checkouts=_checkouts(session, visible, scrub, person, lang),
        next_meeting=session.next_meeting,
        documents=documents_statement(
            lang,
            audience,
            present=len(present),
            factors=len(
                {f.factor.paragraph for f in findings if f.factor.paragraph is not None}
                | {m.factor.paragraph for m in agreed if m.factor.paragraph is not None}
            ),
            strengths=sum(len(f.strengths) for f in findings),
            risks=sum(len(f.risks) for f in findings),
            measures=len(agreed),
            scored=sum(1 for m in agreed if m.risk is not None),
            followed_up=len(measures) - len(agreed),
        ),
    )


def _name(session: Session, pid: str) -> str:
    found = session.participant(pid)
    return found.name if found else pid


def _times(session: Session, group: bool, lang: Lang) -> dict[str, Any]:
    """Planned minutes from the schedule for those present; actual minutes (and, for
    the group, each person's airtime) from the step clocks."""
    # Read the clocks as of the end of the session (or its last change), so the same
    # file always gives the same figures.
    now: datetime = session.finished_at or session.updated_at
    start = session.booked_start or session.started_at or session.created_at
    schedule = plan(session.agenda, max(1, len(session.present)), start)
    steps = []
    for planned in schedule.steps:
        step = planned.step
        clock = session.clocks.get(step.id)
        actual, airtime = None, []
        if clock is not None and clock.runs:
            reading = clock.read(step, now, session.agenda.warn_fraction)
            actual = round(reading.elapsed / 60, 1)
            if group and any(s > 0 for s in reading.airtime.values()):
                airtime = [
                    PersonTime(name=_name(session, pid), seconds=round(secs))
                    for pid, secs in reading.airtime.items()
                ]
        steps.append(
            StepTime(
                step_id=step.id,
                title=step.title.get(lang),
                planned_minutes=planned.minutes,
                actual_minutes=actual,
                airtime=airtime,
            )
        )
    ran = [s.actual_minutes for s in steps if s.actual_minutes is not None]
    return {
        "steps": steps,
        "planned_minutes": schedule.total_minutes,
        "actual_minutes": round(sum(ran), 1) if ran else None,
    }


def _findings(session: Session, visible: Visible, scrub: Scrub, lang: Lang) -> list[FactorFindings]:
    out = []
    kept = visible(session.findings)
    for paragraph in FACTOR_ORDER:
        here = [f for f in kept if f.factor == paragraph]
        if not here:
            continue

        def entries(kind: FindingKind, here: list[Finding] = here) -> list[FindingEntry]:
            return [
                FindingEntry(text=scrub(f.text), shared=f.visibility is Visibility.SHARED)
                for f in here
                if f.kind is kind
            ]

        out.append(
            FactorFindings(
                factor=factor(paragraph, lang),
                strengths=entries(FindingKind.STRENGTH),
                risks=entries(FindingKind.RISK),
            )
        )
    return out


def _themes(dilemmas: list[Dilemma], lang: Lang) -> list[DilemmaTheme]:
    """Factors touched by `dilemmas` (those the audience may see), with counts."""
    counts: Counter[Paragraph | None] = Counter()
    for d in dilemmas:
        touched: list[Paragraph | None] = [*d.factors] or [None]
        counts.update(touched)
    return [
        DilemmaTheme(factor=factor(p, lang), count=counts[p]) for p in FACTOR_ORDER if counts[p]
    ]


def _notes(
    session: Session, visible: Visible, scrub: Scrub, person: Person, lang: Lang
) -> list[NoteEntry]:
    agenda = session.agenda
    order = {s.id: i for i, s in enumerate(agenda.steps)}
    notes = sorted(visible(session.notes), key=lambda n: (order.get(n.step_id, 0), n.created_at))
    out = []
    for n in notes:
        step = agenda.step(n.step_id) if n.step_id in order else None
        phase = step.phase(n.phase_id) if step else None
        out.append(
            NoteEntry(
                step_id=n.step_id,
                step_title=step.title.get(lang) if step else n.step_id,
                phase_title=phase.title.get(lang) if phase else None,
                kind=n.kind,
                text=scrub(n.text),
                factors=[factor(f, lang) for f in n.factors],
                shared=n.visibility is Visibility.SHARED,
                person=person(n.person),
            )
        )
    return out


def _checkouts(
    session: Session, visible: Visible, scrub: Scrub, person: Person, lang: Lang
) -> list[CheckoutEntry]:
    step = next((s for s in session.agenda.steps if Capture.CHECKOUT in s.captures), None)
    questions = step.questions if step else []

    def question(i: int) -> str:
        return questions[i].get(lang) if i < len(questions) else w("question_n", lang, n=i + 1)

    return [
        CheckoutEntry(
            question_number=c.question + 1,
            question=question(c.question),
            text=scrub(c.text),
            shared=c.visibility is Visibility.SHARED,
            person=person(c.person),
        )
        for c in visible(session.checkouts)
    ]
