"""The benchmarks keep working, and what one of them proves holds: the timer on
screen is never more than a second from the clock. No timing is asserted here;
`python benchmarks/run.py` measures."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import pytest

from conftest import REPO


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))

    def load(name: str) -> ModuleType:
        return importlib.import_module(name)

    return load


def test_every_benchmark_module_imports(bench):
    for name in ("common", "terminal", "bare_app", "startup", "cpu", "documents", "saving", "run"):
        bench(name)


def test_the_timer_on_screen_is_never_more_than_a_second_from_the_clock(bench):
    # A whole six-person session on a fake clock, in big random steps to keep it short.
    figure = bench("timer_accuracy").timer(seed=3, mean_step=300)
    assert figure.passed, figure
    assert "50 people and phases" in figure.what


@pytest.mark.parametrize(
    ("shown", "seconds"), [("8:05", 485), ("0:00", 0), ("+0:07", -7), ("+1:02:09", -3729)]
)
def test_the_timer_text_is_read_as_seconds(bench, shown, seconds):
    assert bench("timer_accuracy").shown_seconds(shown) == seconds


def test_the_table_gives_ratio_target_and_result(bench):
    common = bench("common")
    figures = [
        common.ratio_figure("a", 13.0, 10.0, "b", "ms", 1.25),
        common.limit_figure("c", 12.0, 24.0, "d", "ms", 20),
        common.Figure("e", 0.9994, None, "", "s", "≤ 1 s", True, digits=4),
        common.Figure("f", 5.0, 4.0, "g", "ms", "–", None),
    ]
    lines = common.table(figures).splitlines()
    assert lines[2] == "| a | 13.0 ms | 10.0 ms (b) | 1.30× | ≤ 1.25× | **MISS** |"
    assert lines[3] == "| c | 12.0 ms | 24.0 ms (d) | 0.50× | < 20 ms | PASS |"
    assert lines[4] == "| e | 0.9994 s | – | – | ≤ 1 s | PASS |"
    assert lines[5].endswith("| – | – |")


def test_processor_time_is_read_for_a_program_in_a_terminal(bench):
    # The machinery of the running-timer figure (benchmarks/cpu.py), on the bare app
    # for a moment: it starts, shows its text, is measured and quits.
    bare = bench("bare_app")
    argv = [sys.executable, bare.__file__]
    used = bench("terminal").cpu_while_running(
        {"bare": (argv, bare.MARKER.encode(), b"")},
        bench("common").child_env(),
        seconds=0.2,
        size=(200, 60),
        settle=0,
    )
    assert set(used) == {"bare"}
    assert used["bare"].share >= 0
    assert used["bare"].drawn >= 0


async def test_the_room_is_measured_in_the_app_and_no_phone_input_is_lost(bench):
    # The room's benchmark at its smallest (a few keys, one short run with and without
    # the twelve phones), in Chromium where it is and an aiohttp client where not.
    room = bench("room")
    figures = await room.measure(room.TEST, seed=1)
    kept = [f for f in figures if "risks accepted" in f.what]
    assert len(kept) == 1 and kept[0].passed, kept
    assert any("key in the app" in f.what for f in figures)
    assert any("participant's page" in f.what for f in figures)
