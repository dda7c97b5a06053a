"""The list of everything captured (`i`) on a laptop-sized terminal: each item's
kind, visibility, status, deadline and factor in sight without scrolling
sideways; Enter edits; v and x leave the highlight where the user is."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, TextArea

from facilitator.law import Paragraph
from facilitator.session.model import FindingKind, Visibility
from facilitator.timesource import FakeClock
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.screens.form_modal import FormModal
from facilitator.tui.screens.items import ItemsScreen
from facilitator.workshop import Workshop

from tui_helpers import make_app, run_screen, saved, screen_lines, screen_text, wait_until


def fill(w: Workshop) -> None:
    """One item of each kind, in the order the list shows them."""
    w.add_note("Filmen satte i gang tanker om arbeidsmengde", factors=[Paragraph.P2C])
    w.set_dilemma("p2", "Turnus", "En medarbeider vil slippe kveldsvakter")
    w.add_finding(FindingKind.STRENGTH, "Vi hjelper hverandre", Paragraph.P2D)
    w.add_measure(
        "Fast tid til kollegastøtte hver uke",
        owner="Avdelingsleder",
        deadline=date(2026, 4, 15),
        factor=Paragraph.P2D,
        likelihood=4,
        consequence=3,
    )
    w.add_checkout("p3", "Jeg tar med meg mye")


def table(app) -> DataTable:
    screen = app.screen
    assert isinstance(screen, ItemsScreen), screen
    return screen.query_one(DataTable)


def row_of(app, collection: str) -> int:
    keys = [row.value for row in table(app).rows]
    return next(i for i, k in enumerate(keys) if k.startswith(f"{collection}:"))


async def open_list(app, pilot) -> Workshop:
    w = run_screen(app).workshop
    fill(w)
    await pilot.press("i")
    await wait_until(pilot, lambda: isinstance(app.screen, ItemsScreen), "the list")
    await pilot.pause()
    return w


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nb", ("Tiltak", "delt", "planlagt", "frist 15.04.2026", "§ 4-3 (2) d", "risiko 12")),
        ("en", ("Measure", "shared", "planned", "deadline 2026-04-15", "§ 4-3 (2) d", "risk 12")),
    ],
)
async def test_a_measure_shows_what_the_action_plan_needs_at_80x24(
    workspace, clock: FakeClock, lang, words
):
    app = make_app(workspace, clock, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_list(app, pilot)
        lines = screen_lines(app)  # fills the terminal: nothing runs off to the side
        row = 3 + 2 * row_of(app, "measures")  # title, blank line, header; two lines each
        measure = lines[row] + "\n" + lines[row + 1]
        assert "Fast tid til kollegastøtte hver uke" in measure
        for word in words:
            assert word in measure, (word, measure)
        text = screen_text(app)
        for visible in ("bare gruppen" if lang == "nb" else "group only", "Ola", "Aisha"):
            assert visible in text  # the dilemma's owner, the check-out's author


async def test_enter_edits_the_highlighted_item(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_list(app, pilot)
        await pilot.press(*["down"] * row_of(app, "findings"), "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, FormModal), "the edit form")
        assert app.screen.query_one(TextArea).text == "Vi hjelper hverandre"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ItemsScreen), "the list again")
        assert table(app).cursor_row == row_of(app, "findings")  # still on it


async def test_v_changes_the_row_at_once_and_keeps_the_highlight(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = await open_list(app, pilot)
        row = row_of(app, "dilemmas")
        await pilot.press(*["down"] * row, "v")
        await pilot.pause()
        assert table(app).cursor_row == row
        assert str(table(app).get_row_at(row)[0]).splitlines() == ["Dilemma", "delt"]
        assert w.session.dilemmas[0].visibility is Visibility.SHARED
        await pilot.press("v")
        await pilot.pause()
        assert table(app).cursor_row == row
        assert str(table(app).get_row_at(row)[0]).splitlines() == ["Dilemma", "bare gruppen"]
        session = await saved(app, pilot)
        assert session.dilemmas[0].visibility is Visibility.GROUP


async def test_after_a_delete_the_highlight_is_on_the_next_item(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = await open_list(app, pilot)
        row = row_of(app, "findings")
        await pilot.press(*["down"] * row, "x")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmModal), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ItemsScreen), "the list again")
        assert w.session.findings == []
        assert table(app).cursor_row == row
        key = table(app).coordinate_to_cell_key(table(app).cursor_coordinate).row_key.value
        assert key.startswith("measures:")


async def test_text_with_brackets_is_shown_as_typed(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        w.add_note("Se [bold]punkt 2[/bold] og [lenke]")
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, ItemsScreen), "the list")
        await pilot.pause()
        assert "Se [bold]punkt 2[/bold] og [lenke]" in screen_text(app)
