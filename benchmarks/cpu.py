"""Processor time of the run screen while its timer runs, in a real terminal of
200×60, against a bare Textual app idling in one of the same size at the same
time. The run screen redraws its timer every second (four times a second near
its end); a screen that redraws only what changed costs little."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import bare_app
from common import PARTICIPANTS, Figure, child_env, command
from terminal import cpu_while_running

SIZE = (200, 60)
BARE = [sys.executable, str(Path(bare_app.__file__).resolve())]
RUN_MARKER = b"Aisha"  # a participant: on the run screen only
SPACE = b" "  # starts and stops the step's timer


def running_timer(seconds: float) -> list[Figure]:
    """`facilitator run` with six participants, its timer started with Space, over
    `seconds`; the bare app idles beside it."""
    with tempfile.TemporaryDirectory() as tmp:
        ours = [*command("facilitator"), "--lang", "en", "--workspace", tmp, "run"]
        ours += ["--participants", PARTICIPANTS]
        used = cpu_while_running(
            {
                "ours": (ours, RUN_MARKER, SPACE),
                "bare": (BARE, bare_app.MARKER.encode(), b""),
            },
            child_env(),
            seconds,
            SIZE,
        )
    if used["ours"].drawn == 0:
        raise RuntimeError("the run screen drew nothing: its timer did not run")
    ours_pct, bare_pct = used["ours"].share * 100, used["bare"].share * 100
    return [
        Figure(
            f"CPU time of the run screen, timer running, {SIZE[0]}×{SIZE[1]}, "
            f"over {seconds:g} s (% of one core)",
            ours_pct,
            bare_pct,
            "bare Textual app, idle, same size, same time",
            "%",
            "≤ 1 %",
            ours_pct <= 1.0,
        )
    ]
