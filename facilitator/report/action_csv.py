"""Measures as rows of an HMS action plan, in CSV that Excel opens right.

- UTF-8 with a byte-order mark: without it, Excel reads the file as the local
  code page and `æøå` come out garbled.
- Semicolons between fields: with Norwegian settings the comma is the decimal
  sign, so Excel expects `;` and would put a comma-separated row in one column.
- CRLF line endings (the csv module's own `\r\n`); line breaks inside a cell are
  `\n` in a quoted field, which Excel shows as a break within the cell.
- Dates as `2026-04-15` (ISO 8601) in both languages: Excel reads that form as a
  date whatever the regional settings and shows it in the user's own format
  (`15.04.2026` in Norwegian), where `15.04.2026` is read as a date only where the
  date separator is a full stop. It also sorts correctly as text elsewhere.
- A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be
  taken as a formula (CSV injection): it gets a leading `'`, which Excel shows as
  text and does not display.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from facilitator.i18n import Lang
from facilitator.report.model import MeasureEntry
from facilitator.report.words import columns

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell as text Excel will not evaluate."""
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def measure_cells(m: MeasureEntry) -> list[str]:
    """A measure in the action plan's columns (see `words.ACTION_PLAN_COLUMNS`)."""

    def number(value: int | None) -> str:
        return "" if value is None else str(value)

    follow_ups = "\n".join(
        f"{f.at.isoformat()} {f.status_text}" + (f": {f.text}" if f.text else "")
        for f in m.follow_ups
    )
    return [
        m.challenge,
        m.factor.label if m.factor.paragraph is not None else "",
        number(m.likelihood),
        number(m.consequence),
        number(m.risk),
        m.what,
        m.owner,
        m.deadline.isoformat() if m.deadline else "",
        m.status_text,
        follow_ups,
        m.done_on.isoformat() if m.done_on else "",
    ]


def render_csv(rows: Iterable[list[str]], lang: Lang, extra_header: Iterable[str] = ()) -> str:
    """The action plan's header (and any extra columns) and `rows`, as Excel wants them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([*columns(lang), *extra_header])
    for row in rows:
        writer.writerow([_one_kind_of_break(neutralise(cell)) for cell in row])
    return "\ufeff" + buffer.getvalue()


def measures_csv(measures: Iterable[MeasureEntry], lang: Lang) -> str:
    return render_csv((measure_cells(m) for m in measures), lang)


def _one_kind_of_break(text: str) -> str:
    return "\n".join(text.splitlines()) if ("\r" in text or "\n" in text) else text
