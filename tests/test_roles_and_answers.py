"""Roles typed with the names in setup, and the follow-up form's questions "did it
work" and "is it enough" (the evidence an inspector asks for)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from textual.widgets import Select

from facilitator.session.model import Answer, Measure, ParticipantRole, new_session
from facilitator.session.roles import UnknownRole, parse_participant
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock
from facilitator.tui.screens.form_modal import FormModal
from facilitator.tui.screens.run import RunScreen
from facilitator.tui.screens.setup import SetupScreen

from strategies import default_agenda
from tui_helpers import make_app, saved, setup_app, wait_until, widget_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kari", ("Kari", None)),
        ("Ola (verneombud)", ("Ola", ParticipantRole.SAFETY_REP)),
        ("Aisha Rahimi ( Tillitsvalgt )", ("Aisha Rahimi", ParticipantRole.UNION_REP)),
        ("Per (HR)", ("Per", ParticipantRole.HR)),
        ("Ingrid (BHT)", ("Ingrid", ParticipantRole.OCCUPATIONAL_HEALTH)),
        ("Tom (safety rep)", ("Tom", ParticipantRole.SAFETY_REP)),
        ("Liv (leder)", ("Liv", ParticipantRole.LEADER)),
    ],
)
def test_a_role_is_read_from_the_brackets(text, expected):
    assert parse_participant(text) == expected


def test_a_word_in_brackets_that_is_no_role_is_refused():
    with pytest.raises(UnknownRole) as info:
        parse_participant("Ola (sjefen)")
    assert (info.value.name, info.value.role) == ("Ola", "sjefen")


async def test_setup_stores_the_roles_and_refuses_an_unknown_one(workspace, clock: FakeClock):
    app = setup_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        screen.query_one("#title").value = "Ledergruppe"
        screen.query_one("#names").value = "Kari, Ola (sjefen)"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "sjefen" in widget_text(app, "#setup-problem")
        screen.query_one("#names").value = "Kari, Ola (verneombud), Aisha (tillitsvalgt)"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen), "the run screen")
        session = await saved(app, pilot)
        assert [(p.name, p.role) for p in session.participants] == [
            ("Kari", None),
            ("Ola", ParticipantRole.SAFETY_REP),
            ("Aisha", ParticipantRole.UNION_REP),
        ]


async def test_the_follow_up_form_asks_did_it_work_and_is_it_enough(workspace, clock: FakeClock):
    earlier = new_session(
        "Januar",
        default_agenda(),
        datetime(2026, 1, 19, 8, tzinfo=UTC),
        ["Kari", "Ola"],
        day=date(2026, 1, 19),
    )
    earlier.measures = [Measure(what="Faste morgenmøter", created_at=earlier.created_at)]
    SessionStore(workspace).create(earlier)
    app = make_app(workspace, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        w = app.screen.workshop
        while w.step.id != "oppfolging-av-tiltak":  # the step the earlier measure brought
            await pilot.press("pagedown")
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, FormModal), "the follow-up form")
        form = app.screen
        form.query_one("#f-worked", Select).value = Answer.PARTLY
        form.query_one("#f-enough", Select).value = Answer.NO
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, RunScreen), "the run screen")
        session = await saved(app, pilot)
        (f,) = session.measures[0].follow_ups
        assert (f.worked, f.enough) == (Answer.PARTLY, Answer.NO)
