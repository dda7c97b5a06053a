"""The XLSX workbooks (a session's measures, the workspace's action plan) read back
with openpyxl: the CSV's columns and values, but dates as dates and scores as
numbers; a frozen, filtered, bold header; widths; print setup; never a formula;
the same bytes for the same stamp; and the command line that writes them (to a
file or a pipe, never to a terminal)."""

from __future__ import annotations

import contextlib
import io
import os
import pty
import subprocess
import sys
import zipfile
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from test_export_csv_readback import expected_cells, office_rows, session_with, tricky_measures

from facilitator.i18n import Lang
from facilitator.report.action_csv import measure_values, neutralise, plan_values
from facilitator.report.action_plan import workspace_plan
from facilitator.report.action_xlsx import DATE_FORMAT, cell_text, plan_xlsx
from facilitator.report.build import build_summary
from facilitator.report.formats import render_summary_file
from facilitator.report.model import Audience, Summary
from facilitator.report.words import columns, w

from cli_helpers import run_cli
from conftest import REPO

SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
STAMP = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
AS_OF = date(2026, 3, 25)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER_COLUMNS = (2, 3, 4)  # likelihood, consequence, risk (0-based)
DATE_COLUMNS = (7, 10)  # deadline, date done


def sheet_of(data: bytes) -> Worksheet:
    assert data.startswith(b"PK")  # a zip, as every XLSX is
    sheet = load_workbook(io.BytesIO(data)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def values(sheet: Worksheet) -> list[list[object]]:
    return [[c.value for c in row] for row in sheet.iter_rows()]


def as_csv(value: object) -> str:
    """A workbook value as the CSV writes the same cell."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        assert value.time() == datetime.min.time()  # a day, no time of day
        return value.date().isoformat()
    if isinstance(value, str):
        return neutralise(value)
    return str(value)


def check_sheet(sheet: Worksheet, header: list[str], rows: list[list[object]], lang: Lang) -> None:
    """Everything both workbooks share; `rows` are the typed values the CSV writes."""
    got = values(sheet)
    assert got[0] == header
    assert len(got) == 1 + len(rows)
    last = f"{chr(ord('A') + len(header) - 1)}{len(rows) + 1}"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{last}"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 == "9"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert all(c.font.bold for c in sheet[1])
    for col in range(len(header)):
        letter = chr(ord("A") + col)
        assert 8 <= sheet.column_dimensions[letter].width <= 60, letter
    for typed, cells in zip(rows, sheet.iter_rows(min_row=2), strict=True):
        assert len(cells) == len(header)
        for i, (want, cell) in enumerate(zip(typed, cells, strict=True)):
            assert cell.data_type != "f", cell.coordinate
            if want is None:
                assert cell.value is None
            elif i in NUMBER_COLUMNS:
                assert type(cell.value) is int and cell.value == want
            elif i in DATE_COLUMNS:
                assert isinstance(cell.value, datetime) and cell.value.date() == want
                assert cell.number_format == DATE_FORMAT[lang]
            else:
                assert isinstance(want, str)
                assert cell.value == (cell_text(want) or None), cell.coordinate
                if cell.value:
                    assert cell.data_type == "s"
                    assert bool(cell.quotePrefix) == cell.value.startswith(FORMULA_START)


# --- a session's measures -----------------------------------------------------------


@pytest.fixture
def ws(sample_workspace):
    return sample_workspace


@pytest.fixture(scope="module")
def sample():
    from facilitator.session.store import SessionStore

    return SessionStore(REPO, "nb").load(SAMPLE)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("audience", list(Audience))
def test_sample_measures_workbook(sample, audience: Audience, lang: Lang):
    summary = build_summary(sample, audience, lang)
    sheet = sheet_of(render_summary_file(summary, "xlsx", STAMP))
    assert sheet.title == w("measures", lang) == ("Tiltak" if lang == "nb" else "Measures")
    rows = [measure_values(m, summary.lang) for m in summary.all_measures]
    check_sheet(sheet, columns(lang), rows, lang)
    assert any(isinstance(v, int) for row in values(sheet)[1:] for v in row)
    # The same cells as the CSV, value for value.
    csv_rows = office_rows(render_summary_file(summary, "csv", STAMP).decode("utf-8"))
    assert [[as_csv(v) for v in row] for row in values(sheet)] == csv_rows


def test_sample_header_words():
    assert columns("nb")[:2] == ["Utfordring/risiko", "§ 4-3-faktor"]
    assert columns("en")[-1] == "Date done"


def test_same_stamp_same_bytes_and_the_stamp_is_the_documents_time(sample):
    summary = build_summary(sample, Audience.MANAGEMENT)
    first = render_summary_file(summary, "xlsx", STAMP)
    assert first == render_summary_file(summary, "xlsx", STAMP)
    book = load_workbook(io.BytesIO(first))
    assert book.properties.created == book.properties.modified == datetime(2026, 3, 3, 12, 0)
    assert book.properties.creator == "facilitator"
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 3, 3, 12, 0, 0)}
    later = render_summary_file(summary, "xlsx", datetime(2027, 1, 1, tzinfo=UTC))
    assert later != first


@settings(max_examples=40, deadline=None)
@given(st.lists(tricky_measures(), min_size=1, max_size=4), st.sampled_from(["nb", "en"]))
def test_any_texts_stay_text(items, lang):
    summary: Summary = build_summary(session_with(items, lang), Audience.GROUP)
    sheet = sheet_of(render_summary_file(summary, "xlsx", STAMP))
    rows = [measure_values(m, summary.lang) for m in summary.all_measures]
    check_sheet(sheet, columns(lang), rows, lang)
    # The CSV's cells, but a formula start without the `'` (the type keeps it text).
    csv_rows = [expected_cells(measure_values(m, summary.lang)) for m in summary.all_measures]
    for got, want in zip(values(sheet)[1:], csv_rows, strict=True):
        assert [cell_text(as_csv(v)) for v in got] == [cell_text(c) for c in want]


def test_formula_looking_texts_survive_as_text():
    from facilitator.session.model import Measure

    texts = ['=HYPERLINK("http://x","klikk")', "+47 22 00 00 00", "-1", "@SUM(A1)", "#N/A"]
    now = datetime(2026, 3, 2, tzinfo=UTC)
    items = [Measure(what=t, owner=t, challenge=t, created_at=now) for t in texts]
    summary = build_summary(session_with(items), Audience.GROUP)
    sheet = sheet_of(render_summary_file(summary, "xlsx", STAMP))
    whats = [c.value for c in sheet["F"][1:]]
    assert sorted(whats) == sorted(texts)  # as typed, no `'` added
    for cell in sheet["F"][1:]:
        assert cell.data_type == "s"
        assert bool(cell.quotePrefix) == (cell.value != "#N/A")
    raw = zipfile.ZipFile(io.BytesIO(render_summary_file(summary, "xlsx", STAMP)))
    assert b"<f>" not in raw.read("xl/worksheets/sheet1.xml")


def test_texts_xml_cannot_hold_become_replacement_characters():
    assert cell_text("a\ufffeb\uffff") == "a\ufffdb\ufffd"
    assert cell_text("x\r\ny\rz") == "x\ny\nz"
    assert len(cell_text("a" * 40_000)) == 32_767


# --- the action plan ------------------------------------------------------------------



@pytest.mark.parametrize("lang", ["nb", "en"])
def test_plan_workbook(ws, lang: Lang):
    plan = workspace_plan(ws, AS_OF, lang)
    sheet = sheet_of(plan_xlsx(plan, STAMP))
    assert sheet.title == w("plan_title", lang)
    header = [*columns(lang), w("col_source", lang), w("col_overdue", lang)]
    rows = [plan_values(r, lang) for r in plan.rows]
    check_sheet(sheet, header, rows, lang)
    overdue = [r.overdue for r in plan.rows]
    assert any(overdue) and not all(overdue)
    for flagged, cells in zip(overdue, sheet.iter_rows(min_row=2), strict=True):
        assert (cells[0].fill.fgColor.rgb != "00000000") == flagged
        assert cells[12].value == (w("yes", lang) if flagged else None)


# --- through the command line -----------------------------------------------------


@pytest.mark.parametrize("audience", ["management", "group"])
def test_export_xlsx_to_a_file(capsys, ws, audience):
    target = ws / f"tiltak-{audience}.xlsx"
    ref = SAMPLE.stem
    args = ["--workspace", str(ws), "export", ref, "--audience", audience]
    result = run_cli(capsys, *args, "-f", "xlsx", "-o", str(target))
    assert result.code == 0, result.err
    assert str(target) in result.out
    assert target.stat().st_mode & 0o077 == 0
    sheet = sheet_of(target.read_bytes())
    assert values(sheet)[0] == columns("nb")
    # What the audience may see (the CSV's rows; privacy is checked on those).
    csv_file = target.with_suffix(".csv")
    result = run_cli(capsys, *args, "-f", "csv", "-o", str(csv_file))
    csv_rows = office_rows(csv_file.read_text("utf-8"))
    assert [[as_csv(v) for v in row] for row in values(sheet)] == csv_rows


def test_plan_xlsx_to_a_file(capsys, ws):
    target = ws / "handlingsplan.xlsx"
    args = ["--workspace", str(ws), "--lang", "en", "plan", "--as-of", "2026-03-25"]
    result = run_cli(capsys, *args, "-f", "xlsx", "-o", str(target))
    assert result.code == 0, result.err
    sheet = sheet_of(target.read_bytes())
    assert sheet.title == "HMS action plan"
    assert values(sheet)[0][-2:] == ["Source", "Overdue"]


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        env={"PATH": "/usr/bin:/bin", "TZ": "UTC", "SOURCE_DATE_EPOCH": "1772539200"},
        check=False,
        **kwargs,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize(
    "command", [["export", SAMPLE.stem], ["plan", "--as-of", "2026-03-25"]], ids=["export", "plan"]
)
def test_xlsx_to_a_pipe_is_the_workbook(ws, command):
    out = _cli("--workspace", str(ws), *command, "-f", "xlsx", capture_output=True)
    assert out.returncode == 0, out.stderr
    assert out.stderr == b""
    assert values(sheet_of(out.stdout))[0][0] == "Utfordring/risiko"


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("command", [["export", SAMPLE.stem], ["plan"]], ids=["export", "plan"])
def test_xlsx_to_a_terminal_is_refused(ws, command, lang):
    main, terminal = pty.openpty()
    try:
        out = _cli(
            "--workspace", str(ws), "--lang", lang, *command, "-f", "xlsx",
            stdout=terminal, stderr=subprocess.PIPE,
        )  # fmt: skip
        os.close(terminal)
        shown = b""
        os.set_blocking(main, False)
        with contextlib.suppress(OSError):  # nothing was written (EIO or EAGAIN)
            shown = os.read(main, 65536)
    finally:
        os.close(main)
    assert out.returncode == 2
    assert shown == b""
    lines = out.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("facilitator: XLSX ")
    assert ("-o FIL" if lang == "nb" else "-o FILE") in lines[0]


def test_xlsx_to_a_terminal_is_refused_in_process(capsys, monkeypatch, ws):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    result = run_cli(capsys, "--workspace", str(ws), "export", SAMPLE.stem, "-f", "xlsx")
    assert result.code == 2 and result.out == ""
    assert len(result.err_lines) == 1 and "-o FIL" in result.err


# --- start-up cost ---------------------------------------------------------------------


def test_only_xlsx_loads_openpyxl(ws):
    probe = f"""
import sys
from facilitator.cli import main
main(['--workspace', {str(ws)!r}, 'agenda', 'show', 'kollegaveiledning'])
main(['--workspace', {str(ws)!r}, 'export', {SAMPLE.stem!r}, '--format', 'md'])
main(['--workspace', {str(ws)!r}, 'export', {SAMPLE.stem!r}, '--format', 'csv'])
main(['--workspace', {str(ws)!r}, 'plan', '--format', 'csv'])
print('LOADED' if 'openpyxl' in sys.modules else 'NOT LOADED', file=sys.stderr)
main(['--workspace', {str(ws)!r}, 'plan', '--format', 'xlsx', '-o', {str(ws / "p.xlsx")!r}])
print('LOADED' if 'openpyxl' in sys.modules else 'NOT LOADED', file=sys.stderr)
"""
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stderr.split() == ["NOT", "LOADED", "LOADED"], out.stderr
