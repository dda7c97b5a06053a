"""A whole session with the room, as the people in it meet it: the facilitator runs
the workshop from the keyboard of the real app, the room's screen is on a projector
(one Chromium page at 1920×1080), and three of the four participants take part from
simulated phones (three Chromium contexts at 390×844, touch). Through the agenda they
pick their names, write their dilemmas, send strengths and risks with no name on
them, take notes as the person in focus, and give their check-out answers; then the
session ends and the links refuse.

At every step: the room's screen follows, and shows nothing anyone sent; each phone
reads back only what it sent; the facilitator's screen shows each item and a toast
with who sent it (none for strengths and risks); and the saved session holds it all
with the right authors.

Skipped only where /usr/bin/chromium is missing (.ci/run installs it). To look at the
pages: FACILITATOR_ROOM_PNG=/tmp/room-session pytest tests/test_room_session.py
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from facilitator.agenda.model import NoteKind
from facilitator.i18n.words import screen as s
from facilitator.session.model import FindingKind
from facilitator.timesource import FakeClock
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.screens.room import RoomModal

from conftest import CHROMIUM
from tui_helpers import make_app, saved, wait_until, widget_text

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")

WAIT_MS = 20_000
"""A bound on how long a condition may take to hold in a page, not a pause (a phone
asks for the step every 3 s, so a step change reaches it within that)."""
NAMES = ("Kari", "Ola", "Aisha", "Per")
"""Four present; Per has no phone, as some participants will not."""
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# What the phones send. Each text is written to be found nowhere else: not on the
# room's screen, not on another phone.
STRENGTH_KARI = "Vi sier ifra tidlig når noen blir sittende alene med en sak"
RISK_OLA = "Turnusen gjør at nattevaktene sjelden får vite hva som er bestemt"
RISK_AISHA = "Sykefraværet på lageret har doblet seg siden omleggingen"
DILEMMA_KARI = (
    "Langtidssykmeldt medarbeider",
    "Hvor tett skal jeg følge opp Jonas mens han er borte?",
)
DILEMMA_OLA = ("Konflikt i skiftlaget", "To på kveldsskiftet snakker ikke lenger sammen.")
NOTES_KARI = "Gruppen mener jeg bør avtale faste samtaler, ikke vente på at han tar kontakt"
NOTES_OLA = "Forslag: ta det opp med begge sammen først, så hver for seg"
NOT_MINE = "Dette skal ikke inn: jeg er ikke i fokus nå"
CHECKOUT = {
    "p1": (0, "Jeg tar med meg at jeg kan spørre om hjelp før det blir stort"),
    "p2": (1, "Neste gang vil jeg snakke om hvordan vi rydder i turnusen"),
    "p3": (0, "Godt å høre at andre strever med det samme"),
}
SENT = [
    STRENGTH_KARI,
    RISK_OLA,
    RISK_AISHA,
    *DILEMMA_KARI,
    *DILEMMA_OLA,
    NOTES_KARI,
    NOTES_OLA,
    NOT_MINE,
    *(text for _, text in CHECKOUT.values()),
]
"""Everything typed on a phone, dilemma titles too: none of it may reach the wall."""


def shots() -> Path | None:
    where = os.environ.get("FACILITATOR_ROOM_PNG")
    if not where:
        return None
    path = Path(where)
    path.mkdir(parents=True, exist_ok=True)
    return path


async def shot(page: Any, name: str) -> None:
    """Save what `page` shows now when screenshots were asked for."""
    out = shots()
    if out is not None:
        await page.screenshot(path=str(out / f"{name}.png"), full_page=True)


@dataclass
class Phone:
    pid: str
    name: str
    page: Any
    mine: list[str] = field(default_factory=list)
    """What this phone sent; its list of sent things must hold these and no more."""

    async def shows(self, selector: str) -> None:
        await self.page.wait_for_selector(selector, state="visible", timeout=WAIT_MS)

    async def send(
        self, form: str, kind: str, text: str, title: str = "", question: int | None = None
    ) -> None:
        """Type into the form the step offers and press its button, as a person does."""
        page = self.page
        await self.shows(f"#text-{form}")
        if title:
            await page.fill(f"#title-{form}", title)
        if question is not None:
            await page.check(f"#question-{form}-{question}")
        await page.fill(f"#text-{form}", text)
        await page.click(f"#form-{form} button.send-{kind}")
        self.mine.append(text)
        if title:
            self.mine.append(title)
        # Read back at once (the page asks for its state after each send).
        await page.wait_for_function(
            "t => document.getElementById('mine').innerText.includes(t)", arg=text, timeout=WAIT_MS
        )
        assert await page.inner_text("#status") == s("room_sent", "nb")

    async def reads_back_only_its_own(self) -> None:
        mine = await self.page.inner_text("#mine")
        for text in self.mine:
            assert text in mine, (self.name, text)
        for text in SENT:
            if text not in self.mine:
                assert text not in mine, (self.name, text)


async def post_from(page: Any, body: dict[str, str]) -> int:
    """What the server answers when the phone's page asks it directly (with the
    phone's cookie and origin), past what its forms offer."""
    status: int = await page.evaluate(
        """async (body) => {
            const at = location.pathname.replace(/\\/?$/, "/") + "send";
            const headers = {"Content-Type": "application/json"};
            const r = await fetch(at, {method: "POST", headers, body: JSON.stringify(body)});
            return r.status;
        }""",
        body,
    )
    return status


