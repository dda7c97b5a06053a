"""The evidence workbook's rows are written as XML text by `evidence_xlsx._Sheet`
(openpyxl's cell writer took most of the time of a large pack). These tests hold
it to what openpyxl's own cell writer gives for the same values: the same value,
type, style, number format and row height in every cell, whatever the text; and
LibreOffice reads the workbook as openpyxl does."""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import UTC, date, datetime
from typing import Any
from xml.etree import ElementTree

import pytest
from evidence_year import write_exports, year_of_sessions
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

# The office fixtures, used by name.
from test_export_office import convert
from test_export_office import profile as profile
from test_export_office import soffice as soffice
from test_management_invariance import SETTINGS

from facilitator.report.action_csv import FORMULA_START
from facilitator.report.action_xlsx import (
    _HEADER_FILL,
    _HEADER_FONT,
    _LINE_POINTS,
    _OVERDUE_FILL,
    DATE_FORMAT,
    _wrapped_lines,
    cell_text,
)
from facilitator.report.action_xlsx import _save as openpyxl_save
from facilitator.report.evidence import build_pack
from facilitator.report.evidence_xlsx import _TOP, _TOP_WRAP, Col, Value, _save, _Sheet
from facilitator.report.shared_exports import read_folders

STAMP = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)
COLS = [Col("Tiltak", 12, wrap=True), Col("Frist", 11), Col("Risiko", 7), Col("Økt", 8)]


def _ours(rows: list[tuple[list[Value], bool]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = _Sheet(book, "Ark", COLS, "nb")
    for values, marked in rows:
        sheet.add(values, marked=marked)
    sheet.finish()
    return _save(book, STAMP, [sheet])


def _openpyxl(rows: list[tuple[list[Value], bool]]) -> bytes:
    """The same sheet made cell by cell with openpyxl's own writer (as the pack
    was written before its rows were written as text)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Ark")
    for i, col in enumerate(COLS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = col.width + 2
    sheet.freeze_panes = "A2"
    n = 0

    def append(cells: list[Any], shown: list[Value], header: bool = False) -> None:
        nonlocal n
        n += 1
        lines = 1
        for value, col in zip(shown, COLS, strict=True):
            if isinstance(value, str) and (col.wrap or header) and len(value) > col.width:
                lines = max(lines, _wrapped_lines(value, col.width))
            elif isinstance(value, str) and "\n" in value:
                lines = max(lines, value.count("\n") + 1)
        if lines > 1:
            sheet.row_dimensions[n].height = _LINE_POINTS * lines + 3
        sheet.append(cells)

    header = []
    for col in COLS:
        cell = WriteOnlyCell(sheet, value=cell_text(col.header))
        cell.data_type = "s"
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _TOP_WRAP
        header.append(cell)
    append(header, [c.header for c in COLS], header=True)
    for values, marked in rows:
        cells: list[Any] = []
        shown: list[Value] = []
        for value, col in zip(values, COLS, strict=True):
            if isinstance(value, str):
                value = cell_text(value)
            shown.append(value)
            empty = value is None or value == ""
            if empty and not marked:
                cells.append(None)
                continue
            cell = WriteOnlyCell(sheet, value=None if empty else value)
            wrap = col.wrap and not isinstance(value, date)
            cell.alignment = _TOP_WRAP if wrap else _TOP
            if isinstance(value, date):
                cell.number_format = DATE_FORMAT["nb"]
            if marked:
                cell.fill = _OVERDUE_FILL
            if isinstance(value, str) and not empty:
                cell.data_type = "s"
                if value.startswith(FORMULA_START):
                    cell.quotePrefix = True
            cells.append(cell)
        append(cells, shown)
    sheet.auto_filter.ref = f"A1:D{n}"
    return openpyxl_save(book, STAMP)


def _xml(data: bytes) -> list[object]:
    """The sheet's rows as XML says them (what a reader that keeps to the letter of
    the format sees, `xml:space` included), the style's number left out: it is
    compared as the style it names, in `_read`."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    return [
        (
            {k: v for k, v in e.attrib.items() if k != "s"},
            e.text,
            [(i.tag, i.attrib, i.text) for i in e.iter() if i is not e and i.tag.endswith("}t")],
        )
        for e in root.iter()
        if e.tag.endswith("}c") or e.tag.endswith("}row")
    ]


def _read(data: bytes) -> list[object]:
    sheet = load_workbook(io.BytesIO(data))["Ark"]
    seen: list[object] = [_xml(data), sheet.freeze_panes, sheet.auto_filter.ref or None]
    seen += [(k, d.width) for k, d in sorted(sheet.column_dimensions.items())]
    seen += [(r, d.height) for r, d in sorted(sheet.row_dimensions.items()) if d.height]
    for row in sheet.iter_rows():
        for c in row:
            seen.append(
                (
                    c.coordinate,
                    c.value,
                    c.data_type,
                    c.number_format,
                    c.quotePrefix,
                    c.font.b,
                    c.fill.fgColor.rgb if c.fill.fill_type else None,
                    c.alignment.vertical,
                    c.alignment.wrap_text,
                )
            )
    return seen


_TEXTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["=1+1", "+49 123", "-", "@x", "#N/A", " ", " pad ", "a & b <c> 'd'"]),
)
_ROWS = st.lists(
    st.tuples(
        st.tuples(
            st.one_of(st.none(), _TEXTS),
            st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2100, 12, 31))),
            st.one_of(st.none(), st.integers(0, 25)),
            st.one_of(st.none(), _TEXTS),
        ).map(list),
        st.booleans(),
    ),
    max_size=6,
)


@SETTINGS
@given(_ROWS)
@example([(["  Møte\r\nneste uke  ", date(2026, 4, 15), 12, "=SUM(A1)"], True)])
@example([(["", None, None, "#DIV/0!"], False), (["a\x00b\x1fc", None, 0, ""], True)])
@example([(["ord " * 20, date(1900, 2, 28), None, "\n"], False)])
def test_the_rows_are_what_openpyxl_writes(rows):
    assert _read(_ours(rows)) == _read(_openpyxl(rows))


@pytest.mark.office
def test_libreoffice_reads_the_pack_as_openpyxl_does(soffice, profile, tmp_path):
    from facilitator.report.evidence_xlsx import evidence_xlsx

    write_exports(tmp_path / "shared", year_of_sessions())
    read = read_folders([tmp_path / "shared"], "nb")
    pack = build_pack(read.sessions, date(2026, 1, 1), date(2026, 12, 31), "nb")
    path = tmp_path / "pakke.xlsx"
    path.write_bytes(evidence_xlsx(pack, STAMP))
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(path, again / path.name)
    convert(soffice, profile, [again / path.name], "xlsx:Calc MS Excel 2007 XML")
    ours, calc = load_workbook(path), load_workbook(again / path.name)
    assert calc.sheetnames == ours.sheetnames
    for name in ours.sheetnames:
        want = [[c for c in r] for r in ours[name].iter_rows(values_only=True)]
        got = [[c for c in r] for r in calc[name].iter_rows(values_only=True)]
        assert got == want, name
        assert calc[name].freeze_panes == "A2", name
