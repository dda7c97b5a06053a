"""The performance figures of facilitator, each against a baseline measured in
the same run, with its target and PASS or MISS.

    python benchmarks/run.py            # the figures in the README (a few minutes)
    python benchmarks/run.py --quick    # fewer repetitions (about two minutes)
    python benchmarks/run.py --only saving timer cpu

Run it from the repository with the development install active. Machines are
noisy, so every figure is a ratio against something measured in the same run,
taking turns with it, and the median of several runs. Prints a Markdown table,
then where the start-up time of two commands goes (Python's `-X importtime`).
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version

import cpu
import documents
import room
import saving
import startup
import timer_accuracy
from common import REPO, SAMPLE, Figure, table


@dataclass(frozen=True)
class Effort:
    """How many times each thing is measured."""

    terminal: int
    memory: int
    commands: int
    export: int
    plan_sizes: list[int]
    plan: int
    save: int
    keys: int
    timer_step: float
    """Mean step of the fake clock, in seconds: smaller means more redraws checked."""
    cpu_seconds: float
    """How long the processor time of the running timer is measured."""
    room: room.Effort
    """Keys and runs with and without phones for the room (benchmarks/room.py)."""


FULL = Effort(
    terminal=15,
    memory=5,
    commands=20,
    export=30,
    plan_sizes=[10, 100, 1000],
    plan=5,
    save=50,
    keys=120,
    timer_step=5,
    cpu_seconds=60,
    room=room.FULL,
)
QUICK = Effort(
    terminal=5,
    memory=3,
    commands=7,
    export=10,
    plan_sizes=[10, 100, 1000],
    plan=1,
    save=15,
    keys=40,
    timer_step=30,
    cpu_seconds=15,
    room=room.QUICK,
)


def sections(effort: Effort, seed: int) -> dict[str, Callable[[], list[Figure]]]:
    return {
        "startup": lambda: [
            *startup.screen_startup(effort.terminal),
            *startup.command_startup(effort.commands),
            *startup.no_textual(1),
        ],
        "memory": lambda: startup.run_screen_memory(effort.memory),
        "documents": lambda: [
            *documents.export(effort.export),
            *documents.plan(effort.plan_sizes, effort.plan),
        ],
        "saving": lambda: [saving.save(effort.save), *saving.typing(effort.keys, seed)],
        "timer": lambda: [timer_accuracy.timer(seed, effort.timer_step)],
        "cpu": lambda: cpu.running_timer(effort.cpu_seconds),
        "room": lambda: room.room(effort.room, seed),
    }


def where_the_time_goes() -> str:
    lines = []
    for what, args in {
        "`facilitator agenda show kollegaveiledning`": [
            "-m",
            "facilitator",
            "agenda",
            "show",
            "kollegaveiledning",
        ],
        "`facilitator export <sample>`": ["-m", "facilitator", "export", str(SAMPLE)],
        "the start screen's imports (`facilitator.tui.app`)": [
            "-c",
            "import facilitator.cli, facilitator.commands.tui, facilitator.tui.app",
        ],
    }.items():
        costs = startup.import_costs(args)
        total = sum(ms for _, ms in costs)
        top = ", ".join(f"{name} {ms:.0f}" for name, ms in costs[:10])
        lines.append(f"- {what}: {total:.0f} ms of imports; most: {top} (ms)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--seed", type=int, default=1, help="for the random typing and clock")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="SECTION",
        help="startup memory documents saving timer cpu room",
    )
    args = parser.parse_args()
    effort = QUICK if args.quick else FULL
    # As after `pip install`, which compiles the package: no run pays for compiling.
    compileall.compile_dir(REPO / "facilitator", quiet=1)
    chosen = sections(effort, args.seed)
    for name in args.only or []:
        if name not in chosen:
            parser.error(f"no section {name!r}; there are {', '.join(chosen)}")
    started = time.perf_counter()
    figures: list[Figure] = []
    for name, measure in chosen.items():
        if args.only and name not in args.only:
            continue
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        figures.extend(measure())
    print(table(figures))
    print()
    print(
        f"Python {platform.python_version()}, textual {version('textual')}, "
        f"pydantic {version('pydantic')}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the end; {'quick' if args.quick else 'full'} run, "
        f"{time.perf_counter() - started:.0f} s."
    )
    if not args.only or "startup" in args.only:
        print()
        print("Where start-up goes (`-X importtime`, own time by package):")
        print(where_the_time_goes())


if __name__ == "__main__":
    main()
