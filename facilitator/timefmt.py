"""Durations and clock times as people read them."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, tzinfo

from facilitator.i18n import Lang, pick
from facilitator.i18n.words import document


def clock_text(seconds: float) -> str:
    """`8:05`, `1:02:09`, for the size of `seconds` whatever its sign.

    Time left rounds up (a countdown shows 0:01 until it is really zero); time
    past zero rounds down (overtime shows 0:00 during its first second)."""
    total = math.ceil(abs(seconds) - 1e-9) if seconds > 0 else int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def hhmm(moment: datetime) -> str:
    """Local wall-clock time, `09:05`."""
    return moment.astimezone().strftime("%H:%M")


def short_date(day: date | None, lang: Lang) -> str:
    """`15.04.2026` in bokmål, `2026-04-15` in English; empty for no date."""
    if day is None:
        return ""
    return pick(lang, nb=f"{day:%d.%m.%Y}", en=day.isoformat())


def long_date(day: date, lang: Lang, weekday: bool = False) -> str:
    """`2. mars 2026` / `2 March 2026`, optionally with the day of the week first.
    (Here, not with the documents, so that the agenda's series can write one without
    importing the documents.)"""
    month = document(f"month_{day.month}", lang)
    text = document("long_date", lang, day=day.day, month=month, year=day.year)
    return f"{document(f'weekday_{day.weekday()}', lang)} {text}" if weekday else text


_NORWEGIAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HHMM = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")


def parse_day(text: str) -> date:
    """A date as people type it: `15.11.2026` (as Norwegians write it, also
    `5.1.2026`) or `2026-11-15`. Raises ValueError for anything else, including
    dates that do not exist (`31.02.2026`)."""
    value = text.strip()
    m = _NORWEGIAN_DATE.fullmatch(value)
    if m:
        return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if _ISO_DATE.fullmatch(value):
        return date.fromisoformat(value)
    raise ValueError(f"not a date: {text!r}")


def moment_text(moment: datetime, zone: str, lang: Lang) -> str:
    """`20.04.2026 09:00` (`2026-04-20 09:00` in English) in the room's zone `zone`,
    as it is typed into a form."""
    from zoneinfo import ZoneInfo

    local = moment.astimezone(ZoneInfo(zone))
    return f"{short_date(local.date(), lang)} {local:%H:%M}"


def parse_moment(text: str, zone: tzinfo) -> datetime:
    """A day and a time as people type them, `20.04.2026 09:00` or `2026-04-20 09:00`,
    in the time zone `zone`. Raises ValueError for anything else."""
    day_text, _, time_text = text.strip().rpartition(" ")
    m = _HHMM.fullmatch(time_text.strip())
    if not day_text or not m:
        raise ValueError(f"not a day and a time: {text!r}")
    day = parse_day(day_text)
    hour, minute = int(m.group(1)), int(m.group(2))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def machine_zone(default: str = "Europe/Oslo") -> str:
    """The IANA name of this machine's time zone (`Europe/Oslo`), as tzlocal finds
    it on Linux, macOS and Windows (the `TZ` variable, /etc/localtime, the
    registry); `default` when it cannot be told."""
    from zoneinfo import ZoneInfo

    from tzlocal import get_localzone_name

    try:
        name = get_localzone_name()
        ZoneInfo(name or default)
    except Exception:  # any failure to tell the zone means: use the default
        return default
    return name or default
