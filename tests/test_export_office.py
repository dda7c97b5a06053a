"""The CSV and XLSX exports opened in LibreOffice itself (`soffice --headless`).

Run on its own: `pytest -m office` (needs LibreOffice Calc, e.g. the Debian
package `libreoffice-calc-nogui`; each conversion starts the program, a few
seconds). The CSV is imported with the options of Calc's import dialog as it
opens (tab, comma and semicolon all separators, `"` delimits text, UTF-8); our
XLSX is opened and written back out as CSV, as PDF and as XLSX.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from test_export_csv_readback import session_with

from facilitator.i18n import Lang
from facilitator.law import Paragraph
from facilitator.report.action_csv import neutralise
from facilitator.report.action_plan import workspace_plan
from facilitator.report.action_xlsx import plan_xlsx
from facilitator.report.build import build_summary
from facilitator.report.formats import render_summary_file
from facilitator.report.model import Audience, Summary
from facilitator.report.plan_layout import plan_csv
from facilitator.report.words import columns
from facilitator.session.model import Measure
from facilitator.session.store import SessionStore

from conftest import REPO

pytestmark = pytest.mark.office

SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
STAMP = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
CSV_IMPORT = "CSV:9/44/59,34,76"
"""Calc's import dialog as it opens: separators tab (9), comma (44) and semicolon
(59), text delimiter `"` (34), character set UTF-8 (76)."""
CSV_EXPORT = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,true,true"
"""Semicolons, every text in quotes, UTF-8, cells as shown."""

TRICKY = [
    '=HYPERLINK("http://x","klikk")',
    "+47 22 00 00 00",
    "-1 i snitt",
    "@SUM(A1:A2)",
    'Møter, ukentlig; "alltid"\tog\nikke bare i helgene',
    "a,b,c;d;e\tf",
    "#N/A",
]
AS_TEXT_ONLY_IN_XLSX = ["1,5", "2026-04-15", "0047"]
"""Texts that a CSV cannot keep as text (a spreadsheet reads them as a number or a
date, whatever the quotes): the XLSX keeps them as typed."""


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("LibreOffice is not installed: apt-get install libreoffice-calc-nogui")
    return found


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LibreOffice user profile of our own, so nothing of the user's is touched."""
    return tmp_path_factory.mktemp("lo-profile")


def convert(soffice: str, profile: Path, files: list[Path], to: str, infilter: str = "") -> None:
    """Each of `files` converted by LibreOffice, next to itself (`--convert-to to`)."""
    args = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore"]
    if infilter:
        args.append(f"--infilter={infilter}")
    args += ["--convert-to", to, "--outdir", str(files[0].parent), *map(str, files)]
    out = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr


def sheet_of(path: Path) -> Worksheet:
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


def cells(sheet: Worksheet) -> Iterator[tuple[int, int, object, str]]:
    for row in sheet.iter_rows():
        for c in row:
            yield c.row, c.column, c.value, c.data_type


def tricky_summary(lang: Lang = "nb") -> Summary:
    items = [
        Measure(
            what=text,
            challenge=text,
            owner=text,
            factor=Paragraph.P2C,
            deadline=date(2026, 4, 15),
            likelihood=4,
            consequence=3,
            created_at=NOW,
        )
        for text in [*TRICKY, *AS_TEXT_ONLY_IN_XLSX]
    ]
    return build_summary(session_with(items, lang), Audience.GROUP)


@pytest.fixture(scope="module")
def documents() -> dict[str, tuple[Lang, list[list[object]], int]]:
    """name: the language, the typed rows (as the XLSX holds them), the columns."""
    session = SessionStore(REPO, "nb").load(SAMPLE)
    out: dict[str, tuple[Lang, list[list[object]], int]] = {}
    for audience in Audience:
        for lang in ("nb", "en"):
            summary = build_summary(session, audience, lang)
            out[f"sample-{audience.value}-{lang}"] = (lang, summary_rows(summary), 11)
    out["tricky"] = ("nb", summary_rows(tricky_summary()), 11)
    return out


def summary_rows(summary: Summary) -> list[list[object]]:
    from facilitator.report.action_csv import measure_values

    return [list(measure_values(m, summary.lang)) for m in summary.all_measures]


def write_documents(folder: Path, ext: str, plan_workspace: Path) -> list[Path]:
    session = SessionStore(REPO, "nb").load(SAMPLE)
    paths = []
    for audience in Audience:
        for lang in ("nb", "en"):
            summary = build_summary(session, audience, lang)
            path = folder / f"sample-{audience.value}-{lang}.{ext}"
            path.write_bytes(render_summary_file(summary, ext, STAMP))  # type: ignore[arg-type]
            paths.append(path)
    path = folder / f"tricky.{ext}"
    path.write_bytes(render_summary_file(tricky_summary(), ext, STAMP))  # type: ignore[arg-type]
    paths.append(path)
    plan = workspace_plan(plan_workspace, date(2026, 3, 25), "nb")
    path = folder / f"plan.{ext}"
    path.write_bytes(plan_csv(plan).encode() if ext == "csv" else plan_xlsx(plan, STAMP))
    return [*paths, path]


