"""Start-up and memory, in real processes: the screen app against a bare Textual
app (in a pseudo-terminal, to the first frame that shows its content), and the
commands without a screen against `python -c "import pydantic, rich"`: Python
with the two libraries every command loads, the floor of this stack."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

import bare_app
from common import (
    PARTICIPANTS,
    SAMPLE,
    Figure,
    child_env,
    command,
    interleaved,
    median,
    ratio_figure,
    timed,
    workspace_with_sample,
)
from terminal import run_in_terminal

BARE = [sys.executable, str(Path(bare_app.__file__).resolve())]
BARE_MARKER = bare_app.MARKER.encode()
START_MARKER = b"New session"  # the start screen's first option, with --lang en
RUN_MARKER = b"Aisha"  # a participant: on the run screen only
PYDANTIC = "(for reference) Python defining one pydantic model with one field"
ONE_MODEL = "from pydantic import BaseModel\n\nclass M(BaseModel):\n    x: int\n"
"""The least a command that checks a file with pydantic loads: the first model
class loads most of pydantic (its schema builder, and the plugins it looks for)."""
BASELINE = [sys.executable, "-c", "import pydantic, rich"]
BASELINE_WHAT = '`python -c "import pydantic, rich"`'
SETTLE_SECONDS = 1.0
"""How long the run screen runs (four redraws a second) before its memory is read."""


def screen_startup(repeat: int) -> list[Figure]:
    """`facilitator` (the start screen, one session in the workspace) until the
    frame that shows it, against the bare app until the frame that shows it."""
    env = child_env()
    with tempfile.TemporaryDirectory() as tmp:
        ws = workspace_with_sample(Path(tmp))
        ours = [*command("facilitator"), "--lang", "en", "--workspace", str(ws)]
        models = [*BARE, "facilitator.session.model"]
        times = interleaved(
            {
                "bare": lambda: run_in_terminal(BARE, BARE_MARKER, env).first_frame,
                "ours": lambda: run_in_terminal(ours, START_MARKER, env).first_frame,
                "models": lambda: run_in_terminal(models, BARE_MARKER, env).first_frame,
            },
            repeat,
        )
    bare = "bare Textual app, one `Static`"
    return [
        ratio_figure(
            "start-up to the first frame of the start screen (`facilitator`)",
            times["ours"] * 1000,
            times["bare"] * 1000,
            bare,
            "ms",
            1.3,
        ),
        Figure(
            "(for reference) the bare app importing our session model (pydantic) first",
            times["models"] * 1000,
            times["bare"] * 1000,
            bare,
            "ms",
            "–",
            None,
        ),
    ]


def run_screen_memory(repeat: int) -> list[Figure]:
    """Peak memory of `facilitator run` with six participants on the default
    agenda, a second after its first frame, against the bare app's."""
    env = child_env()

    def ours() -> float:
        with tempfile.TemporaryDirectory() as tmp:
            argv = [*command("facilitator"), "--lang", "en", "--workspace", tmp, "run"]
            argv += ["--participants", PARTICIPANTS]
            return run_in_terminal(argv, RUN_MARKER, env, SETTLE_SECONDS).max_rss

    models = [*BARE, "facilitator.session.model"]
    peaks = interleaved(
        {
            "bare": lambda: run_in_terminal(BARE, BARE_MARKER, env, SETTLE_SECONDS).max_rss,
            "ours": ours,
            "models": lambda: run_in_terminal(models, BARE_MARKER, env, SETTLE_SECONDS).max_rss,
        },
        repeat,
    )
    mib = 1024 * 1024
    return [
        ratio_figure(
            "peak memory, run screen, 6 participants (`facilitator run`)",
            peaks["ours"] / mib,
            peaks["bare"] / mib,
            "bare Textual app",
            "MiB",
            1.25,
        ),
        Figure(
            "(for reference) peak memory of the bare app importing our session model first",
            peaks["models"] / mib,
            peaks["bare"] / mib,
            "bare Textual app",
            "MiB",
            "–",
            None,
        ),
    ]


def _cli(*args: str) -> list[str]:
    return [*command("facilitator"), *args]


def _run_quietly(argv: list[str]) -> float:
    # Our own interpreter and our own arguments: nothing untrusted goes in.
    return timed(
        lambda: subprocess.run(  # noqa: S603
            argv, check=True, env=child_env(), stdout=subprocess.DEVNULL
        )
    )


def command_startup(repeat: int) -> list[Figure]:
    """Each command without a screen, start to exit, against Python starting and
    importing pydantic and rich (what they read and print with). For reference,
    Python defining a single pydantic model: the floor of a command that reads a file."""
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            "`facilitator agenda show kollegaveiledning`": _cli(
                "--workspace", tmp, "agenda", "show", "kollegaveiledning"
            ),
            "`facilitator export <sample>`": _cli("--workspace", tmp, "export", str(SAMPLE)),
        }
        commands[PYDANTIC] = [sys.executable, "-c", ONE_MODEL]
        fns = {name: (lambda argv=argv: _run_quietly(argv)) for name, argv in commands.items()}
        times = interleaved({"baseline": lambda: _run_quietly(BASELINE), **fns}, repeat)
    figures = [
        ratio_figure(
            name if name == PYDANTIC else f"{name}, start to exit",
            times[name] * 1000,
            times["baseline"] * 1000,
            BASELINE_WHAT,
            "ms",
            1.5,
        )
        for name in commands
    ]
    reference = figures.pop()
    return [*figures, replace(reference, target="–", passed=None)]


def imported_modules(args: list[str]) -> dict[str, int]:
    """Each module `python ARGS` imports, with its own import time in µs
    (Python's `-X importtime`)."""
    argv = [sys.executable, "-X", "importtime", *args]
    # Our own interpreter and our own arguments: nothing untrusted goes in.
    done = subprocess.run(  # noqa: S603
        argv, env=child_env(), capture_output=True, text=True, check=True
    )
    modules: dict[str, int] = {}
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, _cumulative, name = line.removeprefix("import time:").split("|")
        modules[name.strip()] = int(own)
    return modules


def no_textual(repeat: int) -> list[Figure]:
    """The commands without a screen import nothing from Textual."""
    del repeat  # one look is proof enough
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for what, args in {
            "`agenda show`": ["agenda", "show", "kollegaveiledning"],
            "`export`": ["export", str(SAMPLE)],
        }.items():
            modules = imported_modules(["-m", "facilitator", "--workspace", tmp, *args])
            textual = [m for m in modules if m.split(".")[0] == "textual"]
            out.append(
                Figure(
                    f"Textual modules imported by {what} (of {len(modules)} modules)",
                    len(textual),
                    None,
                    "",
                    "",
                    "0",
                    not textual,
                )
            )
    return out


def import_costs(args: list[str], runs: int = 5) -> list[tuple[str, float]]:
    """Where the start-up of `python ARGS` goes: import time by package
    (facilitator's by module), median of `runs` runs, in ms, largest first."""
    per_run: dict[str, list[float]] = defaultdict(list)
    for _ in range(runs):
        totals: Counter[str] = Counter()
        for name, own in imported_modules(args).items():
            parts = name.split(".")
            totals[".".join(parts[:3]) if parts[0] == "facilitator" else parts[0]] += own
        for name, own in totals.items():
            per_run[name].append(own / 1000)
    costs = [(name, median(values)) for name, values in per_run.items()]
    return sorted(costs, key=lambda item: -item[1])
