"""The session summary as data: what every renderer (Markdown, HTML, CSV, JSON,
calendar) reads, and what `facilitator export --schema` describes.

A summary is built for one audience. The management summary is filtered when it
is built (see `build.py`), and its own validator refuses any per-person field, so
a renderer cannot leak what the structure does not hold.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, model_validator

from facilitator.agenda.model import NoteKind
from facilitator.i18n import Lang
from facilitator.law import Paragraph
from facilitator.session.model import Answer, MeasureStatus, NamesPolicy, ParticipantRole

SUMMARY_FORMAT: Final = "facilitator-summary"
SUMMARY_SCHEMA_VERSION: Final = 2
"""2: owners as the session's names rule allows, `names_policy`, `time_zone`,
`agreed_on` and `origin_ref` on measures, and dilemma themes counted over the
dilemmas the audience may see (version 1 counted every dilemma)."""


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
    """The paragraph and the law's words for it, in the summary's language."""


class RoleCount(_Part):
    role: ParticipantRole
    """leader, safety_rep, union_rep, hr or occupational_health."""
    count: int
    """How many of those present took part in that role."""


class PersonTime(_Part):
    name: str
    """The participant's name."""
    seconds: int
    """Seconds they were in focus in the step."""


class StepTime(_Part):
    step_id: str
    """The step's id in the agenda."""
    title: str
    """The step's title in the summary's language."""
    planned_minutes: int
    """From the schedule for the number of participants present."""
    actual_minutes: float | None
    """From the step's clock; null when the step never ran."""
    airtime: list[PersonTime] = []
    """How long each person was in focus in the step (group only)."""


class FindingEntry(_Part):
    text: str
    """The strength or risk as the group wrote it."""
    shared: bool
    """Marked shared with management (every item of a management summary is)."""


class FactorFindings(_Part):
    """The strengths and risks the group found under one factor."""

    factor: Factor
    """The § 4-3 factor."""
    strengths: list[FindingEntry]
    """What works well under this factor."""
    risks: list[FindingEntry]
    """What is weak or at risk under this factor."""


class DilemmaTheme(_Part):
    """How many dilemmas touched a factor, counted over the dilemmas the audience
    may see (for management, the shared ones): in a small group even a count of
    group-only dilemmas by theme can point at a person."""

    factor: Factor
    """The § 4-3 factor (null paragraph: dilemmas with no factor)."""
    count: int
    """How many dilemmas were tagged with it."""


class DilemmaEntry(_Part):
    title: str
    """The dilemma's short title."""
    text: str
    """The dilemma as its owner wrote it down."""
    factors: list[Factor]
    """The § 4-3 factors it touches."""
    shared: bool
    """Marked shared with management."""
    owner: str | None = None
    """Who brought it (group only)."""
    hr_hint: bool | None = None
    """The dilemma touches something where HR should be involved (group only)."""


class FollowUpEntry(_Part):
    """One follow-up of a measure, recorded in a later session."""

    at: date
    """When it was recorded."""
    status: MeasureStatus
    """The measure's status then."""
    status_text: str
    """That status in the summary's language."""
    text: str
    """The group's evaluation: was it done, did it work, what now."""
    worked: Answer | None = None
    """Did it work: `yes`, `partly` or `no`; null when the group did not say."""
    enough: Answer | None = None
    """Is it enough: `yes`, `partly` or `no`; null when the group did not say."""


class MeasureEntry(_Part):
    """A row of the HMS action plan."""

    id: str
    """The measure's id; the same in every session that follows it up."""
    what: str
    """What is to be done (Tiltak)."""
    challenge: str
    """The challenge or risk it answers (Utfordring/risiko)."""
    factor: Factor
    """The § 4-3 factor it belongs to."""
    owner: str
    """Who is responsible (Ansvarlig), as the group wrote it; for management, as the
    names rule of the session that agreed the measure allows (with no names, the
    owner's role, or a participant's name replaced)."""
    deadline: date | None
    """By when (Frist)."""
    status: MeasureStatus
    """Planned, in progress, done or dropped."""
    status_text: str
    """The status in the summary's language."""
    done_on: date | None
    """When it was done (Dato utført)."""
    likelihood: int | None
    """Likelihood on the session's risk scale, if scored."""
    consequence: int | None
    """Consequence on the session's risk scale, if scored."""
    risk: int | None
    """Likelihood × consequence, if both are scored."""
    risk_scale: int
    """The top of the risk scale the session uses (3 or 5)."""
    follow_ups: list[FollowUpEntry]
    """Its follow-ups, oldest first (Oppfølging/evaluering)."""
    carried_from: str | None
    """The earlier session that agreed the measure, when it was followed up here
    (for management, that session's name-free reference)."""
    agreed_on: date | None
    """The day of the session that agreed it, when that was an earlier session."""
    origin_ref: str
    """The name-free reference of the session that agreed it, the same for every
    audience (a calendar event's UID is made from it and the measure's id)."""
    shared: bool
    """Marked shared with management."""


