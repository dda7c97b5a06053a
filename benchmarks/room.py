"""The room's figures (issue 14), measured in the real screen app, each in one run.

The app is `FacilitatorApp` driven in-process by Textual's Pilot (as
`saving.py` does), with the room open (`app.open_room`, its server in the app's
own event loop) and the audience page in headless Chromium (Playwright), as on
the projector:

- **key → wall.** PgDn and PgUp in turn on the run screen; each key's time from
  the terminal's key event to the frame in which the wall shows the new step's
  title. The page records the moment itself (a `MutationObserver` on the title,
  then the end of the next animation frame, read with `performance.timeOrigin +
  performance.now()`), and Python reads it afterwards: how long Playwright takes
  to notice and report is not counted, and the frame is counted (a DOM that
  changed but is not yet drawn is not yet on the wall). The two clocks are the
  same machine's wall clock; their offset is measured first through Playwright
  (the closest of 20 round trips) and taken off. Baseline: the same key to the
  moment the app published the new view to the room.
- **twelve phones.** Twelve aiohttp clients, each from an address of its own on
  loopback (127.0.0.2 … as phones have their own), pick no name and post a risk
  in the reflection task every 2 s, all at the same moment (the room's rate is
  one every 2 s a phone, after a burst of 8), and fetch their state every 3 s as
  the phone's page does. They run in the app's own event loop, so the work of
  the clients themselves is counted against the app too: the figure is
  pessimistic. Runs with and without them take turns (ABBA) while the timer
  runs on the real clock and the wall is open; the facilitator types a note
  meanwhile. Typing is each key's time from the terminal's key event to the text
  in the field; the timer's redraw lateness is from when the run screen's
  redraw (every 0.25 s) was due to when it had set every part and published the
  view. Nothing lost: every risk answered 201 is in the session and, after the
  autosave, in the session file.
- **page weight.** Everything the audience page and the participant's page load,
  over the wire (headers and bodies; of the wall's event stream, its headers and
  the first event), and every request that goes anywhere but the laptop.

    python benchmarks/room.py           # about two minutes
    python benchmarks/room.py --quick   # about 40 seconds

Without /usr/bin/chromium, an aiohttp client stands in for the browser (the
stream's event instead of the drawn frame; the page and its assets by GET).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PARTICIPANTS, Figure, limit_figure, ratio_figure, table, until
from textual import events
from textual import timer as textual_timer
from textual._time import get_time
from textual.keys import _character_to_key
from textual.widgets import TextArea

from facilitator.agenda.registry import load_agenda
from facilitator.room.qr import qr_svg
from facilitator.room.server import Room
from facilitator.tui.app import FacilitatorApp, Launch
from facilitator.tui.screens.form_modal import FormModal
from facilitator.tui.screens.run import REDRAW_SECONDS, RunScreen
from facilitator.workshop_view import WorkshopView

CHROMIUM = Path("/usr/bin/chromium")
PHONES = 12
POST_EVERY = 2.0
"""Seconds between a phone's risks: the room's rate limit (0.5 a second)."""
STATE_EVERY = 3.0
"""Seconds between a phone page's fetches of its state (join.js)."""
WAIT = 20.0
"""Bound on any one wait, in seconds (a bound, not a pause)."""
LAN_URL = "http://192.168.100.200:54321/j/" + "x" * 22
"""A join link as a LAN room shows it (a typical address and port, a 128-bit token)."""


@dataclass(frozen=True)
class Effort:
    presses: int
    """Keys that change the step, for key → wall."""
    rounds: int
    """Pairs of runs with and without the phones."""
    seconds: float
    """Length of each run."""


FULL = Effort(presses=100, rounds=6, seconds=6.0)
QUICK = Effort(presses=30, rounds=3, seconds=4.0)
TEST = Effort(presses=4, rounds=1, seconds=1.0)
"""Only to keep the benchmark working (tests/test_benchmarks.py): no figure of its."""


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


