"""Issue 12 on the screen: when everyone in a round has passed or is away, the
timer says the round is over instead of showing red overtime."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Digits

from facilitator.timesource import FakeClock

from tui_helpers import make_app, run_screen, wait_until, widget_text


async def test_a_complete_round_is_not_shown_as_overtime(workspace: Path, clock: FakeClock):
    app = make_app(workspace, clock, names=("Ola", "Kari"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = run_screen(app)
        w = screen.workshop
        digits = screen.query_one("#timer", Digits)
        w.goto_step(w.session.agenda.step_index("innsjekk"))
        w.toggle_timer()
        clock.advance(13)
        w.set_present("p1", False)  # Ola is called away; the floor goes to Kari
        w.pass_turn()  # and Kari passes
        await wait_until(
            pilot, lambda: "Runden er ferdig" in widget_text(app, "#timer-label"), "the round over"
        )
        assert not digits.has_class("-overtime") and not digits.value.startswith("+")
        assert "OVERTID" not in widget_text(app, "#timer-label")
        assert widget_text(app, "#who") == ""

        w.set_present("p1", True)  # Ola is back: the floor is hers
        await wait_until(pilot, lambda: "Ola" in widget_text(app, "#who"), "Ola on the floor")
        assert digits.value == "7:47"  # the whole eight minutes, less the 13 s she spoke
