"""The HMS action plan: every measure agreed in a workspace's sessions, once each,
in its newest state, grouped by § 4-3 factor, with overdue ones flagged.

A measure followed up in a later session is copied into it with the same id and
`carried_from` naming the session that agreed it. The plan keeps one row per
measure: the copy from the newest session (by session date, then when the
measure and the session were last changed), with the agreeing session as source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from facilitator.i18n import Lang
from facilitator.report.build import (
    FACTOR_ORDER,
    NameRule,
    measure_entry,
    measure_rule,
    session_ref,
)
from facilitator.report.model import Audience, Factor, MeasureEntry
from facilitator.report.words import w

# The newest copy of each measure is worked out with the session's measures, below the
# documents (`as` names them as still read from here).
from facilitator.session.measures import LatestMeasure as LatestMeasure
from facilitator.session.measures import latest_measures as latest_measures
from facilitator.session.measures import open_measures as open_measures
from facilitator.session.model import Measure
from facilitator.session.quickread import SessionMeasures, read_workspace
from facilitator.session.refs import session_date
from facilitator.session.units import unit_key
from facilitator.timefmt import short_date

StatusFilter = Literal["open", "all"]


@dataclass(frozen=True)
class PlanRow:
    entry: MeasureEntry
    source_id: str
    source: str
    """The agreeing session as people read it: `title (date)`, or its id when the
    file is not in the workspace."""
    unit: str
    overdue: bool


@dataclass(frozen=True)
class ActionPlan:
    as_of: date
    lang: Lang
    audience: Audience
    status: StatusFilter
    unit: str | None
    rows: list[PlanRow]
    """By factor in the law's order, then by deadline."""
    sessions_read: int
    problems: list[str]
    """One line per session file that could not be read."""

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.rows if r.overdue)

    def groups(self) -> list[tuple[Factor, list[PlanRow]]]:
        out: list[tuple[Factor, list[PlanRow]]] = []
        for row in self.rows:
            if not out or out[-1][0] != row.entry.factor:
                out.append((row.entry.factor, []))
            out[-1][1].append(row)
        return out


def _missing_source(session_id: str, lang: Lang) -> str:
    """The source of a measure whose agreeing session is not in the workspace: the
    date its id begins with, rather than an id nobody outside the app can read."""
    day = session_date(session_id)
    return w("earlier_session_on", lang, date=short_date(day, lang)) if day else session_id


def is_overdue(m: Measure | MeasureEntry, as_of: date) -> bool:
    """The deadline has passed and the measure is still open."""
    return m.status.is_open and m.deadline is not None and m.deadline < as_of


def collect_plan(
    sessions: list[SessionMeasures],
    as_of: date,
    lang: Lang,
    audience: Audience = Audience.MANAGEMENT,
    status: StatusFilter = "all",
    unit: str | None = None,
    problems: list[str] | None = None,
) -> ActionPlan:
    """The plan from sessions already read. For management (the default) only shared
    measures, and participants' names kept out unless the session allows them."""
    by_id = {s.id: s for s in sessions}
    ref = session_ref(audience)
    wanted_unit = unit_key(unit) if unit else None
    rows = []
    for item in latest_measures(sessions, shared_only=audience is Audience.MANAGEMENT):
        m, s = item.measure, item.session
        if status == "open" and not m.status.is_open:
            continue
        if wanted_unit is not None and unit_key(s.unit) != wanted_unit:
            continue
        origin = by_id.get(item.origin)
        here = NameRule(audience, s.names_policy, s.participant_names, lang)
        # A measure keeps the names rule of the session that agreed it, and every
        # name of the sessions it passed through is kept out (see `measure_rule`).
        rule = measure_rule(
            m, here, (origin.participant_names, origin.names_policy) if origin else None
        )
        if origin:
            there = NameRule(audience, origin.names_policy, origin.participant_names, lang)
            source = f"{there.scrub(origin.title)} ({short_date(origin.date, lang)})"
        else:
            source = _missing_source(ref(item.origin), lang)
        rows.append(
            PlanRow(
                entry=measure_entry(m, s.id, rule, s.risk_scale),
                source_id=ref(item.origin),
                source=source,
                unit=here.scrub(s.unit),
                overdue=is_overdue(m, as_of),
            )
        )
    sort_rows(rows)
    return ActionPlan(as_of, lang, audience, status, unit, rows, len(sessions), problems or [])


def sort_rows(rows: list[PlanRow]) -> None:
    """The plan's order: by factor in the law's order, then deadline (none last)."""
    order = {p: i for i, p in enumerate(FACTOR_ORDER)}
    rows.sort(
        key=lambda r: (
            order[r.entry.factor.paragraph],
            r.entry.deadline or date.max,
            r.entry.what,
            r.entry.id,
        )
    )


def workspace_plan(
    workspace: Path,
    as_of: date,
    lang: Lang,
    audience: Audience = Audience.MANAGEMENT,
    status: StatusFilter = "all",
    unit: str | None = None,
) -> ActionPlan:
    """The plan of every session file in `<workspace>/sessions`; files that cannot be
    read are left out and listed in `problems`."""
    sessions, problems = read_workspace(workspace / "sessions", lang)
    return collect_plan(sessions, as_of, lang, audience, status, unit, problems)
