"""The evidence pack over 100, 1,000 and 10,000 shared management exports (issue 15).

    python benchmarks/evidence.py            # the figures (about a minute)
    python benchmarks/evidence.py --quick    # one repetition at each size

The exports are made from a generated year of three units' sessions
(tests/evidence_year.py: 24 sessions, measures carried from session to session
and followed up), copied as many times as needed, each copy an organisation of
its own (its own units, session references and measure ids, its measures
carried within it), and written into a temporary folder as JSON, one sub-folder
per unit, as units write them to a shared drive. Each figure is the whole pack
in-process: finding and reading every file, merging the measures, laying out
and rendering the document (HTML) or the workbook (XLSX), over a period that
holds every session. The time per export at each size is set against the time
per export at 100, in the same run: a ratio near 1 is linear growth.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from common import REPO, Figure, limit_figure, median, ratio_figure, table, timed

sys.path.insert(0, str(REPO / "tests"))

from evidence_year import year_of_sessions

from facilitator.commands.evidence import render_pack
from facilitator.report.build import build_summary
from facilitator.report.json_export import render_json
from facilitator.report.model import Audience
from facilitator.report.shared_exports import read_folders

SIZES = [100, 1000, 10000]
START, END = date(2020, 1, 1), date(2030, 12, 31)
TODAY = date(2027, 1, 15)
STAMP = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


def templates() -> list[dict[str, Any]]:
    return [
        json.loads(render_json(build_summary(s, Audience.MANAGEMENT))) for s in year_of_sessions()
    ]


def _renamed(data: dict[str, Any], refs: dict[str, str], copy: int) -> dict[str, Any]:
    out = dict(data)
    out["session_id"] = refs[data["session_id"]]
    out["unit"] = f"{data['unit']} {copy}"

    def measure(m: dict[str, Any]) -> dict[str, Any]:
        moved = dict(m)
        moved["id"] = f"{m['id']}-{copy}"
        moved["origin_ref"] = refs.get(m["origin_ref"], m["origin_ref"])
        if m["carried_from"]:
            moved["carried_from"] = refs.get(m["carried_from"], m["carried_from"])
        return moved

    out["measures"] = [measure(m) for m in data["measures"]]
    out["followed_up"] = [measure(m) for m in data["followed_up"]]
    return out


_YEAR = re.compile(r'"(2026|2027)-')


def fill(folder: Path, n: int, base: list[dict[str, Any]]) -> None:
    """`n` management exports in `folder`, made from `base` (see the docstring).
    The copies take turns at the years 2026, 2025, 2024 and 2023 (every date in
    them moved), so a year's pack holds a quarter of the exports."""
    for i in range(n):
        copy, at = divmod(i, len(base))
        template = base[at]
        refs = {
            t["session_id"]: f"{t['session_id'][:10]}-{copy:06x}{j:02d}" for j, t in enumerate(base)
        }
        shift = copy % 4
        text = json.dumps(_renamed(template, refs, copy), ensure_ascii=False)
        text = _YEAR.sub(lambda m, s=shift: f'"{int(m.group(1)) - s}-', text)
        unit = folder / f"{template['unit'].split()[0].lower()}-{copy}"
        unit.mkdir(exist_ok=True)
        (unit / f"{refs[template['session_id']]}-ledelsen.json").write_text(text, "utf-8")


def pack(folder: Path, fmt: str, start: date, end: date) -> Callable[[], object]:
    def run() -> object:
        read = read_folders([folder], "nb")
        return render_pack(read, start, end, "nb", None, fmt, today=TODAY)  # type: ignore[arg-type]

    return run


CASES = {
    "a year's pack": (date(2026, 1, 1), date(2026, 12, 31)),
    "every export in the period": (START, END),
}


def evidence(sizes: list[int], repeat: int) -> list[Figure]:
    base = templates()
    totals: dict[tuple[str, str, int], float] = {}
    reading: dict[int, float] = {}
    for n in sizes:
        times = max(repeat, repeat * sizes[-1] // n // 10)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            fill(folder, n, base)
            read = read_folders([folder], "nb")
            assert len(read.sessions) == n and not read.skipped, (len(read.sessions), n)
            reading[n] = median(
                [timed(lambda f=folder: read_folders([f], "nb")) for _ in range(times)]
            )
            for case, (start, end) in CASES.items():
                for fmt in ("html", "xlsx"):
                    run = pack(folder, fmt, start, end)
                    run()  # warm-up: disk cache, imports
                    totals[(case, fmt, n)] = median([timed(run) for _ in range(times)])
    smallest, largest = sizes[0], sizes[-1]
    figures = [
        limit_figure(
            f"reading {largest:,} shared exports (find, read, check, keep the newest)",
            reading[largest],
            reading[smallest] * largest / smallest,
            f"{smallest:,} exports × {largest // smallest:,}",
            "s",
            3,
        )
    ]
    for case in CASES:
        for fmt in ("html", "xlsx"):
            per = {n: totals[(case, fmt, n)] / n * 1000 for n in sizes}
            figures += [
                ratio_figure(
                    f"`evidence -f {fmt}`, {case}: time per export at {n:,} exports",
                    per[n],
                    per[smallest],
                    f"per export at {smallest:,}",
                    "ms",
                    1.5,
                )
                for n in sizes[1:]
            ]
            figures.append(
                limit_figure(
                    f"`evidence -f {fmt}`, {case}, {largest:,} exports in the folder",
                    totals[(case, fmt, largest)],
                    totals[(case, fmt, smallest)] * largest / smallest,
                    f"{smallest:,} exports × {largest // smallest:,}",
                    "s",
                    3,
                )
            )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repetition at each size")
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    args = parser.parse_args()
    print(table(evidence(args.sizes, 1 if args.quick else 3)))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nPython {platform.python_version()}, {platform.machine()}, load average {load}")


if __name__ == "__main__":
    main()
