"""A document as a few kinds of plain blocks, written once and rendered as
Markdown (`markdown.py`) or HTML (`html_page.py`).

Blocks hold plain text exactly as people typed it; each renderer escapes it for
its own format, so no text is ever escaped twice or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from facilitator.i18n import Lang


@dataclass(frozen=True)
class Heading:
    level: int
    """1 for the document's title, 2 for a section, 3 for a part of one."""
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    tone: Literal["plain", "banner", "warning", "muted"] = "plain"


@dataclass(frozen=True)
class Facts:
    """Label–value pairs: the head of a document."""

    rows: list[tuple[str, str]]


@dataclass(frozen=True)
class Item:
    text: str
    """May hold line breaks."""
    title: str = ""
    """Shown first, in bold."""
    meta: str = ""
    """Context, shown after the text in a quieter style."""


@dataclass(frozen=True)
class Items:
    items: list[Item]


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()
    """Columns of figures (aligned right)."""
    marked: list[bool] = field(default_factory=list)
    """Rows to draw attention to (an overdue measure), by index."""


Mark = Literal["ring", "dot", "triangle"]
"""A mark in a chart's cell, told apart by its shape (it must read in black and white)."""

MARK_SYMBOLS: dict[str, str] = {"ring": "○", "dot": "●", "triangle": "▲"}
"""The marks as characters, where a format cannot draw (Markdown)."""


@dataclass(frozen=True)
class Grid:
    """A chart of marks, rows × columns (a § 4-3 factor × session grid): drawn as
    inline SVG in HTML, and as a table of the marks' symbols where nothing can be
    drawn. The same facts are always in a table of the document as well."""

    rows: list[str]
    """The rows' labels (short: the chart is a page wide)."""
    columns: list[tuple[str, str]]
    """Each column's label in two short lines (`15.01`, `2026`)."""
    cells: list[list[frozenset[Mark]]]
    """By row, then column: the marks in the cell."""
    legend: list[tuple[Mark, str]] = field(default_factory=list)
    """What each mark means."""
    caption: str = ""


Block = Heading | Para | Facts | Items | Table | Grid


@dataclass(frozen=True)
class Document:
    title: str
    lang: Lang
    blocks: list[Block]
