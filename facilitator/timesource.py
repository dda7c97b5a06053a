"""Where "now" comes from. Everything that reads time takes a `Clock`, so tests
can drive hours of a workshop in microseconds with `FakeClock`.

The system's wall clock can be stepped while the app runs: network time often
corrects it right after the laptop joins the room's Wi-Fi, by seconds or by an
hour. A countdown read from it would jump by the step, or freeze after a step
back. So within one process `SystemClock` reads the wall clock once, when it is
made, and from then on adds the time passed on a clock that is never stepped.
What is stored stays wall-clock UTC (monotonic values mean nothing to another
process): a process started after a crash takes a new reading of the wall
clock, which by then is the corrected one.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current wall-clock time, timezone-aware UTC."""
        ...


class TimeSource(Protocol):
    """The machine's two clocks."""

    def wall(self) -> datetime:
        """The wall clock, timezone-aware UTC; it may be stepped either way."""
        ...

    def monotonic(self) -> float:
        """Seconds from some fixed point; never stepped."""
        ...


def _elapsed_seconds() -> float:
    # A clock that goes on counting while the laptop sleeps (its lid closed): the
    # room's time went on. Linux's CLOCK_MONOTONIC stops during suspend, its
    # CLOCK_BOOTTIME does not; on macOS it is CLOCK_MONOTONIC that goes on (Python's
    # `monotonic()` there stops). Elsewhere, Python's own.
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


class MachineTime:
    """This machine's wall clock and its never-stepped clock."""

    def wall(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return _elapsed_seconds()


class SystemClock:
    """The wall clock as it was when this clock was made, carried on by a clock
    that is never stepped: a correction of the system clock while the app runs
    does not move a running timer."""

    def __init__(self, source: TimeSource | None = None) -> None:
        self._source = source or MachineTime()
        self._wall = self._source.wall()
        self._since = self._source.monotonic()

    def now(self) -> datetime:
        return self._wall + timedelta(seconds=self._source.monotonic() - self._since)


class FakeClock:
    """A clock that only moves when told to.

    It is also a `TimeSource` for a `SystemClock` in tests: `advance` moves both
    the wall clock and the never-stepped one (real time passing), `step_wall` only
    the wall clock (a correction of the system clock)."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
        self._origin = self._now
        self._wall_offset = timedelta(0)

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float = 0, *, minutes: float = 0) -> datetime:
        self._now += timedelta(seconds=seconds, minutes=minutes)
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when

    def step_wall(self, seconds: float = 0, *, minutes: float = 0, hours: float = 0) -> datetime:
        """Step the system's wall clock (as network time does) without time passing."""
        self._wall_offset += timedelta(seconds=seconds, minutes=minutes, hours=hours)
        return self.wall()

    def wall(self) -> datetime:
        return self._now + self._wall_offset

    def monotonic(self) -> float:
        return (self._now - self._origin).total_seconds()


def utc(value: datetime) -> datetime:
    """The same instant in UTC; a naive time is taken to be local time."""
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(UTC)
