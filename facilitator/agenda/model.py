"""The agenda format: an ordered list of steps, each with its time, texts and rules.

These models describe a *resolved* agenda (after `extends` has been applied).
Every user-facing text is a `LocalizedText` with Norwegian bokmål and English.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from facilitator.law import Paragraph
from facilitator.localized import LocalizedText, rule_error

AGENDA_SCHEMA_VERSION: Final = 1
MAX_STEPS = 200
MAX_PHASES = 20
MAX_LIST = 40

Slug = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$",
        description="Lower-case letters a-z, digits, '-' and '_'; at most 64 characters.",
    ),
]
# Strict: `minutes = "10"` is a text in TOML, and an editor checking the file against
# the schema says so; the command line must not quietly accept what the editor refuses.
Minutes = Annotated[int, Field(strict=True, ge=1, le=600, description="Whole minutes, 1 to 600.")]
Flag = Annotated[bool, Field(strict=True)]


class StepKind(StrEnum):
    """How a step uses its time."""

    TIMED = "timed"
    """One block of time for the whole group (it may be split into phases)."""
    BREAK = "break"
    """A pause; nothing is captured."""
    ROUND = "round"
    """Each participant present is in focus in turn; the time is split among them."""
    PER_PARTICIPANT = "per_participant"
    """One turn per participant present, each running through the step's phases."""


class Role(StrEnum):
    """Who speaks or listens in a phase."""

    FOCUS = "focus"
    """The focus person (fokusperson): the participant whose turn it is."""
    COLLEAGUES = "colleagues"
    """Everyone except the focus person."""
    EVERYONE = "everyone"
    """The whole group."""
    EACH_IN_TURN = "each_in_turn"
    """One participant at a time, around the table."""
    NOBODY = "nobody"
    """Quiet time: everyone works alone."""


class Capture(StrEnum):
    """What the app asks the group to record during a step."""

    NOTES = "notes"
    DILEMMA = "dilemma"
    """One dilemma per participant."""
    STRENGTHS_RISKS = "strengths_risks"
    MEASURES = "measures"
    CHECKOUT = "checkout"
    """Each participant's answers in the check-out round."""
    NEXT_MEETING = "next_meeting"
    FACILITATOR = "facilitator"
    """Who takes the facilitator role."""
    FOLLOW_UP = "follow_up"
    """Status and an evaluation of each measure carried over from earlier sessions."""


class NoteKind(StrEnum):
    """What a note is, so that the focus person's own notes can be told apart."""

    NOTE = "note"
    FOCUS_NOTES = "focus_notes"
    """What the focus person wrote down while listening with their back turned."""
    TAKEAWAY = "takeaway"
    """What the focus person says they take with them."""


def _rule(kind: str, nb: str, en: str, at: tuple[str | int, ...]) -> PydanticCustomError:
    """`rule_error` that also says where in the model it applies (`at`, below the
    model that raised it), so the message can point at that field's line."""
    error = rule_error(kind, nb, en)
    return PydanticCustomError(kind, error.message_template, {**(error.context or {}), "at": at})


def _unique_ids(what: str, ids: list[str]) -> None:
    seen: dict[str, int] = {}
    for n, ident in enumerate(ids):
        if ident in seen:
            first = seen[ident]
            nb_what = {"step": "steg", "phase": "fase"}[what]
            plural = {"step": "steps", "phase": "phases"}[what]
            raise _rule(
                "duplicate_id",
                # the id itself is in the field path of the message, made safe to show
                f"id-en er brukt flere ganger (først i {plural}[{first}]); "
                f"hvert {nb_what} trenger sin egen id",
                f"the id is used more than once (first by {plural}[{first}]); "
                f"each {what} needs an id of its own",
                (plural, n, "id"),
            )
        seen[ident] = n


class _Strict(BaseModel):
    # No use_attribute_docstrings: it reads and parses this file's source at every
    # import (about 20 ms on every command); only `agenda schema` needs the field
    # docstrings, and facilitator.agenda.schema reads them itself.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Phase(_Strict):
    """A timed part of a step, with its own rule."""

    id: Slug
    title: LocalizedText
    """The phase's name, shown over its rule."""
    minutes: Minutes
    rule: LocalizedText | None = None
    """The rule of this phase, shown large while it runs."""
    speakers: Role = Role.EVERYONE
    """Who talks in this phase."""
    listeners: Role = Role.NOBODY
    """Who only listens in this phase."""
    round: Flag = False
    """The phase goes around the table: its minutes are split among those present."""
    focus_back_turned: Flag = False
    """The focus person turns their back and only listens (the reflecting-team phase)."""
    note_kind: NoteKind = NoteKind.NOTE
    """The kind of note the app suggests during this phase."""
    questions: Annotated[list[LocalizedText], Field(max_length=MAX_LIST)] = []
    """Questions for this phase, shown on screen while it runs."""


