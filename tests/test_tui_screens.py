"""The screens at any terminal size, and names and notes in any script.

A crash in drawing surfaces when the screen is rendered, so every check here
renders the whole screen (`screen_lines`) and checks that it is exactly as
wide and as high as the terminal.
"""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from facilitator.timesource import FakeClock
from facilitator.tui.screens.export import ExportScreen
from facilitator.tui.screens.form_modal import FormModal
from facilitator.tui.screens.items import ItemsScreen
from facilitator.tui.screens.run import RunScreen

from tui_helpers import (
    make_app,
    paste_text,
    save_form,
    saved,
    screen_lines,
    screen_text,
    type_text,
    wait_until,
    widget_text,
)

# --- sizes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "size", [(40, 12), (80, 24), (200, 60), (300, 90)], ids=lambda s: f"{s[0]}x{s[1]}"
)
async def test_every_step_draws_at_any_size(workspace, clock: FakeClock, size):
    app = make_app(workspace, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        w = app.screen.workshop
        for index in range(len(w.steps)):
            assert w.step_index == index
            screen_lines(app)
            await pilot.press("space", "right", "right")
            clock.advance(minutes=25)  # every unit of every step is in overtime now
            app.screen.refresh_clock()
            await pilot.pause()
            screen_lines(app)
            await pilot.press("n")
            assert isinstance(app.screen, FormModal)
            screen_lines(app)
            await paste_text(pilot, f"Notat i steg {index + 1}")
            await save_form(pilot)
            await pilot.press("up", "down", "down")  # scroll the step text
            screen_lines(app)
            await pilot.press("pagedown")
        await pilot.press("i")
        assert isinstance(app.screen, ItemsScreen)
        screen_lines(app)
        await pilot.press("escape", "a")
        screen_lines(app)  # the absent picker
        await pilot.press("escape", "f10")
        screen_lines(app)  # the confirm dialog
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        screen_lines(app)  # the export, with what leaves the group
        await pilot.press("f1")
        screen_lines(app)  # help
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        screen_lines(app)
        session = await saved(app, pilot)
        assert len(session.notes) == len(w.steps)
        assert session.state == "finished"
        if size[0] >= 80:
            assert "Steg 10 av 10" in screen_text(app)


async def test_resizing_in_the_middle_of_a_step(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = app.screen.workshop
        await pilot.press(*["pagedown"] * 7, "space", "right", "right")
        assert (w.step.id, w.reading().phase) == ("kollegaveiledning", "drofting")
        for size in ((40, 12), (200, 60), (20, 6), (120, 40)):
            await pilot.resize_terminal(*size)
            await wait_until(pilot, lambda size=size: tuple(app.size) == size, f"size {size}")
            assert screen_lines(app)
        await pilot.press("n")
        await pilot.resize_terminal(40, 12)  # while a form is open
        await wait_until(pilot, lambda: tuple(app.size) == (40, 12), "40×12")
        screen_lines(app)
        await paste_text(pilot, "Skrevet i et lite vindu")
        await save_form(pilot)
        await pilot.resize_terminal(200, 60)
        await wait_until(pilot, lambda: tuple(app.size) == (200, 60), "200×60")
        clock.advance(minutes=6)
        app.screen.refresh_clock()
        await pilot.pause()
        text = screen_text(app)
        assert "Steg 8 av 10" in text
        assert "Skrevet i et lite vindu" in text
        session = await saved(app, pilot)
        note = session.notes[-1]
        assert (note.text, note.phase_id, note.person) == (
            "Skrevet i et lite vindu",
            "drofting",
            "p1",
        )


# --- any script ------------------------------------------------------------------------

SCRIPTS = ("Åse Ødegård", "Zoë 😀", "مريم", "אורי")
TITLE = "Ledergruppe Øst – فريق 🌍"


async def test_names_and_notes_in_any_script_are_shown_and_saved(workspace, clock: FakeClock):
    app = make_app(workspace, clock, names=SCRIPTS, title=TITLE)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        w = app.screen.workshop
        text = screen_text(app)
        assert TITLE in text
        for name in SCRIPTS:
            assert name in text  # the list of people beside the timer

        # the check-in round: each in focus in turn, with a note typed key by key
        await pilot.press("pagedown", "pagedown", "space")
        typed = {"Åse Ødegård": "æøå ÆØÅ", "Zoë 😀": "😀👍", "مريم": "شكرا", "אורי": "תודה"}
        for name in SCRIPTS:
            assert f"Ordet har: {name}" in screen_text(app)
            await pilot.press("n")
            await type_text(pilot, typed[name])
            await save_form(pilot)
            await pilot.press("right")
        pasted = "Blandet: Æøå 👍🏽 👩‍👩‍👧 مرحبا بكم — שלום לכולם"
        await pilot.press("n")
        await paste_text(pilot, pasted)
        await save_form(pilot)
        captured = widget_text(app, "#captured")
        for name in SCRIPTS:
            assert f"{name}: {typed[name]}" in captured
        assert pasted in captured
        session = await saved(app, pilot)
        assert session.title == TITLE
        assert [p.name for p in session.participants] == list(SCRIPTS)
        assert [n.text for n in session.notes] == [*typed.values(), pasted]
        assert [n.person for n in session.notes[:4]] == ["p1", "p2", "p3", "p4"]

        # a dilemma in Hebrew and Arabic, owned by the last participant
        await pilot.press(*["pagedown"] * 4)
        assert w.step.id == "forberedelse"
        await pilot.press("d", "shift+tab", "enter", "down", "down", "down", "enter", "tab")
        await paste_text(pilot, "דילמה 😟")
        await pilot.press("tab")
        await paste_text(pilot, "مشكلة في الفريق")
        await save_form(pilot)
        await pilot.press("pagedown", "space", *["right"] * 12)
        assert (w.reading().person, w.reading().phase) == ("p4", "presentasjon")
        await pilot.pause()
        text = screen_text(app)
        assert "Dilemma: דילמה 😟" in text
        assert "مشكلة في الفريق" in text
        assert "Fokusperson: אורי" in text

        # the list of everything captured shows them too
        await pilot.press("i")
        table = app.screen.query_one(DataTable)
        cells = [  # each item takes two lines: its text, then who and what else
            line
            for row in range(table.row_count)
            for cell in table.get_row_at(row)
            for line in str(cell).splitlines()
        ]
        assert "שלום לכולם" in " ".join(cells)
        assert "דילמה 😟: مشكلة في الفريق" in cells
        assert "אורי" in cells
        screen_lines(app)
        session = await saved(app, pilot)
        (dilemma,) = session.dilemmas
        assert (dilemma.owner, dilemma.title, dilemma.text) == (
            "p4",
            "דילמה 😟",
            "مشكلة في الفريق",
        )
