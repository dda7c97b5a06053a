"""Words on screen that come from Textual itself or that depend on the step: the
command palette, the footer of an open list, and who the timer says is in focus."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Select

from facilitator.timesource import FakeClock

from tui_helpers import make_app, run_screen, screen_text, setup_app, wait_for_text, widget_text

PALETTE = {
    "nb": ("Søk etter en kommando", "Fargetema", "Bytt fargetema"),
    "en": ("Search for a command", "Colour theme", "Change the colours"),
}


@pytest.mark.parametrize("lang", ["nb", "en"])
async def test_the_command_palette_speaks_the_users_language(workspace, clock: FakeClock, lang):
    app = make_app(workspace, clock, lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        for words in PALETTE[lang]:
            await wait_for_text(pilot, words)
        text = screen_text(app)
        # Textual's English commands are not offered, and neither is its SVG
        # screenshot, which would write the screen's content outside the workspace.
        for english in ("Search for commands", "Screenshot", "Quit the application", "Keys"):
            assert english not in text


async def test_an_open_list_says_how_to_close_it_in_norwegian(workspace, clock: FakeClock):
    app = setup_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#agenda", Select).focus()
        await pilot.press("enter")  # the list of agendas opens; the footer has its keys
        await wait_for_text(pilot, "Lukk listen")
        assert "Dismiss menu" not in screen_text(app)


async def test_the_timer_names_the_speaker_in_a_round_and_the_focus_person_in_supervision(
    workspace, clock: FakeClock
):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        workshop = run_screen(app).workshop
        ids = [s.id for s in workshop.steps]
        workshop.goto_step(ids.index("innsjekk"))
        await pilot.press("space")
        await pilot.pause()
        assert widget_text(app, "#who") == "Ordet har: Kari"
        workshop.goto_step(ids.index("kollegaveiledning"))
        await pilot.press("space", "right", "right")  # phase 3: Kari has turned her back
        await pilot.pause()
        assert widget_text(app, "#who") == "Fokusperson: Kari"
