"""Taking participants' names out of texts that leave the group.

A management summary carries no participant names unless the session allows
them. The group is nudged when it types a name, but a shared risk may still say
"Kari har for mye" or a measure's owner may be "Kari Nordmann": such names are
replaced by a neutral word before the text goes anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Same rule as the nudges (facilitator.textcheck): a first name that is also an
# everyday word counts only when written with a capital letter.
from facilitator.textcheck import _NAMES_THAT_ARE_WORDS

# Scripts written without spaces between words: a name there is found inside the
# running text, not only as a word of its own.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"  # Thai, Lao, Myanmar, Khmer
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"  # kana, CJK
)

# What may follow a name and still be the name: the genitive (Karis, Kari's, Kari’s).
_ENDING = r"(?=(?:s|['\u2019]s?)?(?!\w))"


class Redactor:
    """Replaces any of `names` (or any part of them of two letters or more) with
    `replacement`, as whole words or with a genitive ending ("Karis team" becomes
    "[deltaker]s team"), however the letters were typed: "Mário" may be one code
    point for the "á" (NFC, as most keyboards give it) or two (NFD, as some systems
    and pasted text give it), in the name and in the text alike. In scripts written
    without spaces (Chinese, Japanese, Thai) a name is found inside running text."""

    def __init__(self, names: Iterable[str], replacement: str) -> None:
        self.replacement = replacement
        parts = {
            shape
            for name in names
            for part in [" ".join(name.split()), *name.split()]
            for shape in (unicodedata.normalize("NFC", part), unicodedata.normalize("NFD", part))
            if len(unicodedata.normalize("NFC", part)) >= 2
        }
        # One pass, longest first, so "Kari Nordmann" goes as one and a replacement
        # is never looked at again.
        alternatives = [_alternative(p) for p in sorted(parts, key=lambda s: (-len(s), s))]
        self._pattern = re.compile("|".join(alternatives)) if alternatives else None

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda _: self.replacement, text)


def _alternative(part: str) -> str:
    name = re.escape(part)
    if part.lower() not in _NAMES_THAT_ARE_WORDS:
        name = f"(?i:{name})"
    if all(_UNSPACED.match(c) or c.isspace() for c in part):
        return name
    return rf"(?<!\w){name}{_ENDING}"
