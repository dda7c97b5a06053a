"""Measures across a workspace's sessions: the newest copy of each, and those still
open.

A measure followed up in a later session is copied into it with the same id and
`carried_from` naming the session that agreed it. Its state is the copy from the
newest session (by session date, then when the measure and the session were last
changed). The HMS action plan (`facilitator.report.action_plan`) lists these, and a
new session follows up the open ones (`facilitator.followup`): here, below both, so
that setting up a session does not import the documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitator.session.model import Measure, Visibility
from facilitator.session.quickread import SessionMeasures
from facilitator.session.units import unit_key


@dataclass(frozen=True)
class LatestMeasure:
    """The newest copy of a measure and where it came from."""

    measure: Measure
    session: SessionMeasures
    """The session holding this copy."""
    origin: str
    """The id of the session that agreed the measure."""


def latest_measures(
    sessions: list[SessionMeasures], shared_only: bool = False
) -> list[LatestMeasure]:
    """Each measure once, in its newest copy (see the module's docstring); with
    `shared_only`, its newest shared copy: a later copy the group kept to itself
    must not hide, or change, what management was shown."""
    newest: dict[tuple[str, str], LatestMeasure] = {}

    def age(item: LatestMeasure) -> tuple[date, str, str]:
        changed = item.measure.updated_at or item.measure.created_at
        return (item.session.date, changed.isoformat(), item.session.updated_at.isoformat())

    for s in sessions:
        for m in s.measures:
            if shared_only and m.visibility is not Visibility.SHARED:
                continue
            origin = m.carried_from or s.id
            candidate = LatestMeasure(m, s, origin)
            # Keyed by origin too: ids are random, so two unrelated sessions could in
            # principle give two measures the same one.
            key = (origin, m.id)
            if key not in newest or age(candidate) >= age(newest[key]):
                newest[key] = candidate
    return list(newest.values())


def open_measures(sessions: list[SessionMeasures], unit: str | None = None) -> list[LatestMeasure]:
    """Measures still planned or in progress, in their newest copy: what the next
    session should follow up (group-only ones too: the group follows up its own),
    oldest deadline first. With `unit`, only those from that unit's sessions (a blank
    unit matches sessions with none: a group that gives no unit follows up its own)."""
    wanted = unit_key(unit) if unit is not None else None
    found = [
        item
        for item in latest_measures(sessions)
        if item.measure.status.is_open and (wanted is None or unit_key(item.session.unit) == wanted)
    ]
    return sorted(found, key=lambda i: (i.measure.deadline or date.max, i.measure.created_at))
