"""Export of one session and `facilitator plan` over many, in-process.

The plan's workspaces are filled with copies of the sample session (about 40 KB
each, with its agenda snapshot, clocks and notes), given their own ids and dates,
new measures each time and one measure carried on from the session before, as a
group meeting every week would have."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from common import SAMPLE, Figure, interleaved, limit_figure, median, ratio_figure, timed

from facilitator.report.action_plan import workspace_plan
from facilitator.report.build import build_summary
from facilitator.report.formats import render_summary
from facilitator.report.model import Audience
from facilitator.session.model import Measure, new_id
from facilitator.session.store import SessionStore

AS_OF = date(2026, 3, 25)
STAMP = datetime(2026, 3, 25, 12, 0, tzinfo=UTC)
FORMATS = ("md", "html", "csv", "json", "ics")


def export(repeat: int) -> list[Figure]:
    """Reading the sample session and writing its summary, against reading it."""
    store = SessionStore(SAMPLE.parent)

    def one(fmt: str, audience: Audience) -> float:
        return timed(
            lambda: render_summary(build_summary(store.load(SAMPLE), audience), fmt, STAMP)  # type: ignore[arg-type]
        )

    fns = {
        f"{fmt} {audience.value}": (lambda fmt=fmt, audience=audience: one(fmt, audience))
        for fmt in FORMATS
        for audience in Audience
    }
    times = interleaved({"load": lambda: timed(lambda: store.load(SAMPLE)), **fns}, repeat)
    slowest = max(fns, key=lambda name: times[name])
    load = times["load"] * 1000
    return [
        limit_figure(
            "export of one session (sample, md, management), in-process",
            times["md management"] * 1000,
            load,
            "reading the session",
            "ms",
            50,
        ),
        limit_figure(
            f"export of one session, slowest format ({slowest})",
            times[slowest] * 1000,
            load,
            "reading the session",
            "ms",
            50,
        ),
    ]


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


def plan(sizes: list[int], repeat: int) -> list[Figure]:
    """`facilitator plan` (reading every session file and building the plan) over
    each number of sessions; the time per session against that of the smallest."""
    per_session: dict[int, float] = {}
    totals: dict[int, float] = {}
    for n in sizes:
        # Small workspaces are measured more times, so each size gets about as much time.
        times = max(repeat, repeat * sizes[-1] // n // 10)
        with tempfile.TemporaryDirectory() as tmp:
            ws = Path(tmp)
            fill(ws, n)
            workspace_plan(ws, AS_OF, "nb")  # warm-up: disk cache
            total = median(
                [timed(lambda ws=ws: workspace_plan(ws, AS_OF, "nb")) for _ in range(times)]
            )
        totals[n] = total
        per_session[n] = total / n * 1000
    smallest = sizes[0]
    figures = []
    for n in sizes[1:]:
        figures.append(
            ratio_figure(
                f"`facilitator plan`, time per session at {n:,} sessions",
                per_session[n],
                per_session[smallest],
                f"per session at {smallest:,}",
                "ms",
                1.5,
            )
        )
    largest = sizes[-1]
    figures.append(
        limit_figure(
            f"`facilitator plan` over {largest:,} sessions, in-process",
            totals[largest],
            totals[smallest] * largest / smallest,
            f"{smallest:,} sessions × {largest // smallest:,}",
            "s",
            2,
        )
    )
    return figures
