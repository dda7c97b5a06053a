"""The types of the texts people read and type: plain texts with their limits, and
texts in both Norwegian bokmål and English (`LocalizedText`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from facilitator.i18n import MAX_TEXT, NO_CONTROL, Lang

Text = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT, pattern=NO_CONTROL)
]
ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=200, pattern=NO_CONTROL)
]
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
        return self.en if lang == "en" else self.nb


def rule_error(kind: str, nb: str, en: str) -> PydanticCustomError:
    """A validation error of our own, worded in both languages; the error
    printer picks the user's language from its context."""
    return PydanticCustomError(kind, "{en}", {"nb": nb, "en": en})
