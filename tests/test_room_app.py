"""The room opened from the facilitator's screen app, as people meet it: keys pressed
in the app move the wall in a real browser (Debian's Chromium through Playwright),
a phone's risk lands in the session file and shows on the facilitator's screen, and
closing the room shuts its links.

Skipped only where /usr/bin/chromium is missing (.ci/run installs it)."""

from __future__ import annotations

import aiohttp
import pytest

from facilitator.timesource import FakeClock
from facilitator.tui.screens.people import PeopleModal
from facilitator.tui.screens.room import RoomModal

from conftest import CHROMIUM
from tui_helpers import make_app, saved, wait_until, widget_text

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")
WAIT_MS = 20_000
"""A bound on how long a condition may take to hold, not a pause."""


async def test_keys_in_the_app_move_the_wall_and_a_phone_risk_lands_in_the_session(
    workspace, clock: FakeClock, browser
) -> None:
    app = make_app(workspace, clock)
    opened: list[str] = []
    app.show_in_browser = opened.append
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoomModal), "the room's dialog")
        room = app.room
        assert room is not None and room.running and not room.lan
        assert opened == [room.wall_url]  # the room's screen opens in the browser
        assert room.wall_url.startswith("http://127.0.0.1:")
        assert room.wall_url in widget_text(app, "#room-text")
        await pilot.press("escape")

        wall = await browser.new_page(viewport={"width": 1920, "height": 1080})
        await wall.goto(room.wall_url)
        workshop = app.workshop
        assert workshop is not None

        async def wall_shows(step_index: int) -> None:
            title = workshop.steps[step_index].title.get("nb")
            await wall.wait_for_function(
                "t => document.getElementById('step-title').textContent === t",
                arg=title,
                timeout=WAIT_MS,
            )

        await wall_shows(0)
        for _ in range(4):  # to the reflection task, which asks for strengths and risks
            await pilot.press("pagedown")
        assert workshop.step.id == "refleksjon"
        await wall_shows(4)
        await pilot.press("space")
        await wall.wait_for_function(
            "() => !document.getElementById('timer').textContent.startsWith('+')",
            timeout=WAIT_MS,
        )

        # The phones may join: the same room opens on the LAN too, and the projector's
        # page goes on without a reload.
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoomModal), "the room's dialog")
        wall_url = room.wall_url
        await pilot.press("l")
        await wait_until(pilot, lambda: app.room is not None and app.room.lan, "the LAN room")
        lan_room = app.room
        assert lan_room is room and lan_room.wall_url == wall_url
        if lan_room.lan_addresses:
            assert "Ingen mobil er med ennå" in widget_text(app, "#room-phones")
        await pilot.press("escape")
        await pilot.press("space")  # the wall follows the timer on the same page
        await wall.wait_for_function(
            "() => document.getElementById('timer').textContent.startsWith('+') ||"
            " document.querySelector('.paused') !== null",
            timeout=WAIT_MS,
        )
        await pilot.press("space")

        # A phone (here on loopback, which the LAN room also answers) sends a risk.
        base = f"http://127.0.0.1:{lan_room.port}"
        join = lan_room.join_url.replace(lan_room.join_url.split("/j/")[0], base)
        # (a jar that keeps cookies from an address, as a phone's browser does)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as phone:
            headers = {"Origin": base}
            async with phone.get(join) as page:
                assert page.status == 200
            async with phone.post(f"{join}/me", json={"person": None}, headers=headers) as me:
                assert me.status == 200, await me.text()
            risk = {"kind": "risk", "text": "Zqrisk"}
            async with phone.post(f"{join}/send", json=risk, headers=headers) as sent:
                assert sent.status == 201, await sent.text()
        await wait_until(
            pilot, lambda: "Zqrisk" in widget_text(app, "#captured"), "the risk on the screen"
        )
        session = await saved(app, pilot)
        risks = [f for f in session.findings if f.text == "Zqrisk"]
        assert len(risks) == 1
        assert "Zqrisk" not in await wall.inner_text("body")

        # The facilitator puts the step's strengths and risks on the wall, and takes
        # them off again.
        await pilot.press("w")
        await wall.wait_for_function(
            "() => document.getElementById('risks').textContent.includes('Zqrisk')",
            timeout=WAIT_MS,
        )
        assert "vises i rommet" in widget_text(app, "#captured")
        await pilot.press("w")
        await wall.wait_for_function(
            "() => document.getElementById('findings').hidden", timeout=WAIT_MS
        )
        assert "Zqrisk" not in await wall.inner_text("body")

        # A second phone picks Ola; the facilitator frees the name (the wrong person
        # picked it), and the phone is asked who it is again.
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as ola:
            async with ola.post(f"{join}/me", json={"person": "p2"}, headers=headers) as me:
                assert me.status == 200, await me.text()
            await pilot.press("r")
            await wait_until(pilot, lambda: isinstance(app.screen, RoomModal), "the dialog")
            if lan_room.lan_addresses:  # a machine with no network says so instead
                assert "Mobiler med: 2" in widget_text(app, "#room-phones")
            await pilot.press("f")
            await wait_until(pilot, lambda: isinstance(app.screen, PeopleModal), "the names")
            await pilot.press("down", "enter")  # Kari, then Ola
            await wait_until(pilot, lambda: isinstance(app.screen, RoomModal), "the dialog")
            async with ola.get(f"{join}/state") as state:
                assert (await state.json())["chosen"] is False
            await pilot.press("escape")

        # Closed, the room's links open nothing.
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoomModal), "the room's dialog")
        await pilot.press("x")
        await wait_until(pilot, lambda: app.room is None, "the room closed")
        async with aiohttp.ClientSession() as phone:
            with pytest.raises(aiohttp.ClientConnectorError):  # nothing listens any more
                await phone.get(join)
        await pilot.press("ctrl+q")
