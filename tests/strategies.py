"""Hypothesis strategies for sessions and the texts people type into them.

Everything built here is a *valid* `Session` on the real default agenda: texts
come from any Unicode the model accepts (Norwegian letters, emoji, right-to-left
scripts, quotes, backslashes, line breaks, TOML look-alikes), minus what it
rejects (control characters other than tab/CR/LF, lone surrogates); every time
is timezone-aware UTC.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from functools import cache
from typing import Annotated, Any

from hypothesis import strategies as st
from pydantic import Field, TypeAdapter, ValidationError

from facilitator.agenda.model import Agenda, NoteKind
from facilitator.agenda.registry import load_agenda
from facilitator.law import Paragraph
from facilitator.localized import RequiredShortText, ShortText, Text
from facilitator.session.model import (
    CheckoutAnswer,
    Dilemma,
    Finding,
    FindingKind,
    FollowUp,
    Measure,
    MeasureStatus,
    NamesPolicy,
    Note,
    Session,
    Visibility,
    new_session,
)
from facilitator.stepclock import Adjustment, Mark, Pass, Run, StepClock


@cache
def default_agenda() -> Agenda:
    return load_agenda("kollegaveiledning", None)


# --- texts -------------------------------------------------------------------

# What the model refuses in a text (facilitator.i18n._NO_CONTROL), plus surrogates.
REJECTED_CHARS = "".join(
    chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
)

# Pieces that have broken TOML writers, readers and terminals before.
TRICKY = [
    "æøå",
    "ÆØÅ",
    "Ærlig talt, på Østlandet går det år.",
    "Jørn-Åge",
    "🙂",
    "👩🏽‍⚕️",
    "🇳🇴",
    "שלום",
    "مرحبا بالعالم",
    "\u202e",  # right-to-left override
    "\u200f",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\u00a0",
    "\u3000",
    '"',
    "'",
    '"""',
    "'''",
    "\\",
    "\\n",
    "\\u0000",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "#",
    "[[notes]]",
    "[clocks.intro]",
    'format = "facilitator-session"',
    "= ",
    "${HOME}",
    "%s",
    "{0}",
    "[red]",
    "a\u0301",  # combining accent
    "ﬁ",
]

_chars = st.characters(exclude_categories=("Cs",), exclude_characters=REJECTED_CHARS)
_raw_text = st.lists(
    st.one_of(st.text(_chars, max_size=12), st.sampled_from(TRICKY)), max_size=8
).map("".join)


def _accepted_by(type_: object) -> st.SearchStrategy[str]:
    """Raw texts the type accepts, as the model stores them (stripped)."""
    adapter = TypeAdapter(type_)

    def ok(value: str) -> bool:
        try:
            adapter.validate_python(value)
        except ValidationError:
            return False
        return True

    return _raw_text.filter(ok).map(adapter.validate_python)


texts = _accepted_by(Text)
"""Long free text, may be empty."""
required_texts = _accepted_by(Annotated[Text, Field(min_length=1)])
short_texts = _accepted_by(ShortText)
required_short_texts = _accepted_by(RequiredShortText)

item_ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,63}", fullmatch=True)

# --- times -------------------------------------------------------------------

aware_datetimes = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)
dates = st.dates(min_value=date(1970, 1, 1), max_value=date(2200, 1, 1))


# --- parts of a session ------------------------------------------------------


