"""Pilot tests: drive the app by keys with a fake clock and check what is saved."""

from __future__ import annotations

import random

from facilitator.agenda.registry import load_agenda
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock
from facilitator.tui.app import FacilitatorApp, Launch
from facilitator.tui.screens.run import RunScreen


def make_app(workspace, clock, names=("Kari", "Ola", "Aisha", "Per"), lang="nb"):
    agenda = load_agenda("kollegaveiledning", workspace)
    launch = Launch(mode="run", agenda=agenda, names=list(names), title="Ledergruppe Øst")
    return FacilitatorApp(workspace, lang, launch, clock=clock, rng=random.Random(1))


async def saved(app, pilot):
    await pilot.pause()
    assert app.autosaver.flush(timeout=10)
    return SessionStore(app.workspace).load(app.session_path)


async def test_run_straight_to_first_step_and_save_a_note(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        await pilot.press("n")
        await pilot.press(*"Vi er spente")
        await pilot.press("ctrl+s")
        session = await saved(app, pilot)
        assert [n.text for n in session.notes] == ["Vi er spente"]
        assert session.notes[0].step_id == "intro"
        assert session.notes[0].visibility == "group"
