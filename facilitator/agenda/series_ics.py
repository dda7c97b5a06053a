"""The theme series as an iCalendar file (RFC 5545), to import into a calendar.

One event per session: all day, or at a time of day in local time written in UTC,
so any calendar shows it at the right hour whatever the season. The UID comes
from the series' start date and the agenda's id, so importing the plan again
(with another interval, say) moves the same events instead of adding copies,
while a series started on another date is a series of its own.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo

from facilitator.agenda.series import Series, SeriesSession, moved_words
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
from facilitator.ics import calendar, escape_text
from facilitator.law import label

PRODID = "-//facilitator//theme series//EN"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(series: Series, session: SeriesSession, lang: Lang) -> str:
    agenda = session.agenda
    lines = [agenda.theme.get(lang)] if agenda.theme is not None else []
    lines += [label(p, lang) for p in agenda.paragraphs]
    if session.moved is not None:
        planned, why = moved_words(session.moved, session.day, lang)
        lines.append(t("series_moved_event", lang, day=planned, why=why))
    lines.append(t("series_event_number", lang, n=session.number, total=len(series.sessions)))
    lines.append(t("series_event_agenda", lang, id=agenda.id))
    return "\n".join(lines)


def _when(session: SeriesSession, at: time | None, minutes: int, tz: tzinfo | None) -> list[str]:
    if at is None:
        end = session.day + timedelta(days=1)
        return [f"DTSTART;VALUE=DATE:{session.day:%Y%m%d}", f"DTEND;VALUE=DATE:{end:%Y%m%d}"]
    # A naive time made aware: in `tz`, or else in the machine's own zone, with the
    # offset of that very date (summer time or not).
    naive = datetime.combine(session.day, at)
    start = naive.replace(tzinfo=tz) if tz is not None else naive.astimezone()
    return [f"DTSTART:{_utc(start)}", f"DTEND:{_utc(start + timedelta(minutes=minutes))}"]


def render_series_ics(
    series: Series,
    lang: Lang,
    stamp: datetime,
    at: time | None = None,
    participants: int = 6,
    tz: tzinfo | None = None,
) -> str:
    """The calendar; `stamp` is every event's DTSTAMP (when the plan was made), `at`
    the time of day the sessions start (all-day events without it), `participants`
    how many the length of a timed session is planned for."""
    events: list[str] = []
    for session in series.sessions:
        minutes = session.minutes(participants)
        events += [
            "BEGIN:VEVENT",
            f"UID:{session.agenda.id}.series-{series.start:%Y%m%d}@facilitator",
            f"DTSTAMP:{_utc(stamp)}",
            *_when(session, at, minutes, tz),
            f"SUMMARY:{escape_text(session.agenda.title.get(lang))}",
            f"DESCRIPTION:{escape_text(_description(series, session, lang))}",
            "END:VEVENT",
        ]
    return calendar(PRODID, t("series_calendar_name", lang), events)
