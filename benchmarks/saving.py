"""Saving a big session, and typing while it is saved.

A session of 500 notes is about 210 KB of TOML. The save (check, write, fsync,
rename) runs on the autosaver's thread; typing is measured in the app itself,
driven in-process, once with the autosaver and once with a saver that does
nothing, so the ratio is what saving costs the person typing."""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import tomli_w
from common import (
    PARTICIPANTS,
    Figure,
    interleaved,
    limit_figure,
    median,
    ratio_figure,
    timed,
    until,
)
from textual import events
from textual.keys import _character_to_key
from textual.widgets import TextArea

import facilitator.session.store as store_module
from facilitator.agenda.registry import DEFAULT_AGENDA, load_agenda
from facilitator.session.autosave import SaveStatus
from facilitator.session.model import Note, Session, new_session
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock
from facilitator.tomlfile import to_toml_data
from facilitator.tui.app import FacilitatorApp, Launch
from facilitator.tui.screens.form_modal import DRAFT_SECONDS, FormModal
from facilitator.tui.screens.run import RunScreen

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NOTE = (
    "Notat {i}: Vi snakket om arbeidspress og «forutsigbarhet» i turnusen. "
    "Tiltak: faste møter, bedre overlapp. 🙂 "
)


def big_session(notes: int = 500) -> Session:
    agenda = load_agenda(DEFAULT_AGENDA, None)
    session = new_session("Ledergruppe Øst", agenda, NOW, PARTICIPANTS.split(","))
    steps = [s.id for s in agenda.steps]
    for i in range(notes):
        session.notes.append(
            Note(
                text=NOTE.format(i=i) * 2,
                step_id=steps[i % len(steps)],
                person=f"p{i % 6 + 1}",
                created_at=NOW + timedelta(seconds=i),
            )
        )
    return session


def save(repeat: int) -> Figure:
    """`SessionStore.save_dump` of 500 notes: against the same save with tomli-w
    writing the TOML, as it was before."""
    session = big_session()
    dump = session.model_dump(mode="python", exclude_none=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp))
        store.create(session)
        ours = store_module.dumps

        def with_tomli_w() -> float:
            store_module.dumps = lambda data: tomli_w.dumps(to_toml_data(data))
            try:
                return timed(lambda: store.save_dump(dump))
            finally:
                store_module.dumps = ours

        times = interleaved(
            {"ours": lambda: timed(lambda: store.save_dump(dump)), "tomli-w": with_tomli_w},
            repeat,
        )
    return limit_figure(
        "save of a session with 500 notes (check, write, fsync, rename)",
        times["ours"] * 1000,
        times["tomli-w"] * 1000,
        "the same save with tomli-w, as before",
        "ms",
        20,
    )


class NoSaver:
    """Takes the snapshots and writes nothing: typing without any saving."""

    status = SaveStatus(pending=False, error=None, saves=0)

    def submit(self, dump: dict[str, Any]) -> None:
        del dump

    def flush(self, timeout: float | None = None) -> bool:
        return True

    def retry_now(self) -> None:
        pass

    def close(self, timeout: float | None = 5.0) -> bool:
        return True


def _gaps(n: int, rng: random.Random) -> list[float]:
    """Seconds between keys: quick typing, and every fourth key just after the
    pause that hands the draft to the saver, so it lands while the save runs."""
    return [
        DRAFT_SECONDS + rng.uniform(0.0, 0.03) if i % 4 == 3 else rng.uniform(0.02, 0.1)
        for i in range(n)
    ]


async def _typing(saving: bool, keys: int, seed: int) -> tuple[list[float], int, set[str]]:
    """Type `keys` characters into a new note on a 500-note session; each key's
    time from the terminal's key event to the text in the field. Also the
    number of saves made meanwhile and the threads that made them."""
    rng = random.Random(seed)
    threads: set[str] = set()
    real_save = SessionStore.save_dump

    def save_dump(self: SessionStore, dump: dict[str, Any], path: Path | None = None) -> Path:
        threads.add(threading.current_thread().name)
        return real_save(self, dump, path)

    with tempfile.TemporaryDirectory() as tmp:
        store = SessionStore(Path(tmp), "en")
        path = store.create(big_session())
        app = FacilitatorApp(
            Path(tmp), "en", Launch(mode="resume", session_path=path), clock=FakeClock(NOW)
        )
        SessionStore.save_dump = save_dump  # type: ignore[method-assign]
        try:
            async with app.run_test(size=(120, 40)) as pilot:
                await until(pilot, lambda: isinstance(app.screen, RunScreen))
                if not saving:
                    # The open session's autosaver, swapped for one that writes nothing.
                    opened = app.opened
                    assert opened is not None
                    opened.autosaver.close()
                    opened.autosaver = NoSaver()  # type: ignore[assignment]
                await pilot.press("n")
                await until(pilot, lambda: isinstance(app.screen, FormModal))
                field = app.focused
                assert isinstance(field, TextArea), field
                assert app.autosaver is not None
                saves = app.autosaver.status.saves
                latencies = []
                for gap in _gaps(keys, rng):
                    char = rng.choice("abcdefghijklmnopqrstuvwxyzæøå ")
                    before = field.text
                    start = time.perf_counter()
                    app._driver.send_message(events.Key(_character_to_key(char), char))  # type: ignore[union-attr]
                    while field.text == before:
                        await asyncio.sleep(0.0005)
                    latencies.append(time.perf_counter() - start)
                    await asyncio.sleep(gap)
                saves = app.autosaver.status.saves - saves
                await pilot.press("escape")
        finally:
            SessionStore.save_dump = real_save  # type: ignore[method-assign]
    return latencies, saves, threads


def percentile_95(values: list[float]) -> float:
    """The time 19 keys in 20 beat: unlike the slowest key, it does not hang on a
    single hiccup of a shared machine."""
    return statistics.quantiles(values, n=20)[-1]


def typing(keys: int, seed: int) -> list[Figure]:
    """Key-to-text latency while typing a note, with the autosaver and without."""
    on, saves, threads = asyncio.run(_typing(True, keys, seed))
    off, _, _ = asyncio.run(_typing(False, keys, seed))
    on_loop = threads - {"facilitator-autosave"}
    return [
        ratio_figure(
            f"typing a note on a 500-note session: key to text, median ({saves} saves meanwhile)",
            median(on) * 1000,
            median(off) * 1000,
            "the same with a saver that writes nothing",
            "ms",
            1.25,
        ),
        limit_figure(
            f"typing a note on a 500-note session: key to text, 95th percentile of {len(on)} keys",
            percentile_95(on) * 1000,
            percentile_95(off) * 1000,
            "the same with a saver that writes nothing",
            "ms",
            50,
        ),
        Figure(
            "saves made on the screen's thread while typing (of "
            f"{saves} made; the rest on the autosave thread)",
            len(on_loop),
            None,
            "",
            "",
            "0",
            not on_loop and threads == {"facilitator-autosave"},
        ),
    ]
