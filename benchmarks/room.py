"""The room's figures (issue 14), each in one run:

- the projector's page and the phone's page over the wire (≤ 50 kB each, no
  external requests);
- a change of the workshop → published → the wall's event received: p95 ≤ 100 ms
  (by an aiohttp client reading the event stream, and in Chromium when
  /usr/bin/chromium is there), against a loopback round trip of the same server;
- twelve phones posting at once while the timer ticks: how late the timer's tick
  and a "keystroke" (a workshop change and its redraw model) run, as a ratio of
  the same without the phones (≤ 1.25×), and nothing lost.

    python benchmarks/room.py           # about half a minute
    python benchmarks/room.py --quick

The phones run in another process (as phones are other machines): what is measured
is what serving them costs the app's own event loop. Their rate limit is relaxed
for the run (the room's clock for it runs 100× fast) so that what is counted is
the serving, not the refusing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Figure, limit_figure, ratio_figure, table

from facilitator.agenda.registry import load_agenda
from facilitator.room.host import WorkshopHost
from facilitator.room.server import Room
from facilitator.session.model import new_session
from facilitator.timesource import FakeClock
from facilitator.workshop import Workshop
from facilitator.workshop_view import workshop_view

CHROMIUM = Path("/usr/bin/chromium")
PHONES = 12


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def make_workshop() -> Workshop:
    clock = FakeClock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    names = ["Kari", "Ola", "Aisha", "Per", "Lise", "Nils"]
    session = new_session("Bench", load_agenda("kollegaveiledning", None), clock.now(), names)
    w = Workshop(session, clock)
    w.begin()
    w.goto_step(session.agenda.step_index("refleksjon"))
    w.toggle_timer()
    return w


def fast_clock() -> float:
    return time.monotonic() * 100


async def page_sizes(room: Room, http: aiohttp.ClientSession) -> list[Figure]:
    base = f"http://127.0.0.1:{room.port}"
    figures = []
    for what, page, assets in (
        ("projector page over the wire", room.wall_url, ["wall.js", "room.css"]),
        ("phone page over the wire", room.join_url, ["join.js", "room.css"]),
    ):
        total = 0
        for url in [page, *(f"{base}/assets/{a}" for a in assets)]:
            async with http.get(url) as response:
                body = await response.read()
                head = sum(len(k) + len(v) + 4 for k, v in response.raw_headers)
                total += len(body) + head
        figures.append(limit_figure(what, total / 1000, None, "", "kB", 50))
    return figures


async def wall_latency(room: Room, w: Workshop, http: aiohttp.ClientSession, n: int) -> Figure:
    """Change → publish → event read by a client of the stream."""
    base = f"http://127.0.0.1:{room.port}"
    round_trips = []
    for _ in range(n):
        start = time.perf_counter()
        async with http.get(f"{base}/assets/room.css") as response:
            await response.read()
        round_trips.append(time.perf_counter() - start)
    delays = []
    async with http.get(f"{room.wall_url}events") as events:
        await events.content.readuntil(b"\n\n")  # the state on connecting
        for i in range(n):
            start = time.perf_counter()
            w.move_unit(+1 if i % 2 == 0 else -1)
            room.publish(workshop_view(w))
            await events.content.readuntil(b"\n\n")
            delays.append(time.perf_counter() - start)
    return limit_figure(
        "change → wall event (aiohttp client), p95",
        p95(delays) * 1000,
        p95(round_trips) * 1000,
        "a GET round trip, p95",
        "ms",
        100,
    )


async def browser_latency(room: Room, w: Workshop, n: int) -> Figure | None:
    if not CHROMIUM.exists():
        return None
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = await browser.new_page(viewport={"width": 1920, "height": 1080})
        await page.goto(room.wall_url)
        await page.wait_for_function("() => +(document.body.dataset.updates || 0) >= 1")
        count = int(await page.evaluate("() => +document.body.dataset.updates"))
        # Resolved by the page itself the moment it has drawn update `n` (no polling).
        drawn = """n => new Promise(done => {
            const check = () => {
                if (+document.body.dataset.updates >= n) { seen.disconnect(); done(); }
            };
            const seen = new MutationObserver(check);
            seen.observe(document.body, {attributes: true});
            check();
        })"""
        delays = []
        for i in range(n):
            start = time.perf_counter()
            w.move_unit(+1 if i % 2 == 0 else -1)
            room.publish(workshop_view(w))
            count += 1
            await page.evaluate(drawn, count)
            delays.append(time.perf_counter() - start)
        await browser.close()
    return limit_figure(
        "change → wall page redrawn (Chromium), p95", p95(delays) * 1000, None, "", "ms", 100
    )


async def loop_lateness(room: Room, w: Workshop, seconds: float) -> tuple[list[float], list[float]]:
    """How late the timer's tick (every 100 ms: the view and a publish) and a
    keystroke (every 37 ms: a workshop change and its view) run, in ms."""
    loop = asyncio.get_running_loop()
    ticks: list[float] = []
    keys: list[float] = []
    end = loop.time() + seconds

    async def every(interval: float, work: Any, out: list[float]) -> None:
        due = loop.time()
        while loop.time() < end:
            due += interval
            await asyncio.sleep(max(0.0, due - loop.time()))
            start = loop.time()
            work()
            out.append((loop.time() - due) * 1000 + (loop.time() - start) * 1000)

    def tick() -> None:
        room.publish(workshop_view(w))

    def key() -> None:
        w.adjust(0)
        workshop_view(w)

    await asyncio.gather(every(0.1, tick, ticks), every(0.037, key, keys))
    return ticks, keys


async def phones_at_once(
    room: Room, w: Workshop, seconds: float, rounds: int, interval: float
) -> list[Figure]:
    base_ticks, base_keys, load_ticks, load_keys = [], [], [], []
    sent = 0
    before = len(w.session.findings)
    for _ in range(rounds):  # taking turns, so drift in the machine hits both alike
        t, k = await loop_lateness(room, w, seconds)
        base_ticks.append(p95(t))
        base_keys.append(p95(k))
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            __file__,
            "--phones",
            room.join_url,
            str(seconds),
            str(interval),
            stdout=subprocess.PIPE,
        )
        t, k = await loop_lateness(room, w, seconds)
        out, _ = await child.communicate()
        load_ticks.append(p95(t))
        load_keys.append(p95(k))
        sent += json.loads(out)["created"]
    stored = len(w.session.findings) - before
    pace = f"every {interval:g} s" if interval else "flat out"
    if not interval:  # the worst case, for reference: no target of its own
        return [
            Figure(
                f"timer tick lateness, p95, {PHONES} phones posting {pace}",
                statistics.median(load_ticks),
                statistics.median(base_ticks),
                "no phones",
                "ms",
                "–",
                None,
            ),
            Figure(
                "  inputs accepted / stored", sent, stored, "stored", "", "all", sent == stored, 0
            ),
        ]
    return [
        ratio_figure(
            f"timer tick lateness, p95, {PHONES} phones posting {pace}",
            statistics.median(load_ticks),
            statistics.median(base_ticks),
            "no phones",
            "ms",
            1.25,
        ),
        ratio_figure(
            f"keystroke lateness, p95, {PHONES} phones posting {pace}",
            statistics.median(load_keys),
            statistics.median(base_keys),
            "no phones",
            "ms",
            1.25,
        ),
        Figure("  inputs accepted / stored", sent, stored, "stored", "", "all", sent == stored, 0),
    ]


async def run_phones(join_url: str, seconds: float, interval: float) -> None:
    """The other process: twelve phones, each choosing no name and then posting a
    risk every `interval` seconds, all at the same moment (0: as fast as they are
    answered), for `seconds`."""
    origin = "/".join(join_url.split("/")[:3])
    created = 0
    start = time.monotonic()
    end = start + seconds

    async def phone(n: int) -> None:
        nonlocal created
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            headers = {"Origin": origin}
            async with http.post(f"{join_url}/me", json={"person": None}, headers=headers) as r:
                await r.read()
            i = 0
            while time.monotonic() < end:
                body = {"kind": "risk", "text": f"risk {n}.{i}"}
                async with http.post(f"{join_url}/send", json=body, headers=headers) as r:
                    await r.read()
                    created += r.status == 201
                i += 1
                if interval:
                    await asyncio.sleep(max(0.0, start + i * interval - time.monotonic()))

    await asyncio.gather(*(phone(n) for n in range(PHONES)))
    print(json.dumps({"created": created}))


async def main(quick: bool) -> None:
    w = make_workshop()
    room = Room(WorkshopHost(w), monotonic=fast_clock)
    await room.start()
    try:
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            figures = await page_sizes(room, http)
            figures.append(await wall_latency(room, w, http, 60 if quick else 300))
        browser = await browser_latency(room, w, 30 if quick else 100)
        if browser is not None:
            figures.append(browser)
        # A phone may keep up one input every 2 s (the room's rate limit), so
        # that is the load twelve phones can put on the room at most for long;
        # flat out (refused or not) shows the worst case.
        seconds, rounds = (3.0, 2) if quick else (5.0, 5)
        figures += await phones_at_once(room, w, seconds, rounds, 2.0)
        figures += await phones_at_once(room, w, seconds / 3, rounds, 0.0)
    finally:
        await room.stop()
    print(table(figures))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--phones":
        asyncio.run(run_phones(sys.argv[2], float(sys.argv[3]), float(sys.argv[4])))
    else:
        parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
        parser.add_argument("--quick", action="store_true")
        os.environ.setdefault("TZ", "UTC")
        asyncio.run(main(parser.parse_args().quick))
