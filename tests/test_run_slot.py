"""`facilitator run --participants ... --start HH:MM --end HH:MM`: the booked slot,
so the run screen can say where the group stands against it (issue 12)."""

from __future__ import annotations

import time as systime
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import pytest

from facilitator.cli import main
from facilitator.commands import tui
from facilitator.slot import booked_slot
from facilitator.timesource import FakeClock

from tui_helpers import make_app, run_screen, saved, widget_text

DAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # the conftest pins TZ=UTC


def utc(hour: int, minute: int = 0, day: int = 2, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


# --- the slot from times of day ----------------------------------------------------


def test_a_slot_on_the_sessions_date() -> None:
    assert booked_slot(DAY, time(9), time(12), NOW) == (utc(9), utc(12))


def test_an_end_before_the_start_is_the_next_day() -> None:
    assert booked_slot(DAY, time(22), time(1), NOW) == (utc(22), utc(1, day=3))
    # the same time: a whole day, as `agenda show` and the setup screen take it
    assert booked_slot(DAY, time(9), time(9), NOW) == (utc(9), utc(9, day=3))


def test_an_end_alone_is_measured_from_now() -> None:
    assert booked_slot(DAY, None, time(11, 30), NOW) == (None, utc(11, 30))
    assert booked_slot(DAY, None, time(7, 30), NOW) == (None, utc(7, 30, day=3))
    assert booked_slot(DAY, time(7, 30), None, NOW) == (utc(7, 30), None)


@pytest.fixture
def oslo(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/Oslo")
    systime.tzset()
    yield
    monkeypatch.undo()
    systime.tzset()


def test_times_are_in_the_machines_zone_with_that_days_offset(oslo: None) -> None:
    # winter: UTC+1; summer: UTC+2, also for an end carried over to the next day
    assert booked_slot(DAY, time(9), time(12), NOW) == (utc(8), utc(11))
    summer = date(2026, 6, 1)
    assert booked_slot(summer, time(9), time(12), NOW) == (
        utc(7, month=6, day=1),
        utc(10, month=6, day=1),
    )
    # the night the clocks go forward (29 March 2026): 22:00 +01 to 06:00 +02
    assert booked_slot(date(2026, 3, 28), time(22), time(6), NOW) == (
        utc(21, day=28),
        utc(4, day=29),
    )


# --- the command line ----------------------------------------------------------------


def launched(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What `run` would open the screen with, without opening it."""
    seen: dict[str, Any] = {}

    def fake_run(workspace: Path, lang: str, **launch: Any) -> int:
        seen.update(launch)
        return 0

    monkeypatch.setattr(tui, "_run", fake_run)
    return seen


def test_run_passes_the_times_on(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = launched(monkeypatch)
    args = ["--workspace", str(workspace), "run", "--participants", "Kari,Ola"]
    assert main([*args, "--start", "9.00", "--end", "12:00"]) == 0
    assert (seen["booked_start"], seen["booked_end"]) == (time(9), time(12))
    assert main(args) == 0
    assert (seen["booked_start"], seen["booked_end"]) == (None, None)


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--start", "25:00"], "--start: forventet et klokkeslett som 09:00, fikk «25:00»"),
        (["--end", "noon"], "--end: forventet et klokkeslett som 09:00, fikk «noon»"),
        (["--start", "9"], "--start: forventet et klokkeslett"),
    ],
)
def test_a_bad_time_is_one_line_and_exit_2(
    workspace: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    words: str,
) -> None:
    seen = launched(monkeypatch)
    args = ["--workspace", str(workspace), "run", "--participants", "Kari,Ola", *extra]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err
    assert seen == {}  # the screen never opened


def test_a_slot_without_participants_is_refused(
    workspace: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = launched(monkeypatch)
    assert main(["--workspace", str(workspace), "--lang", "en", "run", "--end", "12:00"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--start and --end only apply with --participants" in err
    assert seen == {}


def test_the_options_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = capsys.readouterr().out
    assert "--start HH:MM" in out and "--end HH:MM" in out


# --- the run screen ---------------------------------------------------------------------


async def test_the_run_screen_shows_the_slot(workspace: Path, clock: FakeClock) -> None:
    # four people: 140 minutes from 08:00, so 40 to spare before 11:00
    app = make_app(workspace, clock, booked_start=time(8), booked_end=time(11))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        run_screen(app)
        plan = widget_text(app, "#plan")
        assert "40 min til overs før 11:00" in plan
        assert "i rute" in plan
        session = await saved(app, pilot)
        assert (session.booked_start, session.booked_end) == (utc(8), utc(11))


async def test_a_late_start_shows_behind_plan(workspace: Path, clock: FakeClock) -> None:
    app = make_app(workspace, clock, booked_start=time(7, 50), booked_end=time(10, 0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        plan = widget_text(app, "#plan")
        assert "10 min bak planen" in plan
        assert "20 min over avsatt tid (10:00)" in plan


async def test_an_evening_slot_ends_the_next_day(workspace: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 21, 55, tzinfo=UTC))
    app = make_app(workspace, clock, booked_start=time(22), booked_end=time(1))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        session = await saved(app, pilot)
        assert (session.booked_start, session.booked_end) == (utc(22), utc(1, day=3))
        plan = widget_text(app, "#plan")
        assert "45 min til overs før 01:00" in plan and "5 min foran planen" in plan
