"""`facilitator agenda series`: the year plan of the eight theme agendas on § 4-3."""

from __future__ import annotations

import calendar
import itertools
import re
import textwrap
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.agenda.coverage import short_refs
from facilitator.agenda.registry import list_agendas
from facilitator.agenda.series import (
    SERIES,
    Interval,
    add_months,
    build_series,
    default_start,
    series_agendas,
)
from facilitator.agenda.series_ics import render_series_ics
from facilitator.commands.agenda_series import render_series_text
from facilitator.law import FACTORS

from cli_helpers import run_cli

START = date(2026, 8, 17)  # a Monday
STAMP = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def agendas():
    return series_agendas(None)


@pytest.fixture(scope="module")
def series(agendas):
    return build_series(agendas, START, Interval(6, "w"))


# --- what the series holds ---------------------------------------------------------


def test_the_series_is_every_shipped_theme_once(agendas):
    themed = {e.id for e in list_agendas(None) if e.agenda and e.agenda.theme is not None}
    assert [a.id for a in agendas] == list(SERIES)
    assert set(SERIES) == themed
    assert len(SERIES) == len(set(SERIES)) == 8


def test_the_series_starts_with_safety_and_trust_and_ends_with_robustness():
    assert SERIES[:2] == ("tema-psykologisk-trygghet", "tema-tillit-og-verdighet")
    assert SERIES[-1] == "tema-robusthet"


def test_the_series_covers_every_factor_paragraph_of_section_4_3(series):
    covered = {p for s in series.sessions for p in s.agenda.paragraphs}
    assert covered >= set(FACTORS)
    assert series.missing == []
    assert {str(p) for p in FACTORS} == {"1", "2a", "2b", "2c", "2d", "3", "4", "5", "6"}


def test_six_weeks_fit_the_eight_sessions_in_a_year(series):
    first, last = series.sessions[0].day, series.sessions[-1].day
    assert (last - first).days < 365
    assert all(s.day.weekday() == 0 for s in series.sessions)  # from a Monday, all Mondays


# --- intervals and dates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "interval"),
    [
        ("6w", Interval(6, "w")),
        ("4W", Interval(4, "w")),
        ("6u", Interval(6, "w")),
        (" 6 uker ", Interval(6, "w")),
        ("1 week", Interval(1, "w")),
        ("52w", Interval(52, "w")),
        ("1m", Interval(1, "m")),
        ("2 måneder", Interval(2, "m")),
        ("3 months", Interval(3, "m")),
        ("12m", Interval(12, "m")),
    ],
)
def test_intervals_are_read_in_weeks_or_months(text, interval):
    assert Interval.parse(text) == interval


@pytest.mark.parametrize("text", ["0w", "0m", "53w", "13m", "6", "w", "6d", "-6w", "6.5w", ""])
def test_other_intervals_are_refused(text):
    with pytest.raises(ValueError):
        Interval.parse(text)


@pytest.mark.parametrize("weeks", [1, 4, 6, 8])
def test_week_steps_are_exact(weeks):
    every = Interval(weeks, "w")
    days = [every.nth(START, n) for n in range(8)]
    assert all(b - a == timedelta(weeks=weeks) for a, b in itertools.pairwise(days))


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 1, 31), 2, date(2026, 3, 31)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
    ],
)
def test_month_steps_end_at_the_end_of_a_shorter_month(start, months, expected):
    assert add_months(start, months) == expected


def test_month_steps_do_not_drift_to_the_shortest_month():
    every = Interval(1, "m")
    days = [every.nth(date(2026, 1, 31), n) for n in range(4)]
    assert days == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]


@given(
    start=st.dates(date(1900, 1, 1), date(2200, 12, 31)),
    months=st.integers(1, 12),
    n=st.integers(0, 30),
)
def test_month_arithmetic(start, months, n):
    day = Interval(months, "m").nth(start, n)
    # the calendar month is exactly months * n later ...
    assert (day.year * 12 + day.month) - (start.year * 12 + start.month) == months * n
    # ... on the same day of the month, or the month's last when it has fewer days
    last = calendar.monthrange(day.year, day.month)[1]
    assert day.day == min(start.day, last)
    # and every session comes after the one before
    if n:
        assert day > Interval(months, "m").nth(start, n - 1)


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_the_default_start_is_the_first_monday_after_today(today):
    start = default_start(today)
    assert start.weekday() == 0
    assert 1 <= (start - today).days <= 7


# --- the plan as text --------------------------------------------------------------


