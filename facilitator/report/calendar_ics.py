"""Measures' deadlines and the next meeting as an iCalendar file (RFC 5545).

Each deadline is an all-day event and the next meeting a timed one in UTC, so
any calendar shows it at the right local time. UIDs come from the session and
measure ids, so importing a newer export updates the events instead of adding
copies; a measure keeps one UID, made from its id and the name-free reference of
the session that agreed it, in every later session and for every audience.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from facilitator.ics import calendar, escape_text
from facilitator.ics import fold as fold  # still read from here
from facilitator.report.model import MeasureEntry, Summary
from facilitator.report.words import w
from facilitator.timefmt import long_date, short_date

PRODID = "-//facilitator//session summary//EN"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _measure_event(s: Summary, m: MeasureEntry, stamp: str) -> list[str]:
    assert m.deadline is not None
    lang = s.lang
    details = [
        m.challenge,
        f"{w('col_owner', lang)}: {m.owner}" if m.owner else "",
        f"{w('col_status', lang)}: {m.status_text}",
        m.factor.label if m.factor.paragraph is not None else "",
        w("from_session", lang, title=s.title, date=long_date(s.date, lang)),
        w("agreed_in_session", lang, date=short_date(m.agreed_on, lang)) if m.agreed_on else "",
    ]
    return [
        "BEGIN:VEVENT",
        # The same UID whichever audience the calendar was made for, and in every
        # later session that follows the measure up: one event per measure.
        f"UID:{m.id}.{m.origin_ref}@facilitator",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{m.deadline:%Y%m%d}",
        f"DTEND;VALUE=DATE:{m.deadline + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(w('deadline_event', lang, what=m.what))}",
        f"DESCRIPTION:{escape_text(chr(10).join(d for d in details if d))}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _meeting_event(s: Summary, stamp: str) -> list[str]:
    assert s.next_meeting is not None
    end = s.next_meeting + timedelta(minutes=s.planned_minutes)
    return [
        "BEGIN:VEVENT",
        f"UID:next-meeting.{s.session_id}@facilitator",
        f"DTSTAMP:{stamp}",
        f"DTSTART:{_utc(s.next_meeting)}",
        f"DTEND:{_utc(end)}",
        f"SUMMARY:{escape_text(w('meeting_event', s.lang, title=s.title))}",
        f"DESCRIPTION:{escape_text(s.agenda_title)}",
        "END:VEVENT",
    ]


def render_ics(summary: Summary, stamp: datetime) -> str:
    """The calendar; `stamp` is the DTSTAMP of every event (when it was exported)."""
    at = _utc(stamp)
    events: list[str] = []
    for m in summary.all_measures:
        if m.deadline is not None:
            events += _measure_event(summary, m, at)
    if summary.next_meeting is not None:
        events += _meeting_event(summary, at)
    return calendar(PRODID, summary.title, events)