async def wall_is_clean(wall: Any) -> None:
    """Nothing any phone sent, nor a dilemma's title, is on the room's screen, shown
    or hidden."""
    shown = await wall.evaluate("() => document.body.innerText")
    whole = await wall.evaluate("() => document.documentElement.outerHTML")
    for text in SENT:
        assert text not in shown, text
        assert text not in whole, text


async def test_a_whole_session_with_the_wall_and_three_phones(
    workspace: Path, clock: FakeClock, browser: Any
) -> None:
    app = make_app(workspace, clock, names=NAMES)
    opened: list[str] = []
    app.show_in_browser = opened.append
    toasts: list[str] = []
    notify = app.notify

    def noting(message: str, **kwargs: Any) -> None:
        toasts.append(str(message))
        notify(message, **kwargs)

    app.notify = noting  # type: ignore[method-assign]

    async with app.run_test(size=(120, 40)) as pilot:
        try:
            await _session(app, pilot, browser, opened, toasts)
        finally:
            await app.close_room(quiet=True)
        await pilot.press("ctrl+q")


async def _session(
    app: Any, pilot: Any, browser: Any, opened: list[str], toasts: list[str]
) -> None:
    workshop = app.workshop
    assert workshop is not None
    steps = workshop.steps
    ids = [step.id for step in steps]

    # --- the room opens from the keyboard, on the room's network ----------------------
    await pilot.pause()
    await pilot.press("r")
    await wait_until(pilot, lambda: isinstance(app.screen, RoomModal), "the room's dialog")
    await pilot.press("l")
    await wait_until(pilot, lambda: app.room is not None and app.room.lan, "the LAN room")
    room = app.room
    assert opened[-1] == room.wall_url  # the room's screen opens in the browser
    await pilot.press("escape")

    wall = await browser.new_page(viewport={"width": 1920, "height": 1080})
    await wall.goto(room.wall_url)

    async def wall_shows(step_id: str) -> None:
        """The room's screen has followed the keys to `step_id`; nothing sent is on it."""
        assert workshop.step.id == step_id
        title = workshop.step.title.get("nb")
        await wall.wait_for_function(
            "t => document.getElementById('step-title').textContent === t",
            arg=title,
            timeout=WAIT_MS,
        )
        await wall_is_clean(wall)

    async def next_step(step_id: str) -> None:
        await pilot.press("pagedown")
        await wall_shows(step_id)

    async def focus_on_wall(name: str, phase: str) -> None:
        await wall.wait_for_function(
            "([n, p]) => document.getElementById('focus-name').textContent === n"
            " && document.getElementById('phase-heading').textContent.includes(p)",
            arg=[name, phase],
            timeout=WAIT_MS,
        )
        await wall_is_clean(wall)

    await wall_shows(ids[0])
    await shot(wall, "wall-1-start-1920x1080")

    # --- three phones join: the link's host is loopback here (the LAN address of the
    # machine running the tests may not be reachable from it); the room answers both.
    base = f"http://127.0.0.1:{room.port}"
    join = room.join_url.replace(room.join_url.split("/j/")[0], base)
    phones: list[Phone] = []
    for pid, name in (("p1", "Kari"), ("p2", "Ola"), ("p3", "Aisha")):
        context = await browser.new_context(**PHONE)
        page = await context.new_page()
        answer = await page.goto(join)
        assert answer is not None and answer.status == 200
        phone = Phone(pid, name, page)
        await phone.shows(f"button[data-person={pid}]")
        # A name already picked on another phone cannot be picked again.
        for earlier in phones:
            assert await page.is_disabled(f"button[data-person={earlier.pid}]")
        if pid == "p1":
            await shot(page, "phone-1-pick-name-390x844")
        await page.click(f"button[data-person={pid}]")
        await page.wait_for_function(
            "t => !document.getElementById('me').hidden"
            " && document.getElementById('me').textContent === t",
            arg=s("room_you_are", "nb", name=name),
            timeout=WAIT_MS,
        )
        # The introduction asks nothing of the phones.
        await phone.shows("#forms .nothing")
        phones.append(phone)
    kari, ola, aisha = phones
    await shot(kari.page, "phone-2-named-nothing-now-390x844")
    if room.lan_addresses:
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoomModal), "the room's dialog")
        await wait_until(
            pilot,
            lambda: s("room_phones", "nb", n=3) in widget_text(app, "#room-phones"),
            "three phones counted",
        )
        await pilot.press("escape")
    await wall_is_clean(wall)

    def toasted(name: str | None, kind: str) -> str:
        what = s(f"room_got_{kind}", "nb")
        line = f"{name} – {what}" if name else f"{what} ({s('room_no_name', 'nb')})"
        return s("room_input", "nb", what=line)

    async def on_screen(text: str, name: str | None, kind: str) -> None:
        """The facilitator's screen lists it, and a toast said who sent it."""
        await wait_until(pilot, lambda: text in widget_text(app, "#captured"), repr(text))
        assert toasted(name, kind) in toasts, toasts[-3:]

    # --- on to the reflection task: strengths and risks, with no name ---------------------
    for step_id in ids[1:5]:
        await next_step(step_id)
    assert workshop.step.id == "refleksjon"
    await pilot.press("space")
    await wall.wait_for_function(
        "() => document.getElementById('timer-box').className.includes('level-normal')",
        timeout=WAIT_MS,
    )
    await asyncio.gather(*(p.shows("#text-finding") for p in phones))
    await shot(kari.page, "phone-3-reflection-390x844")
    await kari.send("finding", "strength", STRENGTH_KARI)
    await on_screen(STRENGTH_KARI, None, "strength")
    assert toasted("Kari", "strength") not in toasts  # no name, not even on the laptop
    await ola.send("finding", "risk", RISK_OLA)
    await on_screen(RISK_OLA, None, "risk")
    await aisha.send("finding", "risk", RISK_AISHA)
    await on_screen(RISK_AISHA, None, "risk")
    await wall_is_clean(wall)
    for phone in phones:
        await phone.reads_back_only_its_own()
    await shot(ola.page, "phone-4-reflection-sent-390x844")
    await shot(wall, "wall-2-reflection-1920x1080")

    # --- the break, then preparation: two write their dilemma ---------------------------
    await next_step("pause")
    await shot(wall, "wall-3-break-1920x1080")
    await next_step("forberedelse")
    await asyncio.gather(*(p.shows("#text-dilemma") for p in phones))
    title, text = DILEMMA_KARI
    await kari.send("dilemma", "dilemma", text, title=title)
    await on_screen(title, "Kari", "dilemma")
    title, text = DILEMMA_OLA
    await ola.send("dilemma", "dilemma", text, title=title)
    await on_screen(title, "Ola", "dilemma")
    await wall_is_clean(wall)
    for phone in phones:
        await phone.reads_back_only_its_own()
    await shot(kari.page, "phone-5-dilemma-sent-390x844")
    await shot(wall, "wall-4-preparation-1920x1080")

    # --- peer supervision: only the person in focus writes focus notes ----------------
    await next_step("kollegaveiledning")
    await pilot.press("space")
    phase_of = {p.id: p.title.get("nb") for p in workshop.step.phases}
    assert workshop.reading().person == "p1"
    await focus_on_wall("Kari", phase_of[workshop.reading().phase])
    await kari.shows("#text-focus_notes")
    await asyncio.gather(ola.shows("#forms .nothing"), aisha.shows("#forms .nothing"))
    assert await ola.page.locator("#form-focus_notes").count() == 0
    # Phase 3: the group talks while Kari has her back turned, and she writes down
    # what she hears.
    await pilot.press("right", "right")
    assert workshop.reading().person == "p1"
    await focus_on_wall("Kari", phase_of[workshop.reading().phase])
    await wall.wait_for_selector(".cue.cue-turn_away", timeout=WAIT_MS)
    await kari.send("focus_notes", "focus_notes", NOTES_KARI)
    await on_screen(NOTES_KARI, "Kari", "focus_notes")
    # Another phone cannot put notes in Kari's name, even by asking the server itself.
    refused = await post_from(ola.page, {"kind": "focus_notes", "text": NOT_MINE})
    assert refused == 409
    await shot(kari.page, "phone-6-focus-notes-390x844")
    await shot(ola.page, "phone-7-not-in-focus-390x844")
    await shot(wall, "wall-5-turn-away-1920x1080")
    # Ola's turn: the notes form moves to Ola's phone and leaves Kari's.
    await pilot.press("right", "right")  # phase 4, then the next person's phase 1
    assert workshop.reading().person == "p2"
    await focus_on_wall("Ola", phase_of[workshop.reading().phase])
    await asyncio.gather(ola.shows("#text-focus_notes"), kari.shows("#forms .nothing"))
    await ola.send("focus_notes", "focus_notes", NOTES_OLA)
    await on_screen(NOTES_OLA, "Ola", "focus_notes")
    for phone in phones:
        await phone.reads_back_only_its_own()

    # --- check-out: each phone answers ----------------------------------------------
    await next_step("utsjekk")
    await asyncio.gather(*(p.shows("#text-checkout") for p in phones))
    await shot(aisha.page, "phone-8-checkout-390x844")
    for phone in phones:
        question, answer = CHECKOUT[phone.pid]
        await phone.send("checkout", "checkout", answer, question=question)
        await on_screen(answer, phone.name, "checkout")
    await wall_is_clean(wall)
    for phone in phones:
        await phone.reads_back_only_its_own()
    await shot(aisha.page, "phone-9-checkout-sent-390x844")
    await shot(wall, "wall-6-checkout-1920x1080")

    # --- F10 ends the session: the wall says so, and the link opens nothing ------------
    await pilot.press("f10")
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmModal), "the question to finish")
    await pilot.press("y")
    await wait_until(
        pilot, lambda: workshop.session.finished_at is not None, "the session finished"
    )
    over = s("room_finished", "nb")
    await wall.wait_for_function(
        "t => { const b = document.getElementById('banner');"
        " return !b.hidden && b.classList.contains('finished') && b.textContent === t; }",
        arg=over,
        timeout=WAIT_MS,
    )
    await wall_is_clean(wall)
    await shot(wall, "wall-7-finished-1920x1080")
    # The open phones learn it at their next look; their forms are gone.
    for phone in phones:
        await phone.page.wait_for_function(
            "t => document.getElementById('status').textContent === t"
            " && document.getElementById('forms').children.length === 0",
            arg=over,
            timeout=WAIT_MS,
        )
    await shot(kari.page, "phone-10-finished-390x844")
    late = await aisha.page.goto(join)
    assert late is not None and late.status == 410
    assert await aisha.page.inner_text("body") == over
    await shot(aisha.page, "phone-11-link-refused-390x844")
    status = await post_from(kari.page, {"kind": "checkout", "text": "For sent"})
    assert status == 410

    # --- the saved session holds all of it, with the right authors ----------------------
    session = await saved(app, pilot)
    assert session.finished_at is not None
    findings = {f.text: f for f in session.findings}
    assert findings.keys() == {STRENGTH_KARI, RISK_OLA, RISK_AISHA}
    assert findings[STRENGTH_KARI].kind is FindingKind.STRENGTH
    assert findings[RISK_OLA].kind is findings[RISK_AISHA].kind is FindingKind.RISK
    for finding in findings.values():
        # No author: no id, no name, anywhere in what is stored.
        stored = finding.model_dump_json()
        assert not any(f'"{pid}"' in stored for pid in ("p1", "p2", "p3", "p4"))
        assert not any(name in stored for name in NAMES)
    dilemmas = {d.owner: (d.title, d.text) for d in session.dilemmas}
    assert dilemmas == {"p1": DILEMMA_KARI, "p2": DILEMMA_OLA}
    notes = [(n.person, n.kind, n.step_id, n.text) for n in session.notes]
    assert notes == [
        ("p1", NoteKind.FOCUS_NOTES, "kollegaveiledning", NOTES_KARI),
        ("p2", NoteKind.FOCUS_NOTES, "kollegaveiledning", NOTES_OLA),
    ]
    checkouts = {c.person: (c.question, c.text) for c in session.checkouts}
    assert checkouts == CHECKOUT
    assert NOT_MINE not in session.model_dump_json()
