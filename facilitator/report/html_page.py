"""A document (see `blocks.py`) as one self-contained HTML page.

Everything is in the file: inline CSS, no fonts, images or scripts from anywhere,
and a Content-Security-Policy that forbids loading anything, so the page shows
the same offline, in a mail attachment or from a shared drive. It reads well on
screen and prints cleanly to paper or PDF: A4 portrait, body text at 10.5 pt and
nothing smaller than 10 pt, the document's name and "side 2 av 5" on every page,
every table inside the page, headings kept with what follows, colours kept where
they carry meaning, and no date, time or figure broken across two lines
(tests/test_print_chromium.py prints the documents in Chromium and measures that).
Every text is escaped with `html.escape`.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape

from facilitator.i18n import Lang
from facilitator.report.blocks import (
    Block,
    Document,
    Facts,
    Grid,
    Heading,
    Item,
    Items,
    Mark,
    Para,
    Table,
)

# Wide tables (the measures: up to nine columns of text) cannot be printed as tables
# on A4 portrait at a readable size: at 10 pt each column would be two or three words
# wide, so a factor label or an owner would run ten lines down and a long word would
# be cut. On paper (and on a phone) such a table is therefore shown as one block per
# row, a card: the first cell (the measure) as its bold first line, then each filled
# cell under it with its column's name in a left-hand column, the way a form is read.
# An HR adviser reads each measure as a whole (what, why, who, by when, how it went)
# rather than comparing one column down the page, and the cards keep every text at
# full size with nothing cut, whatever people typed. Empty cells are left out of a
# card. Narrow tables of figures (minutes per step, airtime) stay tables: there the
# reader does compare down the columns, and they fit.
CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color: #1b1b1b; background: #fff; max-width: 62rem; margin: 2rem auto;
  padding: 0 1.25rem; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid #d5dbe1; }
h3 { font-size: 1.05rem; margin: 1.3rem 0 .4rem; }
p { margin: .5rem 0; }
ul { margin: .3rem 0 .8rem; padding-left: 1.3rem; }
li { margin: .25rem 0; }
.banner { background: #eef3f8; border-left: 4px solid #3b6ea5; padding: .55rem .8rem; }
.warning { background: #fff4e5; border-left: 4px solid #b86e00; padding: .55rem .8rem;
  font-weight: 600; }
.muted, .meta { color: #555; }
.meta { font-size: .9em; }
.nw { white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr);
  gap: .2rem 1.2rem; margin: 1rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; margin: .4rem 0 1rem; }
th, td { border: 1px solid #c3c9cf; padding: .3rem .45rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
th { background: #eef1f4; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.marked td { background: #fdecea; }
tr.marked td:first-child { border-left: 4px solid #b3261e; }
@media print, screen and (max-width: 48rem) {
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; }
  table.cards thead { display: none; }
  table.cards tr { border: 1px solid #c3c9cf; border-radius: 3px; padding: .35rem .6rem;
    margin: 0 0 .55rem; }
  table.cards td { display: flow-root; border: 0; padding: .08rem 0 .08rem 11.5em;
    text-align: left; white-space: normal; overflow-wrap: anywhere; }
  table.cards td::before { content: attr(data-label); float: left; width: 11em;
    margin-left: -11.5em; font-weight: 600; color: #444; }
  table.cards td:first-child { padding: 0 0 .15rem; font-weight: 700; }
  table.cards td:first-child::before { content: none; }
  table.cards td:empty { display: none; }
  table.cards tr.marked { border-left: 4px solid #b3261e; background: #fdecea; }
  table.cards tr.marked td { background: none; border-left: 0; }
}
@media screen and (max-width: 40rem) {
  body { margin: 1rem auto; padding: 0 .8rem; }
  table.cards td { padding-left: 0; }
  table.cards td::before { float: none; display: block; width: auto; margin: 0;
    font-size: .85em; }
}
@page { size: A4 portrait; margin: 17mm 15mm 16mm;
  @top-left { font: 8.5pt/1.2 system-ui, sans-serif; color: #555;
    vertical-align: bottom; padding-bottom: 4mm; }
  @bottom-right { font: 8.5pt/1.2 system-ui, sans-serif; color: #555;
    vertical-align: top; padding-top: 4mm; }
}
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h1 { font-size: 17pt; }
  h2 { font-size: 13.5pt; margin-top: 1.4rem; }
  h3 { font-size: 11.5pt; }
  table { font-size: 10pt; }
  .meta { font-size: 10pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, dl.facts, .banner, .warning { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .banner, .warning, th, tr.marked, tr.marked td { print-color-adjust: exact;
    -webkit-print-color-adjust: exact; }
}
""".strip()

