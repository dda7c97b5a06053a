"""Making a session: the one way, whatever asks for it.

The setup screen, `facilitator run --participants ... [--start --end]` and anything
else that starts a session describe it as a `SessionPlan` (what a person typed or
gave on the command line) and call `plan.create(now)`. The plan says what is wrong
with it one field at a time (`problems`), in the user's language, and holds the
rules that make a session of it: participants `p1`, `p2`, … in speaking order (so
two people with the same name are still two), a role written in brackets
(`Ola (verneombud)`), the facilitator as one of them, a booked end not after the
start is on the next day, and the open measures of earlier sessions of the unit
followed up in a step of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitator.agenda.model import Agenda
from facilitator.errors import UserError
from facilitator.followup import add_follow_up, with_follow_up
from facilitator.i18n import Lang, clean_text
from facilitator.i18n.words import cli
from facilitator.limits import MAX_PARTICIPANTS
from facilitator.schedule import Schedule, plan
from facilitator.session.model import (
    Measure,
    NamesPolicy,
    Participant,
    ParticipantRole,
    Session,
    new_session,
)
from facilitator.session.roles import UnknownRole, parse_participant
from facilitator.slot import booked_slot
from facilitator.timefmt import parse_day

SHORT_TEXT = 200
"""The most a title, a unit or a name may hold (the session model's `ShortText`)."""

_HHMM = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")

PlanField = Literal["title", "unit", "participants", "date", "start", "end", "facilitator", "zone"]
"""The parts of a plan that can be wrong, in the order setup shows its fields."""


def split_names(text: str) -> list[str]:
    """The participants typed in one field: one a line, or separated by `,` or `;`."""
    return [n.strip() for n in re.split(r"[,;\n]", text) if n.strip()]


def parse_time_of_day(text: str) -> time | None:
    """`09:00` or `9.00` as a time of day; None for anything else."""
    m = _HHMM.match(text.strip())
    return time(int(m.group(1)), int(m.group(2))) if m else None


@dataclass(frozen=True)
class PlanProblem:
    field: PlanField
    message: str
    """One line, in the plan's language, that says how to put it right."""


class PlanRefused(UserError):
    """A plan that cannot make a session; the message is its first problem."""

    def __init__(self, problems: list[PlanProblem]) -> None:
        super().__init__(problems[0].message)
        self.problems = problems


@dataclass(frozen=True)
class SessionPlan:
    """What setup collects, as it was typed. Dates and times are text, so that each
    entry point checks them the same way; empty means "not given"."""

    agenda: Agenda
    title: str
    participants: tuple[str, ...] = ()
    """One line a person, in speaking order: `Kari` or `Ola (verneombud)`."""
    unit: str = ""
    day: str | None = None
    """The date as typed (`02.03.2026`, `2026-03-02`); None: the day it is created."""
    start: str = ""
    """When the booked slot begins (`09:00`), on that date."""
    end: str = ""
    """When it ends; not after the start (or, with no start, not after the moment the
    session is made) means the next day: a slot from 22:00 to 01:00 ends after midnight."""
    facilitator: str | None = None
    """One of `participants` as written; the first with that line if it is there twice."""
    names_policy: NamesPolicy = NamesPolicy.OWNERS
    lang: Lang = "nb"
    time_zone: str | None = None
    """The room's zone (IANA); None: this machine's (the laptop is in the room)."""
    risk_scale: Literal[3, 5] = 5
    follow_up: tuple[Measure, ...] = ()
    """Open measures of earlier sessions of the unit, carried in (`followup.carry`)."""

    # --- reading what was typed ------------------------------------------------------

    def date_on(self, now: datetime) -> date | None:
        """The session's date; None when the one typed is not a date."""
        return now.astimezone().date() if self.day is None else _typed_day(self.day)

    def slot(self, now: datetime) -> tuple[datetime | None, datetime | None]:
        """The booked start and end in UTC, each None when not given or not a time."""
        day = self.date_on(now) or now.astimezone().date()
        return booked_slot(day, parse_time_of_day(self.start), parse_time_of_day(self.end), now)

    @property
    def lines(self) -> list[str]:
        """The participants as typed, without control characters or blank lines."""
        return [line for line in map(clean_text, self.participants) if line]

    def people(self) -> list[tuple[str, ParticipantRole | None]]:
        """Each participant's name and role. Raises UnknownRole (see `problems`)."""
        return [parse_participant(line) for line in self.lines]

    def facilitator_id(self) -> str | None:
        """`p1`, `p2`, …: the place of the first participant written as the facilitator."""
        lines = self.lines
        chosen = clean_text(self.facilitator) if self.facilitator is not None else None
        return f"p{lines.index(chosen) + 1}" if chosen in lines else None

    def agenda_to_run(self) -> Agenda:
        """The agenda with the follow-up step when there is something to follow up."""
        return with_follow_up(self.agenda, len(self.follow_up))

    def schedule(self, now: datetime) -> Schedule | None:
        """The steps laid out from the booked start for the people typed in (before
        anyone is, for the most the agenda recommends); None without a start."""
        start, end = self.slot(now)
        if start is None:
            return None
        n = len(self.lines) or self.agenda.group_size.max
        return plan(self.agenda_to_run(), n, start, end)

    # --- checking -----------------------------------------------------------------------

    def problems(self) -> list[PlanProblem]:
        """What stops this plan from making a session: at most one problem a field,
        in the order of setup's fields."""
        lang = self.lang
        found: list[PlanProblem] = []

        def problem(field: PlanField, key: str, **values: object) -> None:
            found.append(PlanProblem(field, cli(key, lang, **values)))

        title = clean_text(self.title)
        if not title:
            problem("title", "plan_need_title")
        elif len(title) > SHORT_TEXT:
            problem("title", "plan_title_too_long", most=SHORT_TEXT)
        if len(clean_text(self.unit)) > SHORT_TEXT:
            problem("unit", "plan_unit_too_long", most=SHORT_TEXT)
        people = self._people_problem()
        if people is not None:
            found.append(people)
        if self.day is not None and _typed_day(self.day) is None:
            problem("date", "plan_bad_date")
        times: tuple[tuple[PlanField, str], ...] = (("start", self.start), ("end", self.end))
        for field, value in times:
            if value.strip() and parse_time_of_day(value) is None:
                problem(field, "plan_bad_time")
        if self.facilitator is not None and self.facilitator_id() is None:
            problem("facilitator", "plan_facilitator_absent")
        if self.time_zone is not None and not _known_zone(self.time_zone):
            problem("zone", "plan_bad_time_zone", zone=self.time_zone)
        return found

    def _people_problem(self) -> PlanProblem | None:
        lang = self.lang
        lines = self.lines
        if not lines:
            return PlanProblem("participants", cli("plan_need_people", lang))
        if len(lines) > MAX_PARTICIPANTS:
            n = len(lines)
            return PlanProblem(
                "participants", cli("plan_too_many_people", lang, n=n, most=MAX_PARTICIPANTS)
            )
        for line in lines:
            try:
                name, _role = parse_participant(line)
            except UnknownRole as exc:
                return PlanProblem(
                    "participants", cli("plan_unknown_role", lang, name=exc.name, role=exc.role)
                )
            if not name.strip():
                # `(leder)` alone: a role with nobody to hold it.
                word = line.strip("()").strip()
                return PlanProblem("participants", cli("plan_role_without_name", lang, role=word))
            if len(name.strip()) > SHORT_TEXT:
                return PlanProblem("participants", cli("plan_name_too_long", lang, most=SHORT_TEXT))
        return None

    # --- making the session ----------------------------------------------------------

    def create(self, now: datetime) -> Session:
        """The session this plan describes, in setup, made at `now`. Raises
        PlanRefused with every problem when there are any."""
        problems = self.problems()
        if problems:
            raise PlanRefused(problems)
        day = self.date_on(now)
        assert day is not None  # `problems` said the date is one
        session = new_session(
            clean_text(self.title),
            self.agenda,
            now,
            unit=clean_text(self.unit),
            lang=self.lang,
            day=day,
            time_zone=self.time_zone,
        )
        # Ids by place, not by name: two people called Kari are p1 and p2.
        session.participants = [
            Participant(id=f"p{i}", name=name, role=role)
            for i, (name, role) in enumerate(self.people(), 1)
        ]
        session.names_policy = self.names_policy
        session.risk_scale = self.risk_scale
        session.facilitator = self.facilitator_id()
        add_follow_up(session, list(self.follow_up))
        session.booked_start, session.booked_end = self.slot(now)
        return session


FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(9998, 12, 31)
"""The dates a session may have: room for the day after (a slot past midnight) and
for the machine's clock to turn a date into an instant."""


def _typed_day(text: str) -> date | None:
    try:
        day = parse_day(text)
    except ValueError:
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None


def _known_zone(name: str) -> bool:
    if not 0 < len(name) <= 64:  # as the session model takes it
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True
