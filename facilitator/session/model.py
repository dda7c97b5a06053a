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
from typing import Annotated, Final, Literal, assert_never, overload
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from facilitator.agenda.model import Agenda, NoteKind
from facilitator.fields import Ref, UtcDatetime
from facilitator.i18n import Lang
from facilitator.law import Paragraph
from facilitator.limits import MAX_ITEMS, MAX_PARTICIPANTS
from facilitator.localized import DraftText, RequiredShortText, ShortText, Text, rule_error
from facilitator.stepclock import StepClock

SESSION_FORMAT: Final = "facilitator-session"
SESSION_SCHEMA_VERSION: Final = 2
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
    """The dilemma touches something where HR should be involved (`hr_hint_for`)."""
    visibility: Visibility = Visibility.GROUP


def hr_hint_for(title: str, text: str, flagged: bool | None = None) -> bool:
    """Whether a dilemma is marked as one to raise with HR: as the facilitator
    marked it when they did, otherwise as its words suggest (`suggests_hr`). The
    one place this is decided: the workshop and the forms both ask here."""
    # Imported here: its patterns take a noticeable part of start-up to compile, and
    # every command that reads a session (export, plan) loads this module.
    from facilitator.textcheck import suggests_hr

    return suggests_hr(f"{title} {text}") if flagged is None else flagged


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


RiskScale = Literal[3, 5]
"""How far likelihood and consequence go, from 1: a session's `risk_scale`."""


def risk_scores(scale: int) -> range:
    """The scores a session with this scale takes (1–3 or 1–5); the forms offer these."""
    return range(1, scale + 1)


def scores_out_of_scale(measure: Measure, scale: int) -> list[tuple[str, int]]:
    """The risk scores of `measure` that its session's scale does not take, as
    (field, value). The one check of the scale: the session, the workshop and the
    quick reader of session files all ask here, each saying it in its own way."""
    return [
        (field, value)
        for field, value in (
            ("likelihood", measure.likelihood),
            ("consequence", measure.consequence),
        )
        if value is not None and value not in risk_scores(scale)
    ]


def out_of_scale_error(scale: int, measure_id: str | None = None) -> PydanticCustomError:
    """What a score above the scale is refused with, naming the measure when the
    error is not already about one measure's field."""
    nb = f"risikoskårer går fra 1 til {scale}"
    en = f"risk scores go from 1 to {scale}"
    if measure_id is not None:
        nb, en = f"tiltak {measure_id}: {nb}", f"measure {measure_id}: {en}"
    return rule_error("risk_out_of_scale", nb, en)


def done_on(status: MeasureStatus, before: date | None, today: date) -> date | None:
    """The day a measure was done, for the status it now gets: kept when it was done
    already, today when it is done now, none when it is not done (any more). The one
    status rule, for a follow-up and an edit alike."""
    if status is MeasureStatus.DONE:
        return before or today
    return None


class CheckoutAnswer(_Item):
    person: Ref
    question: Annotated[int, Field(ge=0, le=40)] = 0
    """Index of the check-out question answered."""
    text: Annotated[Text, Field(min_length=1)]
    visibility: Visibility = Visibility.GROUP


CapturedItem = Note | Dilemma | Finding | Measure | CheckoutAnswer
"""Any item the group captures (see `ItemKind`)."""


class ItemKind(StrEnum):
    """The kinds of captured item. A kind's value is the name of the session's list
    that holds them, and what a draft (`Draft.form`) and a session file say."""

    NOTES = "notes"
    DILEMMAS = "dilemmas"
    FINDINGS = "findings"
    MEASURES = "measures"
    CHECKOUTS = "checkouts"

    @property
    def model(self) -> type[CapturedItem]:
        """The pydantic model of an item of this kind."""
        return ITEM_MODELS[self]

    @property
    def form(self) -> DraftForm:
        """The capture form that adds or edits an item of this kind."""
        return DraftForm(self.value)

    @classmethod
    def of(cls, item: CapturedItem) -> ItemKind:
        """The kind of a captured item."""
        return next(kind for kind, model in ITEM_MODELS.items() if type(item) is model)

    @classmethod
    def named(cls, name: str) -> ItemKind:
        """The kind with this (stored) name; KeyError for anything else, as for an
        id that is not there: a step's or a participant's list is not a kind."""
        try:
            return cls(name)
        except ValueError:
            raise KeyError(name) from None


