"""`facilitator export` and `facilitator plan` as a person runs them: output,
files written owner-only, one line and exit 2 for every mistake, no Textual."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
SAMPLE_ID = SAMPLE.stem


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "120", "TZ": "UTC", **(env or {})},
    )


@pytest.fixture
def ws(sample_workspace: Path) -> Path:
    return sample_workspace


def test_export_defaults_to_markdown_for_management(ws):
    out = run("--workspace", str(ws), "export", SAMPLE_ID[:12])
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# Oppsummering til ledelsen og AMU: Ledergruppe Helse Øst")
    assert "Kari" not in out.stdout and "Taletid" not in out.stdout
    assert out.stderr == ""


def test_export_every_format_by_path(ws):
    path = str(ws / "sessions" / SAMPLE.name)
    md = run("export", path, "--audience", "group")
    assert "Taletid per person" in md.stdout and "Kari Nordmann" in md.stdout
    page = run("export", path, "-f", "html")
    assert page.stdout.startswith("<!DOCTYPE html>") and '<html lang="nb">' in page.stdout
    data = json.loads(run("export", path, "-f", "json").stdout)
    assert data["audience"] == "management" and data["participants"] is None
    sheet = subprocess.run(
        [sys.executable, "-m", "facilitator", "export", path, "-f", "csv"],
        capture_output=True,
        env={"PATH": "/usr/bin:/bin"},
    ).stdout
    assert sheet.startswith('\ufeff"Utfordring/risiko";'.encode()) and b"\r\n" in sheet
    ics = run("export", path, "-f", "ics", env={"SOURCE_DATE_EPOCH": "1772539200"}).stdout
    assert "BEGIN:VCALENDAR" in ics and "DTSTAMP:20260303T120000Z" in ics


def test_export_language_is_the_sessions_unless_asked(ws):
    assert "## Tiltak" in run("--workspace", str(ws), "export", SAMPLE_ID).stdout
    english = run("--workspace", str(ws), "export", SAMPLE_ID, "--lang", "en").stdout
    assert "## Measures" in english and "## Tiltak" not in english


def test_output_file_is_owner_only_and_the_folder_is_left_alone(ws, tmp_path):
    folder = tmp_path / "delt mappe"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    target = folder / "referat.html"
    target.write_text("old", "utf-8")
    target.chmod(0o644)
    out = run(
        "--workspace", str(ws), "export", SAMPLE_ID, "--audience", "group", "-f", "html",
        "-o", str(target),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "personopplysninger" in out.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in folder.iterdir()] == ["referat.html"]  # no temporary left


@pytest.mark.parametrize(
    "args",
    [
        ("export",),
        ("export", "no-such-session"),
        ("export", "2026", "--format", "pdf"),
        ("export", "2026", "--audience", "everyone"),
        ("export", "2026", "-o", "/no/such/folder/x.md"),
        ("export", "2026", "-o", "sessions/annen.toml"),
        ("export", "2026", "--schema"),
        ("plan", "--as-of", "1. mars"),
        ("plan", "--status", "closed"),
    ],
)
def test_mistakes_are_one_line_and_exit_2(ws, args, monkeypatch):
    monkeypatch.chdir(ws)  # so that relative paths in args point into the workspace
    out = run("--workspace", str(ws), *args)
    assert out.returncode == 2, out.stdout
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert not (ws / "sessions" / "annen.toml").exists()


def test_damaged_session_is_one_line(ws):
    broken = ws / "sessions" / "2026-01-01-odelagt.toml"
    text = SAMPLE.read_text("utf-8").replace("date = 2026-03-02", 'date = "i går"')
    broken.write_text(text, "utf-8")
    out = run("--workspace", str(ws), "export", "2026-01-01", "--lang", "en")
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "date" in out.stderr and "Traceback" not in out.stderr


def test_schema_describes_the_json(ws):
    schema = json.loads(run("export", "--schema").stdout)
    data = json.loads(run("--workspace", str(ws), "export", SAMPLE_ID, "-f", "json").stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert set(data) == set(schema["properties"])
    assert set(schema["required"]) <= set(data)
    # every key is explained, for whoever builds on the JSON (an HR system, a script)
    definitions = {**schema["$defs"], "Summary": schema}
    undescribed = [
        f"{name}.{key}"
        for name, d in definitions.items()
        for key, prop in d.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert undescribed == []


def test_plan_skips_a_damaged_file_with_a_warning(ws):
    (ws / "sessions" / "odelagt.toml").write_text("[[[", "utf-8")
    out = run("--workspace", str(ws), "plan", "--as-of", "2026-03-25", "--lang", "en")
    assert out.returncode == 0
    assert out.stdout.startswith("# HMS action plan")
    assert "6 measures, 1 overdue." in out.stdout
    assert out.stderr.count("\n") == 1 and "skipping" in out.stderr and "odelagt.toml" in out.stderr


def test_plan_csv_to_a_file(ws):
    target = ws / "handlingsplan.csv"
    out = run("--workspace", str(ws), "plan", "-f", "csv", "--status", "open", "-o", str(target))
    assert out.returncode == 0, out.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    data = target.read_bytes()
    assert data.startswith('\ufeff"Utfordring/risiko";'.encode()) and data.endswith(b"\r\n")
    assert "Faste morgenmøter".encode() not in data  # done: not open


def test_export_and_plan_do_not_import_textual(ws):
    probe = (
        "import sys\nfrom facilitator.cli import main\n"
        f"main(['--workspace', {str(ws)!r}, 'export', {SAMPLE_ID!r}, '-f', 'html'])\n"
        f"main(['--workspace', {str(ws)!r}, 'plan'])\n"
        "print(any(m.split('.')[0] == 'textual' for m in sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stderr.strip() == "False"