class Step(_Strict):
    """One step of the workshop."""

    id: Slug
    kind: StepKind = StepKind.TIMED
    """How the step uses its time: `timed` (one block, perhaps in phases), `break`,
    `round` (each participant in turn) or `per_participant` (one turn each, in phases)."""
    title: LocalizedText
    """The step's name, on screen and in the summary."""
    purpose: LocalizedText | None = None
    """One or two sentences on why the group does this step."""
    minutes: Minutes | None = None
    """Fixed length of the step. For a `per_participant` step use `minutes_per_participant`."""
    minutes_per_participant: Minutes | None = None
    """Length of one participant's turn in a `per_participant` step."""
    phases: Annotated[list[Phase], Field(max_length=MAX_PHASES)] = []
    """Timed parts of the step, in order; their minutes add up to the step's."""
    questions: Annotated[list[LocalizedText], Field(max_length=MAX_LIST)] = []
    """Prompts or questions the group works on, shown on screen."""
    process: Annotated[list[LocalizedText], Field(max_length=MAX_LIST)] = []
    """How the step is run, as short instructions."""
    content: LocalizedText | None = None
    """Longer material to read together (for example the professional introduction)."""
    captures: Annotated[list[Capture], Field(max_length=len(Capture))] = []
    """What the step asks the group to record (dilemmas, findings, measures, ...);
    the screen points to the keys for these."""
    paragraphs: Annotated[list[Paragraph], Field(max_length=len(Paragraph))] = []
    """The paragraphs of § 4-3 this step relates to."""

    @model_validator(mode="after")
    def _check_time(self) -> Step:
        phase_total = sum(p.minutes for p in self.phases)
        if self.kind is StepKind.PER_PARTICIPANT:
            if self.minutes is not None:
                raise _rule(
                    "per_participant_minutes",
                    "et per_participant-steg bruker `minutes_per_participant`, ikke `minutes`",
                    "a per_participant step takes `minutes_per_participant`, not `minutes`",
                    ("minutes",),
                )
            if self.minutes_per_participant is None and not self.phases:
                raise rule_error(
                    "per_participant_no_time",
                    "et per_participant-steg trenger `minutes_per_participant` eller faser",
                    "a per_participant step needs `minutes_per_participant` or phases",
                )
            declared, name = self.minutes_per_participant, "minutes_per_participant"
        else:
            if self.minutes_per_participant is not None:
                raise _rule(
                    "minutes_per_participant_misplaced",
                    "bare et per_participant-steg har `minutes_per_participant`; bruk "
                    '`minutes` eller sett kind = "per_participant"',
                    "only a per_participant step takes `minutes_per_participant`; use "
                    '`minutes` or set kind = "per_participant"',
                    ("minutes_per_participant",),
                )
            if self.minutes is None and not self.phases:
                raise rule_error(
                    "no_minutes",
                    "steget mangler `minutes` (hele minutter, 1 eller mer)",
                    "the step needs `minutes` (whole minutes, 1 or more)",
                )
            declared, name = self.minutes, "minutes"
        if declared is not None and self.phases and phase_total != declared:
            raise _rule(
                "phases_sum",
                f"fasene er til sammen {phase_total} minutter, men `{name}` er {declared}; "
                f"sett `{name} = {phase_total}`, endre fasene, eller ta bort `{name}`",
                f"the phases add up to {phase_total} minutes but `{name}` is {declared}; "
                f"set `{name} = {phase_total}`, change the phases, or leave `{name}` out",
                (name,),
            )
        if self.kind is StepKind.ROUND and self.phases:
            raise _rule(
                "round_phases",
                "et round-steg har ikke faser (bruk et timed-steg med en fase der round = true)",
                "a round step has no phases (use a timed step with a phase where round = true)",
                ("phases",),
            )
        _unique_ids("phase", [p.id for p in self.phases])
        return self

    @property
    def base_minutes(self) -> int:
        """Minutes of the step, or of one turn for a per_participant step."""
        if self.kind is StepKind.PER_PARTICIPANT:
            return self.minutes_per_participant or sum(p.minutes for p in self.phases)
        return self.minutes or sum(p.minutes for p in self.phases)

    def planned_minutes(self, participants: int) -> int:
        """Planned length with this many participants present."""
        if self.kind is StepKind.PER_PARTICIPANT:
            return self.base_minutes * participants
        return self.base_minutes

    def phase(self, phase_id: str | None) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)


class GroupSize(_Strict):
    min: Annotated[int, Field(strict=True, ge=1, le=50)] = 2
    """Recommended smallest group."""
    max: Annotated[int, Field(strict=True, ge=1, le=50)] = 6
    """Recommended largest group; more are allowed with a warning."""

    @model_validator(mode="after")
    def _ordered(self) -> GroupSize:
        if self.min > self.max:
            raise _rule(
                "group_size_order",
                f"`min` ({self.min}) er større enn `max` ({self.max})",
                f"`min` ({self.min}) is larger than `max` ({self.max})",
                ("min",),
            )
        return self


class Agenda(_Strict):
    """A workshop plan: metadata and ordered steps."""

    schema_version: Literal[1] = AGENDA_SCHEMA_VERSION
    """Version of the agenda format; this program reads version 1."""
    id: Slug
    extends: Slug | None = None
    """The id of the agenda this one was built from (kept for reference once resolved)."""
    title: LocalizedText
    """The agenda's name, in lists and at setup."""
    description: LocalizedText
    """A sentence or two on what the workshop is and who it is for."""
    theme: LocalizedText | None = None
    """The theme of a series session, in a few words."""
    group_size: GroupSize = GroupSize()
    """How many participants the agenda is made for."""
    paragraphs: Annotated[list[Paragraph], Field(max_length=len(Paragraph))] = []
    """The paragraphs of § 4-3 the agenda as a whole covers."""
    follow_up: Literal["first", "before_closing", "none"] = "before_closing"
    """Where a follow-up of earlier measures goes when there are open ones."""
    warn_fraction: Annotated[float, Field(gt=0, lt=1)] = 0.2
    """The timer turns to its warning colour when this share of the time is left."""
    steps: Annotated[list[Step], Field(min_length=1, max_length=MAX_STEPS)]
    """The steps of the workshop, in order."""

    @model_validator(mode="after")
    def _unique_steps(self) -> Agenda:
        _unique_ids("step", [s.id for s in self.steps])
        return self

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    def step_index(self, step_id: str) -> int:
        return [s.id for s in self.steps].index(step_id)
