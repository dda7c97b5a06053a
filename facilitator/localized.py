"""The types of the texts people read and type: plain texts with their limits, and
texts in both Norwegian bokmål and English (`LocalizedText`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from facilitator.i18n import _CONTROL, MAX_TEXT, NO_CONTROL, Lang, pick

Text = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT, pattern=NO_CONTROL)
]
ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=200, pattern=NO_CONTROL)
]
DraftText = Annotated[str, StringConstraints(max_length=MAX_TEXT, pattern=NO_CONTROL)]
"""A text as it is being typed (a draft): not stripped, so that a draft brought back
ends with the space typed last and the next word does not join the one before it.
What is saved as an item is a `Text`, stripped."""
RequiredShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=NO_CONTROL),
]


class LocalizedText(BaseModel):
    """A text in Norwegian bokmål and English; both are required."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nb: Annotated[Text, Field(min_length=1)]
    """Norwegian bokmål."""
    en: Annotated[Text, Field(min_length=1)]
    """English."""

    def get(self, lang: Lang) -> str:
        return pick(lang, nb=self.nb, en=self.en)


def rule_error(kind: str, nb: str, en: str) -> PydanticCustomError:
    """A validation error of our own, worded in both languages; the error
    printer picks the user's language from its context."""
    return PydanticCustomError(kind, "{en}", {"nb": nb, "en": en})


def as_typed(text: str, limit: int = MAX_TEXT) -> str:
    """A draft's text: without the control characters a text refuses, cut to `limit`,
    and otherwise exactly as typed (see `DraftText`)."""
    return _CONTROL.sub("", text)[:limit]
