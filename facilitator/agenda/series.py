"""The theme series on § 4-3: the eight theme agendas in the order a leader group
meets them, on dates a fixed interval apart, and whether together they cover
every psychosocial factor the law names."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from facilitator.agenda.coverage import missing_factors
from facilitator.agenda.model import Agenda
from facilitator.agenda.registry import load_agenda
from facilitator.i18n import Lang
from facilitator.law import Paragraph

# The order of the series, and why:
# - Psychological safety first, then trust, integrity and dignity: peer supervision
#   works only when people dare to bring a real dilemma, and the group builds that in
#   its first sessions together.
# - Then the everyday factors of (2): unclear expectations before workload, since
#   unclear or conflicting demands are often what makes the workload heavy; then
#   contact and loneliness.
# - The heavier themes once the group knows each other: emotional demands in work
#   with people, then harassment, violence and threats.
# - Robustness in demanding periods last: it draws on the whole year and looks ahead.
SERIES: tuple[str, ...] = (
    "tema-psykologisk-trygghet",
    "tema-tillit-og-verdighet",
    "tema-forventninger",
    "tema-arbeidsmengde",
    "tema-kontakt-og-ensomhet",
    "tema-emosjonelle-krav",
    "tema-trakassering-og-vold",
    "tema-robusthet",
)

MAX_WEEKS = 52
MAX_MONTHS = 12
_INTERVAL = re.compile(
    r"^\s*(\d{1,3})\s*(w|weeks?|u|uker?|m|months?|mnd|måneder?|maneder?)\s*$", re.I
)


@dataclass(frozen=True)
class Interval:
    """The time between two sessions: a number of weeks or of calendar months."""

    count: int
    unit: Literal["w", "m"]

    @classmethod
    def parse(cls, text: str) -> Interval:
        """`6w`, `6u`, `2m`, `6 weeks`, `2 måneder`; ValueError for anything else,
        and for no time at all or more than a year (52 weeks, 12 months)."""
        match = _INTERVAL.match(text)
        if not match:
            raise ValueError(text)
        count = int(match.group(1))
        unit: Literal["w", "m"] = "m" if match.group(2)[0].lower() == "m" else "w"
        if not 1 <= count <= (MAX_WEEKS if unit == "w" else MAX_MONTHS):
            raise ValueError(text)
        return cls(count, unit)

    def nth(self, start: date, n: int) -> date:
        """The date of session `n` (0 is the first). Months are counted from the
        start each time, not from the session before: from 31 January the dates
        are 28 (or 29) February, 31 March, 30 April, never drifting to the 28th."""
        if self.unit == "w":
            return start + timedelta(weeks=self.count * n)
        return add_months(start, self.count * n)


def add_months(day: date, months: int) -> date:
    """`day` that many calendar months later; a day the month does not have becomes
    its last (31 January + 1 month = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def default_start(today: date) -> date:
    """The first Monday after today: a plan never starts on a day already begun,
    and with weekly steps every session falls on a Monday."""
    return today + timedelta(days=7 - today.weekday())


@dataclass(frozen=True)
class SeriesSession:
    number: int
    """1 for the first session."""
    day: date
    agenda: Agenda

    def minutes(self, participants: int) -> int:
        """How long the session is planned to take with this many participants."""
        return sum(step.planned_minutes(participants) for step in self.agenda.steps)


@dataclass(frozen=True)
class Series:
    start: date
    every: Interval
    sessions: tuple[SeriesSession, ...]

    @property
    def missing(self) -> list[Paragraph]:
        """The factor paragraphs of § 4-3 that no session of the series covers."""
        return missing_factors(p for s in self.sessions for p in s.agenda.paragraphs)


def build_series(agendas: Sequence[Agenda], start: date, every: Interval) -> Series:
    sessions = tuple(
        SeriesSession(n + 1, every.nth(start, n), agenda) for n, agenda in enumerate(agendas)
    )
    return Series(start, every, sessions)


def series_agendas(workspace: Path | None, lang: Lang = "nb") -> list[Agenda]:
    """The theme agendas of the series, found by id: a workspace's own agenda with
    one of these ids (its edition of that theme) takes the shipped one's place.
    Other agendas of the workspace are not added; they would change the rhythm
    of a year planned around eight sessions."""
    return [load_agenda(agenda_id, workspace, lang) for agenda_id in SERIES]
