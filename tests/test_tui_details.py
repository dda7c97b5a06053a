"""The session's details, changed from the run screen (`o`): title, unit, date,
booked slot and the names rule, checked and saved; a new unit offers its open
measures for follow-up, placed ahead of the group, never behind it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from pydantic import ValidationError
from textual.command import CommandPalette
from textual.widgets import Input, Select, Static

from facilitator.agenda.registry import load_agenda
from facilitator.followup import STEP_ID, open_earlier_measures
from facilitator.session.model import Measure, MeasureStatus, NamesPolicy, new_session
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.screens.details import DetailsModal
from facilitator.workshop import Workshop

from tui_helpers import (
    make_app,
    run_screen,
    saved,
    screen_text,
    type_text,
    wait_for_text,
    wait_until,
    widget_text,
)

UNIT = "Hjemmetjenesten"


def earlier_session(workspace, clock: FakeClock, unit: str = UNIT) -> None:
    """A session of `unit` forty days ago with two open measures and a done one."""
    earlier = new_session(
        "Januar", load_agenda("kollegaveiledning", workspace), clock.now(), ["Kari", "Ola"]
    )
    earlier.unit = unit
    earlier.measures = [
        Measure(what="Faste morgenmøter", owner="Enhetsleder", created_at=clock.now()),
        Measure(what="Ryddigere turnus", created_at=clock.now()),
        Measure(what="Allerede gjort", status=MeasureStatus.DONE, created_at=clock.now()),
    ]
    SessionStore(workspace).save(earlier)
    clock.advance(minutes=60 * 24 * 40)


async def open_details(app, pilot) -> DetailsModal:
    await pilot.press("o")
    await wait_until(pilot, lambda: isinstance(app.screen, DetailsModal), "the details")
    return app.screen


def set_field(modal: DetailsModal, widget_id: str, value: str) -> None:
    modal.query_one(widget_id, Input).value = value


# --- on screen ------------------------------------------------------------------------


async def test_title_unit_date_slot_and_names_are_changed_and_saved(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        modal = await open_details(app, pilot)
        assert modal.query_one("#d-title", Input).value == "Ledergruppe Øst"
        set_field(modal, "#d-title", "Ledergruppe Vest")
        set_field(modal, "#d-unit", "Sykehjemmet")
        set_field(modal, "#d-date", "03.03.2026")
        set_field(modal, "#d-start", "09:00")
        set_field(modal, "#d-end", "12:00")
        modal.query_one("#d-names", Select).value = NamesPolicy.NONE.value
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, DetailsModal), "closed")
        run_screen(app)
        assert "Ledergruppe Vest · Sykehjemmet" in widget_text(app, "#session-title")
        session = await saved(app, pilot)
    assert (session.title, session.unit, session.date.isoformat()) == (
        "Ledergruppe Vest",
        "Sykehjemmet",
        "2026-03-03",
    )
    assert session.booked_start == datetime.fromisoformat("2026-03-03T09:00+00:00")
    assert session.booked_end == datetime.fromisoformat("2026-03-03T12:00+00:00")
    assert session.names_policy is NamesPolicy.NONE


@pytest.mark.parametrize(
    ("widget_id", "value", "words"),
    [
        ("#d-title", "  ", "Skriv en tittel"),
        ("#d-date", "31.02.2026", "Datoen må skrives"),
        ("#d-start", "9 om morgenen", "Klokkeslett skrives som 09:00"),
    ],
)
async def test_a_mistake_keeps_the_details_open_and_changes_nothing(
    workspace, clock: FakeClock, widget_id, value, words
):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        before = w.session.model_dump()
        modal = await open_details(app, pilot)
        set_field(modal, "#d-unit", "Sykehjemmet")
        set_field(modal, widget_id, value)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DetailsModal)
        assert words in widget_text(app, "#form-hint")
        assert w.session.model_dump() == before
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, DetailsModal), "closed")
        assert w.session.model_dump() == before


async def test_a_new_unit_offers_its_open_measures_ahead_of_the_group(workspace, clock: FakeClock):
    earlier_session(workspace, clock)
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        w = run_screen(app).workshop
        assert w.session.measures == []  # set up without a unit: nothing of this one
        w.goto_step(len(w.steps) - 1)  # the closing step: "before closing" is behind us
        modal = await open_details(app, pilot)
        set_field(modal, "#d-unit", UNIT)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmModal), "the offer")
        assert "har 2 åpne tiltak" in screen_text(app)
        await pilot.press("y")
        await wait_until(pilot, lambda: len(w.session.measures) == 2, "the measures carried")
        assert {m.what for m in w.session.measures} == {"Faste morgenmøter", "Ryddigere turnus"}
        ids = [s.id for s in w.steps]
        assert ids.index(STEP_ID) == ids.index(w.step.id) + 1  # next, not behind
        await pilot.press("f")  # and they can be followed up at once
        await wait_for_text(pilot, "Faste morgenmøter")
        session = await saved(app, pilot)
    assert session.unit == UNIT
    assert all(m.carried_from for m in session.measures)


async def test_a_new_unit_with_nothing_open_says_so(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        modal = await open_details(app, pilot)
        set_field(modal, "#d-unit", UNIT)
        await pilot.press("ctrl+s")
        await wait_until(
            pilot,
            lambda: any("Ingen åpne tiltak" in n.message for n in app._notifications),
            "the note that there is nothing to follow up",
        )
        assert not isinstance(app.screen, ConfirmModal)


async def test_the_details_are_in_the_command_palette(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "om økta")
        await wait_for_text(pilot, "Om økta")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DetailsModal), "the details")
        assert app.screen.query_one("#form-title", Static)


# --- the domain -----------------------------------------------------------------------


def running(workspace, clock: FakeClock) -> Workshop:
    session = new_session(
        "Mars", load_agenda("kollegaveiledning", workspace), clock.now(), ["Kari", "Ola"]
    )
    w = Workshop(session, clock)
    w.begin()
    return w


def test_set_details_refuses_a_slot_that_ends_first_and_changes_nothing(
    workspace, clock: FakeClock
):
    w = running(workspace, clock)
    before = w.session.model_dump()
    start = clock.now()
    with pytest.raises(ValidationError):
        w.set_details("Ny tittel", UNIT, start.date(), start, start, NamesPolicy.OWNERS)
    with pytest.raises(ValidationError):
        w.set_details("", UNIT, start.date(), None, None, NamesPolicy.OWNERS)
    assert w.session.model_dump() == before
    changed = w.set_details(
        "Ny tittel", UNIT, start.date(), start, start + timedelta(hours=3), NamesPolicy.OWNERS
    )
    assert changed is True
    assert (w.session.title, w.session.unit) == ("Ny tittel", UNIT)
    assert w.set_details("Ny tittel", UNIT, start.date(), None, None, NamesPolicy.OWNERS) is False


@pytest.mark.parametrize("placement", ["first", "before_closing"])
@pytest.mark.parametrize("at", [3, -1])
def test_a_follow_up_added_midway_is_never_behind_the_group(workspace, clock, placement, at):
    w = running(workspace, clock)
    w.session.agenda = w.session.agenda.model_copy(update={"follow_up": placement})
    w.goto_step(at % len(w.steps))
    current = w.step.id
    measures = [Measure(what="Tiltak", created_at=clock.now(), carried_from="x")]
    assert w.follow_up_earlier(measures) == 1
    assert w.follow_up_earlier(measures) == 0  # once
    ids = [s.id for s in w.steps]
    assert ids.index(STEP_ID) > ids.index(current)
    if placement == "before_closing" and at == 3:
        assert ids[-2:] == [STEP_ID, "avslutning"]  # where the agenda puts it
    assert w.step.id == current  # the group stays where it is


def test_a_session_s_own_measures_are_not_earlier_ones(workspace, clock: FakeClock):
    earlier_session(workspace, clock)
    w = running(workspace, clock)
    w.session.unit = UNIT
    w.add_measure("Vårt eget tiltak")
    SessionStore(workspace).save(w.session)
    found = open_earlier_measures(workspace, UNIT, w.session)
    assert {m.what for m in found} == {"Faste morgenmøter", "Ryddigere turnus"}
    everything = open_earlier_measures(workspace, UNIT)
    assert "Vårt eget tiltak" in {m.what for m in everything}  # as setup reads it
