"""Words on screen that come from Textual itself or that depend on the step: the
command palette, the footer of an open list, Ctrl+C, the theme picker, who the
timer says is in focus, who has the floor in a phase, and whose time is up."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette
from textual.widgets import Select

from facilitator.agenda.model import Phase, Role
from facilitator.localized import LocalizedText
from facilitator.timesource import FakeClock
from facilitator.workshop_view import floor_line

from tui_helpers import (
    make_app,
    run_screen,
    screen_text,
    setup_app,
    type_text,
    wait_for_text,
    widget_text,
)

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
        assert "Kollegaene snakker sammen; Kari bare lytter." in widget_text(app, "#phase-box")
        assert "kommenterer ikke" in widget_text(app, "#back-turned")


# --- Textual's own words --------------------------------------------------------------


async def test_ctrl_c_says_in_norwegian_how_to_quit(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        (note,) = list(app._notifications)
        assert (note.title, note.message) == (
            "Vil du lukke programmet?",
            "Trykk Ctrl+Q for å lukke programmet. Alt er lagret.",
        )


@pytest.mark.parametrize(("lang", "words"), [("nb", "Ingen treff"), ("en", "No matches")])
async def test_a_search_with_no_match_says_so_in_the_users_language(
    workspace, clock: FakeClock, lang, words
):
    app = make_app(workspace, clock, lang=lang)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"qqxz")
        await wait_for_text(pilot, words)
        assert "No matches found" not in screen_text(app)


async def test_the_theme_picker_and_quit_speak_norwegian(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await wait_for_text(pilot, "Lukk")  # quit, apart from finishing the session (F10)
        await type_text(pilot, "Fargetema")
        await wait_for_text(pilot, "Bytt fargetema")
        await pilot.press("enter")
        await wait_for_text(pilot, "Søk etter et fargetema")
        assert "Search for themes" not in screen_text(app)


# --- who has the floor, and whose time is up -------------------------------------------


def phase(**roles) -> Phase:
    return Phase(id="fase", title=LocalizedText(nb="Fase", en="Phase"), minutes=5, **roles)


@pytest.mark.parametrize(
    ("roles", "supervision", "nb", "en"),
    [
        (
            {"speakers": Role.COLLEAGUES, "listeners": Role.FOCUS},
            True,
            "Kollegaene spør, Kari svarer.",
            "The colleagues ask, Kari answers.",
        ),
        (
            {"speakers": Role.COLLEAGUES, "listeners": Role.FOCUS, "focus_back_turned": True},
            True,
            "Kollegaene snakker sammen; Kari bare lytter.",
            "The colleagues talk among themselves; Kari only listens.",
        ),
        (
            {"speakers": Role.EVERYONE},
            True,
            "Ordet går mellom Kari og kollegaene.",
            "The floor goes between Kari and the colleagues.",
        ),
        (
            {"speakers": Role.FOCUS, "listeners": Role.COLLEAGUES},
            True,
            "Ordet har: Kari · Lytter: kollegaene",
            "Speaking: Kari · Listening: the colleagues",
        ),
        ({"speakers": Role.EVERYONE}, False, "Alle snakker sammen.", "Everyone talks together."),
        (
            {"speakers": Role.NOBODY},
            False,
            "Ingen snakker: tenk hver for dere.",
            "Nobody talks: think on your own.",
        ),
    ],
)
def test_the_floor_line_follows_the_phase_s_roles(roles, supervision, nb, en):
    focus = "Kari" if supervision else ""
    assert floor_line(phase(**roles), focus, supervision, "nb") == nb
    assert floor_line(phase(**roles), focus, supervision, "en") == en


async def test_when_a_phase_runs_out_the_alert_names_the_phase(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        screen = run_screen(app)
        w = screen.workshop
        w.goto_step([s.id for s in w.steps].index("kollegaveiledning"))
        await pilot.press("space", "right", "right")  # phase 3: the colleagues' time
        title = w.step.phases[2].title.get("nb")
        clock.advance(minutes=w.step.phases[2].minutes, seconds=1)
        screen.refresh_clock()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert f"Tiden er ute for fasen «{title}»." in messages
        assert not any("Kari" in m and "Tiden" in m for m in messages)


async def test_the_facilitator_in_focus_hands_over_the_keyboard(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = run_screen(app)
        w = screen.workshop
        w.set_facilitator("p1")
        w.goto_step([s.id for s in w.steps].index("kollegaveiledning"))
        await pilot.press("space")
        await pilot.pause()
        assert widget_text(app, "#who") == "Fokusperson: Kari (fasilitator)"
        notice = widget_text(app, "#facilitator-focus")
        assert "Kari er fasilitator og fokusperson i denne runden" in notice
        assert "La en annen ta over tastaturet og tidtakingen" in notice
        await pilot.press(*["right"] * len(w.step.phases))  # Ola's round
        await pilot.pause()
        assert widget_text(app, "#who") == "Fokusperson: Ola"
        assert not screen.query_one("#facilitator-focus").display