@pytest.fixture
def plan_workspace(tmp_path: Path) -> Path:
    (tmp_path / "ws" / "sessions").mkdir(parents=True)
    shutil.copy(SAMPLE, tmp_path / "ws" / "sessions" / SAMPLE.name)
    return tmp_path / "ws"


def test_csv_opens_in_its_columns(soffice, profile, tmp_path, documents, plan_workspace):
    folder = tmp_path / "csv"
    folder.mkdir()
    paths = write_documents(folder, "csv", plan_workspace)
    convert(soffice, profile, paths, "xlsx", CSV_IMPORT)
    for path in paths:
        sheet = sheet_of(path.with_suffix(".xlsx"))
        if path.stem == "plan":
            assert sheet.max_column == 13
            assert [c.value for c in sheet[1]][-2:] == ["Kilde", "Forfalt"]
            continue
        lang, rows, width = documents[path.stem]
        assert sheet.max_column == width, path.name
        assert [c.value for c in sheet[1]] == columns(lang)
        assert sheet.max_row == 1 + len(rows)
        for typed, got in zip(rows, sheet.iter_rows(min_row=2, values_only=True), strict=True):
            for i in (0, 5, 6):  # challenge, measure, owner: texts as typed
                text = str(typed[i])
                if text in AS_TEXT_ONLY_IN_XLSX:
                    continue
                assert got[i] == (neutralise(text) or None), (path.name, i, got[i])
            assert got[2:5] == tuple(typed[2:5])  # scores as numbers
            if typed[7] is not None:  # the deadline as a date
                assert isinstance(got[7], datetime) and got[7].date() == typed[7]
        assert all(t != "f" for *_, t in cells(sheet)), path.name


def test_the_old_unquoted_csv_did_split(soffice, profile, tmp_path):
    # What issue 11 reported, so we know the import above is the one that splits.
    path = tmp_path / "old.csv"
    old = io.StringIO()
    csv.writer(old, delimiter=";", lineterminator="\r\n").writerows(
        [columns("nb"), ["Møter, ukentlig", *["x"] * 10]]
    )
    path.write_text("\ufeff" + old.getvalue(), "utf-8")
    convert(soffice, profile, [path], "xlsx", CSV_IMPORT)
    assert sheet_of(path.with_suffix(".xlsx")).max_column == 12


def test_xlsx_opens_and_keeps_text_as_text(soffice, profile, tmp_path, documents, plan_workspace):
    folder = tmp_path / "xlsx"
    folder.mkdir()
    paths = write_documents(folder, "xlsx", plan_workspace)
    # Out as CSV (what Calc shows, cell by cell) and back in as XLSX (what Calc keeps).
    convert(soffice, profile, paths, CSV_EXPORT)
    again = folder / "again"
    again.mkdir()
    copies = [again / p.name for p in paths]
    for p, c in zip(paths, copies, strict=True):
        shutil.copy(p, c)
    convert(soffice, profile, copies, "xlsx:Calc MS Excel 2007 XML")
    for path, copy in zip(paths, copies, strict=True):
        text = path.with_suffix(".csv").read_bytes().decode("utf-8")
        shown = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        if path.stem == "plan":
            assert len(shown[0]) == 13 and shown[0][-1] == "Forfalt"
            continue
        lang, rows, width = documents[path.stem]
        assert shown[0] == columns(lang)
        assert len(shown) == 1 + len(rows) and all(len(r) == width for r in shown)
        for typed, got in zip(rows, shown[1:], strict=True):
            for i in (0, 5, 6):  # as typed, no `'` in front, line breaks kept
                assert got[i] == "\n".join(str(typed[i]).splitlines()), (path.name, got[i])
            if isinstance(typed[7], date):  # a date, shown in the language's way
                day = typed[7]
                assert got[7] == (f"{day:%d.%m.%Y}" if lang == "nb" else day.isoformat())
        saved = sheet_of(copy)
        assert all(t != "f" for *_, t in cells(saved)), path.name
        assert saved.freeze_panes == "A2"
        if path.stem == "tricky":
            texts = [saved.cell(row=r, column=6).value for r in range(2, saved.max_row + 1)]
            assert sorted(texts) == sorted(str(r[5]) for r in rows)  # "1,5" stays text


def test_xlsx_prints_landscape(soffice, profile, tmp_path, plan_workspace):
    folder = tmp_path / "pdf"
    folder.mkdir()
    plan = workspace_plan(plan_workspace, date(2026, 3, 25), "nb")
    path = folder / "plan.xlsx"
    path.write_bytes(plan_xlsx(plan, STAMP))
    convert(soffice, profile, [path], "pdf")
    pdf = path.with_suffix(".pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes
    for width, height in boxes:  # A4 on its side: 842 × 595 points
        assert round(float(width)) == 842 and round(float(height)) == 595
