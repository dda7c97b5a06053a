"""`facilitator evidence` and `facilitator plan SOURCE…` on the command line (issue 15):
exit codes, one-line errors, dates as people type them, skipped files on stderr,
XLSX refused on a terminal, and the workbook read back with openpyxl."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from evidence_year import write_exports, year_of_sessions

from cli_helpers import run_cli, tree_state


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shared")
    write_exports(folder, year_of_sessions())
    (folder / "solbakken" / "kladd.json").write_text("{", "utf-8")
    return folder


def test_json_of_a_year_with_dates_typed_both_ways(capsys, shared, tmp_path):
    a = run_cli(
        capsys,
        "evidence",
        "--from",
        "01.01.2026",
        "--to",
        "2026-12-31",
        "-f",
        "json",
        "--workspace",
        str(tmp_path),
        str(shared),
    )
    assert a.code == 0, a.err
    data = json.loads(a.out)
    assert data["format"] == "facilitator-evidence" and data["schema_version"] == 1
    assert (data["from"], data["to"]) == ("2026-01-01", "2026-12-31")
    assert len(data["sessions"]) == 24
    # The damaged file is one line on stderr, and the pack is made of the rest.
    assert len(a.err_lines) == 1 and "kladd.json" in a.err_lines[0]
    assert a.err_lines[0].startswith("facilitator: hopper over ")


def test_unit_and_english(capsys, shared, tmp_path):
    a = run_cli(
        capsys,
        "evidence",
        "--from",
        "1.1.2026",
        "--to",
        "30.6.2026",
        "--unit",
        "Solbakken sykehjem",
        "-f",
        "md",
        "--lang",
        "en",
        "--workspace",
        str(tmp_path),
        str(shared),
    )
    assert a.code == 0, a.err
    assert "Solbakken sykehjem" in a.out and "Rehabiliteringsavdelingen" not in a.out
    assert "## What this pack does not contain" in a.out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--from", "31.02.2026"], "31.02.2026"),
        (["--from", "2026-12-31", "--to", "2026-01-01"], "før den begynner"),
        (["-f", "pdf"], "pdf"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(capsys, shared, tmp_path, args, says):
    a = run_cli(capsys, "evidence", *args, "--workspace", str(tmp_path), str(shared))
    assert a.code == 2
    assert len(a.err_lines) == 1 and says in a.err_lines[0]
    assert "Traceback" not in a.err


def test_a_source_that_is_not_a_folder(capsys, shared, tmp_path):
    a = run_cli(capsys, "evidence", "--workspace", str(tmp_path), str(shared / "nope"))
    assert a.code == 2 and len(a.err_lines) == 1 and "er ikke en mappe" in a.err_lines[0]


def test_xlsx_to_a_terminal_is_refused(capsys, shared, tmp_path, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    before = tree_state(shared)
    a = run_cli(capsys, "evidence", "-f", "xlsx", "--workspace", str(tmp_path), str(shared))
    assert a.code == 2 and len(a.err_lines) == 1 and "-o" in a.err_lines[0]
    assert tree_state(shared) == before


def test_the_workbook_read_back(capsys, shared, tmp_path):
    out = tmp_path / "pakke.xlsx"
    a = run_cli(
        capsys,
        "evidence",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "-f",
        "xlsx",
        "-o",
        str(out),
        "--workspace",
        str(tmp_path),
        str(shared),
    )
    assert a.code == 0, a.err
    book = openpyxl.load_workbook(io.BytesIO(out.read_bytes()))
    assert book.sheetnames == [
        "Om pakken",
        "Økter",
        "Dekning",
        "Faktorer",
        "Styrker og risikoer",
        "Tiltak",
        "Oppfølging",
    ]
    for sheet in book:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), sheet.title
        assert all(c.font.b for c in sheet[1]), sheet.title
        # No formula anywhere: every value is a plain value.
        assert not any(
            isinstance(v, str) and v.startswith("=") and sheet.cell(r, c).data_type == "f"
            for r, row in enumerate(sheet.iter_rows(values_only=True), 1)
            for c, v in enumerate(row, 1)
        )
    sessions = book["Økter"]
    rows = list(sessions.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 24
    assert all(isinstance(r[1], datetime) for r in rows)  # real dates
    assert all(isinstance(r[4], int) for r in rows)  # real numbers
    assert sessions.cell(2, 2).number_format == "DD.MM.YYYY"
    measures = book["Tiltak"]
    header = [c.value for c in measures[1]]
    deadline, overdue, risk = (header.index(k) for k in ("Frist", "Forfalt", "Risiko"))
    rows = list(measures.iter_rows(min_row=2, values_only=True))
    assert rows and all(r[deadline] is None or isinstance(r[deadline], datetime) for r in rows)
    assert all(r[risk] is None or isinstance(r[risk], int) for r in rows)
    flagged = [r for r in rows if r[overdue] == "ja"]
    assert flagged and all(r[deadline].date() < date(2026, 12, 31) for r in flagged)
    follow = list(book["Oppfølging"].iter_rows(min_row=2, values_only=True))
    assert {r[5] for r in follow} >= {"ja", "delvis", "nei"}


def test_the_plan_of_a_shared_folder(capsys, shared, tmp_path):
    a = run_cli(capsys, "plan", "--as-of", "01.10.2026", "--workspace", str(tmp_path), str(shared))
    assert a.code == 0, a.err
    assert "# HMS-handlingsplan" in a.out and "FORFALT" in a.out
    assert len(a.err_lines) == 1 and "kladd.json" in a.err_lines[0]
    b = run_cli(capsys, "plan", "--audience", "group", "--workspace", str(tmp_path), str(shared))
    assert b.code == 2 and len(b.err_lines) == 1


def test_without_a_source_the_workspace_is_read(capsys, tmp_path):
    from facilitator.session.store import SessionStore

    store = SessionStore(tmp_path)
    for s in year_of_sessions()[:4]:
        store.save(s)
    a = run_cli(
        capsys, "evidence", "--to", "31.12.2026", "-f", "json", "--workspace", str(tmp_path)
    )
    assert a.code == 0, a.err
    assert len(json.loads(a.out)["sessions"]) == 4
