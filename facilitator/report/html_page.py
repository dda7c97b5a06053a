"""A document (see `blocks.py`) as one self-contained HTML page.

Everything is in the file: inline CSS, no fonts, images or scripts from anywhere,
and a Content-Security-Policy that forbids loading anything, so the page shows
the same offline, in a mail attachment or from a shared drive. It reads well on
screen and prints cleanly to paper or PDF (A4, headings kept with what follows,
table headers repeated on each page, colours kept where they carry meaning).
Every text is escaped with `html.escape`.
"""

from __future__ import annotations

from html import escape

from facilitator.report.blocks import Block, Document, Facts, Heading, Item, Items, Para, Table

CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; color: #1b1b1b; background: #fff; max-width: 62rem; margin: 2rem auto;
  padding: 0 1.25rem; }
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
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem;
  margin: 1rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; margin: .4rem 0 1rem; }
th, td { border: 1px solid #c3c9cf; padding: .3rem .45rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
th { background: #eef1f4; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.marked td { background: #fdecea; }
tr.marked td:first-child { border-left: 4px solid #b3261e; }
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, li, dl.facts, .banner, .warning { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .banner, .warning, th, tr.marked td { print-color-adjust: exact;
    -webkit-print-color-adjust: exact; }
}
""".strip()


def render_html(doc: Document) -> str:
    body = "\n".join(_block(b) for b in doc.blocks)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{doc.lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{_text(doc.title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _text(text: str) -> str:
    """Escaped, with the writer's line breaks kept."""
    return "<br>".join(escape(line) for line in text.strip().splitlines())


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
    raise TypeError(type(block).__name__)


def _item(item: Item) -> str:
    parts = []
    if item.title:
        parts.append(f"<strong>{_text(item.title)}</strong>")
    if item.text.strip():
        parts.append(_text(item.text))
    meta = f' <span class="meta">({_text(item.meta)})</span>' if item.meta else ""
    return f"<li>{' – '.join(parts)}{meta}</li>"


def _table(table: Table) -> str:
    def cls(i: int) -> str:
        return ' class="num"' if i in table.numeric else ""

    head = "".join(f"<th{cls(i)}>{_text(h)}</th>" for i, h in enumerate(table.header))
    rows = []
    for n, row in enumerate(table.rows):
        marked = ' class="marked"' if n < len(table.marked) and table.marked[n] else ""
        cells = "".join(f"<td{cls(i)}>{_text(c)}</td>" for i, c in enumerate(row))
        rows.append(f"<tr{marked}>{cells}</tr>")
    body = "\n".join(rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"
