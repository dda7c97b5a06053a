"""Everything a workshop produces, in one record.

A session keeps a snapshot of the agenda it ran (editing an agenda later never
rewrites history), who took part, the clock of every step, and what the group
captured: notes, dilemmas, strengths and risks, measures, check-out answers and
the next meeting. Every captured item has a visibility: `group` stays in the
group's own record, `shared` may go to the management summary.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from facilitator.agenda.model import Agenda, NoteKind
from facilitator.fields import Ref, UtcDatetime
from facilitator.i18n import Lang
from facilitator.law import Paragraph
from facilitator.limits import MAX_ITEMS, MAX_PARTICIPANTS
from facilitator.stepclock import StepClock
from facilitator.texts import DraftText, RequiredShortText, ShortText, Text, rule_error

SESSION_FORMAT = "facilitator-session"
SESSION_SCHEMA_VERSION = 2
"""2: `names_policy` (for `names_in_management_export`), `time_zone`, and on measures
`owner_role`, `history_names` and `agreed_names_policy`. Version 1 files are read
and upgraded in memory (`upgrade_v1`); they are saved as version 2."""
READABLE_SCHEMA_VERSIONS = (1, 2)

ItemId = Ref
"""The id of a participant, step, phase or session that an item refers to. Plain
`str` would let any Python string in, including ones that cannot be saved as UTF-8."""
Factors = Annotated[list[Paragraph], Field(max_length=len(Paragraph))]


class Visibility(StrEnum):
    GROUP = "group"
    """Stays in the group's own record."""
    SHARED = "shared"
    """May be included in the summary for the management group."""


class NamesPolicy(StrEnum):
    """Which names a management export may hold (DESIGN.md §4)."""

    OWNERS = "owners"
    """A shared measure's owner as the group wrote it; no other names (the default)."""
    EVERYONE = "everyone"
    """Also the names of everyone present, and names written into shared texts."""
    NONE = "none"
    """No names: an owner shows as the role the facilitator typed for the measure."""


def upgrade_v1(data: object) -> object:
    """A version 1 session as version 2. Version 1 said `names_in_management_export =
    true|false`: true let every name through, false none (owners included), so they
    read as `everyone` and `none` and their exports stay as they were. A file with
    anything else there is left as it is, for the model to refuse."""
    if not isinstance(data, dict) or data.get("schema_version") != 1:
        return data
    if type(data.get("schema_version")) is not int:
        return data
    data = dict(data)
    if "names_policy" not in data:
        flag = data.get("names_in_management_export", False)
        if not isinstance(flag, bool):
            return data
        data.pop("names_in_management_export", None)
        data["names_policy"] = NamesPolicy.EVERYONE if flag else NamesPolicy.NONE
    data["schema_version"] = 2
    return data


def _known_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise rule_error(
            "unknown_time_zone",
            f"ukjent tidssone «{name}» (forventet et IANA-navn som Europe/Oslo)",
            f'unknown time zone "{name}" (expected an IANA name such as Europe/Oslo)',
        ) from None
    return name


TimeZoneName = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_known_zone)]
"""An IANA time zone (`Europe/Oslo`)."""
DEFAULT_TIME_ZONE = "Europe/Oslo"
"""For files from before sessions kept their zone: the product's rooms are in Norway."""


class MeasureStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        return self in (MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)


def new_id() -> str:
    """A short random id for a captured item."""
    return secrets.token_hex(5)


class _Model(BaseModel):
    # No use_attribute_docstrings: nothing publishes a schema of session files, and
    # it would parse this file's source at every import.
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    def __setattr__(self, name: str, value: object) -> None:
        # pydantic stores an assigned value before it runs the model's own checks
        # (`_consistent`), so a refused assignment would stay in place: undo it.
        saved = (dict(self.__dict__), set(self.__pydantic_fields_set__))
        try:
            super().__setattr__(name, value)
        except ValidationError:
            object.__setattr__(self, "__dict__", saved[0])
            object.__setattr__(self, "__pydantic_fields_set__", saved[1])
            raise


class _Item(_Model):
    id: ItemId = Field(default_factory=new_id)
    created_at: UtcDatetime
    updated_at: UtcDatetime | None = None


class ParticipantRole(StrEnum):
    """What a participant is there as. Optional: the roles a session had are what
    shows employee participation (internkontrollforskriften § 5 no. 3)."""

    LEADER = "leader"
    SAFETY_REP = "safety_rep"
    """Verneombud."""
    UNION_REP = "union_rep"
    """Tillitsvalgt."""
    HR = "hr"
    OCCUPATIONAL_HEALTH = "occupational_health"
    """Bedriftshelsetjenesten (BHT)."""


class Participant(_Model):
    id: ItemId
    name: RequiredShortText
    present: bool = True
    role: ParticipantRole | None = None


