"""Languages, the words people read, and the rules for text people type.

Every word a person reads is in one of the catalogues of this package
(`cli_words`: the command line; `screen_words`: the screen app; `document_words`:
the documents), looked up through `facilitator.i18n.words`. What differs between
the languages other than words (a date's form, a table of values) is chosen with
`pick`, so that no other code compares languages itself.

The pydantic types for texts (`Text`, `LocalizedText`, …) are in
`facilitator.localized`: this package stays free of pydantic and loads its
catalogues only when a word is first asked for, so that what runs before the first
frame of the screen app (the command line, the start screen) does not wait for them
(tests/test_layers.py keeps it so)."""

from __future__ import annotations

import os
import re
from typing import Literal, TypeVar

Lang = Literal["nb", "en"]
LANGS: tuple[Lang, ...] = ("nb", "en")
DEFAULT_LANG: Lang = "nb"

_T = TypeVar("_T")


def pick(lang: Lang, *, nb: _T, en: _T) -> _T:
    """`nb` in Norwegian bokmål, `en` in English: the one place a language is
    compared, for values that are not words of a catalogue (a date's form, a table
    of a language's own)."""
    return en if lang == "en" else nb


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
