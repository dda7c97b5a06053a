"""Measures as rows of an HMS action plan, in CSV that Excel and LibreOffice open right.

- UTF-8 with a byte-order mark: without it, Excel reads the file as the local
  code page and `æøå` come out garbled.
- Semicolons between fields: with Norwegian settings the comma is the decimal
  sign, so Excel expects `;` and would put a comma-separated row in one column.
- Every field in double quotes (a `"` inside is doubled): LibreOffice's import
  dialog, by default, splits at tab, comma *and* semicolon, so an unquoted
  `Møter, ukentlig` would push every later cell one column to the right. Inside
  quotes no separator splits anything, in either program.
- CRLF line endings (the csv module's own `\r\n`); line breaks inside a cell are
  `\n` in a quoted field, which Excel shows as a break within the cell.
- Dates as `2026-04-15` (ISO 8601) in both languages: Excel reads that form as a
  date whatever the regional settings and shows it in the user's own format
  (`15.04.2026` in Norwegian), where `15.04.2026` is read as a date only where the
  date separator is a full stop. It also sorts correctly as text elsewhere.
- A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be
  taken as a formula (CSV injection): it gets a leading `'`, which Excel shows as
  text and does not display.

The columns are written once, as typed values (`measure_values`, `plan_values`):
the CSV turns them into text here, the XLSX workbook (`action_xlsx`) keeps dates
as dates and numbers as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from facilitator.i18n import Lang
from facilitator.report.model import MeasureEntry
from facilitator.report.words import answers_text, columns, w

if TYPE_CHECKING:
    from facilitator.report.action_plan import PlanRow

Value = str | int | date | None
"""One cell of the action plan: text, a score, a date, or nothing."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may take as the start of a formula."""


def neutralise(cell: str) -> str:
    """The cell as text Excel will not evaluate."""
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell


def one_kind_of_break(text: str) -> str:
    """Every line break (CRLF, CR, LS, ...) as `\\n`, the one a cell shows as a break."""
    return "\n".join(text.splitlines()) if ("\r" in text or "\n" in text) else text


def measure_values(m: MeasureEntry, lang: Lang) -> list[Value]:
    """A measure in the action plan's columns (see `words.ACTION_PLAN_COLUMNS`):
    likelihood, consequence and risk as numbers, deadline and date done as dates,
    `None` where nothing is set."""
    follow_ups = "\n".join(
        f"{f.at.isoformat()} {f.status_text}"
        + (f": {f.text}" if f.text else "")
        + (f" ({answered})" if (answered := answers_text(f.worked, f.enough, lang)) else "")
        for f in m.follow_ups
    )
    return [
        m.challenge,
        m.factor.label if m.factor.paragraph is not None else "",
        m.likelihood,
        m.consequence,
        m.risk,
        m.what,
        m.owner,
        m.deadline,
        m.status_text,
        follow_ups,
        m.done_on,
    ]


def plan_extra_columns(lang: Lang) -> list[str]:
    """The columns the action plan adds after the measure's own."""
    return [w("col_source", lang), w("col_overdue", lang)]


def plan_values(row: PlanRow, lang: Lang) -> list[Value]:
    """A row of the workspace's action plan: the measure, its source, overdue or not."""
    return [*measure_values(row.entry, lang), row.source, w("yes", lang) if row.overdue else ""]


def as_text(value: Value) -> str:
    """A cell as CSV holds it: dates in ISO form, numbers in digits, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def measure_cells(m: MeasureEntry, lang: Lang) -> list[str]:
    """A measure in the action plan's columns, as text."""
    return [as_text(v) for v in measure_values(m, lang)]


def render_csv(
    rows: Iterable[Sequence[Value]], lang: Lang, extra_header: Iterable[str] = ()
) -> str:
    """The action plan's header (and any extra columns) and `rows`, as Excel wants them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow([*columns(lang), *extra_header])
    for row in rows:
        writer.writerow([one_kind_of_break(neutralise(as_text(cell))) for cell in row])
    return "\ufeff" + buffer.getvalue()


def measures_csv(measures: Iterable[MeasureEntry], lang: Lang) -> str:
    return render_csv((measure_values(m, lang) for m in measures), lang)
