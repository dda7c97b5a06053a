"""Languages and texts that exist in both Norwegian bokmål and English."""

from __future__ import annotations

import os
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

Lang = Literal["nb", "en"]
LANGS: tuple[Lang, ...] = ("nb", "en")
DEFAULT_LANG: Lang = "nb"

# Texts are for people: no control characters other than line breaks and tabs,
# and a bound on length so a runaway paste cannot make a file unmanageable.
_CONTROL_RANGES = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_NO_CONTROL = rf"^[^{_CONTROL_RANGES}]*$"
_CONTROL = re.compile(rf"[{_CONTROL_RANGES}]")
MAX_TEXT = 10_000


def clean_text(text: str, limit: int | None = None) -> str:
    """`text` without the control characters a `Text` refuses (a paste can bring
    them in unseen), stripped, and cut to `limit` characters if given."""
    cleaned = _CONTROL.sub("", text).strip()
    return cleaned[:limit] if limit is not None else cleaned


Text = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT, pattern=_NO_CONTROL)
]
ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=200, pattern=_NO_CONTROL)
]
RequiredShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=_NO_CONTROL),
]


class LocalizedText(BaseModel):
    """A text in Norwegian bokmål and English; both are required."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nb: Annotated[Text, Field(min_length=1)]
    """Norwegian bokmål."""
    en: Annotated[Text, Field(min_length=1)]
    """English."""

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nb


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


def rule_error(kind: str, nb: str, en: str) -> PydanticCustomError:
    """A validation error of our own, worded in both languages; the error
    printer picks the user's language from its context."""
    return PydanticCustomError(kind, "{en}", {"nb": nb, "en": en})
