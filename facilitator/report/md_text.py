"""Putting people's text into Markdown so that it stays text.

Whatever someone typed (a `|` that would split a table cell, a backtick, a line
starting with `#`, `-` or `1.`, an `<img>` tag, `[link](...)`) must come out as
the characters they typed, in any CommonMark or GitHub-flavoured renderer (Teams,
GitHub, most mail clients' Markdown). Every ASCII punctuation character may be
escaped with a backslash in CommonMark, so escaping too much is harmless; too
little is not.
"""

from __future__ import annotations

import re

# Characters with a meaning inline (emphasis, code, links, HTML, tables, strike-
# through, GitHub math and entities); `#` too, since escaping it inline is free.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&$#!])")
# What makes a line a list item, a heading underline, a rule or a numbered item.
_LINE_START = re.compile(r"^([-+=]|\d+[.)])")


def _line(text: str, starts: bool = True) -> str:
    """One line, escaped; leading spaces go, so it can never become a code block.
    With `starts`, what would make the line a list item or a rule is escaped too
    (not needed in a table cell, where `15.04.2026` should stay as it is)."""
    text = _INLINE.sub(r"\\\1", text.strip())
    return _LINE_START.sub(lambda m: _escape_start(m.group(1)), text) if starts else text


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
