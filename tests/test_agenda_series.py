"""`facilitator agenda series`: the year plan of the eight theme agendas on § 4-3."""

from __future__ import annotations

import calendar
import itertools
import re
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from dateutil.easter import easter
from hypothesis import example, given
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


# --- public holidays, Christmas and Easter ----------------------------------------

NORWAY = holidays.country_holidays("NO")


def closed(day: date) -> bool:
    """No session on this day: a public holiday, 24 December to 1 January, or Palm
    Sunday to Easter Monday (worked out here on its own, not by the code tested)."""
    sunday = easter(day.year)
    return (
        day in NORWAY
        or (day.month == 12 and day.day >= 24)
        or (day.month, day.day) == (1, 1)
        or sunday - timedelta(days=7) <= day <= sunday + timedelta(days=1)
    )


@given(
    start=st.dates(date(2000, 1, 1), date(2090, 12, 31)),
    count=st.integers(1, 12),
    unit=st.sampled_from(["w", "m"]),
)
@example(start=date(2026, 3, 23), count=1, unit="w")  # two weeks running into Easter
@example(start=date(2026, 12, 21), count=1, unit="w")  # Christmas and New Year
@example(start=date(2026, 1, 31), count=1, unit="m")
def test_sessions_move_off_holidays_and_keep_their_order(agendas, start, count, unit):
    every = Interval(count, unit)
    series = build_series(agendas, start, every)
    days = [s.day for s in series.sessions]
    assert all(a < b for a, b in itertools.pairwise(days))  # the order is kept
    for n, session in enumerate(series.sessions):
        planned = every.nth(start, n)
        assert not closed(session.day)
        if session.moved is None:
            assert session.day == planned
            continue
        assert session.moved.planned == planned < session.day
        assert session.day.weekday() < 5  # moved to a working day ...
        after = max(planned, days[n - 1] + timedelta(days=1)) if n else planned
        between = (after + timedelta(days=d) for d in range((session.day - after).days))
        assert all(d.weekday() >= 5 or closed(d) for d in between)  # ... the first one
        if session.moved.reason == "after_previous":
            assert not closed(planned) and planned <= days[n - 1]
        else:
            assert closed(planned)
        assert (session.moved.reason == "holiday") == (planned in NORWAY)
        assert (session.moved.holiday is not None) == (planned in NORWAY)


def test_a_session_on_christmas_day_moves_and_says_so(agendas):
    series = build_series(agendas, date(2025, 12, 25), Interval(1, "m"))
    first = series.sessions[0]
    assert first.day == date(2026, 1, 2)  # 26 December, the weekend, 29-31, 1 January
    nb = render_series_text(series, "nb", None, 6)
    en = render_series_text(series, "en", None, 6)
    assert "1. fredag 2. januar 2026, flyttet fra 25. desember 2025 (første juledag):" in nb
    assert "1. Friday 2 January 2026, moved from 25 December 2025 (Christmas Day):" in en
    assert "8 økter hver måned, fra 2. januar 2026 til 25. juli 2026." in nb
    # 25 May 2026 is Whit Monday
    assert "tirsdag 26. mai 2026, flyttet fra 25. mai (andre pinsedag):" in nb
    assert "Tuesday 26 May 2026, moved from 25 May (Pentecost Monday):" in en


def test_kristi_himmelfartsdag_keeps_its_capital(agendas):
    series = build_series(agendas, date(2026, 5, 14), Interval(6, "w"))
    nb = render_series_text(series, "nb", None, 6)
    assert "fredag 15. mai 2026, flyttet fra 14. mai (Kristi himmelfartsdag):" in nb


def test_easter_week_moves_two_weekly_sessions_in_order(agendas):
    series = build_series(agendas, date(2026, 3, 23), Interval(1, "w"))
    days = [s.day for s in series.sessions[:4]]
    assert days == [date(2026, 3, 23), date(2026, 4, 7), date(2026, 4, 8), date(2026, 4, 13)]
    en = render_series_text(series, "en", time(9, 0), 6)
    assert "2. Tuesday 7 April 2026 09:00–11:50, moved from 30 March (Easter week):" in en
    assert "3. Wednesday 8 April 2026 09:00–11:50, moved from 6 April (Easter Monday):" in en


def test_a_session_pushed_by_the_one_before_says_so(agendas):
    series = build_series(agendas, date(2026, 12, 28), Interval(1, "w"))
    assert [s.day for s in series.sessions[:3]] == [
        date(2027, 1, 4),
        date(2027, 1, 5),
        date(2027, 1, 11),
    ]
    nb = render_series_text(series, "nb", None, 6)
    en = render_series_text(series, "en", None, 6)
    assert "1. mandag 4. januar 2027, flyttet fra 28. desember 2026 (juleuka):" in nb
    assert "2. tirsdag 5. januar 2027, flyttet fra 4. januar (økta før ble flyttet):" in nb
    assert "1. Monday 4 January 2027, moved from 28 December 2026 (Christmas week):" in en
    assert "2. Tuesday 5 January 2027, moved from 4 January (the session before was" in en
    assert all(len(line) <= 80 for line in (nb + en).splitlines())


def test_the_calendar_puts_a_moved_session_on_its_new_day(agendas):
    series = build_series(agendas, date(2025, 12, 25), Interval(1, "m"))
    first = events(render_series_ics(series, "en", STAMP))[0]
    assert first["DTSTART;VALUE=DATE"] == "20260102"
    assert "Moved from 25 December 2025 (Christmas Day)." in unescape(first["DESCRIPTION"])
    nb = events(render_series_ics(series, "nb", STAMP))[0]
    assert "Flyttet fra 25. desember 2025 (første juledag)." in unescape(nb["DESCRIPTION"])
    # the event keeps the UID it had on its planned day
    assert first["UID"] == "tema-psykologisk-trygghet.series-20251225@facilitator"


def test_only_building_a_series_loads_the_holiday_tables(tmp_path):
    code = (
        "import sys\nfrom facilitator.cli import main\n"
        "import facilitator.agenda.series, facilitator.commands.agenda_series\n"
        f"main(['--workspace', {str(tmp_path)!r}, 'agenda', 'list'])\n"
        f"main(['--workspace', {str(tmp_path)!r}, 'agenda', 'show', 'tema-robusthet'])\n"
        "print('before', 'holidays' in sys.modules)\n"
        f"main(['--workspace', {str(tmp_path)!r}, 'agenda', 'series'])\n"
        "print('after', 'holidays' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "before False" in out.stdout
    assert "after True" in out.stdout


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
    # 31 March 2026 is in Easter week: the session moves to the Tuesday after it
    assert "tirsdag 7. april 2026 kl. 09:00–11:50, flyttet fra 31. mars (påskeuka)" in text
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
    # summer: UTC+2 (2 April is Maundy Thursday: the session moves past Easter)
    assert found[1]["DTSTART"] == "20260407T070000Z"
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
