"""Languages, and the rules for text people type.

The pydantic types for texts (`Text`, `LocalizedText`, …) are in
`facilitator.texts`: this module stays free of pydantic, so that what runs before
the first frame of the screen app (the command line, the start screen) does not
wait for it (tests/test_layers.py keeps it so)."""

from __future__ import annotations

import os
import re
from typing import Literal

Lang = Literal["nb", "en"]
LANGS: tuple[Lang, ...] = ("nb", "en")
DEFAULT_LANG: Lang = "nb"

# Texts are for people: no control characters other than line breaks and tabs,
# and a bound on length so a runaway paste cannot make a file unmanageable.
_CONTROL_RANGES = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
NO_CONTROL = rf"^[^{_CONTROL_RANGES}]*$"
"""A pattern for text with no control characters other than tab and line breaks."""
_CONTROL = re.compile(rf"[{_CONTROL_RANGES}]")
MAX_TEXT = 10_000


def clean_text(text: str, limit: int | None = None) -> str:
    """`text` without the control characters a `Text` refuses (a paste can bring
    them in unseen), stripped, and cut to `limit` characters if given."""
    cleaned = _CONTROL.sub("", text).strip()
    return cleaned[:limit] if limit is not None else cleaned


def resolve_lang(value: str | None = None) -> Lang:
    """The language asked for, else `FACILITATOR_LANG`, else bokmål."""
    for candidate in (value, os.environ.get("FACILITATOR_LANG")):
        if candidate:
            low = candidate.strip().lower()
            if low in ("en", "english"):
                return "en"
            if low in ("nb", "no", "nob", "norsk", "bokmål", "bokmal"):
                return "nb"
    return DEFAULT_LANG