_PAGE_WORDS: dict[Lang, tuple[str, str]] = {"nb": ("side", "av"), "en": ("page", "of")}
"""`side 2 av 5` / `page 2 of 5` at the foot of each printed page."""

RUNNING_TITLE_MAX = 80
"""A longer title is cut, with `…`, in the running head, so it stays one line."""

# What must not be broken across two lines: dates (`15.04.2026`, `2026-04-15`,
# `2. mars 2026`, `2 March 2026`), a session reference (`2026-01-19-5a9bde`), times
# (`kl. 09:00`, `8:05`, `1:02:09`), a risk score (`12 (4 × 3)`) and a section of the law
# (`§ 4-3`, `§ 4-3-faktor`). The lookahead names the characters a match can start
# with (a digit, `k` of `kl.`, `(` of a score, `§`): it changes no match, but lets
# the search pass over every other place at once rather than try each pattern there.
_UNBROKEN = re.compile(
    r"(?=[\d§k(])(?:"
    r"\d{4}-\d{2}-\d{2}(?:-[0-9a-f]{6}\b)?"
    r"|\b\d{1,2}\.\d{1,2}\.\d{4}"
    r"|\b\d{1,2}\.? [^\W\d_]{3,9} \d{4}\b"
    r"|(?:\bkl\. )?\b\d{1,2}:\d{2}(?::\d{2})?(?:[–-]\d{1,2}:\d{2})?\b"
    r"|(?:\b\d+ )?\(\d+ × \d+\)"
    r"|§ ?\d+(?:-\d+)*[a-z]?(?:-[^\W\d_]+)?"
    r")"
)