class Note(_Item):
    text: Annotated[Text, Field(min_length=1)]
    step_id: Ref
    phase_id: Ref | None = None
    person: Ref | None = None
    """The participant in focus when the note was taken."""
    kind: NoteKind = NoteKind.NOTE
    factors: Factors = []
    visibility: Visibility = Visibility.GROUP


class Dilemma(_Item):
    owner: Ref
    """The participant who brings the dilemma."""
    title: ShortText = ""
    text: Text = ""
    factors: Factors = []
    hr_hint: bool = False
    """The dilemma touches something where HR should be involved."""
    visibility: Visibility = Visibility.GROUP


class FindingKind(StrEnum):
    STRENGTH = "strength"
    RISK = "risk"


class Finding(_Item):
    """A strength or a risk the group found in its work environment."""

    kind: FindingKind
    text: Annotated[Text, Field(min_length=1)]
    factor: Paragraph | None = None
    step_id: Ref | None = None
    visibility: Visibility = Visibility.SHARED


class Answer(StrEnum):
    """An answer to one of the Labour Inspection Authority's questions about a measure."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class FollowUp(_Model):
    """One look at a measure after it was agreed: its status then and how it went."""

    at: date
    status: MeasureStatus
    text: Text = ""
    session_id: Ref | None = None
    """The session in which the follow-up was done."""
    worked: Answer | None = None
    """Did it work? (not asked: None)"""
    enough: Answer | None = None
    """Is it enough?"""


class Measure(_Item):
    """An agreed action (tiltak): a row of the HMS action plan."""

    what: Annotated[Text, Field(min_length=1)]
    challenge: Text = ""
    """The challenge or risk the measure answers."""
    factor: Paragraph | None = None
    owner: ShortText = ""
    """Who is responsible, as the group wrote it: a name or a role."""
    owner_role: ShortText = ""
    """The owner's role (`enhetsleder`): what management sees instead of the owner
    when the session lets no names out (`NamesPolicy.NONE`)."""
    deadline: date | None = None
    status: MeasureStatus = MeasureStatus.PLANNED
    done_on: date | None = None
    likelihood: Annotated[int, Field(ge=1, le=5)] | None = None
    consequence: Annotated[int, Field(ge=1, le=5)] | None = None
    follow_ups: list[FollowUp] = []
    visibility: Visibility = Visibility.SHARED
    carried_from: Ref | None = None
    """The id of the earlier session that agreed this measure, when it was brought
    into this session to be followed up (its id stays the same); None for a measure
    agreed here. Across sessions, the newest copy of a measure is its current state."""
    history_names: Annotated[list[RequiredShortText], Field(max_length=MAX_PARTICIPANTS * 20)] = []
    """On a copy: the participants of the sessions it passed through before this one.
    A name of theirs in the measure's texts is kept out of management documents
    (the redactor of this session knows only its own participants)."""
    agreed_names_policy: NamesPolicy | None = None
    """On a copy: the names rule of the session that agreed the measure, which keeps
    deciding what of it management sees."""

    @property
    def risk(self) -> int | None:
        if self.likelihood is None or self.consequence is None:
            return None
        return self.likelihood * self.consequence


class CheckoutAnswer(_Item):
    person: Ref
    question: Annotated[int, Field(ge=0, le=40)] = 0
    """Index of the check-out question answered."""
    text: Annotated[Text, Field(min_length=1)]
    visibility: Visibility = Visibility.GROUP


DraftForm = Literal[
    "notes", "dilemmas", "findings", "measures", "checkouts", "next_meeting", "follow_up"
]


class Draft(_Model):
    """What is being typed into a capture form and not yet saved. It is saved with
    the session as it is typed, so that a crash or a killed terminal loses none of
    it, and it is gone once the form is saved or closed. Never exported."""

    form: DraftForm
    item_id: ItemId | None = None
    """The item being edited; None for a new one."""
    values: Annotated[dict[Ref, DraftText | bool], Field(max_length=20)] = {}
    """The form's fields as typed, by field name (a choice as its value's text)."""
    updated_at: UtcDatetime


class Session(_Model):
    """One workshop, from setup to closing."""

    format: Literal["facilitator-session"] = SESSION_FORMAT
    schema_version: Literal[2] = SESSION_SCHEMA_VERSION
    id: ItemId
    title: RequiredShortText
    unit: ShortText = ""
    """The unit or service (enhet/tjeneste) the group leads."""
    date: date
    lang: Lang = "nb"
    agenda: Agenda
    """A snapshot of the agenda as it was when the session was set up."""
    participants: Annotated[list[Participant], Field(max_length=MAX_PARTICIPANTS)] = []
    """In speaking order."""
    facilitator: Ref | None = None
    booked_start: UtcDatetime | None = None
    booked_end: UtcDatetime | None = None
    risk_scale: Literal[3, 5] = 5
    names_policy: NamesPolicy = NamesPolicy.OWNERS
    """Which names a management export may hold."""
    time_zone: TimeZoneName = DEFAULT_TIME_ZONE
    """The room's time zone (IANA), from the machine at setup: every time in a
    document is shown in it, wherever the export is made."""
    created_at: UtcDatetime
    updated_at: UtcDatetime
    started_at: UtcDatetime | None = None
    finished_at: UtcDatetime | None = None
    current_step: Ref | None = None
    clocks: dict[str, StepClock] = {}
    notes: Annotated[list[Note], Field(max_length=MAX_ITEMS)] = []
    dilemmas: Annotated[list[Dilemma], Field(max_length=MAX_ITEMS)] = []
    findings: Annotated[list[Finding], Field(max_length=MAX_ITEMS)] = []
    measures: Annotated[list[Measure], Field(max_length=MAX_ITEMS)] = []
    checkouts: Annotated[list[CheckoutAnswer], Field(max_length=MAX_ITEMS)] = []
    next_meeting: UtcDatetime | None = None
    draft: Draft | None = None

    @model_validator(mode="before")
    @classmethod
    def _legacy(cls, data: object) -> object:
        return upgrade_v1(data)

    @model_validator(mode="after")
    def _consistent(self) -> Session:
        ids = [p.id for p in self.participants]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            names = ", ".join(dupes)
            raise rule_error(
                "duplicate_participant",
                f"hver deltaker trenger sin egen id; brukt flere ganger: {names}",
                f"each participant needs an id of its own; used more than once: {names}",
            )
        for name in ("notes", "dilemmas", "findings", "measures", "checkouts"):
            item_ids = [item.id for item in getattr(self, name)]
            if len(set(item_ids)) != len(item_ids):
                twice = ", ".join(sorted({i for i in item_ids if item_ids.count(i) > 1})[:5])
                # Items are found by id (editing, the action plan): a second one with
                # the same id would be edited in its twin's place or silently dropped.
                raise rule_error(
                    "duplicate_item",
                    f"{name}: hvert element trenger sin egen id; brukt flere ganger: {twice}",
                    f"{name}: each item needs an id of its own; used more than once: {twice}",
                )
        if self.facilitator is not None and self.facilitator not in ids:
            raise rule_error(
                "facilitator_not_participant",
                f"fasilitatoren «{self.facilitator}» er ikke en av deltakerne",
                f'the facilitator "{self.facilitator}" is not one of the participants',
            )
        steps = {s.id for s in self.agenda.steps}
        if self.current_step is not None and self.current_step not in steps:
            raise rule_error(
                "unknown_current_step",
                f"current_step «{self.current_step}» er ikke et steg i opplegget",
                f'current_step "{self.current_step}" is not a step of the agenda',
            )
        unknown = ", ".join(sorted(set(self.clocks) - steps))
        if unknown:
            raise rule_error(
                "unknown_clock_step",
                f"klokker for steg som ikke finnes i opplegget: {unknown}",
                f"clocks for steps that are not in the agenda: {unknown}",
            )
        for m in self.measures:
            for value in (m.likelihood, m.consequence):
                if value is not None and value > self.risk_scale:
                    raise rule_error(
                        "risk_out_of_scale",
                        f"tiltak {m.id}: risikoskårer går fra 1 til {self.risk_scale}",
                        f"measure {m.id}: risk scores go from 1 to {self.risk_scale}",
                    )
        return self

    @property
    def state(self) -> Literal["setup", "running", "finished"]:
        if self.finished_at is not None:
            return "finished"
        return "running" if self.started_at is not None else "setup"

    @property
    def present(self) -> list[Participant]:
        return [p for p in self.participants if p.present]

    def participant(self, pid: str) -> Participant | None:
        return next((p for p in self.participants if p.id == pid), None)


def slugify(text: str, limit: int = 40) -> str:
    """ASCII file-name part from a title: `Ledergruppe Øst` → `ledergruppe-ost`."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:limit].strip("-") or "okt"


def session_id_for(title: str, day: date) -> str:
    return f"{day.isoformat()}-{slugify(title)}-{secrets.token_hex(2)}"


def new_session(
    title: str,
    agenda: Agenda,
    now: datetime,
    participant_names: list[str] | None = None,
    unit: str = "",
    lang: Lang = "nb",
    day: date | None = None,
    time_zone: str | None = None,
) -> Session:
    """A session in setup, with participants `p1`, `p2`, … in the order given, in
    `time_zone` (the machine's own when not given: the laptop is in the room)."""
    from facilitator.timefmt import machine_zone

    day = day or now.astimezone().date()
    people = [
        Participant(id=f"p{i}", name=name) for i, name in enumerate(participant_names or [], 1)
    ]
    return Session(
        id=session_id_for(title, day),
        title=title,
        unit=unit,
        date=day,
        lang=lang,
        agenda=agenda,
        participants=people,
        time_zone=time_zone or machine_zone(),
        created_at=now,
        updated_at=now,
    )
