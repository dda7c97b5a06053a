"""`facilitator agenda series`: the year plan of the theme series, as text or ics."""

from __future__ import annotations

import textwrap
from datetime import date, datetime, time, timedelta
from pathlib import Path

from facilitator.agenda.coverage import short_refs
from facilitator.agenda.series import (
    Interval,
    Series,
    build_series,
    default_start,
    moved_words,
    series_agendas,
)
from facilitator.commands.agenda import parse_hhmm
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
from facilitator.law import FACTORS
from facilitator.timefmt import long_date, parse_day

WIDTH = 80
"""The plan is text for a terminal, an e-mail or a file: lines fit in 80 columns."""


def parse_start(value: str, lang: Lang) -> date:
    """`2026-09-07` or, as Norwegians write it, `07.09.2026`."""
    try:
        return parse_day(value)
    except ValueError:
        raise UserError(t("bad_series_date", lang, value=value)) from None


def parse_every(value: str, lang: Lang) -> Interval:
    try:
        return Interval.parse(value)
    except ValueError:
        raise UserError(t("bad_every", lang, value=value)) from None


def _every_words(every: Interval, lang: Lang) -> str:
    if every.unit == "w":
        return t("every_week", lang) if every.count == 1 else t("every_weeks", lang, n=every.count)
    return t("every_month", lang) if every.count == 1 else t("every_months", lang, n=every.count)


def render_series_text(series: Series, lang: Lang, at: time | None, participants: int) -> str:
    """The plan: a heading, one block a session (date, title, theme, § 4-3 and the
    agenda's id; a moved session says from when and why), and whether the series
    covers every factor paragraph."""
    first, last = series.sessions[0].day, series.sessions[-1].day
    lines = [
        t("series_title", lang),
        *textwrap.wrap(
            t(
                "series_span",
                lang,
                n=len(series.sessions),
                every=_every_words(series.every, lang),
                first=long_date(first, lang),
                last=long_date(last, lang),
            ),
            WIDTH,
        ),
    ]
    for session in series.sessions:
        agenda = session.agenda
        when = long_date(session.day, lang, weekday=True)
        if session.day.weekday() >= 5:
            when += f" ({t('weekend', lang)})"  # a month step can land on one
        if at is not None:
            end = datetime.combine(session.day, at) + timedelta(
                minutes=session.minutes(participants)
            )
            when += " " + t("series_clock", lang, start=f"{at:%H:%M}", end=f"{end:%H:%M}")
        if session.moved is not None:
            planned, why = moved_words(session.moved, session.day, lang)
            when += ", " + t("series_moved", lang, day=planned, why=why)
        block = [f"{when}: {agenda.title.get(lang)}"]
        if agenda.theme is not None:
            block.append(agenda.theme.get(lang))
        block.append(t("series_refs", lang, refs=short_refs(agenda.paragraphs), id=agenda.id))
        number = f"{session.number}."
        indent = " " * (len(number) + 1)
        lines.append("")
        for n, text in enumerate(block):
            lead = f"{number} " if n == 0 else indent
            lines += textwrap.wrap(text, WIDTH, initial_indent=lead, subsequent_indent=indent)
    missing = series.missing
    closing = (
        t("series_misses", lang, refs=short_refs(missing))
        if missing
        else t("series_covers_all", lang, refs=short_refs(FACTORS))
    )
    lines += ["", *textwrap.wrap(closing, WIDTH)]
    return "\n".join(lines) + "\n"


def agenda_series(
    workspace: Path,
    lang: Lang,
    start: str | None,
    every: str,
    at: str | None,
    participants: int,
    fmt: str,
    output: str | None,
    today: date | None = None,
) -> int:
    """Print or write the plan. The options are all checked before any agenda is
    read, so a mistake in them is reported as itself."""
    from facilitator.commands.agenda import check_participants

    interval = parse_every(every, lang)
    first = parse_start(start, lang) if start else default_start(today or date.today())
    clock = parse_hhmm(at, lang) if at else None
    check_participants(participants, lang)
    series = build_series(series_agendas(workspace, lang), first, interval)
    if fmt == "ics":
        from facilitator.agenda.series_ics import render_series_ics
        from facilitator.commands.export import export_time

        text = render_series_ics(series, lang, export_time(), clock, participants)
    else:
        text = render_series_text(series, lang, clock, participants)
    from facilitator.commands.export import write_output
    from facilitator.session.store import SessionStore

    write_output(text, output, lang, SessionStore(workspace, lang))
    return 0