# --- the wall ---------------------------------------------------------------------

WATCH_TITLE = """() => {
    // Every new step title, with when it was put in the page and when the frame
    // that draws it was done (the message posted from the animation frame runs
    // after that frame's rendering).
    const title = document.getElementById('step-title');
    const now = () => performance.timeOrigin + performance.now();
    window.benchTitles = [];
    let last = title.textContent;
    new MutationObserver(() => {
        if (title.textContent === last) return;  // the same title drawn again
        last = title.textContent;
        const seen = {title: last, dom: now(), frame: 0};
        window.benchTitles.push(seen);
        requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => { seen.frame = now(); };
            channel.port2.postMessage(0);
        });
    }).observe(title, {childList: true, characterData: true, subtree: true});
}"""


class Published:
    """When the app handed the room a view with a new step title (the room's own
    `publish`, wrapped), on the wall clock the page's times are compared with."""

    def __init__(self, room: Room) -> None:
        self.titles: list[tuple[float, str]] = []
        real = room.publish
        last = room.host.view().step.title

        def publish(view: WorkshopView) -> bool:
            nonlocal last
            changed = real(view)
            if changed and view.step.title != last:
                last = view.step.title
                self.titles.append((time.time(), last))
            return changed

        room.publish = publish  # type: ignore[method-assign]


async def page_clock_offset(page: Any) -> tuple[float, float]:
    """(page clock − Python's `time.time()`, half the round trip it was read
    within), in seconds: the closest of 20 readings."""
    best: tuple[float, float] | None = None
    for _ in range(20):
        before = time.time()
        at = await page.evaluate("() => performance.timeOrigin + performance.now()")
        after = time.time()
        if best is None or after - before < 2 * best[1]:
            best = (at / 1000 - (before + after) / 2, (after - before) / 2)
    assert best is not None
    return best


def press(app: FacilitatorApp, key: str) -> float:
    """A key from the terminal, as the driver hands it to the app; when, on the wall clock."""
    at = time.time()
    app._driver.send_message(events.Key(key, None))  # type: ignore[union-attr]
    return at


async def key_to_wall_browser(
    app: FacilitatorApp, room: Room, page: Any, presses: int, rng: random.Random
) -> list[Figure]:
    published = Published(room)
    await page.evaluate(WATCH_TITLE)
    offset, error = await page_clock_offset(page)
    to_frame: list[float] = []
    to_dom: list[float] = []
    to_publish: list[float] = []
    for i in range(presses):
        seen = int(await page.evaluate("() => window.benchTitles.length"))
        sent = len(published.titles)
        at = press(app, "pagedown" if i % 2 == 0 else "pageup")
        await page.wait_for_function(
            "n => window.benchTitles.length > n && window.benchTitles[n].frame > 0",
            arg=seen,
            timeout=WAIT * 1000,
        )
        shown = await page.evaluate("n => window.benchTitles[n]", seen)
        published_at, title = published.titles[sent]
        if shown["title"] != title:
            raise RuntimeError(f"the wall shows {shown['title']!r}, the app sent {title!r}")
        to_frame.append(shown["frame"] / 1000 - offset - at)
        to_dom.append(shown["dom"] / 1000 - offset - at)
        to_publish.append(published_at - at)
        await asyncio.sleep(rng.uniform(0.1, 0.3))  # a facilitator's pace, roughly
    del room.publish  # the room's own again
    what = f"key in the app → the wall's frame shows the new step (Chromium, {presses} keys)"
    base = "key → view published to the room"
    clocks = f"±{error * 1000:.1f} ms between clocks"
    return [
        limit_figure(
            f"{what}, p50",
            statistics.median(to_frame) * 1000,
            statistics.median(to_publish) * 1000,
            base,
            "ms",
            100,
        ),
        limit_figure(
            f"{what}, p95",
            p95(to_frame) * 1000,
            p95(to_publish) * 1000,
            base,
            "ms",
            100,
        ),
        Figure(
            f"  (for reference) key → the wall's DOM changed, p95 ({clocks})",
            p95(to_dom) * 1000,
            p95(to_publish) * 1000,
            base,
            "ms",
            "–",
            None,
        ),
    ]


