"""tomllib's syntax errors in words a person who edits a TOML file by hand can act
on, in bokmål and English: what is wrong and the usual cause. tomllib's own
words (English, about the parser) are kept for anything not listed here."""

from __future__ import annotations

import re

from facilitator.i18n import Lang, pick

_ESCAPE_HINT_NB = "skriv \\ som \\\\, eller bruk enkle anførselstegn: 'C:\\mappe'"
_ESCAPE_HINT_EN = "write \\ as \\\\, or use single quotes: 'C:\\folder'"

# (tomllib's message, bokmål, English); {0} is what the pattern's group matched.
_WORDS: list[tuple[str, str, str]] = [
    (
        r"Illegal character '\\n'|Unterminated string",
        'en tekst i anførselstegn slutter ikke på samme linje (mangler en "?); '
        'tekst over flere linjer skrives mellom """ og """',
        'a text in quotes does not end on the same line (is a " missing?); '
        'text over several lines goes between """ and """',
    ),
    (
        r"Illegal character (.*)",
        "et tegn som ikke er lov i tekst: {0}",
        "a character that is not allowed in text: {0}",
    ),
    (
        r"Invalid value",
        'ugyldig verdi; tekst må stå i anførselstegn, som title = "Innsjekk"',
        'not a valid value; text goes in quotes, like title = "Check-in"',
    ),
    (
        r"Expected '=' after a key in a key/value pair",
        "forventet = etter navnet på feltet: felt = verdi",
        "expected = after the name of the field: field = value",
    ),
    (
        r"Invalid statement",
        "linjen er ikke felt = verdi, [tabell] eller [[liste]]",
        "the line is not field = value, [table] or [[list]]",
    ),
    (
        r"Invalid initial character for a key part",
        "et feltnavn kan bare ha bokstavene a-z, sifre, - og _ "
        "(og en tabell { ... } må stå på én linje)",
        "a field name may only have the letters a-z, digits, - and _ "
        "(and a table { ... } must be on one line)",
    ),
    (
        r"Expected newline or end of document after a statement",
        "mer på linjen etter verdien; skriv ett felt = verdi per linje",
        "more on the line after the value; write one field = value per line",
    ),
    (
        r"Cannot overwrite a value|Cannot mutate immutable namespace.*",
        "feltet har alt fått en verdi lenger opp; hvert felt kan stå én gang",
        "the field already has a value further up; each field may appear once",
    ),
    (
        r"Cannot declare \((.*)\) twice",
        "tabellen [{0}] står to ganger; hver [tabell] kan stå én gang",
        "the table [{0}] appears twice; each [table] may appear once",
    ),
    (
        r"Duplicate inline table key (.*)",
        "feltet `{0}` står to ganger i de samme {{ }}",
        "the field `{0}` appears twice within the same {{ }}",
    ),
    (
        r"Unclosed array",
        "en liste [ ... ] er ikke lukket; mangler en ] eller et komma mellom verdiene?",
        "a list [ ... ] is not closed; is a ] or a comma between the values missing?",
    ),
    (
        r"Unclosed inline table",
        "en tabell { ... } er ikke lukket; den må stå på én linje, med komma mellom feltene",
        "a table { ... } is not closed; it must be on one line, with commas between fields",
    ),
    (
        r"Expected '\]' at the end of a table declaration",
        "mangler ] på slutten av [tabell]",
        "] is missing at the end of [table]",
    ),
    (
        r"Expected '\]\]' at the end of an array declaration",
        "mangler ]] på slutten av [[liste]]",
        "]] is missing at the end of [[list]]",
    ),
    (
        r"Unescaped '\\' in a string",
        "en \\ i tekst i doble anførselstegn; " + _ESCAPE_HINT_NB,
        "a \\ in text in double quotes; " + _ESCAPE_HINT_EN,
    ),
    (
        r"Invalid date or datetime",
        "ugyldig dato eller tidspunkt; skriv for eksempel 2026-03-02",
        "not a valid date or time; write for example 2026-03-02",
    ),
]


def explain_syntax(message: str, lang: Lang) -> str:
    """tomllib's `message` (its position already taken off) in the user's language."""
    for pattern, nb, en in _WORDS:
        match = re.fullmatch(pattern, message)
        if match:
            words = pick(lang, nb=nb, en=en)
            if not match.groups():
                return words
            # a key comes as a tuple's repr, ('steps', 'title'): say it as TOML does
            names = re.findall(r"'([^']*)'", match.group(1))
            return words.format(".".join(names) if names else match.group(1))
    return message[:1].lower() + message[1:]
