"""The measures of a summary, and the workspace's HMS action plan, as an XLSX
workbook: the same columns as the CSV (`action_csv`), written from the same typed
row functions, but with what a spreadsheet can do that a CSV cannot:

- deadlines and dates done are real dates (shown `15.04.2026` in Norwegian,
  `2026-04-15` in English), likelihood, consequence and risk real numbers, so
  they sort and filter as such;
- a bold header row that stays in view (frozen) and repeats on every printed
  page, with a filter on every column;
- widths that fit the content within sensible bounds, long texts wrapped;
- landscape A4, one page wide, the sheet's title and page numbers in the margins;
- no cell is ever a formula (see `_text_cell`).

openpyxl is imported here and only here: nothing that does not write XLSX
loads it (the command line's start-up is measured; see tests/test_layers.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Literal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from facilitator.i18n import Lang
from facilitator.report.action_csv import (
    FORMULA_START,
    Value,
    measure_values,
    one_kind_of_break,
    plan_extra_columns,
    plan_values,
)
from facilitator.report.words import ACTION_PLAN_COLUMNS, columns, w
from facilitator.timefmt import long_date

if TYPE_CHECKING:
    from facilitator.report.action_plan import ActionPlan
    from facilitator.report.model import Summary

Kind = Literal["text", "number", "date"]


@dataclass(frozen=True)
class _Column:
    kind: Kind
    widest: int
    """The most characters of width the column gets; longer texts wrap."""
    wrap: bool = False


# By the key of the column's header word (`words.ACTION_PLAN_COLUMNS`, then the
# plan's own two).
_COLUMNS: dict[str, _Column] = {
    # Narrow enough that the thirteen columns of the plan fit a landscape page at a
    # size that can still be read (about 8 pt); the long texts wrap instead.
    "col_challenge": _Column("text", 28, wrap=True),
    "col_factor": _Column("text", 22, wrap=True),
    "col_likelihood": _Column("number", 13, wrap=True),
    "col_consequence": _Column("number", 11, wrap=True),
    "col_risk": _Column("number", 7),
    "col_measure": _Column("text", 32, wrap=True),
    "col_owner": _Column("text", 18, wrap=True),
    "col_deadline": _Column("date", 11),
    "col_status": _Column("text", 11, wrap=True),
    "col_evaluation": _Column("text", 36, wrap=True),
    "col_done_on": _Column("date", 11),
    "col_source": _Column("text", 22, wrap=True),
    "col_overdue": _Column("text", 10),
}
PLAN_KEYS: tuple[str, ...] = (*ACTION_PLAN_COLUMNS, "col_source", "col_overdue")

DATE_FORMAT: dict[Lang, str] = {"nb": "DD.MM.YYYY", "en": "YYYY-MM-DD"}
"""How a date cell shows, as in the documents (`timefmt.short_date`)."""

_PAGE: dict[Lang, str] = {"nb": "Side &P av &N", "en": "Page &P of &N"}
"""The printed footer; `&P` and `&N` are the page and the number of pages."""

MAX_CELL = 32_767
"""The most characters a cell holds in Excel."""

# What XML 1.0 cannot hold (the model already refuses control characters; this
# catches U+FFFE, U+FFFF and lone surrogates, which would make the file unreadable).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
_OVERDUE_FILL = PatternFill("solid", fgColor="FCE4D6")
_TOP = Alignment(vertical="top")
_LINE_POINTS = 15
"""The height of one line of the default 11 pt font, in points."""


def _wrapped_lines(text: str, width: int) -> int:
    """How many lines `text` takes in a column `width` characters wide, wrapped
    between words (an estimate: proportional letters are narrower than the unit)."""
    total = 0
    for paragraph in text.split("\n"):
        line, count = 0, 1
        for word in paragraph.split():
            need = len(word) if line == 0 else line + 1 + len(word)
            if need > width and line > 0:
                count += 1 + (len(word) - 1) // max(width, 1)
                line = len(word) % max(width, 1) or width
            else:
                line = need
        total += count
    return total
_TOP_WRAP = Alignment(vertical="top", wrap_text=True)


def measures_xlsx(summary: Summary, stamp: datetime) -> bytes:
    """The measures of `summary` (agreed and followed up) in the action plan's columns."""
    lang = summary.lang
    title = w("measures", lang)
    return _workbook(
        title,
        long_date(summary.date, lang),
        columns(lang),
        ACTION_PLAN_COLUMNS,
        [measure_values(m, summary.lang) for m in summary.all_measures],
        [False] * len(summary.all_measures),
        lang,
        stamp,
    )


