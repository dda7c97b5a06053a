"""Gentle checks of free text: does a dilemma touch something where HR should be
involved, and does a note seem to name a person or mention health?

These are nudges, not gates: they look for words, so they miss things and
sometimes fire needlessly. The screen shows a hint and the user decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Stems in bokmål and English, matched at the start of a word; a trailing space
# means the whole word. Matching a stem cannot see negation ("ingen mobbing") or
# tell "konfliktfri" from "konflikt": those fire too, which is fine for a nudge.
_HR_STEMS = (
    # harassment, retaliation, bullying, whistleblowing
    "trakass",
    "sextrakass",
    "seksuell trakass",
    "gjengjeldelse",  # not "gjengjeld": "til gjengjeld" is everyday "in return"
    "represali",
    "mobb",
    "varsl",
    "utfrys",
    "harass",
    "retaliat",
    "bully",
    "bullie",
    "whistleblow",
    "whistle-blow",
    # conflict that affects capacity or several in the team
    "konflikt",
    "conflict",
    # work-related sick leave
    "sykefravær",
    "sykmeld",
    "sykemeld",
    "langtidssyk",
    "sick leave",
    "sick-leave",
    "sick note",
    "sickness absence",
    # doubt about process or impartiality
    # not "habil" alone: "habilitering" is a municipal service for disabled people
    "habil ",
    "habile ",
    "habilitet",
    "inhabil",
    "partisk",
    "upartisk",
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
# Norwegian first names that are also everyday words.
_NAMES_THAT_ARE_WORDS = frozenset(
    {
        "per",
        "dag",
        "liv",
        "hans",
        "bo",
        "vår",
        "sol",
        "tone",
        "siv",
        "ask",
        "gro",
        "frank",
        "rune",
        "mai",
        "tor",
        "eli",
        "kim",
        "bjørn",
        "ulf",
        "elv",
        "storm",
        "vidar",
    }
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
    for name in known_names:
        for part in name.split():
            if len(part) < 2:
                continue
            # A name that is also a common word ("Per", "Dag", "Liv") counts only
            # when capitalised; others are found however they were typed.
            flags = 0 if part.lower() in _NAMES_THAT_ARE_WORDS else re.IGNORECASE
            if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, flags):
                return True
    return bool(_CAPITALISED_PAIR.search(text))


# Capitalised words that are not people: institutions and terms a leader group
# writes every day. Only a nudge: a name missing here is caught by the pair rule
# or not at all, and a word missing here is flagged needlessly, never hidden.
_NOT_NAMES = frozenset(
    {
        "amu", "hms", "bht", "nav", "hr", "arbeidstilsynet", "teams", "excel", "outlook",
        "kommunen", "norge", "norway", "i", "the", "and", "we", "vi", "jeg",
    }
)  # fmt: skip
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n–—-]\s*|[«\"(]\s*)$")


def looks_like_a_name(text: str, allowed: Iterable[str] = ()) -> bool:
    """The text seems to name someone: two capitalised words in a row, or a
    capitalised word inside a sentence (Norwegian capitalises little else), other
    than the words of `allowed` (names the text may hold: an owner) and common
    institutions (`AMU`, `NAV`, `Arbeidstilsynet`)."""
    skip = {part.casefold() for name in allowed for part in name.split()} | _NOT_NAMES
    for m in _CAPITALISED_PAIR.finditer(text):
        if any(word.casefold() not in skip for word in m.group(0).split()):
            return True
    for m in re.finditer(r"\b[A-ZÆØÅ][a-zæøåéü]+\b", text):
        if _SENTENCE_START.search(text[: m.start()]):
            continue
        if m.group(0).casefold() not in skip:
            return True
    return False
