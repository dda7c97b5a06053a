"""Durations and clock times as people read them."""

from __future__ import annotations

import math
from datetime import datetime


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
