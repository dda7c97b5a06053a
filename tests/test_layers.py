"""The domain and the screen-less commands must not import Textual."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import REPO

SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
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
        f"main(['--workspace', {str(tmp_path)!r}, 'export', {str(SAMPLE)!r}])\n"
        f"main(['--workspace', {str(REPO)!r}, 'plan'])\n"
    )
    assert not _imports_textual(code)


def test_the_way_to_the_first_frame_does_not_load_pydantic():
    # The command line, the app and the start screen: pydantic (and the models)
    # load after the first frame, in the worker that lists the sessions.
    probe = (
        "import sys\n"
        "import facilitator.cli, facilitator.commands.tui, facilitator.i18n\n"
        "import facilitator.tui.app, facilitator.tui.screens.start\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


# What the start screen leaves for later: the other screens, Markdown (help), the
# workshop and the exports. Start-up to its first frame is measured by
# benchmarks/run.py; importing them before it made `facilitator` start a third slower.
NOT_AT_START = (
    "facilitator.report",
    "facilitator.workshop",
    "facilitator.tui.screens.run",
    "facilitator.tui.screens.setup",
    "facilitator.tui.screens.help",
    "facilitator.tui.screens.export",
    "markdown_it",
)


def test_the_start_screen_imports_only_what_it_shows(tmp_path):
    (tmp_path / "sessions").mkdir()
    shutil.copy(SAMPLE, tmp_path / "sessions" / SAMPLE.name)
    code = f"""
import asyncio, sys
from pathlib import Path
import facilitator.cli, facilitator.commands.tui  # the way `facilitator` gets to the app
from facilitator.tui.app import FacilitatorApp, Launch
from facilitator.tui.screens.start import StartScreen

async def start():
    app = FacilitatorApp(Path({str(tmp_path)!r}), "nb", Launch(mode="start"))
    async with app.run_test() as pilot:
        while not isinstance(app.screen, StartScreen):
            await pilot.pause(0.01)
        await pilot.pause()
        while app.screen.listed is None:
            await pilot.pause(0.01)
        assert len(app.screen.listed) == 1, app.screen.listed

asyncio.run(start())
print("\\n".join(sorted(sys.modules)))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    modules = out.stdout.split()
    assert "facilitator.tui.screens.start" in modules
    early = [m for m in modules if m.startswith(NOT_AT_START)]
    assert not early, early


def test_no_textual_import_statement_outside_ui():
    for path in (REPO / "facilitator").rglob("*.py"):
        if {"tui", "screens", "widgets"} & set(path.parts):
            continue
        text = path.read_text(encoding="utf-8")
        assert "import textual" not in text and "from textual" not in text, path
