"""The README's Quick start must stay what CI runs and what works."""

from __future__ import annotations

from conftest import REPO


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    command = "python3 -m venv .venv && . .venv/bin/activate && pip install -q '.[test]' && pytest"
    assert command in readme
    assert command in ci


def test_quick_start_runs_the_default_agenda():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert (
        "python3 -m venv .venv && . .venv/bin/activate && pip install . && facilitator run"
        in readme
    )
