"""The room as people meet it, in a real browser (Debian's Chromium, driven by
Playwright): the projector's page follows the workshop, and a participant on a
phone-sized page picks their name, sends a risk, and it lands in the session file.

Skipped only where /usr/bin/chromium is missing (.ci/run installs it). To look at the
pages: FACILITATOR_ROOM_PNG=/tmp/room-check pytest tests/test_room_browser.py
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from facilitator.agenda.registry import load_agenda
from facilitator.room.host import WorkshopHost
from facilitator.room.server import Room
from facilitator.session.model import FindingKind, new_session
from facilitator.session.store import SessionStore
from facilitator.timesource import FakeClock
from facilitator.workshop import Workshop
from facilitator.workshop_view import workshop_view

from conftest import CHROMIUM

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")


AGENDA = load_agenda("kollegaveiledning", None)
WAIT_MS = 20_000
"""How long a condition may take to hold before the test fails (it is a bound, not a
pause: each wait returns as soon as its condition holds)."""


def shots() -> Path | None:
    where = os.environ.get("FACILITATOR_ROOM_PNG")
    if not where:
        return None
    path = Path(where)
    path.mkdir(parents=True, exist_ok=True)
    return path


async def test_the_wall_follows_the_workshop_and_a_phone_sends_a_risk(
    browser, tmp_path: Path
) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    session = new_session(
        "Zqtitle", AGENDA, clock.now(), ["Zqada", "Zqbo", "Zqcato"], time_zone="Europe/Oslo"
    )
    store = SessionStore(tmp_path)
    path = store.create(session)
    # Saved on every change, as the autosaver does in the app.
    w = Workshop(session, clock, on_change=lambda: store.save(session, path))
    w.begin()
    room = Room(WorkshopHost(w))
    await room.start()
    # A LAN room shows its QR code; here it is drawn for a documentation address so
    # that the wall's screenshot shows it, while the test itself stays on loopback.
    room.lan, room.lan_addresses = True, ["192.0.2.10"]
    room._qr = room._qr_svg()
    out = shots()
    try:
        wall = await browser.new_page(viewport={"width": 1920, "height": 1080})
        external: list[str] = []
        wall.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(f"http://127.0.0.1:{room.port}/")
                else external.append(r.url)
            ),
        )
        await wall.goto(room.wall_url)
        intro = AGENDA.steps[0].title.get("nb")
        await wall.wait_for_function(
            "t => document.getElementById('step-title').textContent === t",
            arg=intro,
            timeout=WAIT_MS,
        )

        # The facilitator moves on and starts the clock: the wall follows.
        w.goto_step(session.agenda.step_index("refleksjon"))
        w.toggle_timer()
        room.publish(workshop_view(w))
        reflection = session.agenda.step("refleksjon").title.get("nb")
        await wall.wait_for_function(
            "t => document.getElementById('step-title').textContent === t",
            arg=reflection,
            timeout=WAIT_MS,
        )
        display = workshop_view(w).clock.display
        assert await wall.text_content("#timer") == display

        # Near the end of the phase: the warning in words and shape, not colour alone.
        clock.advance(workshop_view(w).clock.remaining - 20)
        room.publish(workshop_view(w))
        await wall.wait_for_selector(".timer-box.level-warning", timeout=WAIT_MS)
        assert "Snart slutt" in (await wall.text_content("#level") or "")
        if out:
            await wall.screenshot(path=str(out / "wall-warning-1920x1080.png"))

        # A participant joins on a phone.
        phone_context = await browser.new_context(
            viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
        )
        phone = await phone_context.new_page()
        phone.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(f"http://127.0.0.1:{room.port}/")
                else external.append(r.url)
            ),
        )
        await phone.goto(f"http://127.0.0.1:{room.port}/j/{room.join_token}")
        await phone.wait_for_selector("button[data-person=p2]", timeout=WAIT_MS)
        if out:
            await phone.screenshot(path=str(out / "join-pick-390x844.png"), full_page=True)
        await phone.click("button[data-person=p2]", timeout=WAIT_MS)
        await phone.wait_for_selector("#text-finding", timeout=WAIT_MS)
        if out:
            await phone.screenshot(path=str(out / "join-390x844.png"), full_page=True)
        await phone.fill("#text-finding", "Zqrisk: too many meetings")
        await phone.click("button.send-risk")
        await phone.wait_for_function(
            "() => document.getElementById('mine').textContent.includes('Zqrisk')",
            timeout=WAIT_MS,
        )
        if out:
            await phone.screenshot(path=str(out / "join-sent-390x844.png"), full_page=True)

        # It is in the session file, with no author; the wall never shows it.
        saved = store.load(path)
        [risk] = [f for f in saved.findings if f.kind is FindingKind.RISK]
        assert risk.text == "Zqrisk: too many meetings"
        assert "p2" not in risk.model_dump_json() and "Zqbo" not in risk.model_dump_json()
        room.publish(workshop_view(w))
        assert "Zqrisk" not in (await wall.content())

        # Peer supervision: the wall says who is in focus and when to turn away.
        w.goto_step(session.agenda.step_index("kollegaveiledning"))
        w.toggle_timer()
        w.move_unit(+1)
        w.move_unit(+1)
        room.publish(workshop_view(w))
        await wall.wait_for_selector(".cue.cue-turn_away", timeout=WAIT_MS)
        assert await wall.text_content("#focus-name") == "Zqada"
        if out:
            await wall.screenshot(path=str(out / "wall-1920x1080.png"))
            await wall.set_viewport_size({"width": 1280, "height": 720})
            await wall.screenshot(path=str(out / "wall-1280x720.png"))
        assert external == []
        await phone_context.close()
    finally:
        await room.stop()
