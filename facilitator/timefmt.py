"""Durations and clock times as people read them."""

from __future__ import annotations

import math
from datetime import date, datetime

from facilitator.i18n import Lang


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
    return day.isoformat() if lang == "en" else f"{day:%d.%m.%Y}"