async def key_to_wall_client(
    app: FacilitatorApp, room: Room, http: aiohttp.ClientSession, presses: int, rng: random.Random
) -> list[Figure]:
    """Without Chromium: the key to the wall's event read by an aiohttp client."""
    published = Published(room)
    delays: list[float] = []
    to_publish: list[float] = []
    async with http.get(f"{room.wall_url}events") as stream:
        first = await stream.content.readuntil(b"\n\n")
        title = _event_title(first)
        for i in range(presses):
            sent = len(published.titles)
            start = time.time()
            press(app, "pagedown" if i % 2 == 0 else "pageup")
            while (new := _event_title(await stream.content.readuntil(b"\n\n"))) == title:
                pass
            delays.append(time.time() - start)
            to_publish.append(published.titles[sent][0] - start)
            title = new
            await asyncio.sleep(rng.uniform(0.1, 0.3))
    del room.publish  # the room's own again
    return [
        limit_figure(
            f"key in the app → the wall's event received (aiohttp client, {presses} keys), p95",
            p95(delays) * 1000,
            p95(to_publish) * 1000,
            "key → view published to the room",
            "ms",
            100,
        )
    ]


def _event_title(event: bytes) -> str | None:
    for line in event.decode().splitlines():
        if line.startswith("data: "):
            return str(json.loads(line[6:])["view"]["step"]["title"])
    return None  # a keep-alive comment


# --- page weight ------------------------------------------------------------------


async def load_weight(page: Any, url: str, ready: Callable[[], Awaitable[None]]) -> tuple[int, int]:
    """Bytes over the wire of everything opening `url` loads, and how many requests
    went anywhere else than the laptop."""
    base = "/".join(url.split("/")[:3]) + "/"
    responses: list[Any] = []
    outside: list[str] = []
    page.on("response", lambda r: responses.append(r))
    page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
    await page.goto(url)
    await ready()
    total = 0
    for response in responses:
        headers = await response.headers_array()
        head = len(f"HTTP/1.1 {response.status} {response.status_text}\r\n") + 2
        head += sum(len(h["name"]) + len(h["value"]) + 4 for h in headers)
        if "text/event-stream" in (await response.header_value("content-type") or ""):
            # Never finished: its headers and the first event (what the page drew).
            body = len(f"id: 1\ndata: {await _first_event(page)}\n\n".encode())
        else:
            body = len(await response.body())
        total += head + body
    return total, len(outside)


async def _first_event(page: Any) -> str:
    # The payload is what the server sent; the page holds no copy, so it is asked
    # again the same way (same words, same view).
    base = page.url
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{base}events") as stream,
    ):
        event = (await stream.content.readuntil(b"\n\n")).decode()
    return event.split("data: ", 1)[1].rstrip("\n")


async def page_weights_browser(browser: Any, room: Room) -> list[Figure]:
    wall = await browser.new_page(viewport={"width": 1920, "height": 1080})

    async def wall_ready() -> None:
        await wall.wait_for_function(
            "() => +(document.body.dataset.updates || 0) >= 1", timeout=WAIT * 1000
        )

    wall_bytes, wall_out = await load_weight(wall, room.wall_url, wall_ready)
    await wall.close()
    phone_context = await browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    phone = await phone_context.new_page()

    async def phone_ready() -> None:
        await phone.wait_for_selector("button[data-person]", timeout=WAIT * 1000)
        await phone.wait_for_load_state("networkidle")

    phone_bytes, phone_out = await load_weight(phone, room.join_url, phone_ready)
    await phone_context.close()
    return _weight_figures(wall_bytes, phone_bytes, wall_out + phone_out, "Chromium")


