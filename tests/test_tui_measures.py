"""On screen: a measure's risk score and owner's role, a deadline already past, the
names rule chosen in setup, and dates typed as Norwegians write them."""

from __future__ import annotations

from datetime import date

from textual.widgets import Select, Static

from facilitator.session.model import NamesPolicy
from facilitator.timesource import FakeClock
from facilitator.tui.screens.form_modal import FormModal
from facilitator.tui.screens.run import RunScreen
from facilitator.tui.screens.setup import SetupScreen

from tui_helpers import (
    make_app,
    paste_text,
    saved,
    setup_app,
    type_text,
    wait_until,
    widget_text,
)


async def _to_closing(pilot) -> None:
    await pilot.pause()
    while pilot.app.screen.workshop.step.id != "avslutning":
        await pilot.press("pagedown")


async def _choose_value(pilot, selector: str, value: object) -> None:
    select = pilot.app.screen.query_one(selector, Select)
    select.value = value
    await pilot.pause()


async def test_a_measure_takes_a_risk_score_and_a_role_and_shows_the_score(
    workspace, clock: FakeClock
):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await _to_closing(pilot)
        await pilot.press("m")
        form = app.screen
        assert isinstance(form, FormModal)
        await paste_text(pilot, "Fast tid til kollegastøtte")
        # the scale is the session's: 1–5 unless the workspace says 1–3
        options = form.query_one("#f-likelihood", Select)._options
        assert [v for _, v in options if v is not Select.NULL] == [1, 2, 3, 4, 5]
        await _choose_value(pilot, "#f-likelihood", 4)
        await _choose_value(pilot, "#f-consequence", 3)
        await wait_until(pilot, lambda: "12 (4 × 3)" in widget_text(app, "#form-hint"), "score")
        form.query_one("#f-owner").value = "Kari"
        form.query_one("#f-owner_role").value = "avdelingsleder"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen), "the run screen")
        session = await saved(app, pilot)
        (m,) = session.measures
        assert (m.likelihood, m.consequence, m.risk) == (4, 3, 12)
        assert (m.owner, m.owner_role) == ("Kari", "avdelingsleder")

        # the edit form keeps them
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, FormModal), "the edit form")
        assert app.screen.query_one("#f-likelihood", Select).value == 4
        assert app.screen.query_one("#f-owner_role").value == "avdelingsleder"


async def test_a_workspace_on_a_three_point_scale_offers_three(workspace, clock: FakeClock):
    (workspace / "facilitator.toml").write_text("risk_scale = 3\n", encoding="utf-8")
    app = setup_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        app.screen.query_one("#title").value = "Ledergruppe"
        app.screen.query_one("#names").value = "Kari, Ola"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen), "the run screen")
        await _to_closing(pilot)
        await pilot.press("m")
        options = app.screen.query_one("#f-consequence", Select)._options
        assert [v for _, v in options if v is not Select.NULL] == [1, 2, 3]
        assert "1–3" in str(app.screen.query("Label").nodes[3].render())


async def test_a_deadline_in_the_past_asks_once(workspace, clock: FakeClock):
    # the fake clock says 2 March 2026
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await _to_closing(pilot)
        await pilot.press("m")
        await paste_text(pilot, "Noe som skulle vært gjort")
        app.screen.query_one("#f-deadline").value = "01.02.2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormModal), "a past deadline is not saved at once"
        hint = str(app.screen.query_one("#form-hint", Static).render())
        assert "01.02.2026" in hint and "passert" in hint
        await pilot.press("ctrl+s")  # asked once: the second time it is saved
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen), "the run screen")
        session = await saved(app, pilot)
        assert session.measures[0].deadline == date(2026, 2, 1)


async def test_setup_stores_the_names_rule_and_reads_norwegian_dates(workspace, clock: FakeClock):
    app = setup_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        # the date is shown as Norwegians write it, and read that way
        assert screen.query_one("#date").value == "02.03.2026"
        policy = screen.query_one("#names-policy", Select)
        assert policy.value == NamesPolicy.OWNERS.value
        screen.query_one("#title").value = "Ledergruppe"
        await type_text(pilot, "")
        screen.query_one("#names").value = "Kari, Ola"
        screen.query_one("#date").value = "16.03.2026"
        policy.value = NamesPolicy.NONE.value
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen), "the run screen")
        session = await saved(app, pilot)
        assert session.names_policy is NamesPolicy.NONE
        assert session.date == date(2026, 3, 16)
        assert session.risk_scale == 5
