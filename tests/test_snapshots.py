"""Snapshots of the screens people see, at laptop size and at projector size.

Update them after an intended change with `pytest tests/test_snapshots.py
--snapshot-update`, and look at the SVGs before committing.
"""

from __future__ import annotations

import random

import pytest
from textual.widgets import Input

from facilitator.agenda.registry import load_agenda
from facilitator.timesource import FakeClock
from facilitator.tui.app import FacilitatorApp, Launch

SIZES = [(80, 24), (200, 60)]
NAMES = ["Kari", "Ola", "Aisha", "Per"]


def app_for(tmp_path, mode: str, names=NAMES) -> tuple[FacilitatorApp, FakeClock]:
    clock = FakeClock()
    agenda = load_agenda("kollegaveiledning", tmp_path)
    launch = Launch(mode=mode, agenda=agenda, names=list(names), title="Ledergruppe Øst")
    return FacilitatorApp(tmp_path, "nb", launch, clock=clock, rng=random.Random(7)), clock


async def settle(app: FacilitatorApp, pilot) -> None:
    """Wait until the saves are written and the screen shows it."""
    for widget in app.screen.query(Input):
        widget.cursor_blink = False
    if app.autosaver is not None:
        assert app.autosaver.flush(timeout=10)
    await pilot.pause()
    refresh = getattr(app.screen, "refresh_clock", None)
    if refresh is not None:
        refresh()
    await pilot.pause()


async def goto_step(app, pilot, step_id: str) -> None:
    while app.workshop.step.id != step_id:
        await pilot.press("pagedown")


@pytest.mark.parametrize("size", SIZES)
def test_setup(snap_compare, tmp_path, size):
    app, _ = app_for(tmp_path, "setup")

    async def before(pilot):
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_checkin_round(snap_compare, tmp_path, size):
    app, clock = app_for(tmp_path, "run")

    async def before(pilot):
        await goto_step(app, pilot, "innsjekk")
        await pilot.press("space")
        clock.advance(seconds=95)
        await pilot.press("right")
        clock.advance(seconds=40)
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_peer_supervision_phase_in_overtime(snap_compare, tmp_path, size):
    app, clock = app_for(tmp_path, "run")

    async def before(pilot):
        await goto_step(app, pilot, "kollegaveiledning")
        await pilot.press("space", "right", "right")  # Kari, phase 3: the colleagues discuss
        clock.advance(seconds=5 * 60 + 42)
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES)
def test_closing(snap_compare, tmp_path, size):
    app, clock = app_for(tmp_path, "run")

    async def before(pilot):
        from datetime import date

        await goto_step(app, pilot, "avslutning")
        app.workshop.add_measure(
            "Fast ukentlig avsjekk i teamet", "Enhetsleder", date(2026, 4, 15), "Høy arbeidsmengde"
        )
        app.workshop.add_measure(
            "Gå gjennom rollene i turnusen", "Avdelingsleder", date(2026, 5, 1)
        )
        await pilot.press("space")
        clock.advance(minutes=9)
        app.screen.refresh_all()
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=size, run_before=before)