async def page_weights_client(room: Room, http: aiohttp.ClientSession) -> list[Figure]:
    base = f"http://127.0.0.1:{room.port}"
    sizes = []
    for page, assets in ((room.wall_url, ["wall.js", "room.css"]), (room.join_url, ["join.js"])):
        total = 0
        for url in [page, *(f"{base}/assets/{a}" for a in assets)]:
            async with http.get(url) as response:
                total += len(await response.read())
                total += sum(len(k) + len(v) + 4 for k, v in response.raw_headers)
        sizes.append(total)
    return _weight_figures(sizes[0], sizes[1], None, "aiohttp client, page and assets")


def _weight_figures(wall: int, phone: int, outside: int | None, how: str) -> list[Figure]:
    # A LAN room draws its join link as a QR code in the wall's page, and the link
    # is in the page and in each event: that much more than this loopback room.
    qr = len(qr_svg(LAN_URL).encode()) + 2 * len(LAN_URL)
    figures = [
        limit_figure(
            f"audience page over the wire, all it loads ({how})",
            wall / 1000,
            None,
            "",
            "kB",
            50,
        ),
        limit_figure(
            "  the same with a LAN room's join link and QR code (added, not loaded)",
            (wall + qr) / 1000,
            None,
            "",
            "kB",
            50,
        ),
        limit_figure(
            f"participant's page over the wire, all it loads ({how})",
            phone / 1000,
            None,
            "",
            "kB",
            50,
        ),
    ]
    if outside is not None:
        figures.append(
            Figure(
                "requests anywhere but the laptop (both pages)",
                outside,
                None,
                "",
                "",
                "0",
                outside == 0,
            )
        )
    return figures


# --- twelve phones ----------------------------------------------------------------


@dataclass
class Phone:
    """One participant's phone: its own address, its own cookie."""

    n: int
    join_url: str
    origin: str
    http: aiohttp.ClientSession = field(init=False)
    accepted: list[str] = field(default_factory=list)
    refused: int = 0

    def __post_init__(self) -> None:
        self.http = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(local_addr=(f"127.0.0.{self.n + 2}", 0)),
            cookie_jar=aiohttp.CookieJar(unsafe=True),
        )

    async def join(self) -> None:
        """Open the link, pick no name (risks may be sent without one)."""
        async with self.http.get(self.join_url) as response:
            await response.read()
        await self.state()
        async with self.http.post(
            f"{self.join_url}/me", json={"person": None}, headers={"Origin": self.origin}
        ) as response:
            if response.status != 200:
                raise RuntimeError(f"phone {self.n} could not join: {response.status}")
        await self.state()

    async def state(self) -> None:
        async with self.http.get(f"{self.join_url}/state") as response:
            await response.read()

    async def send(self, text: str) -> None:
        async with self.http.post(
            f"{self.join_url}/send",
            json={"kind": "risk", "text": text},
            headers={"Origin": self.origin},
        ) as response:
            await response.read()
            if response.status == 201:
                self.accepted.append(text)
            else:
                self.refused += 1
        await self.state()  # the page shows what it sent

    async def run(self, start: float, end: float, arm: int) -> None:
        """Post a risk every POST_EVERY seconds from `start`, at the same moments
        as every other phone, and fetch the state every STATE_EVERY seconds."""
        loop = asyncio.get_running_loop()

        async def posts() -> None:
            i = 0
            while (due := start + i * POST_EVERY) < end:
                await asyncio.sleep(max(0.0, due - loop.time()))
                await self.send(f"bench risk {arm}-{self.n}-{i}")
                i += 1

        async def polls() -> None:
            due = start + STATE_EVERY
            while due < end:
                await asyncio.sleep(max(0.0, due - loop.time()))
                await self.state()
                due += STATE_EVERY

        await asyncio.gather(posts(), polls())


