"""Nothing typed is lost or lands in the wrong place: keys typed ahead of the
screen (Tab and the next field's text in one burst, as a paste sent as keys, a
fast typist or a slow laptop gives), drafts brought back exactly, Esc that asks
before it throws text away, and a long type-in that stays cheap per key.

A burst is sent as the terminal driver sends keys, all of them before the app
gets a turn (`burst`), and only then does the test wait."""

from __future__ import annotations

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, Select, TextArea

from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock
from facilitator.tui import capture_forms
from facilitator.tui.capture_forms import FORMS
from facilitator.tui.screens import form_modal as form_module
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.screens.form_modal import FormModal
from facilitator.tui.screens.setup import SetupScreen

from tui_helpers import (
    make_app,
    run_screen,
    saved,
    setup_app,
    type_text,
    wait_until,
    widget_text,
)


def burst(pilot, keys) -> None:
    """Send every key at once, each made as the terminal driver makes it: one
    character, or a key name ("tab", "backspace")."""
    for key in keys:
        event = events.Key(_character_to_key(key), key) if len(key) == 1 else events.Key(key, None)
        pilot.app._driver.send_message(event)


async def settled(pilot) -> None:
    """Every key sent has been read and every queued edit made."""
    for _ in range(3):
        await pilot.pause()


def text_of(widget) -> str:
    return widget.text if isinstance(widget, TextArea) else widget.value


async def at_setup(pilot) -> SetupScreen:
    await wait_until(
        pilot,
        lambda: isinstance(pilot.app.screen, SetupScreen) and pilot.app.focused is not None,
        "the setup screen",
    )
    return pilot.app.screen


# --- 1. type-ahead lands in the field Tab moved to ---------------------------------


async def test_setup_title_tab_and_unit_typed_in_one_burst(workspace, clock: FakeClock):
    app = setup_app(workspace, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await at_setup(pilot)
        burst(pilot, [*"Tittel", "tab", *"Enhet", "shift+tab", *" to"])
        await settled(pilot)
        assert screen.query_one("#title", Input).value == "Tittel to"
        assert screen.query_one("#unit", Input).value == "Enhet"


async def test_editing_keys_in_a_burst_act_in_the_order_typed(workspace, clock: FakeClock):
    """Backspace and the arrows are the field's own keys: in a burst they act
    where they were typed, not after the characters typed behind them."""
    app = setup_app(workspace, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await at_setup(pilot)
        burst(pilot, [*"abc", "backspace", *"de", "home", *"X"])
        await settled(pilot)
        assert screen.query_one("#title", Input).value == "Xabde"


def with_open_measure(workspace, clock: FakeClock, agenda) -> None:
    """An earlier session in the workspace with a measure still open, so that the
    follow-up form has something to follow up."""
    from facilitator.session.model import Visibility, new_session
    from facilitator.workshop import Workshop

    w = Workshop(new_session("Før", agenda, clock.now(), ["Kari"]), clock)
    w.add_measure(what="Faste møter", visibility=Visibility.SHARED)
    SessionStore(workspace).save(w.session)


@pytest.mark.parametrize("kind", list(FORMS))
async def test_every_form_takes_tab_and_text_in_one_burst(
    workspace, clock: FakeClock, kind, default_agenda
):
    with_open_measure(workspace, clock, default_agenda)
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        run = run_screen(app)
        run.open_form(FORMS[kind](run.workshop, "nb"))
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, FormModal) and app.focused is not None,
            "the form",
        )
        modal = app.screen
        chain = modal.focus_chain
        first = app.focused
        assert isinstance(first, Input | TextArea)
        following = chain[chain.index(first) + 1]
        before = text_of(first)
        burst(pilot, [*"abc", "tab", *"xyz"])
        await settled(pilot)
        assert app.focused is following
        assert text_of(first) == before + "abc", "the keys after Tab stayed behind"
        if isinstance(following, Input | TextArea):
            assert text_of(following).endswith("xyz")


