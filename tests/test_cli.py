from __future__ import annotations

import subprocess
import sys

import pytest

from facilitator import __version__


def run(*args: str, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "120"},
    )


def test_version():
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"facilitator {__version__}"


@pytest.mark.parametrize(("people", "total"), [("6", "170"), ("4", "140")])
def test_agenda_show_total(workspace, people, total):
    out = run(
        "--workspace",
        str(workspace),
        "agenda",
        "show",
        "kollegaveiledning",
        "--participants",
        people,
        "--start",
        "09:00",
    )
    assert out.returncode == 0, out.stderr
    total_line = next(line for line in out.stdout.splitlines() if "Totalt" in line)
    assert total in total_line
    assert "09:00" in total_line


def test_agenda_show_english_and_booked_end(workspace):
    out = run(
        "agenda",
        "show",
        "kollegaveiledning",
        "-n",
        "6",
        "--start",
        "09:00",
        "--end",
        "11:30",
        "--lang",
        "en",
        "--workspace",
        str(workspace),
    )
    assert out.returncode == 0, out.stderr
    assert "Peer supervision" in out.stdout
    assert "runs 20 min past the booked slot" in out.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("agenda", "show", "no-such-agenda"),
        ("agenda", "show", "kollegaveiledning", "--participants", "zero"),
        ("agenda", "show", "kollegaveiledning", "--participants", "0"),
        ("agenda", "show", "kollegaveiledning", "--start", "25:99"),
        ("agenda", "validate", "/no/such/file.toml"),
        ("no-such-command",),
        ("agenda",),
    ],
)
def test_user_mistakes_are_one_line_and_exit_2(workspace, args):
    out = run("--workspace", str(workspace), *args)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert out.stderr.startswith(("facilitator", "/no/such/file.toml: "))


def test_help_is_translated():
    nb = run("agenda", "show", "--help")
    en = run("--lang", "en", "agenda", "show", "--help")
    assert "bruk:" in nb.stdout and "valg:" in nb.stdout
    assert "usage:" in en.stdout and "options:" in en.stdout


def test_the_version_option_is_explained_in_the_users_language():
    nb = run("--help").stdout
    en = run("--lang", "en", "--help").stdout
    assert "--version        vis versjonsnummeret og avslutt" in nb
    assert "show program's" not in nb
    assert "--version        show the version number and exit" in en


def test_sessions_in_empty_workspace(workspace):
    out = run("--workspace", str(workspace), "sessions", "--lang", "en")
    assert out.returncode == 0
    assert f"Workspace: {workspace}" in out.stdout
    assert "No sessions yet" in out.stdout


def test_agenda_list_shows_default(workspace):
    out = run("--workspace", str(workspace), "agenda", "list")
    assert out.returncode == 0
    assert "kollegaveiledning" in out.stdout
    assert "170" in out.stdout


def test_schema_is_json(workspace):
    import json

    out = run("agenda", "schema")
    schema = json.loads(out.stdout)
    assert schema["else"] == {"$ref": "#/$defs/Agenda"}
    assert "Step" in schema["$defs"] and "StepOverride" in schema["$defs"]


def test_schema_describes_every_field_for_the_editor():
    """What an editor shows on hover: every field of an agenda, in both branches."""
    from facilitator.agenda.schema import agenda_file_schema

    defs = agenda_file_schema()["$defs"]
    for name in ("Agenda", "Step", "Phase", "GroupSize"):
        for branch in (name, f"{name}Override"):
            props = defs[branch]["properties"]
            undescribed = [f for f, p in props.items() if not p.get("description")]
            assert not undescribed, (branch, undescribed)
    assert "minutes_per_participant" in defs["Step"]["properties"]["minutes"]["description"]
    assert "Whole minutes" in defs["Phase"]["properties"]["minutes"]["description"]


def test_schema_without_the_model_sources_still_comes_out(monkeypatch):
    """An install without .py files: no descriptions, but a schema all the same."""
    import inspect

    from facilitator.agenda.schema import agenda_file_schema

    def no_source(obj):
        raise OSError("could not get source code")

    monkeypatch.setattr(inspect, "getsource", no_source)
    defs = agenda_file_schema()["$defs"]
    assert "description" not in defs["Step"]["properties"]["purpose"]
    assert "StepOverride" in defs
