"""What the Pilot tests share: an app on a fake clock, waits on conditions (never
fixed sleeps), typing and pasting as a terminal does, and reading the screen."""

from __future__ import annotations

import asyncio
import random

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Select, Static

from facilitator.agenda.registry import load_agenda
from facilitator.session.model import Session
from facilitator.session.store import SessionStore
from facilitator.tui.app import FacilitatorApp, Launch
from facilitator.tui.screens.form_modal import FormModal
from facilitator.tui.screens.run import RunScreen
from facilitator.tui.screens.start import StartScreen

NAMES = ("Kari", "Ola", "Aisha", "Per")
WAIT_SECONDS = 10.0


def make_app(workspace, clock, names=NAMES, lang="nb", **launch) -> FacilitatorApp:
    """The app as `facilitator run --participants ...` starts it, unless `launch`
    says otherwise."""
    launch.setdefault("mode", "run")
    launch.setdefault("agenda", load_agenda("kollegaveiledning", workspace))
    launch.setdefault("names", list(names))
    launch.setdefault("title", "Ledergruppe Øst")
    return FacilitatorApp(workspace, lang, Launch(**launch), clock=clock, rng=random.Random(1))


def setup_app(workspace, clock) -> FacilitatorApp:
    """The app as `facilitator run` starts it with nothing given: at setup."""
    return make_app(workspace, clock, names=(), mode="setup", title="")


def start_app(workspace, clock, lang="nb") -> FacilitatorApp:
    """The app as bare `facilitator` starts it: at the start screen."""
    return make_app(workspace, clock, names=(), lang=lang, mode="start", title="")


async def sessions_listed(pilot) -> None:
    """The start screen has read the workspace's sessions (off the screen's thread)."""
    await wait_until(
        pilot,
        lambda: isinstance(pilot.app.screen, StartScreen) and pilot.app.screen.listed is not None,
        "the list of sessions",
    )


async def saved(app, pilot) -> Session:
    """The session as it is on disk once everything submitted has been written."""
    await pilot.pause()
    assert app.autosaver.flush(timeout=WAIT_SECONDS)
    return SessionStore(app.workspace).load(app.session_path)


def screen_lines(app) -> list[str]:
    """Render the whole screen; it must fill the terminal exactly."""
    strips = app.screen._compositor.render_strips()
    width, height = app.size
    assert len(strips) == height
    assert [s.cell_length for s in strips] == [width] * height
    return [s.text for s in strips]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def widget_text(app, selector: str) -> str:
    """The text of one Static on the current screen, whether scrolled into view or not."""
    return str(app.screen.query_one(selector, Static).render())


async def wait_until(pilot, condition, what: str, timeout: float = WAIT_SECONDS) -> None:
    """Poll `condition` until it holds; fail with `what` after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)


async def wait_for_text(pilot, text: str, timeout: float = WAIT_SECONDS) -> None:
    await wait_until(pilot, lambda: text in screen_text(pilot.app), repr(text), timeout)


async def type_text(pilot, text: str) -> None:
    """Type `text` one key at a time, each key made as the terminal driver makes it.
    (`pilot.press` cannot type an emoji: it looks the character up by a key name
    that does not round-trip, and sends no character.)"""
    for char in text:
        pilot.app._driver.send_message(events.Key(_character_to_key(char), char))
        await pilot.pause()


async def paste_text(pilot, text: str) -> None:
    """Paste into the focused field, as a terminal does with bracketed paste."""
    pilot.app._driver.send_message(events.Paste(text))
    await pilot.pause()


async def choose(pilot, downs: int) -> None:
    """In a focused Select: open it, move `downs` options down, take that one."""
    assert isinstance(pilot.app.focused, Select), pilot.app.focused
    await pilot.press("enter", *(["down"] * downs), "enter")


async def save_form(pilot) -> None:
    """Ctrl+S in the open form; it must close (the hint says why if it does not)."""
    await pilot.press("ctrl+s")
    await pilot.pause()
    screen = pilot.app.screen
    if isinstance(screen, FormModal):
        hint = str(screen.query_one("#form-hint", Static).render())
        raise AssertionError(f"the form did not close: {hint!r}")


async def fill_form(pilot, text: str, typed: bool = False) -> None:
    """Put `text` in the focused field of the open form and save it."""
    assert isinstance(pilot.app.screen, FormModal)
    await (type_text if typed else paste_text)(pilot, text)
    await save_form(pilot)
    assert isinstance(pilot.app.screen, RunScreen), pilot.app.screen


def run_screen(app) -> RunScreen:
    screen = app.screen
    assert isinstance(screen, RunScreen), screen
    return screen


def run_screen_or_form(app) -> RunScreen:
    """The run screen, also while a form is open over it."""
    return next(s for s in app.screen_stack if isinstance(s, RunScreen))
