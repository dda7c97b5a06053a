"""Which unit (enhet/tjeneste) a session belongs to, as people type it.

The unit ties a session to the measures of the earlier sessions it follows up, and
it is typed by hand each time: "Helse Øst", "helse øst", "Helse-Øst" and
"HELSE ØST." are the same unit. A spelling that differs only in case, spaces or
punctuation must not quietly cut a group off from its own measures."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def unit_key(text: str) -> str:
    """What two spellings of one unit have in common: letters and digits only,
    case folded (NFKC first, so a composed and a decomposed "Ø" are one letter).
    A blank unit, or one of punctuation only, gives "" (a group that gives no unit
    follows up its own sessions with none)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def known_units(units: Iterable[str]) -> list[str]:
    """The units given, one spelling for each (the first one met, so a caller that
    passes the newest first offers the newest spelling), blanks left out, in order."""
    seen: dict[str, str] = {}
    for unit in units:
        key = unit_key(unit)
        if key and key not in seen:
            seen[key] = unit.strip()
    return list(seen.values())