class Lateness:
    """How late the run screen's redraw timer is done, from when it was due; the
    redraws are counted into `sink` while it is set."""

    def __init__(self) -> None:
        self.sink: list[float] | None = None
        self._real = textual_timer.Timer._tick

    def __enter__(self) -> Lateness:
        real = self._real
        me = self

        async def tick(timer: textual_timer.Timer, *, next_timer: float, count: int) -> None:
            await real(timer, next_timer=next_timer, count=count)
            callback = timer._callback
            if (
                me.sink is not None
                and getattr(callback, "__func__", None) is RunScreen.refresh_clock
            ):
                me.sink.append(get_time() - next_timer)

        textual_timer.Timer._tick = tick  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        textual_timer.Timer._tick = self._real  # type: ignore[method-assign]


async def type_for(
    app: FacilitatorApp, field_: TextArea, seconds: float, rng: random.Random
) -> list[float]:
    """Type into the note form for `seconds`; each key's time to the text in the field."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    latencies = []
    while loop.time() < end:
        char = rng.choice("abcdefghijklmnopqrstuvwxyzæøå ")
        before = field_.text
        start = time.perf_counter()
        app._driver.send_message(events.Key(_character_to_key(char), char))  # type: ignore[union-attr]
        while field_.text == before:
            if time.perf_counter() - start > WAIT:
                raise RuntimeError("the key never reached the field")
            await asyncio.sleep(0.0005)
        latencies.append(time.perf_counter() - start)
        await asyncio.sleep(rng.uniform(0.03, 0.12))
    return latencies


async def phones_at_once(
    app: FacilitatorApp, room: Room, pilot: Any, effort: Effort, rng: random.Random
) -> list[Figure]:
    loop = asyncio.get_running_loop()
    origin = f"http://127.0.0.1:{room.port}"
    phones = [Phone(n, room.join_url, origin) for n in range(PHONES)]
    try:
        await asyncio.gather(*(p.join() for p in phones))
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, FormModal))
        field_ = app.focused
        assert isinstance(field_, TextArea), field_
        keys: dict[bool, list[float]] = {False: [], True: []}
        ticks: dict[bool, list[float]] = {False: [], True: []}
        with Lateness() as lateness:
            for r in range(effort.rounds):
                for with_phones in (False, True) if r % 2 == 0 else (True, False):
                    start = loop.time()
                    end = start + effort.seconds
                    sending = (
                        [asyncio.ensure_future(p.run(start, end, r)) for p in phones]
                        if with_phones
                        else []
                    )
                    lateness.sink = ticks[with_phones]
                    keys[with_phones] += await type_for(app, field_, effort.seconds, rng)
                    lateness.sink = None
                    await asyncio.gather(*sending)
        await pilot.press("escape")
        accepted = [text for p in phones for text in p.accepted]
        refused = sum(p.refused for p in phones)
    finally:
        await asyncio.gather(*(p.http.close() for p in phones))
    workshop, opened = app.workshop, app.opened
    assert workshop is not None and opened is not None and app.session_path is not None
    in_session = {f.text for f in workshop.session.findings}
    if not opened.save_now(timeout=WAIT):
        raise RuntimeError("the session was not saved")
    with app.session_path.open("rb") as file:
        in_file = {f["text"] for f in tomllib.load(file).get("findings", [])}
    kept = sum(1 for text in accepted if text in in_session and text in in_file)
    who = f"{PHONES} phones posting at once every {POST_EVERY:g} s"
    base = "the same without the phones"
    n_keys, n_ticks = len(keys[True]), len(ticks[True])
    return [
        ratio_figure(
            f"typing a note while {who}: key to text, median",
            statistics.median(keys[True]) * 1000,
            statistics.median(keys[False]) * 1000,
            base,
            "ms",
            1.25,
        ),
        ratio_figure(
            f"typing a note while {who}: key to text, p95 of {n_keys} keys",
            p95(keys[True]) * 1000,
            p95(keys[False]) * 1000,
            base,
            "ms",
            1.25,
        ),
        ratio_figure(
            f"timer redraw lateness while {who}, median",
            statistics.median(ticks[True]) * 1000,
            statistics.median(ticks[False]) * 1000,
            base,
            "ms",
            1.25,
        ),
        ratio_figure(
            f"timer redraw lateness while {who}, p95 of {n_ticks} redraws",
            p95(ticks[True]) * 1000,
            p95(ticks[False]) * 1000,
            base,
            "ms",
            1.25,
        ),
        Figure(
            f"  risks accepted ({refused} refused) / in the session and its file",
            len(accepted),
            kept,
            "kept",
            "",
            "all",
            kept == len(accepted) and len(accepted) > 0,
        ),
    ]


# --- the run ----------------------------------------------------------------------


async def measure(effort: Effort, seed: int) -> list[Figure]:
    """Every figure, in one app with the room open."""
    rng = random.Random(seed)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        app = FacilitatorApp(
            Path(tmp),
            "en",
            Launch(
                mode="run",
                agenda=load_agenda("kollegaveiledning", None),
                names=PARTICIPANTS.split(","),
                title="Bench",
            ),
        )
        app.show_in_browser = lambda url: None  # the benchmark opens its own browser
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, RunScreen))
            screen = app.screen
            assert isinstance(screen, RunScreen)
            workshop = app.workshop
            assert workshop is not None
            to_reflection(app)
            workshop.toggle_timer()  # the timer runs from here on
            screen.refresh_all()
            await app.open_room(lan=False)
            room = app.room
            assert room is not None
            try:
                if CHROMIUM.exists():
                    figures += await _with_browser(app, room, pilot, effort, rng)
                else:
                    async with aiohttp.ClientSession() as http:
                        figures += await key_to_wall_client(app, room, http, effort.presses, rng)
                        figures += await page_weights_client(room, http)
                    to_reflection(app)
                    figures += await phones_at_once(app, room, pilot, effort, rng)
            finally:
                await app.close_room(quiet=True)
            await pilot.pause()
    return figures


def to_reflection(app: FacilitatorApp) -> None:
    """To the reflection task, which takes risks from phones."""
    workshop, screen = app.workshop, app.screen
    assert workshop is not None and isinstance(screen, RunScreen)
    workshop.goto_step(workshop.session.agenda.step_index("refleksjon"))
    screen.refresh_all()


async def _with_browser(
    app: FacilitatorApp, room: Room, pilot: Any, effort: Effort, rng: random.Random
) -> list[Figure]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        try:
            figures = await page_weights_browser(browser, room)
            # The wall stays open on the projector for the rest.
            wall = await browser.new_page(viewport={"width": 1920, "height": 1080})
            await wall.goto(room.wall_url)
            await wall.wait_for_function(
                "() => +(document.body.dataset.updates || 0) >= 1", timeout=WAIT * 1000
            )
            keys = await key_to_wall_browser(app, room, wall, effort.presses, rng)
            to_reflection(app)
            phones = await phones_at_once(app, room, pilot, effort, rng)
        finally:
            await browser.close()
    return [*keys, *figures, *phones]


def room(effort: Effort, seed: int = 1) -> list[Figure]:
    """For benchmarks/run.py."""
    return asyncio.run(measure(effort, seed))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    os.environ.setdefault("TZ", "UTC")
    started = time.perf_counter()
    figures = room(QUICK if args.quick else FULL)
    print(table(figures))
    print()
    print(
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end; "
        f"{'quick' if args.quick else 'full'} run, {time.perf_counter() - started:.0f} s; "
        f"redraw every {REDRAW_SECONDS:g} s."
    )


if __name__ == "__main__":
    main()
