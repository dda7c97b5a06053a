"""A document (see `blocks.py`) as Markdown, for e-mail and Teams."""

from __future__ import annotations

from facilitator.report import md_text
from facilitator.report.blocks import (
    MARK_SYMBOLS,
    Block,
    Document,
    Facts,
    Grid,
    Heading,
    Item,
    Items,
    Para,
    Table,
)


def render_markdown(doc: Document) -> str:
    out: list[str] = []
    for block in doc.blocks:
        out += [*_block(block), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _block(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + md_text.inline(block.text)]
    if isinstance(block, Para):
        text = md_text.block(block.text, indent="")
        if block.tone == "banner":
            return [f"> {md_text.inline(block.text)}"]
        if block.tone == "warning":
            return [f"> **{md_text.inline(block.text)}**"]
        if block.tone == "muted":
            return [f"_{md_text.inline(block.text)}_"]
        return [text]
    if isinstance(block, Facts):
        return [f"- **{md_text.inline(k)}:** {md_text.inline(v)}" for k, v in block.rows]
    if isinstance(block, Items):
        return [_item(item) for item in block.items]
    if isinstance(block, Table):
        header = [md_text.cell(h) for h in block.header]
        rows = [[md_text.cell(c) for c in row] for row in block.rows]
        return md_text.table(header, rows, block.numeric)
    if isinstance(block, Grid):
        return _grid(block)
    raise TypeError(type(block).__name__)


def _grid(grid: Grid) -> list[str]:
    """A chart as a table of its marks' symbols, with the legend under it."""
    header = [md_text.cell(grid.caption), *(md_text.cell(" ".join(c)) for c in grid.columns)]
    rows = [
        [
            md_text.cell(label),
            *(
                "".join(MARK_SYMBOLS[m] for m in ("ring", "dot", "triangle") if m in cell)
                for cell in cells
            ),
        ]
        for label, cells in zip(grid.rows, grid.cells, strict=True)
    ]
    legend = " · ".join(f"{MARK_SYMBOLS[m]} {md_text.inline(text)}" for m, text in grid.legend)
    return [*md_text.table(header, rows, frozenset()), *(["", legend] if legend else [])]


def _item(item: Item) -> str:
    parts = []
    if item.title:
        parts.append(f"**{md_text.inline(item.title)}**")
    if item.text.strip():
        parts.append(md_text.block(item.text))
    line = "- " + " – ".join(parts)
    if item.meta:
        line += f" _({md_text.inline(item.meta)})_"
    return line
