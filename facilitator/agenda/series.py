"""The theme series on § 4-3: the eight theme agendas in the order a leader group
meets them, on dates a fixed interval apart (moved off Norwegian public holidays
and the Christmas and Easter weeks), and whether together they cover every
psychosocial factor the law names."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from facilitator.agenda.coverage import missing_factors
from facilitator.agenda.model import Agenda
from facilitator.agenda.registry import load_agenda
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
from facilitator.law import Paragraph
from facilitator.localized import LocalizedText
from facilitator.timefmt import long_date

if TYPE_CHECKING:
    from holidays import HolidayBase

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


MoveReason = Literal["holiday", "christmas", "easter", "after_previous"]


@dataclass(frozen=True)
class Move:
    """Why a session is not on the date the interval gives it."""

    planned: date
    """The date the interval gave."""
    reason: MoveReason
    """A public holiday; the Christmas week (24 December to 1 January) or Easter
    week (Palm Sunday to Easter Monday) on a day that is not one; or, with short
    intervals, the session before was moved onto or past this one's date."""
    holiday: LocalizedText | None = None
    """The holiday's name, when the reason is one."""


@dataclass(frozen=True)
class SeriesSession:
    number: int
    """1 for the first session."""
    day: date
    agenda: Agenda
    moved: Move | None = None
    """Set when `day` is not the date the interval gave."""

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


class ClosedDays:
    """The days a leader group does not meet: Norwegian public holidays (from the
    `holidays` library, which knows the moving feasts), the Christmas week and
    Easter week, and weekends as the days a session moves past."""

    def __init__(self) -> None:
        # Imported here, not at the top: the library loads its country tables
        # (a tenth of a second) and only a series needs them.
        import holidays

        self._nb: HolidayBase = holidays.country_holidays("NO", language="no")
        self._en: HolidayBase = holidays.country_holidays("NO", language="en_US")

    def holiday(self, day: date) -> LocalizedText | None:
        name_nb, name_en = self._nb.get(day), self._en.get(day)
        if name_nb is None or name_en is None:
            return None
        return LocalizedText(nb=_common_noun(name_nb), en=name_en)

    def reason(self, day: date) -> MoveReason | None:
        """Why no session can be on `day` (None when one can; weekends are not a
        reason: a month step may land on one, and the plan marks it)."""
        if day in self._nb:
            return "holiday"
        if in_christmas_week(day):
            return "christmas"
        if in_easter_week(day):
            return "easter"
        return None

    def next_working_day(self, day: date) -> date:
        """The first day from `day` on that is a weekday and no reason to move."""
        while day.weekday() >= 5 or self.reason(day) is not None:
            day += timedelta(days=1)
        return day


def _common_noun(name: str) -> str:
    """`Første juledag` as it reads inside a sentence: `første juledag`. Only
    Kristi himmelfartsdag keeps its capital (Kristi is a name)."""
    return name if name.startswith("Kristi") else name[:1].lower() + name[1:]


def in_christmas_week(day: date) -> bool:
    """24 December to 1 January, both included."""
    return (day.month, day.day) >= (12, 24) or (day.month, day.day) == (1, 1)


def in_easter_week(day: date) -> bool:
    """Palm Sunday to Easter Monday, both included."""
    from dateutil.easter import easter

    sunday: date = easter(day.year)  # dateutil has no type information
    return sunday - timedelta(days=7) <= day <= sunday + timedelta(days=1)


def build_series(agendas: Sequence[Agenda], start: date, every: Interval) -> Series:
    """The sessions on the interval's dates, each moved to the next working day
    when its date is closed. Every session comes after the one before: when a
    move reaches the next session's date, that one moves on too."""
    closed = ClosedDays()
    sessions: list[SeriesSession] = []
    for n, agenda in enumerate(agendas):
        planned = every.nth(start, n)
        earliest = sessions[-1].day + timedelta(days=1) if sessions else planned
        day, move = planned, None
        reason = closed.reason(planned)
        if reason is not None:
            day = closed.next_working_day(max(planned, earliest))
            holiday = closed.holiday(planned) if reason == "holiday" else None
            move = Move(planned, reason, holiday)
        elif planned < earliest:
            day = closed.next_working_day(earliest)
            move = Move(planned, "after_previous")
        sessions.append(SeriesSession(n + 1, day, agenda, move))
    return Series(start, every, tuple(sessions))


def moved_words(move: Move, day: date, lang: Lang) -> tuple[str, str]:
    """The date a session was planned for and why it moved: `25. desember` and
    `første juledag`; the year only when it is not the year the session is held."""
    planned = long_date(move.planned, lang)
    if move.planned.year == day.year:
        planned = planned.rsplit(" ", 1)[0]
    if move.holiday is not None:
        return planned, move.holiday.get(lang)
    return planned, t(f"series_moved_{move.reason}", lang)


def series_agendas(workspace: Path | None, lang: Lang = "nb") -> list[Agenda]:
    """The theme agendas of the series, found by id: a workspace's own agenda with
    one of these ids (its edition of that theme) takes the shipped one's place.
    Other agendas of the workspace are not added; they would change the rhythm
    of a year planned around eight sessions."""
    return [load_agenda(agenda_id, workspace, lang) for agenda_id in SERIES]
