"""Guessing what was meant: the nearest known word to a misspelt one, and an id
made from a name. Used where a message can say "did you mean ...?"."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

# Norwegian words people write for a field of an agenda file, and the field they
# mean: difflib alone would never get from `spørsmål` to `questions`.
_NORWEGIAN_KEYS = {
    "tittel": "title",
    "navn": "title",
    "beskrivelse": "description",
    "tema": "theme",
    "minutter": "minutes",
    "min": "minutes",
    "spørsmål": "questions",
    "sporsmal": "questions",
    "faser": "phases",
    "fase": "phases",
    "steg": "steps",
    "ledd": "paragraphs",
    "paragrafer": "paragraphs",
    "formål": "purpose",
    "hensikt": "purpose",
    "innhold": "content",
    "prosess": "process",
    "type": "kind",
    "regel": "rule",
    "fanger": "captures",
    "før": "before",
    "etter": "after",
    "fjern": "remove",
    "utvider": "extends",
    "bygger_på": "extends",
    "gruppestørrelse": "group_size",
}


def did_you_mean(word: str, options: Iterable[str]) -> str | None:
    """The option `word` most likely stands for, or None when none is close."""
    choices = list(dict.fromkeys(options))
    low = word.strip().lower()
    alias = _NORWEGIAN_KEYS.get(low)
    if alias in choices:
        return alias
    by_lower = {c.lower(): c for c in choices}
    if low in by_lower and by_lower[low] != word:
        return by_lower[low]
    close = difflib.get_close_matches(low, list(by_lower), n=1, cutoff=0.6)
    return by_lower[close[0]] if close and by_lower[close[0]] != word else None


_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


def slug_from(name: str) -> str:
    """An agenda or step id made from a name: `Vår agenda.toml` -> `var-agenda`."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9_-]+", "-", text).strip("-_")
    return slug[:64].rstrip("-_") or "agenda"