def _opt(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


factors = st.lists(st.sampled_from(list(Paragraph)), unique=True, max_size=4)
visibilities = st.sampled_from(list(Visibility))


def _one_per_id(items: Iterable[Any]) -> list[Any]:
    """A session refuses two items of one kind with the same id."""
    return list({item.id: item for item in items}.values())


@st.composite
def _item_fields(draw: st.DrawFn) -> dict:
    fields: dict = {"id": draw(item_ids), "created_at": draw(aware_datetimes)}
    updated = draw(_opt(aware_datetimes))
    if updated is not None:
        fields["updated_at"] = updated
    return fields


def _maybe_visibility(draw: st.DrawFn, fields: dict) -> dict:
    """Leave the default in place half the time, so defaults are exercised too."""
    if draw(st.booleans()):
        fields["visibility"] = draw(visibilities)
    return fields


@st.composite
def notes(draw: st.DrawFn, agenda: Agenda, people: list[str]) -> Note:
    step = draw(st.sampled_from(agenda.steps))
    fields = draw(_item_fields())
    fields.update(
        text=draw(required_texts),
        step_id=step.id,
        phase_id=draw(_opt(st.sampled_from([p.id for p in step.phases]))) if step.phases else None,
        person=draw(_opt(st.sampled_from(people))) if people else None,
        kind=draw(st.sampled_from(list(NoteKind))),
        factors=draw(factors),
    )
    return Note(**_maybe_visibility(draw, fields))


@st.composite
def dilemmas(draw: st.DrawFn, people: list[str]) -> Dilemma:
    fields = draw(_item_fields())
    fields.update(
        owner=draw(st.sampled_from(people)),
        title=draw(short_texts),
        text=draw(texts),
        factors=draw(factors),
        hr_hint=draw(st.booleans()),
    )
    return Dilemma(**_maybe_visibility(draw, fields))


@st.composite
def findings(draw: st.DrawFn, agenda: Agenda) -> Finding:
    fields = draw(_item_fields())
    fields.update(
        kind=draw(st.sampled_from(list(FindingKind))),
        text=draw(required_texts),
        factor=draw(_opt(st.sampled_from(list(Paragraph)))),
        step_id=draw(_opt(st.sampled_from([s.id for s in agenda.steps]))),
    )
    return Finding(**_maybe_visibility(draw, fields))


@st.composite
def follow_ups(draw: st.DrawFn) -> FollowUp:
    return FollowUp(
        at=draw(dates),
        status=draw(st.sampled_from(list(MeasureStatus))),
        text=draw(texts),
        session_id=draw(_opt(item_ids)),
    )


@st.composite
def measures(draw: st.DrawFn, risk_scale: int) -> Measure:
    score = _opt(st.integers(1, risk_scale))
    fields = draw(_item_fields())
    fields.update(
        what=draw(required_texts),
        challenge=draw(texts),
        factor=draw(_opt(st.sampled_from(list(Paragraph)))),
        owner=draw(short_texts),
        owner_role=draw(short_texts),
        deadline=draw(_opt(dates)),
        status=draw(st.sampled_from(list(MeasureStatus))),
        done_on=draw(_opt(dates)),
        likelihood=draw(score),
        consequence=draw(score),
        follow_ups=draw(st.lists(follow_ups(), max_size=3)),
    )
    return Measure(**_maybe_visibility(draw, fields))


@st.composite
def checkouts(draw: st.DrawFn, people: list[str]) -> CheckoutAnswer:
    fields = draw(_item_fields())
    fields.update(
        person=draw(st.sampled_from(people)),
        question=draw(st.integers(0, 40)),
        text=draw(required_texts),
    )
    return CheckoutAnswer(**_maybe_visibility(draw, fields))


@st.composite
def step_clocks(draw: st.DrawFn, agenda: Agenda, step_id: str, people: list[str]) -> StepClock:
    step = agenda.step(step_id)
    order = draw(st.permutations(people))[: draw(st.integers(0, len(people)))]
    phases = [p.id for p in step.phases]
    person = _opt(st.sampled_from(order)) if order else st.none()
    phase = _opt(st.sampled_from(phases)) if phases else st.none()
    runs = []
    for _ in range(draw(st.integers(0, 3))):
        runs.append(Run(start=draw(aware_datetimes), end=draw(_opt(aware_datetimes))))
    marks = [
        Mark(at=draw(aware_datetimes), person=draw(person), phase=draw(phase))
        for _ in range(draw(st.integers(0, 4)))
    ]
    adjustments = [
        Adjustment(
            at=draw(aware_datetimes),
            seconds=draw(st.integers(-6 * 3600, 6 * 3600)),
            person=draw(person),
            phase=draw(phase),
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    passed = draw(st.lists(st.sampled_from(order), unique=True)) if order else []
    # some passes kept with their moment, as this version writes; some not, as older ones
    passes = {
        p: Pass(at=draw(aware_datetimes), marks=draw(st.integers(0, len(marks))))
        for p in passed
        if draw(st.booleans())
    }
    return StepClock(
        step_id=step_id,
        order=order,
        passed=passed,
        passes=passes,
        runs=runs,
        marks=marks,
        adjustments=adjustments,
    )


@st.composite
def sessions(draw: st.DrawFn, max_items: int = 4) -> Session:
    """A valid session in any state, with a bit of everything."""
    agenda = default_agenda()
    now = draw(aware_datetimes)
    names = draw(st.lists(required_short_texts, max_size=8))
    session = new_session(
        draw(required_short_texts),
        agenda,
        now,
        names,
        unit=draw(short_texts),
        lang=draw(st.sampled_from(["nb", "en"])),
        day=draw(_opt(dates)),
    )
    data = session.model_dump()
    data["agenda"] = agenda
    people = [p["id"] for p in data["participants"]]
    for p in data["participants"]:
        p["present"] = draw(st.booleans())
    steps = [s.id for s in agenda.steps]
    risk_scale = draw(st.sampled_from([3, 5]))
    clock_steps = draw(st.lists(st.sampled_from(steps), unique=True, max_size=3))
    many = st.integers(0, max_items)
    data.update(
        facilitator=draw(_opt(st.sampled_from(people))) if people else None,
        booked_start=draw(_opt(aware_datetimes)),
        booked_end=draw(_opt(aware_datetimes)),
        risk_scale=risk_scale,
        names_policy=draw(st.sampled_from(list(NamesPolicy))),
        time_zone=draw(st.sampled_from(["Europe/Oslo", "UTC", "America/New_York"])),
        started_at=draw(_opt(aware_datetimes)),
        finished_at=draw(_opt(aware_datetimes)),
        current_step=draw(_opt(st.sampled_from(steps))),
        clocks={s: draw(step_clocks(agenda, s, people)) for s in clock_steps},
        notes=_one_per_id(draw(notes(agenda, people)) for _ in range(draw(many))),
        dilemmas=_one_per_id(draw(dilemmas(people)) for _ in range(draw(many)) if people),
        findings=_one_per_id(draw(findings(agenda)) for _ in range(draw(many))),
        measures=_one_per_id(draw(measures(risk_scale)) for _ in range(draw(many))),
        checkouts=_one_per_id(draw(checkouts(people)) for _ in range(draw(many)) if people),
        next_meeting=draw(_opt(aware_datetimes)),
    )
    return Session.model_validate(data)