def closing(text: str) -> str:
    """The plan's last paragraph, its lines joined."""
    return " ".join(text.strip().split("\n\n")[-1].split())


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_text_plan_lists_date_theme_agenda_and_paragraphs(series, lang):
    text = render_series_text(series, lang, None, 6)
    assert all(len(line) <= 80 for line in text.splitlines())
    for session in series.sessions:
        agenda = session.agenda
        assert agenda.id in text
        assert agenda.title.get(lang) in text
        assert agenda.theme is not None and agenda.theme.get(lang) in text
        assert f"§ 4-3 {short_refs(agenda.paragraphs)} · agenda {agenda.id}" in text
    assert text.index(SERIES[0]) < text.index(SERIES[1]) < text.index(SERIES[-1])
    if lang == "nb":
        assert "mandag 17. august 2026" in text
        assert (
            closing(text) == "Serien dekker alle faktorene som § 4-3 nevner: (1), (2) a–d, (3)–(6)."
        )
    else:
        assert "Monday 17 August 2026" in text
        assert (
            closing(text)
            == "The series covers every factor that § 4-3 names: (1), (2) a–d, (3)–(6)."
        )


def test_the_text_plan_gives_times_and_marks_weekends(agendas):
    series = build_series(agendas, date(2026, 1, 31), Interval(1, "m"))
    text = render_series_text(series, "nb", time(9, 0), 6)
    assert "lørdag 31. januar 2026 (helg) kl. 09:00–11:50: Psykologisk trygghet" in text
    assert "lørdag 28. februar 2026 (helg) kl. 09:00–11:50" in text
    assert "tirsdag 31. mars 2026 kl. 09:00–11:50" in text
    text_4 = render_series_text(series, "en", time(9, 0), 4)
    assert "Saturday 31 January 2026 (weekend) 09:00–11:20: Psychological safety" in text_4


EDITION = textwrap.dedent(
    """\
    id = "tema-arbeidsmengde"
    extends = "kollegaveiledning"
    title = { nb = "Vår arbeidsmengde; tid, press\\\\ og «pauser»", en = "Our workload; time" }
    theme = { nb = "Vårt tema", en = "Our theme" }
    paragraphs = ["1"]
    """
)
"""A workspace's own edition of one theme: it leaves out (2) c."""


def test_a_workspace_edition_of_a_theme_takes_its_place(tmp_path):
    (tmp_path / "agendas").mkdir()
    (tmp_path / "agendas" / "arbeidsmengde.toml").write_text(EDITION, encoding="utf-8")
    (tmp_path / "agendas" / "eget.toml").write_text(
        EDITION.replace('id = "tema-arbeidsmengde"', 'id = "eget-tema"'), encoding="utf-8"
    )
    agendas = series_agendas(tmp_path)
    assert [a.id for a in agendas] == list(SERIES)  # the workspace's other agenda is not added
    assert agendas[SERIES.index("tema-arbeidsmengde")].theme.nb == "Vårt tema"
    series = build_series(agendas, START, Interval(6, "w"))
    assert [str(p) for p in series.missing] == ["2c"]
    nb = closing(render_series_text(series, "nb", None, 6))
    en = closing(render_series_text(series, "en", None, 6))
    assert nb == "Serien dekker ikke (2) c i § 4-3, og dermed ikke alle faktorene loven nevner."
    assert (
        en
        == "The series leaves out (2) c of § 4-3, so it does not cover every factor the law names."
    )


# --- the plan as a calendar --------------------------------------------------------


def unfold(ics: str) -> list[str]:
    """The content lines of a calendar, continuation lines joined (RFC 5545 3.1)."""
    return ics.replace("\r\n ", "").split("\r\n")[:-1]


def events(ics: str) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for line in unfold(ics):
        if line == "BEGIN:VEVENT":
            found.append({})
        elif found and line != "END:VEVENT" and ":" in line:
            name, value = line.split(":", 1)
            found[-1][name] = value
    return found


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_calendar_is_valid_icalendar(series, lang):
    ics = render_series_ics(series, lang, STAMP)
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    raw_lines = ics.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in raw_lines)
    assert any(line.startswith(" ") for line in raw_lines)  # long descriptions are folded
    lines = unfold(ics)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
    assert any(line.startswith("PRODID:") for line in lines)
    found = events(ics)
    assert len(found) == len(series.sessions) == lines.count("END:VEVENT")
    for event, session in zip(found, series.sessions, strict=True):
        assert event["DTSTAMP"] == "20260601T120000Z"
        assert event["DTSTART;VALUE=DATE"] == f"{session.day:%Y%m%d}"
        assert event["DTEND;VALUE=DATE"] == f"{session.day + timedelta(days=1):%Y%m%d}"
        assert unescape(event["SUMMARY"]) == session.agenda.title.get(lang)
        description = unescape(event["DESCRIPTION"])
        assert session.agenda.theme.get(lang) in description
        assert session.agenda.id in description
        assert "§ 4-3" in description