class NoteEntry(_Part):
    step_id: str
    """The step the note was taken in."""
    step_title: str
    """That step's title in the summary's language."""
    phase_title: str | None
    """The phase, in a step with phases."""
    kind: NoteKind
    """A plain note, the focus person's own notes, or their takeaway."""
    text: str
    """The note."""
    factors: list[Factor]
    """The § 4-3 factors it was tagged with."""
    shared: bool
    """Marked shared with management."""
    person: str | None = None
    """Who was in focus when the note was taken (group only)."""


class CheckoutEntry(_Part):
    question_number: int
    """1 for the check-out step's first question, and so on."""
    question: str
    """The question, in the summary's language."""
    text: str
    """The answer."""
    shared: bool
    """Marked shared with management."""
    person: str | None = None
    """Whose answer it is (group only)."""


class Summary(_Part):
    """What a session produced, for one audience."""

    format: Literal["facilitator-summary"] = SUMMARY_FORMAT
    """Always `facilitator-summary`."""
    schema_version: Literal[2] = SUMMARY_SCHEMA_VERSION
    """Changes if a key ever changes meaning."""
    audience: Audience
    """`management` (shared items only, nothing per person) or `group` (everything)."""
    lang: Lang
    """The language of the texts made by the program (`nb` or `en`)."""
    session_id: str
    """The session's id; for management, its name-free reference."""
    title: str
    """The session's title."""
    unit: str
    """The unit or service the group leads."""
    date: date
    """The day of the session."""
    state: Literal["setup", "running", "finished"]
    """`finished` once the facilitator has closed the session; otherwise a draft."""
    agenda_id: str
    """The agenda the session ran."""
    agenda_title: str
    """That agenda's title."""
    agenda_theme: str | None = None
    """The theme of a series session, in a few words; null for other agendas."""
    agenda_paragraphs: list[Paragraph] = []
    """The paragraphs of § 4-3 the agenda as a whole covers."""
    finished_at: datetime | None = None
    """When the facilitator finished the session, in UTC; null for a draft. Of two
    exports of the same session, the one finished later is the newer."""
    present_count: int
    """How many took part."""
    roles_present: list[RoleCount] = []
    """The roles of those present, as counts (a participant with no role given is
    not counted here): a safety or union representative shows employee participation."""
    names_policy: NamesPolicy
    """Which names the session lets into a management export: `owners` (a
    measure's owner as written, no other names), `everyone`, or `none`."""
    time_zone: str
    """The room's time zone (IANA); the documents show every time in it."""
    participants: list[str] | None
    """Names of those present; null when names are not to be included."""
    absent: list[str] = []
    """Names of those registered but not present (group only)."""
    facilitator: str | None = None
    """Who facilitated (group only)."""
    steps: list[StepTime]
    """Planned and actual minutes of each step, in the agenda's order."""
    planned_minutes: int
    """The planned length of the whole session."""
    actual_minutes: float | None
    """The minutes the step clocks ran in all; null when none ran."""
    findings: list[FactorFindings]
    """Strengths and risks by § 4-3 factor, in the law's order."""
    dilemma_themes: list[DilemmaTheme]
    """How many of the dilemmas the audience may see touched each factor."""
    dilemmas: list[DilemmaEntry]
    """The dilemmas themselves (for management, only those marked shared)."""
    measures: list[MeasureEntry]
    """Measures agreed in this session."""
    followed_up: list[MeasureEntry]
    """Measures from earlier sessions followed up in this one."""
    notes: list[NoteEntry]
    """Notes from the steps (for management, only those marked shared)."""
    checkouts: list[CheckoutEntry]
    """Check-out answers (for management, only those marked shared)."""
    next_meeting: datetime | None
    """When the group meets again, in UTC."""
    documents: list[str]
    """What the document can serve as in the internal control
    (internkontrollforskriften § 5 no. 6 and 8), with this session's figures."""

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
        items: list[FindingEntry | DilemmaEntry | MeasureEntry | NoteEntry | CheckoutEntry] = [
            *(f for group in self.findings for f in (*group.strengths, *group.risks)),
            *self.dilemmas,
            *self.measures,
            *self.followed_up,
            *self.notes,
            *self.checkouts,
        ]
        hidden = not all(i.shared for i in items)
        if personal or hidden:
            raise ValueError("a management summary may hold only shared items, none per person")
        return self

    @property
    def all_measures(self) -> list[MeasureEntry]:
        return [*self.measures, *self.followed_up]
