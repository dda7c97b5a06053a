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


class Redactor:
    """Replaces any of `names` (or any part of them of two letters or more) with
    `replacement`, as whole words, however the letters were typed: "Mário" may be
    one code point for the "á" (NFC, as most keyboards give it) or two (NFD, as
    some systems and pasted text give it), in the name and in the text alike."""

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
        alternatives = [
            re.escape(p) if p.lower() in _NAMES_THAT_ARE_WORDS else f"(?i:{re.escape(p)})"
            for p in sorted(parts, key=lambda s: (-len(s), s))
        ]
        self._pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
            if alternatives
            else None
        )

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda _: self.replacement, text)