def test_uids_are_unique_and_stable(agendas, series):
    first = render_series_ics(series, "nb", STAMP)
    again = render_series_ics(series, "nb", STAMP)
    later = render_series_ics(series, "nb", STAMP + timedelta(days=3))
    assert first == again
    uids = [e["UID"] for e in events(first)]
    assert len(set(uids)) == len(uids)
    assert [e["UID"] for e in events(later)] == uids
    # another interval moves the same events; another start is another series
    monthly = build_series(agendas, START, Interval(2, "m"))
    assert [e["UID"] for e in events(render_series_ics(monthly, "nb", STAMP))] == uids
    moved = build_series(agendas, START + timedelta(days=7), Interval(6, "w"))
    assert not set(uids) & {e["UID"] for e in events(render_series_ics(moved, "nb", STAMP))}


def test_timed_events_are_local_time_in_utc_across_summer_time(agendas):
    series = build_series(agendas, date(2026, 3, 2), Interval(1, "m"))
    oslo = ZoneInfo("Europe/Oslo")
    found = events(render_series_ics(series, "nb", STAMP, time(9, 0), 6, oslo))
    assert found[0]["DTSTART"] == "20260302T080000Z"  # winter: UTC+1
    assert found[0]["DTEND"] == "20260302T105000Z"  # 170 minutes with six
    assert found[1]["DTSTART"] == "20260402T070000Z"  # summer: UTC+2
    four = events(render_series_ics(series, "nb", STAMP, time(9, 0), 4, oslo))
    assert four[0]["DTEND"] == "20260302T102000Z"  # 140 minutes with four


def test_texts_are_escaped(tmp_path):
    (tmp_path / "agendas").mkdir()
    (tmp_path / "agendas" / "arbeidsmengde.toml").write_text(EDITION, encoding="utf-8")
    series = build_series(series_agendas(tmp_path), START, Interval(6, "w"))
    ics = render_series_ics(series, "nb", STAMP)
    summary = next(e["SUMMARY"] for e in events(ics) if "Vår" in e["SUMMARY"])
    assert summary == "Vår arbeidsmengde\\; tid\\, press\\\\ og «pauser»"
    assert unescape(summary) == "Vår arbeidsmengde; tid, press\\ og «pauser»"


# --- on the command line -----------------------------------------------------------


def test_the_command_prints_the_plan(capsys, workspace):
    result = run_cli(
        capsys, "--workspace", str(workspace), "agenda", "series", "--start", "17.08.2026"
    )
    assert result.code == 0, result.err
    assert result.out.startswith("Temaserie om psykososialt arbeidsmiljø")
    assert "1. mandag 17. august 2026: Psykologisk trygghet" in result.out
    assert "8. mandag 7. juni 2027: Robusthet i krevende perioder" in result.out


def test_the_command_writes_a_calendar_file(capsys, workspace, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772539200")
    target = workspace / "temaserie.ics"
    args = ("--workspace", str(workspace), "agenda", "series", "--start", "2026-08-17")
    result = run_cli(capsys, *args, "--format", "ics", "-o", str(target), "--lang", "en")
    assert result.code == 0, result.err
    assert str(target) in result.out
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"DTSTAMP:20260303T120000Z\r\n" in data
    run_cli(capsys, *args, "--format", "ics", "-o", str(target), "--lang", "en")
    assert target.read_bytes() == data  # the same plan, the same bytes


@pytest.mark.parametrize(
    "args",
    [
        ("--every", "0w"),
        ("--every", "53w"),
        ("--every", "13m"),
        ("--every", "often"),
        ("--start", "2026-02-30"),
        ("--start", "31.02.2026"),
        ("--start", "next monday"),
        ("--time", "25:00"),
        ("--participants", "0"),
        ("--format", "pdf"),
    ],
)
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_mistakes_are_one_line_and_exit_2(capsys, workspace, args, lang):
    result = run_cli(
        capsys, "--workspace", str(workspace), "--lang", lang, "agenda", "series", *args
    )
    assert result.code == 2
    assert len(result.err_lines) == 1, result.err
    assert result.out == ""
    assert args[1] in result.err_lines[0] or args[0] == "--participants"
