"""Gentle checks of free text: does a dilemma touch something where HR should be
involved, and does a note seem to name a person or mention health?

These are nudges, not gates: they look for words, so they miss things and
sometimes fire needlessly. The screen shows a hint and the user decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Stems in bokmål and English, matched at the start of a word.
_HR_STEMS = (
    # harassment, retaliation, bullying, whistleblowing
    "trakass",
    "sextrakass",
    "seksuell trakass",
    "gjengjeld",
    "represali",
    "mobb",
    "varsl",
    "utfrys",
    "harass",
    "retaliat",
    "bully",
    "bullie",
    "whistleblow",
    # conflict that affects capacity or several in the team
    "konflikt",
    "conflict",
    # work-related sick leave
    "sykefravær",
    "sykmeld",
    "sykemeld",
    "langtidssyk",
    "sick leave",
    "sick note",
    "sickness absence",
    # doubt about process or impartiality
    "habil",
    "inhabil",
    "impartial",
    "conflict of interest",
)
# A trailing space means the whole word ("syk " but not "sykkel").
_HEALTH_STEMS = (
    "syk ",
    "syke ",
    "sykd",
    "sykm",
    "sykem",
    "sykef",
    "diagnos",
    "depresj",
    "depress",
    "angst",
    "anxiety",
    "utbrent",
    "burnout",
    "burn-out",
    "medisin",
    "medicat",
    "gravid",
    "pregnan",
    "rusmid",
    "ruspåvirk",
    "alkohol",
    "alcohol",
    "psykisk",
    "mental health",
    "kreft",
    "cancer",
    "terapi",
    "therap",
    "sick",
    "illness",
    "ill ",
)
# Two capitalised words in a row look like a first and last name.
_CAPITALISED_PAIR = re.compile(r"\b[A-ZÆØÅ][a-zæøå]+\s+[A-ZÆØÅ][a-zæøå]+\b")


def _words(text: str) -> str:
    # words separated by single spaces, punctuation gone: " han er syk "
    return " " + re.sub(r"[^\w-]+", " ", text.lower()).strip() + " "


def _has_stem(text: str, stems: Iterable[str]) -> bool:
    words = _words(text)
    return any(f" {stem}" in words for stem in stems)


def suggests_hr(text: str) -> bool:
    """The text touches harassment, retaliation, conflict, work-related sick leave
    or impartiality: the situations where a leader should involve HR."""
    return _has_stem(text, _HR_STEMS)


def mentions_health(text: str) -> bool:
    return _has_stem(text, _HEALTH_STEMS)


def names_someone(text: str, known_names: Iterable[str] = ()) -> bool:
    """The text seems to name a person: a known name, or a capitalised first and
    last name inside a sentence."""
    lowered = _words(text)
    for name in known_names:
        first = name.strip().split(" ")[0].lower()
        if len(first) > 1 and re.search(rf"\b{re.escape(first)}\b", lowered):
            return True
    return bool(_CAPITALISED_PAIR.search(text))
