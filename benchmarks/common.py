"""What the benchmarks share: a figure and its table, medians of interleaved runs,
and the workspaces they run in."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"
PARTICIPANTS = "Kari,Ola,Aisha,Per,Lise,Nils"


@dataclass(frozen=True)
class Figure:
    """One row of the table: ours against a baseline measured in the same run."""

    what: str
    ours: float
    baseline: float | None
    baseline_what: str
    unit: str
    target: str
    passed: bool | None
    """None for a figure shown for reference, with no target of its own."""
    digits: int | None = None
    """Decimals to show; by default fewer the larger the number."""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.ours / self.baseline


def ratio_figure(
    what: str, ours: float, baseline: float, baseline_what: str, unit: str, most: float
) -> Figure:
    """A figure whose target is a ratio: at most `most` times the baseline."""
    return Figure(
        what, ours, baseline, baseline_what, unit, f"≤ {most:g}×", ours <= most * baseline
    )


def limit_figure(
    what: str,
    ours: float,
    baseline: float | None,
    baseline_what: str,
    unit: str,
    below: float,
) -> Figure:
    """A figure whose target is absolute (`ours` < `below`); the baseline shows
    what it costs next to something familiar on the same machine."""
    return Figure(what, ours, baseline, baseline_what, unit, f"< {below:g} {unit}", ours < below)


def _number(value: float | None, unit: str, digits: int | None = None) -> str:
    if value is None:
        return "–"
    if unit == "":
        return f"{value:g}"
    if digits is None:
        digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    return f"{value:.{digits}f} {unit}"


def table(figures: list[Figure]) -> str:
    """The figures as a Markdown table, the way the README shows them."""
    rows = [
        ["figure", "ours", "baseline (same run)", "ratio", "target", "result"],
        ["---", "---:", "---", "---:", "---", "---"],
    ]
    for f in figures:
        base = f"{_number(f.baseline, f.unit)} ({f.baseline_what})" if f.baseline_what else "–"
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "–"
        rows.append(
            [
                f.what,
                _number(f.ours, f.unit, f.digits),
                base,
                ratio,
                f.target,
                "–" if f.passed is None else "PASS" if f.passed else "**MISS**",
            ]
        )
    return "\n".join("| " + " | ".join(row) + " |" for row in rows)


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def interleaved(fns: dict[str, Callable[[], float]], repeat: int) -> dict[str, float]:
    """The median of each measurement, taking turns (a, b, a, b, ...) so that a
    burst of load on a shared machine falls on all of them alike. One warm-up
    round first (disk cache, bytecode)."""
    for fn in fns.values():
        fn()
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            samples[name].append(fn())
    return {name: median(values) for name, values in samples.items()}


def command(name: str) -> list[str]:
    """The installed console script beside this Python (what a user runs), or
    `python -m` if it is not there."""
    script = Path(sys.executable).parent / name
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", name]


def child_env(**extra: str) -> dict[str, str]:
    """The environment for the programs measured: bytecode may be written (as
    after `pip install`, which compiles it), no colour or language surprises."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("FACILITATOR_WORKSPACE", None)
    env.pop("FACILITATOR_LANG", None)
    env["TEXTUAL_ANIMATIONS"] = "none"
    env.update(extra)
    return env


def workspace_with_sample(folder: Path) -> Path:
    """A workspace holding the sample session, as a start screen would find it."""
    sessions = folder / "sessions"
    sessions.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE, sessions / SAMPLE.name)
    return folder


async def until(pilot: Any, condition: Callable[[], bool], timeout: float = 20) -> None:
    """In an app driven by Pilot: wait for `condition`, at most `timeout` seconds."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError("the app did not get there")
        await pilot.pause(0.02)
