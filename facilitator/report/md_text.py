"""Putting people's text into Markdown so that it stays text.

Whatever someone typed (a `|` that would split a table cell, a backtick, a line
starting with `#`, `-` or `1.`, an `<img>` tag, `[link](...)`) must come out as
the characters they typed, in any CommonMark or GitHub-flavoured renderer (Teams,
GitHub, most mail clients' Markdown). Every ASCII punctuation character may be
escaped with a backslash in CommonMark, so escaping too much is harmless; too
little is not.

One exception: a web or mail address (`https://…`, `http://…`, `www.…`,
`mailto:…`) is left as typed, so that GitHub's renderer (and any other with GFM's
autolinks) makes it a working link: a backslash inside it would end up in the
link. Only an address that starts where GFM starts one (at the start of a word,
or after one of `(*_~`) and holds nothing with a meaning in Markdown or a table
(no `|`, `<`, `>`, `` ` ``, `*`, `[`, `]`, `\\`, `$`, `"`, `^`, braces, spaces
or invisible characters) up to the next space is left alone; anything else is
escaped as before. A renderer without autolinks (plain CommonMark) shows such an
address as text, where an `_` in it could still pair up as emphasis: the price
of working links on GitHub.
"""

from __future__ import annotations

import re
import unicodedata

# Characters with a meaning inline (emphasis, code, links, HTML, tables, strike-
# through, GitHub math and entities); `#` too, since escaping it inline is free.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&$#!])")
# What makes a line a list item, a heading underline, a rule or a numbered item.
_LINE_START = re.compile(r"^([-+=]|\d+[.)])")


# An address GFM makes a link of ("extended autolinks"): at the start of a word or
# after one of `(*_~`, a scheme (or www.), a domain with a dot, then anything up
# to a space.
_URL_START = re.compile(r"(?:(?<=^)|(?<=[(*_~]))(?:https?://|www\.|mailto:)")
_DOMAIN = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+")
_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+")
# Characters an address may not hold to be left as typed: markup, a table's `|`, a
# quote or brace that would end it in some renderers, and what GFM's trailing
# trim below would leave a backslash in front of.
_NOT_IN_URL = frozenset('|<>`*[]\\$"{}^')
# What GFM leaves out at the end of an address (and shows as text after it).
_TRAILING = frozenset("?!.,:_~'")
# Where a renderer starts an autolink: defused in text that is escaped.
_AUTOLINK = re.compile(r"(?i)(?<=www)\.|(?<=mailto):|:(?=//)")
# Words: what lies between ASCII spaces and tabs (GFM ends an address only there).
_WORDS = re.compile(r"([ \t]+)")


def _line(text: str, starts: bool = True) -> str:
    """One line, escaped; leading spaces go, so it can never become a code block.
    With `starts`, what would make the line a list item or a rule is escaped too
    (not needed in a table cell, where `15.04.2026` should stay as it is)."""
    text = "".join(_word(part) for part in _WORDS.split(text.strip()))
    return _LINE_START.sub(lambda m: _escape_start(m.group(1)), text) if starts else text


def _escape(text: str) -> str:
    """Markup escaped, and anything a renderer could take for the start of an address
    defused (`https\\://`, `www\\.`, `mailto\\:`), so that an address that cannot be
    left as typed shows as the text typed instead of a link with backslashes in it."""
    return _AUTOLINK.sub(r"\\\g<0>", _INLINE.sub(r"\\\1", text))


def _word(word: str) -> str:
    """A word escaped, but for a web or mail address in it (see the module's text)."""
    found = _URL_START.search(word)
    url = _address(word[found.start() :]) if found else None
    if found is None or url is None:
        return _escape(word)
    before, after = word[: found.start()], word[found.start() + len(url) :]
    # What GFM leaves out at the end of a web address (`.`, `)`, …) stays as typed:
    # a backslash there would be taken into the link.
    if not url.startswith("mailto:"):
        return _escape(before) + url + after
    return _escape(before) + url + _escape(after)


def _address(rest: str) -> str | None:
    """The address at the start of `rest` (a word: it runs to the next space) as GFM
    links it, when it can be left as typed; None when it must be escaped."""
    if rest.startswith("mailto:"):
        # GFM links the address itself; what follows it is text
        email = _EMAIL.match(rest, len("mailto:"))
        if email is None or not email.group()[-1].isalnum():
            return None
        return "mailto:" + email.group()
    if not _plain(rest):
        return None
    url = rest
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    if re.search(r"&[A-Za-z0-9]+;$", url):
        return None  # GFM would leave the entity-like end out, after a backslash
    domain = _DOMAIN.match(url.removeprefix("http://").removeprefix("https://"))
    # GFM: no `_` in the last two parts of the domain
    if domain is None or "_" in "".join(domain.group().split(".")[-2:]):
        return None
    return url


def _plain(text: str) -> bool:
    """`text` has nothing that means something in Markdown or ends an address early."""
    return not any(
        c in _NOT_IN_URL or c.isspace() or unicodedata.category(c)[0] in "CZ" for c in text
    )


def _escape_start(token: str) -> str:
    if token[0].isdigit():
        return f"{token[:-1]}\\{token[-1]}"
    return f"\\{token}"


def _lines(text: str, starts: bool = True) -> list[str]:
    """The text's non-empty lines: a blank line would end a list item or a table."""
    return [_line(part, starts) for part in text.splitlines() if part.strip()]


def inline(text: str) -> str:
    """Text on one line (a heading, a list item's first words): line breaks become spaces."""
    return " ".join(_lines(text))


def cell(text: str) -> str:
    """Text in a table cell: line breaks become `<br>`, which GFM tables allow."""
    return "<br>".join(_lines(text, starts=False))


def block(text: str, indent: str = "  ") -> str:
    """Text that may run over several lines inside a list item: each line break is a
    hard break (two trailing spaces), and following lines are indented under the item."""
    return f"  \n{indent}".join(_lines(text))


def table(header: list[str], rows: list[list[str]], numeric: frozenset[int]) -> list[str]:
    """A GFM table, figures aligned right; cells must already be escaped (see `cell`)."""
    out = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---:" if i in numeric else "---" for i in range(len(header))) + "|",
    ]
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    return out
