"""The domain and the screen-less commands must not import Textual."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

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


# The layers and the Textual contract in pyproject.toml ([tool.importlinter]), checked
# by import-linter on the real import graph (imports inside functions count too).
LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def test_the_import_contracts_hold():
    out = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-cache", "--no-logo"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Contracts: 2 kept, 0 broken." in out.stdout, out.stdout


def _contracts() -> dict[str, dict]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def _top_level_modules() -> set[str]:
    root = REPO / "facilitator"
    names = {p.stem for p in root.glob("*.py") if p.stem != "__init__"}
    names |= {p.parent.name for p in root.glob("*/__init__.py")}
    return {f"facilitator.{n}" for n in names}


def test_every_module_has_a_layer():
    # A module named in no layer would be free to import anything: a new one must
    # be given its place.
    layered = {
        name.strip().strip("()")
        for layer in _contracts()["layers"]["layers"]
        for name in layer.replace("|", ":").split(":")
    }
    assert _top_level_modules() - layered == set()


def _private_names(source: str) -> set[str]:
    """`_name`s a body of code defines: methods, attributes set on `self`, fields."""
    return (
        set(re.findall(r"def (_[a-z]\w*)", source))
        | set(re.findall(r"self\.(_[a-z]\w*)\s*(?::[^=\n]*)?=(?!=)", source))
        | set(re.findall(r"^\s*(_[a-z]\w*)\s*:", source, re.MULTILINE))
    )


def test_textual_private_names_are_used_in_one_module_only():
    # tui/textual_words.py says why it needs them; anywhere else, an upgrade of
    # Textual could break the screen with no test pointing at the cause.
    textual = Path(importlib.util.find_spec("textual").origin).parent
    theirs = set()
    for path in textual.rglob("*.py"):
        theirs |= _private_names(path.read_text(encoding="utf-8"))
    sources = {p: p.read_text(encoding="utf-8") for p in (REPO / "facilitator").rglob("*.py")}
    ours = set()  # (what textual_words sets on Textual's objects is theirs)
    for path, text in sources.items():
        if path.name != "textual_words.py":
            ours |= _private_names(text)
    found = []
    for path, text in sources.items():
        if "tui" not in path.parts or path.name == "textual_words.py":
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            names = set(re.findall(r"\.(_[a-z]\w*)", line)) | set(
                re.findall(r"""getattr\([^,]+,\s*["'](_[a-z]\w*)""", line)
            )
            if (names & theirs) - ours or re.search(r"\btextual(\.\w+)*\._\w", line):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