async def test_dilemma_title_and_text_typed_in_one_burst(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        run = run_screen(app)
        run.open_form(FORMS["dilemmas"](run.workshop, "nb"))
        await wait_until(pilot, lambda: isinstance(app.focused, Input), "the title field")
        burst(pilot, [*"Turnus", "tab", *"To ansatte vil ha samme helg."])
        await settled(pilot)
        assert app.screen.query_one("#f-title", Input).value == "Turnus"
        assert app.screen.query_one("#f-text", TextArea).text == "To ansatte vil ha samme helg."


# --- 2. a draft comes back exactly, with the cursor at its end ---------------------


async def test_a_draft_keeps_its_last_space_and_comes_back_with_the_cursor_at_the_end(
    workspace, clock: FakeClock
):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        run = run_screen(app)
        w = run.workshop
        await pilot.press("n")
        await type_text(pilot, "Vi ble enige ")
        # The draft is kept after a pause in typing: on a slow machine a pause can fall
        # inside the words too, so wait for the whole text, not for the first draft.
        await wait_until(
            pilot,
            lambda: w.session.draft is not None
            and w.session.draft.values.get("text") == "Vi ble enige ",
            "the draft with the whole text",
        )
        session = await saved(app, pilot)
        assert session.draft.values["text"] == "Vi ble enige "
        restore = dict(session.draft.values)
        await pilot.press("escape", "y")
        await wait_until(pilot, lambda: app.screen is run, "the run screen")
        run.open_form(FORMS["notes"](w, "nb"), restore)
        await wait_until(
            pilot, lambda: isinstance(app.focused, TextArea), f"the restored form {app.screen}"
        )
        await type_text(pilot, "om turnus")
        assert app.focused.text == "Vi ble enige om turnus"


def test_a_saved_item_is_still_stripped(workspace, clock: FakeClock, default_agenda):
    from facilitator.session.model import Visibility, new_session
    from facilitator.workshop import Workshop

    w = Workshop(new_session("T", default_agenda, clock.now(), ["Kari"]), clock)
    note = w.add_note("  Vi ble enige  ", Visibility.GROUP, [])
    assert note.text == "Vi ble enige"
    w.set_draft("notes", {"text": "  Vi ble enige \x07 "}, None)
    assert w.session.draft.values["text"] == "  Vi ble enige  "  # control character gone
    path = SessionStore(workspace).save(w.session)
    assert SessionStore(workspace).load(path).draft.values["text"] == "  Vi ble enige  "


# --- 3. Esc asks before it throws text away ----------------------------------------


async def test_esc_on_a_form_with_text_asks_in_the_forms_words(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        run_screen(app)
        await pilot.press("n")
        await type_text(pilot, "Viktig")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.question.startswith("Forkaste notatet?")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormModal)
        assert app.screen.query_one("#f-text", TextArea).text == "Viktig"
        await pilot.press("escape", "y")
        await pilot.pause()
        run_screen(app)


@pytest.mark.parametrize(
    ("kind", "question"),
    [
        ("dilemmas", "Forkaste dilemmaet?"),
        ("findings", "Forkaste styrken?"),
        ("measures", "Forkaste tiltaket?"),
        ("checkouts", "Forkaste utsjekksvaret?"),
        ("next_meeting", "Forkaste endringene i tidspunktet for neste møte?"),
        ("follow_up", "Forkaste endringene i oppfølgingen?"),
    ],
)
async def test_each_form_asks_in_its_own_words(
    workspace, clock: FakeClock, kind, question, default_agenda
):
    with_open_measure(workspace, clock, default_agenda)
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        run = run_screen(app)
        run.open_form(FORMS[kind](run.workshop, "nb"))
        await wait_until(pilot, lambda: isinstance(app.focused, Input | TextArea), "the form")
        await type_text(pilot, "1")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmModal)
        assert app.screen.question.startswith(question)


async def test_esc_in_setup_asks_once_something_is_typed(workspace, clock: FakeClock):
    app = setup_app(workspace, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await at_setup(pilot)
        await type_text(pilot, "Ledergruppe")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value == "Ledergruppe"


# --- 5. a long type-in stays cheap per key and stops at the limit ------------------


async def test_twelve_thousand_keys_reach_the_limit_with_a_message_and_few_checks(
    workspace, clock: FakeClock, monkeypatch
):
    calls = []

    def counted(*args, **kwargs):
        calls.append(1)
        return capture_forms.nudges(*args, **kwargs)

    monkeypatch.setattr(form_module, "nudges", counted)
    app = make_app(workspace, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.focused, TextArea), "the note form")
        area = app.focused
        burst(pilot, ["a" if i % 6 else " " for i in range(12_000)])
        await wait_until(pilot, lambda: len(area.text) == 10_000, "the field full", timeout=120)
        await settled(pilot)
        assert len(area.text) == 10_000
        await wait_until(
            pilot, lambda: "høyst 10000 tegn" in widget_text(app, "#form-hint"), "the message"
        )
        # The hints read the whole text: before, they ran once per key (12,000 times
        # over a text of up to 10,000 characters). Now after a pause, or once a second
        # while typing goes on.
        await wait_until(pilot, lambda: app.screen.workshop.session.draft is not None, "draft")
        assert 1 <= len(calls) < 100


# --- 10. the room's time stays in sight --------------------------------------------


async def test_the_form_shows_the_rooms_time_and_leaves_the_timer_in_sight_when_wide(
    workspace, clock: FakeClock
):
    app = make_app(workspace, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("space")  # start the timer
        await pilot.press("n")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, FormModal)
        box = modal.query_one("#form")
        assert modal.has_class("-wide")
        assert box.region.right < app.size.width - 38  # the timer panel is not covered
        clock.advance(minutes=1)
        await wait_until(pilot, lambda: "igjen" in str(box.border_title), "the time left")
        left = str(box.border_title)
        clock.advance(minutes=30)
        await wait_until(pilot, lambda: "overtid" in str(box.border_title), "overtime")
        assert box.has_class("-overtime")
        assert left != str(box.border_title)


async def test_the_form_is_centred_on_a_laptop_screen(workspace, clock: FakeClock):
    app = make_app(workspace, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert not app.screen.has_class("-wide")
        assert "tiden går ikke ennå" in str(app.screen.query_one("#form").border_title)


# --- 4. setup offers the units already in the workspace -----------------------------


async def test_setup_offers_earlier_units(workspace, clock: FakeClock, default_agenda):
    from facilitator.session.model import new_session

    store = SessionStore(workspace)
    for unit in ("Helse Øst", "helse-øst", "Oppvekst"):
        session = new_session("Før", default_agenda, clock.now(), ["Kari"], unit=unit)
        store.save(session)
    app = setup_app(workspace, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await at_setup(pilot)
        await wait_until(pilot, lambda: screen.earlier is not None, "the earlier sessions")
        choice = screen.query_one("#unit-choice", Select)
        assert choice.display
        labels = [str(label) for label, _ in choice._options if _ is not Select.NULL]
        assert len(labels) == 2 and "Oppvekst" in labels
        await pilot.press("tab")
        await type_text(pilot, "opp")
        unit = screen.query_one("#unit", Input)
        await wait_until(
            pilot,
            lambda: unit._suggestion == "oppvekst" or unit._suggestion == "Oppvekst",
            "a suggestion",
        )