def render_html(doc: Document) -> str:
    try:
        body = "\n".join(_block(b) for b in doc.blocks)
    finally:
        # The texts are remembered for one document only (see `_text`).
        _text.cache_clear()
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{doc.lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{_text(doc.title)}</title>\n<style>\n{CSS}\n{_running(doc)}\n</style>\n"
        f"</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _running(doc: Document) -> str:
    """The running head (the document's name) and foot (the page number) in print."""
    title = " ".join(doc.title.split())
    if len(title) > RUNNING_TITLE_MAX:
        title = title[: RUNNING_TITLE_MAX - 1].rstrip() + "…"
    page, of = _PAGE_WORDS[doc.lang]
    return (
        f"@page {{ @top-left {{ content: {_css_string(title)}; }}\n"
        f'  @bottom-right {{ content: "{page} " counter(page) " {of} " counter(pages); }} }}'
    )


def _css_string(text: str) -> str:
    """`text` as a CSS string: anything but letters, digits and plain punctuation as a
    hex escape, so no quote, backslash or `</style>` typed into a title can end it."""
    safe = (c if c.isalnum() or c in " .,:;–-()" else f"\\{ord(c):06x}" for c in text)
    return f'"{"".join(safe)}"'


_MAY_BE_UNBROKEN = re.compile(r"[\d§]")
"""What each of `_UNBROKEN`'s patterns holds: a line without it needs no span, and
finding that out is many times cheaper than trying every pattern at every place
(a fifth of the time of a pack over ten thousand sessions went to it)."""


def _unbroken(line: str) -> str:
    """One line, escaped, with each date, time and figure in a span kept on one line."""
    if _MAY_BE_UNBROKEN.search(line) is None:
        return escape(line)
    out, at = [], 0
    for m in _UNBROKEN.finditer(line):
        out += [escape(line[at : m.start()]), f'<span class="nw">{escape(m.group())}</span>']
        at = m.end()
    out.append(escape(line[at:]))
    return "".join(out)


@cache
def _text(text: str) -> str:
    """Escaped, with the writer's line breaks kept. Remembered while a document is
    rendered: a long one says the same things many times (a date, a status, a
    factor's label, a measure's name on each of its follow-ups)."""
    return "<br>".join(_unbroken(line) for line in text.strip().splitlines())


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{_text(block.text)}</h{block.level}>"
    if isinstance(block, Para):
        tone = "" if block.tone == "plain" else f' class="{block.tone}"'
        return f"<p{tone}>{_text(block.text)}</p>"
    if isinstance(block, Facts):
        rows = "".join(f"<dt>{_text(k)}</dt><dd>{_text(v)}</dd>" for k, v in block.rows)
        return f'<dl class="facts">{rows}</dl>'
    if isinstance(block, Items):
        return "<ul>\n" + "\n".join(_item(i) for i in block.items) + "\n</ul>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Grid):
        return _grid(block)
    raise TypeError(type(block).__name__)


# The chart (a `Grid`) is inline SVG drawn at its own size in CSS pixels, so that its
# text prints at the body's size (14 px = 10.5 pt) and never shrinks: 672 px is the
# width of A4 portrait inside the page's margins (180 mm). Marks differ by shape
# (a ring, a dot, a triangle), so the chart reads in black and white.
GRID_WIDTH = 672
GRID_LABEL = 214
"""The width of the rows' labels."""
GRID_COLUMN = 45
GRID_ROW = 24
GRID_HEAD = 40
GRID_COLUMNS_PER_CHART = (GRID_WIDTH - GRID_LABEL) // GRID_COLUMN
"""More columns than fit are drawn as further charts, one under the other."""
_FONT = 'font-family="system-ui, sans-serif" font-size="14"'
# Styled in place rather than in `CSS`, which every other document carries too.
_FIGURE_STYLE = "margin: .4rem 0; break-inside: avoid; page-break-inside: avoid"
_MARK_STYLE = (
    "display: inline-flex; align-items: center; gap: .25rem; margin-right: 1rem; "
    "white-space: nowrap"
)


def _mark(mark: Mark, x: float, y: float) -> str:
    if mark == "ring":
        return f'<circle cx="{x:g}" cy="{y:g}" r="8" fill="none" stroke="#000" stroke-width="1.6"/>'
    if mark == "dot":
        return f'<circle cx="{x:g}" cy="{y:g}" r="4" fill="#000"/>'
    return f'<path d="M{x - 5:g} {y + 5:g}h10l-5-10z" fill="#000"/>'


def _cell_marks(marks: frozenset[Mark], cx: float, cy: float) -> str:
    out = []
    if "ring" in marks or "dot" in marks:
        at = cx - 6 if "triangle" in marks else cx
        out += [_mark(m, at, cy) for m in ("ring", "dot") if m in marks]
    if "triangle" in marks:
        out.append(_mark("triangle", cx + 10 if len(marks) > 1 else cx, cy))
    return "".join(out)


def _grid_svg(grid: Grid, first: int, last: int) -> str:
    columns = grid.columns[first:last]
    width = GRID_LABEL + GRID_COLUMN * len(columns)
    height = GRID_HEAD + GRID_ROW * len(grid.rows) + 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        'style="display: block; max-width: 100%; height: auto" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(grid.caption)}</title>",
    ]
    for c, (top, bottom) in enumerate(columns):
        x = GRID_LABEL + GRID_COLUMN * c + GRID_COLUMN / 2
        parts.append(
            f'<text x="{x:g}" y="16" text-anchor="middle" {_FONT}>{escape(top)}</text>'
            f'<text x="{x:g}" y="33" text-anchor="middle" {_FONT} fill="#444">'
            f"{escape(bottom)}</text>"
        )
    for r, label in enumerate(grid.rows):
        y = GRID_HEAD + GRID_ROW * r
        if r % 2 == 0:
            parts.append(
                f'<rect x="0" y="{y}" width="{width}" height="{GRID_ROW}" fill="#f0f0f0"/>'
            )
        parts.append(f'<text x="4" y="{y + 17}" {_FONT}>{escape(label)}</text>')
        for c, marks in enumerate(grid.cells[r][first:last]):
            cx = GRID_LABEL + GRID_COLUMN * c + GRID_COLUMN / 2
            parts.append(_cell_marks(marks, cx, y + GRID_ROW / 2))
    bottom_line = GRID_HEAD + GRID_ROW * len(grid.rows)
    parts.append(
        f'<path d="M0 {GRID_HEAD - 0.5}H{width}M0 {bottom_line + 0.5}H{width}" '
        'stroke="#777" stroke-width="1"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _grid(grid: Grid) -> str:
    """The chart as one figure per page-wide slice of its columns, the legend in the
    last, so that a heading before it stays with it and the legend with the chart
    on paper. The caption is the charts' title (read out by screen readers)."""
    step = GRID_COLUMNS_PER_CHART
    legend = " ".join(
        f'<span style="{_MARK_STYLE}"><svg width="22" height="20" viewBox="-11 -10 22 20" '
        f'aria-hidden="true">{_mark(m, 0, 0)}</svg>{_text(text)}</span>'
        for m, text in grid.legend
    )
    starts = list(range(0, max(len(grid.columns), 1), step))
    return "\n".join(
        f'<figure style="{_FIGURE_STYLE}">{_grid_svg(grid, at, at + step)}'
        + (f'<p style="margin: .3rem 0 0">{legend}</p>' if legend and at == starts[-1] else "")
        + "</figure>"
        for at in starts
    )


def _item(item: Item) -> str:
    parts = []
    if item.title:
        parts.append(f"<strong>{_text(item.title)}</strong>")
    if item.text.strip():
        parts.append(_text(item.text))
    meta = f' <span class="meta">({_text(item.meta)})</span>' if item.meta else ""
    return f"<li>{' – '.join(parts)}{meta}</li>"


def _as_cards(table: Table) -> bool:
    """Whether a table is printed as cards (see CSS): more than three columns of text,
    or more columns than fit A4 portrait at 10 pt even when they hold only figures."""
    return len(table.header) - len(table.numeric) > 3 or len(table.header) > 8


def _table(table: Table) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if i in table.numeric else ""

    cards = _as_cards(table)

    def td(i: int) -> str:
        """A cell, with its column's name for the cards' labels."""
        if not cards:
            return f"<td{cls(i)}>"
        label = " ".join(table.header[i].split()) if i < len(table.header) else ""
        return f'<td{cls(i)} data-label="{escape(label)}">'

    head = "".join(f"<th{cls(i)}>{_text(h)}</th>" for i, h in enumerate(table.header))
    # Each column's opening tag made once, not once a cell.
    width = max((len(row) for row in table.rows), default=0)
    opening = [td(i) for i in range(max(width, len(table.header)))]
    rows = []
    for n, row in enumerate(table.rows):
        marked = ' class="marked"' if n < len(table.marked) and table.marked[n] else ""
        cells = "".join(f"{opening[i]}{_text(c)}</td>" for i, c in enumerate(row))
        rows.append(f"<tr{marked}>{cells}</tr>")
    body = "\n".join(rows)
    kind = ' class="cards"' if cards else ""
    return f"<table{kind}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