ITEM_MODELS: dict[ItemKind, type[CapturedItem]] = {
    ItemKind.NOTES: Note,
    ItemKind.DILEMMAS: Dilemma,
    ItemKind.FINDINGS: Finding,
    ItemKind.MEASURES: Measure,
    ItemKind.CHECKOUTS: CheckoutAnswer,
}


class DraftForm(StrEnum):
    """The capture forms: one per kind of item (same value), and two that change
    what is there rather than add an item. The values are what a draft stores, so
    they never change (old session files and crash recovery read them)."""

    NOTES = "notes"
    DILEMMAS = "dilemmas"
    FINDINGS = "findings"
    MEASURES = "measures"
    CHECKOUTS = "checkouts"
    NEXT_MEETING = "next_meeting"
    FOLLOW_UP = "follow_up"
    """Edits a carried measure; a draft's `item_id` is the measure's id."""

    @property
    def item_kind(self) -> ItemKind | None:
        """The kind of item the form adds or edits; None for the next meeting and a
        follow-up (which edits a measure, but is not the measure form)."""
        try:
            return ItemKind(self.value)
        except ValueError:
            return None


FormKind = DraftForm
"""The same enum by a name that says it is about forms, not only drafts."""


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


ItemList = list[Note] | list[Dilemma] | list[Finding] | list[Measure] | list[CheckoutAnswer]
"""The session's list of one kind of item (`Session.items`)."""

SessionState = Literal["setup", "running", "finished"]


def session_state(started_at: datetime | None, finished_at: datetime | None) -> SessionState:
    """Where a session is in its life: the one rule, for a session and for the
    short entry a list of sessions reads (`facilitator.session.quickread`)."""
    if finished_at is not None:
        return "finished"
    return "running" if started_at is not None else "setup"


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
    risk_scale: RiskScale = 5
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

    @overload
    def items(self, kind: Literal[ItemKind.NOTES]) -> list[Note]: ...
    @overload
    def items(self, kind: Literal[ItemKind.DILEMMAS]) -> list[Dilemma]: ...
    @overload
    def items(self, kind: Literal[ItemKind.FINDINGS]) -> list[Finding]: ...
    @overload
    def items(self, kind: Literal[ItemKind.MEASURES]) -> list[Measure]: ...
    @overload
    def items(self, kind: Literal[ItemKind.CHECKOUTS]) -> list[CheckoutAnswer]: ...
    @overload
    def items(self, kind: ItemKind) -> ItemList: ...
    def items(self, kind: ItemKind) -> ItemList:
        """The session's own list of items of this kind (changing it changes the session)."""
        match kind:
            case ItemKind.NOTES:
                return self.notes
            case ItemKind.DILEMMAS:
                return self.dilemmas
            case ItemKind.FINDINGS:
                return self.findings
            case ItemKind.MEASURES:
                return self.measures
            case ItemKind.CHECKOUTS:
                return self.checkouts
            case _:
                assert_never(kind)

    def all_items(self) -> list[tuple[ItemKind, CapturedItem]]:
        """Every captured item with its kind, kind by kind in `ItemKind` order."""
        return [(kind, item) for kind in ItemKind for item in self.items(kind)]

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
        for name in ItemKind:
            item_ids = [item.id for item in self.items(name)]
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
            if scores_out_of_scale(m, self.risk_scale):
                raise out_of_scale_error(self.risk_scale, m.id)
        return self

    @property
    def state(self) -> SessionState:
        return session_state(self.started_at, self.finished_at)

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
