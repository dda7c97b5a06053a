"""The booked slot given as times of day (`facilitator run --start 09:00 --end
12:00`): instants on the session's date, in this machine's zone (the laptop is in
the room)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from facilitator.timesource import utc


def _local(day: date, at: time) -> datetime:
    # A naive time is read in the machine's zone, with that day's offset (summer
    # time or not).
    return utc(datetime.combine(day, at))


def booked_slot(
    day: date, start: time | None, end: time | None, now: datetime
) -> tuple[datetime | None, datetime | None]:
    """The booked start and end in UTC. An end that is not after the start (or,
    with no start given, not after `now`) is on the next day: a slot from 22:00 to
    01:00 ends after midnight."""
    begin = _local(day, start) if start is not None else None
    finish = _local(day, end) if end is not None else None
    if end is not None and finish is not None and finish <= (begin or now):
        finish = _local(day + timedelta(days=1), end)
    return begin, finish
