"""The session summary as data: what every renderer (Markdown, HTML, CSV, JSON,
calendar) reads, and what `facilitator export --schema` describes.

A summary is built for one audience. The management summary is filtered when it
is built (see `build.py`), and its own validator refuses any per-person field, so
a renderer cannot leak what the structure does not hold.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from facilitator.agenda.model import NoteKind
from facilitator.i18n import Lang
from facilitator.law import Paragraph
from facilitator.session.model import MeasureStatus

SUMMARY_FORMAT = "facilitator-summary"
SUMMARY_SCHEMA_VERSION = 1


class Audience(StrEnum):
    GROUP = "group"
    """The group's own record: everything, with names."""
    MANAGEMENT = "management"
    """Management, HR and the AMU: shared items only, nothing per person."""


class _Part(BaseModel):
    # Field docstrings go into `export --schema` through facilitator.schema_docs,
    # not use_attribute_docstrings, which parses this file at every import.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Factor(_Part):
    """A § 4-3 factor with its name in the summary's language."""

    paragraph: Paragraph | None
    """The paragraph key (`"2c"`); null for items the group did not tag."""
    label: str


class PersonTime(_Part):
    name: str
    seconds: int


class StepTime(_Part):
    step_id: str
    title: str
    planned_minutes: int
    """From the schedule for the number of participants present."""
    actual_minutes: float | None
    """From the step's clock; null when the step never ran."""
    airtime: list[PersonTime] = []
    """Minutes each person had the floor (group only)."""


class FindingEntry(_Part):
    text: str
    shared: bool


class FactorFindings(_Part):
    """The strengths and risks the group found under one factor."""

    factor: Factor
    strengths: list[FindingEntry]
    risks: list[FindingEntry]


class DilemmaTheme(_Part):
    """How many dilemmas touched a factor. Counted over all dilemmas, shared or
    not: a count by factor says nothing about who brought what."""

    factor: Factor
    count: int


class DilemmaEntry(_Part):
    title: str
    text: str
    factors: list[Factor]
    shared: bool
    owner: str | None = None
    """Who brought it (group only)."""
    hr_hint: bool | None = None
    """The dilemma touches something where HR should be involved (group only)."""


class FollowUpEntry(_Part):
    at: date
    status: MeasureStatus
    status_text: str
    text: str


class MeasureEntry(_Part):
    """A row of the HMS action plan."""

    id: str
    what: str
    challenge: str
    factor: Factor
    owner: str
    deadline: date | None
    status: MeasureStatus
    status_text: str
    done_on: date | None
    likelihood: int | None
    consequence: int | None
    risk: int | None
    risk_scale: int
    follow_ups: list[FollowUpEntry]
    carried_from: str | None
    """The earlier session that agreed the measure, when it was followed up here."""
    shared: bool


class NoteEntry(_Part):
    step_id: str
    step_title: str
    phase_title: str | None
    kind: NoteKind
    text: str
    factors: list[Factor]
    shared: bool
    person: str | None = None
    """Who was in focus when the note was taken (group only)."""


class CheckoutEntry(_Part):
    question_number: int
    """1 for the check-out step's first question, and so on."""
    question: str
    text: str
    shared: bool
    person: str | None = None
    """Whose answer it is (group only)."""


class Summary(_Part):
    """What a session produced, for one audience."""

    format: Literal["facilitator-summary"] = SUMMARY_FORMAT
    schema_version: Literal[1] = SUMMARY_SCHEMA_VERSION
    audience: Audience
    lang: Lang
    session_id: str
    title: str
    unit: str
    date: date
    state: Literal["setup", "running", "finished"]
    agenda_id: str
    agenda_title: str
    present_count: int
    participants: list[str] | None
    """Names of those present; null when names are not to be included."""
    absent: list[str] = []
    """Names of those registered but not present (group only)."""
    facilitator: str | None = None
    """Who facilitated (group only)."""
    steps: list[StepTime]
    planned_minutes: int
    actual_minutes: float | None
    findings: list[FactorFindings]
    dilemma_themes: list[DilemmaTheme]
    dilemmas: list[DilemmaEntry]
    measures: list[MeasureEntry]
    """Measures agreed in this session."""
    followed_up: list[MeasureEntry]
    """Measures from earlier sessions followed up in this one."""
    notes: list[NoteEntry]
    checkouts: list[CheckoutEntry]
    next_meeting: datetime | None
    documents: list[str]
    """What the record documents (internkontrollforskriften § 5 points 3, 6 and 8)."""

    @model_validator(mode="after")
    def _management_holds_nothing_personal(self) -> Summary:
        if self.audience is Audience.GROUP:
            return self
        personal = (
            bool(self.absent)
            or self.facilitator is not None
            or any(s.airtime for s in self.steps)
            or any(d.owner is not None or d.hr_hint is not None for d in self.dilemmas)
            or any(n.person is not None for n in self.notes)
            or any(c.person is not None for c in self.checkouts)
        )
        hidden = not all(
            i.shared
            for i in (
                *(f for group in self.findings for f in (*group.strengths, *group.risks)),
                *self.dilemmas,
                *self.measures,
                *self.followed_up,
                *self.notes,
                *self.checkouts,
            )
        )
        if personal or hidden:
            raise ValueError("a management summary may hold only shared items, none per person")
        return self

    @property
    def all_measures(self) -> list[MeasureEntry]:
        return [*self.measures, *self.followed_up]
