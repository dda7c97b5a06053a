"""The domain and the screen-less commands must not import Textual."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO

DOMAIN = [
    p.relative_to(REPO / "facilitator").with_suffix("")
    for p in (REPO / "facilitator").rglob("*.py")
    if not {"tui", "screens", "widgets"} & set(p.parts)
]


def _imports_textual(code: str) -> bool:
    probe = code + ("\nimport sys\nprint(any(m.split('.')[0] == 'textual' for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def test_domain_modules_do_not_import_textual():
    modules = [".".join(("facilitator", *p.parts)).removesuffix(".__init__") for p in DOMAIN]
    modules = [m for m in modules if not m.endswith("__main__")]
    assert len(modules) > 10
    assert not _imports_textual("\n".join(f"import {m}" for m in modules))


def test_cli_commands_do_not_import_textual(tmp_path):
    code = (
        "import sys\nfrom facilitator.cli import main\n"
        f"main(['--workspace', {str(tmp_path)!r}, 'agenda', 'show', 'kollegaveiledning'])\n"
        f"main(['--workspace', {str(tmp_path)!r}, 'sessions'])\n"
        f"main(['--workspace', {str(tmp_path)!r}, 'agenda', 'list'])\n"
    )
    assert not _imports_textual(code)


def test_no_textual_import_statement_outside_ui():
    for path in (REPO / "facilitator").rglob("*.py"):
        if {"tui", "screens", "widgets"} & set(path.parts):
            continue
        text = path.read_text(encoding="utf-8")
        assert "import textual" not in text and "from textual" not in text, path
