"""How long `facilitator plan` takes over 10, 100 and 1,000 sessions, and
`facilitator export` of one session.

    python benchmarks/plan_and_export.py [--sizes 10 100 1000]

Each workspace is filled with copies of the sample session (about 40 KB each,
with its agenda snapshot, clocks and notes), given their own ids and dates, and
with new measures each time and one measure carried on from the session before,
as a group meeting every week would have. The times are wall-clock, best of
three: in-process (reading and building the plan) and the whole command in a
fresh process (Python's start included), as a user would run it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from facilitator.report.action_plan import workspace_plan
from facilitator.session.model import Measure, new_id
from facilitator.session.store import SessionStore

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sessions" / "2026-03-02-ledergruppe-helse-ost-demo.toml"


def fill(workspace: Path, n: int) -> None:
    store = SessionStore(workspace)
    template = store.load(SAMPLE)
    previous = None
    for i in range(n):
        session = template.model_copy(deep=True)
        session.date = date(2020, 1, 6) + timedelta(days=7 * i)
        session.id = f"{session.date.isoformat()}-benk-{i:04d}"
        fresh: list[Measure] = [
            m.model_copy(update={"id": new_id(), "carried_from": None})
            for m in template.measures
            if m.carried_from is None
        ]
        if previous is not None:
            fresh.append(previous[0].model_copy(update={"carried_from": previous[1]}))
        session.measures = fresh
        previous = (fresh[0], session.id)
        store.save(session)


def best(fn: Callable[[], object], times: int = 3) -> float:
    out = []
    for _ in range(times):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return min(out)


def command(*args: str) -> None:
    # Our own interpreter and our own arguments: nothing untrusted goes in.
    subprocess.run(  # noqa: S603
        [sys.executable, "-m", "facilitator", *args], check=True, capture_output=True
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    args = parser.parse_args()
    print(f"{'sessions':>8} {'rows':>6} {'in-process':>11} {'facilitator plan':>17}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            ws = Path(tmp)
            fill(ws, n)
            rows = len(workspace_plan(ws, date(2026, 3, 25), "nb").rows)
            inside = best(lambda ws=ws: workspace_plan(ws, date(2026, 3, 25), "nb"))
            whole = best(lambda ws=ws: command("--workspace", str(ws), "plan", "-f", "csv"))
            print(f"{n:>8} {rows:>6} {inside:>10.3f}s {whole:>16.3f}s")
    for fmt in ("md", "html", "csv", "json", "ics"):
        t = best(lambda fmt=fmt: command("export", str(SAMPLE), "-f", fmt))
        print(f"facilitator export (sample, {fmt}): {t:.3f}s")
    startup = best(lambda: command("--version"))
    print(f"facilitator --version (Python start and imports only): {startup:.3f}s")


if __name__ == "__main__":
    main()