def plan_xlsx(plan: ActionPlan, stamp: datetime) -> bytes:
    """The workspace's action plan in `plan_csv`'s columns; overdue rows shaded."""
    lang = plan.lang
    return _workbook(
        w("plan_title", lang),
        long_date(plan.as_of, lang),
        [*columns(lang), *plan_extra_columns(lang)],
        PLAN_KEYS,
        [plan_values(r, lang) for r in plan.rows],
        [r.overdue for r in plan.rows],
        lang,
        stamp,
    )


def _workbook(
    title: str,
    day: str,
    header: Sequence[str],
    keys: Sequence[str],
    rows: Sequence[Sequence[Value]],
    marked: Sequence[bool],
    lang: Lang,
    stamp: datetime,
) -> bytes:
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = title  # the words are short and hold none of []:*?/\
    specs = [_COLUMNS[k] for k in keys]
    widths = [len(h) for h in header]
    for col, text in enumerate(header, start=1):
        cell = _cell(sheet, 1, col)
        _text_cell(cell, text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _TOP_WRAP
    for r, (values, overdue) in enumerate(zip(rows, marked, strict=True), start=2):
        for col, (value, spec) in enumerate(zip(values, specs, strict=True), start=1):
            cell = _cell(sheet, r, col)
            cell.alignment = _TOP_WRAP if spec.wrap else _TOP
            if overdue:
                cell.fill = _OVERDUE_FILL
            if value is None:
                continue
            if isinstance(value, date):
                cell.value = value
                cell.number_format = DATE_FORMAT[lang]
            elif isinstance(value, int):
                cell.value = value
            else:
                text = _text_cell(cell, value)
                longest = max((len(line) for line in text.split("\n")), default=0)
                widths[col - 1] = max(widths[col - 1], longest)
    final = []
    for col, spec in enumerate(specs, start=1):
        narrowest = 11 if spec.kind == "date" else 6
        width = min(max(widths[col - 1], narrowest), spec.widest)
        sheet.column_dimensions[get_column_letter(col)].width = width + 2
        final.append(width)
    # Row heights for the wrapped texts: LibreOffice keeps the default height of a
    # row it is not told about, and wrapped lines then print over the next row.
    for r in range(1, len(rows) + 2):
        lines = 1
        for col, spec in enumerate(specs, start=1):
            value = sheet.cell(row=r, column=col).value
            if isinstance(value, str) and (spec.wrap or r == 1):
                lines = max(lines, _wrapped_lines(value, final[col - 1]))
        sheet.row_dimensions[r].height = _LINE_POINTS * lines + 3
    last = f"{get_column_letter(len(header))}{len(rows) + 1}"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    top, bottom = sheet.oddHeader, sheet.oddFooter
    assert top is not None and bottom is not None  # openpyxl makes both
    top.center.text = title
    top.right.text = day
    bottom.center.text = _PAGE[lang]
    book.properties.creator = "facilitator"
    book.properties.title = title
    book.properties.language = lang
    return _save(book, stamp)


def _cell(sheet: Worksheet, row: int, column: int) -> Cell:
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, Cell)  # not a merged one: nothing is merged here
    return cell


def _text_cell(cell: Cell, value: str) -> str:
    """Put `value` into `cell` as text, never as a formula, and return what it holds.

    The guard differs from the CSV's on purpose. A CSV has no types, so a text
    that starts with `=` there would be read as a formula, and the `'` in front
    is what stops it. An XLSX cell has a type: this one is forced to be a string
    (`data_type = "s"`; openpyxl would otherwise make `=...` a formula and `#N/A`
    an error), and no spreadsheet evaluates a string cell. A `'` written into it
    would be a real character that every reader sees and every filter and sort
    trips on, so the text goes in as typed, and a cell that starts the way a
    formula does gets Excel's own quote prefix (`quotePrefix`, the hidden `'`),
    so that editing the cell later does not turn it into a formula either."""
    text = cell_text(value)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True
    return text


def cell_text(value: str) -> str:
    """A text as a cell holds it: line breaks as `\\n`, anything XML cannot carry as
    U+FFFD, and at most `MAX_CELL` characters (the last one then `…`)."""
    text = _NOT_XML.sub("\ufffd", one_kind_of_break(value))
    return text[: MAX_CELL - 1] + "…" if len(text) > MAX_CELL else text


def _save(book: Workbook, stamp: datetime) -> bytes:
    """The workbook as bytes, the same bytes for the same content and `stamp`.

    `openpyxl.save_workbook` sets the modified time to now, and the zip entries
    carry the time they were written: both are taken from `stamp` instead."""
    moment = stamp.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    book.properties.created = moment
    book.properties.modified = moment
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    when = max(moment, datetime(1980, 1, 1)).timetuple()[:6]  # zip's calendar starts in 1980
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=when)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()
