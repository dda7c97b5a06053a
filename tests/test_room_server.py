"""The room's server over real HTTP: what it refuses, what it stores, and what it lets
out to whom (DESIGN.md §4: the wall shows nothing captured; a phone reads back only
what it sent)."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from facilitator.agenda.model import NoteKind
from facilitator.agenda.registry import load_agenda
from facilitator.room.host import ANONYMOUS_KINDS, InputKind, Sent, WorkshopHost
from facilitator.room.net import reachable_addresses, usable
from facilitator.room.server import MAX_BODY, Room, wall_payload
from facilitator.session.model import FindingKind, new_session
from facilitator.timesource import FakeClock
from facilitator.workshop import Workshop
from facilitator.workshop_view import workshop_view

AGENDA = load_agenda("kollegaveiledning", None)
NAMES = ["Zqada", "Zqbo", "Zqcato"]


def make_workshop(step: str | None = "refleksjon") -> Workshop:
    clock = FakeClock(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    session = new_session("Zqtitle", AGENDA, clock.now(), NAMES, time_zone="Europe/Oslo")
    w = Workshop(session, clock)
    w.begin()
    if step:
        w.goto_step(session.agenda.step_index(step))
    return w


class Ticks:
    """A monotonic clock for the rate limits: it moves `step` seconds each time it is
    read (a long way by default, so only the flood test meets a limit), or only when
    told (`step=0`)."""

    def __init__(self, step: float = 1000.0) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


class Phone:
    """One participant's browser: its own cookies, and the Origin a browser sends."""

    def __init__(self, room: Room) -> None:
        self.room = room
        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.origin = f"http://127.0.0.1:{room.port}"

    async def post(self, path: str, body: Any, **kw: Any) -> aiohttp.ClientResponse:
        headers = {"Origin": self.origin, **kw.pop("headers", {})}
        if isinstance(body, bytes):
            kw.setdefault("data", body)
            headers.setdefault("Content-Type", "application/json")
        else:
            kw["json"] = body
        response = await self.http.post(f"{self.room.join_url}/{path}", headers=headers, **kw)
        await response.read()
        return response

    async def state(self) -> dict[str, Any]:
        async with self.http.get(f"{self.room.join_url}/state") as response:
            assert response.status == 200
            data: dict[str, Any] = await response.json()
            return data

    async def close(self) -> None:
        await self.http.close()


@pytest.fixture
async def room_for() -> AsyncIterator[Callable[..., Any]]:
    rooms: list[Room] = []
    phones: list[Phone] = []

    async def start(w: Workshop, ticks: Ticks | None = None) -> tuple[Room, Callable[[], Phone]]:
        room = Room(WorkshopHost(w), monotonic=ticks or Ticks())
        await room.start()
        rooms.append(room)

        def phone() -> Phone:
            p = Phone(room)
            phones.append(p)
            return p

        return room, phone

    yield start
    for p in phones:
        await p.close()
    for room in rooms:
        await room.stop()


def stored(w: Workshop) -> int:
    s = w.session
    return len(s.notes) + len(s.findings) + len(s.dilemmas) + len(s.checkouts) + len(s.measures)


# --- what is refused -----------------------------------------------------------------


async def test_a_wrong_token_opens_nothing(room_for) -> None:
    w = make_workshop()
    room, phone = await room_for(w)
    p = phone()
    base = f"http://127.0.0.1:{room.port}"
    for url in (
        f"{base}/w/{room.join_token}/",  # the join token does not open the wall
        f"{base}/w/x{room.wall_token}/events",
        f"{base}/j/{room.wall_token}/state",  # nor the wall token the phones' side
        f"{base}/j/{room.join_token[:-1]}/",
    ):
        async with p.http.get(url) as response:
            assert response.status == 403, url
            if not url.endswith(("/events", "/state")):  # a page: words for a person
                page = await response.text()
                assert response.content_type == "text/html"
                assert '<p class="closed">Rommet er stengt.</p>' in page
                assert 'name="viewport"' in page  # readable on a phone
    bad = await p.http.post(
        f"{base}/j/{room.wall_token}/send",
        json={"kind": "risk", "text": "Zqrisk"},
        headers={"Origin": p.origin},
    )
    assert bad.status == 403
    assert stored(w) == 0
    assert len(room.wall_token) >= 22 and room.wall_token != room.join_token  # 128 bits


async def test_a_closed_room_refuses_its_old_links(room_for) -> None:
    w = make_workshop()
    room, phone = await room_for(w)
    old_wall, old_join = room.wall_url, room.join_url
    await room.stop()
    p = phone()
    with pytest.raises(aiohttp.ClientConnectionError):
        await p.http.get(old_wall)
    await room.start()  # opened again: new links, the old ones refused
    for url in (old_wall.replace(old_wall.split("/")[2], f"127.0.0.1:{room.port}"),):
        async with p.http.get(url) as response:
            assert response.status == 403
    old = old_join.replace(old_join.split("/")[2], f"127.0.0.1:{room.port}")
    async with p.http.get(f"{old}/state") as response:
        assert response.status == 403


async def test_a_finished_session_refuses_the_wall_and_the_phones(room_for) -> None:
    w = make_workshop()
    room, phone = await room_for(w)
    p = phone()
    assert (await p.post("me", {"person": None})).status == 200
    w.finish()
    room.publish(workshop_view(w))
    for url in (room.wall_url, f"{room.wall_url}events", f"{room.join_url}/state"):
        async with p.http.get(url) as response:
            assert response.status == 410, url
    assert (await p.post("send", {"kind": "risk", "text": "Zqrisk"})).status == 410
    assert stored(w) == 0


async def test_a_post_from_another_origin_or_host_is_refused(room_for) -> None:
    w = make_workshop()
    room, phone = await room_for(w)
    p = phone()
    assert (await p.post("me", {"person": None})).status == 200
    body = {"kind": "risk", "text": "Zqrisk"}
    assert (await p.post("send", body, headers={"Origin": "http://evil.example"})).status == 403
    assert (await p.post("send", body, headers={"Origin": "null"})).status == 403
    no_origin = await p.http.post(f"{room.join_url}/send", json=body)
    assert no_origin.status == 403
    # A name of another site pointed at this machine (DNS rebinding) gets nothing.
    async with p.http.get(room.wall_url, headers={"Host": "evil.example"}) as response:
        assert response.status == 421
    assert stored(w) == 0


async def test_oversized_wrong_type_and_bad_text_are_refused_and_nothing_is_stored(
    room_for, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    w = make_workshop()
    _room, phone = await room_for(w)
    p = phone()
    assert (await p.post("me", {"person": "p1"})).status == 200
    big = json.dumps({"kind": "risk", "text": "x" * MAX_BODY}).encode()
    assert (await p.post("send", big)).status == 413

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: the limit still holds
        for _ in range(8):
            yield b" " * 1024
        yield b'{"kind": "risk", "text": "Zq"}'

    assert (await p.post("send", b"", data=chunks())).status == 413
    plain = b'{"kind": "risk", "text": "Zqrisk"}'
    assert (await p.post("send", plain, headers={"Content-Type": "text/plain"})).status == 415
    form = b"kind=risk&text=Zqrisk"
    ctype = {"Content-Type": "application/x-www-form-urlencoded"}
    assert (await p.post("send", form, headers=ctype)).status == 415
    latin = {"Content-Type": "application/json; charset=latin-1"}
    assert (await p.post("send", plain, headers=latin)).status == 415
    for body in (
        b'{"kind": "risk", "text": "Zq\xff\xfe"}',  # invalid UTF-8
        b'{"kind": "risk", "text": "Zq\\ud800"}',  # a lone surrogate
        b'{"kind": "risk", "text": "Zq\\u0007bell"}',  # a control character
        b'{"kind": "risk", "text": "Zq\\u001b[31m"}',
        b'{"kind": "risk", "text": "   "}',
        b'{"kind": "risk"}',
        b'{"kind": "measure", "text": "Zqrisk"}',
        b'{"kind": "risk", "text": 5}',
        b'{"kind": "checkout", "text": "Zq", "question": true}',
        b'["risk", "Zqrisk"]',
        b"not json",
        b"",
    ):
        response = await p.post("send", body)
        assert response.status == 400, body
    assert (await p.post("me", b'{"person": ["p1"]}')).status in (400, 409)
    assert stored(w) == 0
    # The server keeps running, and it logged no traceback.
    assert (await p.post("send", {"kind": "risk", "text": "Zqfine"})).status == 201
    assert not [r for r in caplog.records if r.exc_info], caplog.text


async def test_a_flood_is_held_back_and_what_is_refused_is_not_stored(room_for) -> None:
    w = make_workshop()
    ticks = Ticks(step=0)
    _room, phone = await room_for(w, ticks)
    p = phone()
    assert (await p.post("me", {"person": None})).status == 200
    codes = [(await p.post("send", {"kind": "risk", "text": f"Zq{i}"})).status for i in range(30)]
    assert 429 in codes
    assert codes.count(201) + codes.count(429) == 30
    assert len(w.session.findings) == codes.count(201)
    ticks.now += 60  # a minute later the phone may send again
    assert (await p.post("send", {"kind": "risk", "text": "Zqlater"})).status == 201
    # Phones without a cookie are held back by their address.
    stranger = phone()
    joins = [(await stranger.post("me", {"person": None})).status for _ in range(40)]
    assert 429 in joins


# --- what goes in, and where ------------------------------------------------------------


async def test_a_risk_sent_from_a_phone_lands_in_the_session_with_no_author(room_for) -> None:
    w = make_workshop()
    changes: list[int] = []
    w.on_change = lambda: changes.append(1)  # the autosaver's hook
    _room, phone = await room_for(w)
    p = phone()
    assert (await p.post("me", {"person": "p2"})).status == 200
    assert (await p.post("send", {"kind": "risk", "text": "  Zqrisk of overload  "})).status == 201
    [finding] = w.session.findings
    assert finding.kind is FindingKind.RISK and finding.text == "Zqrisk of overload"
    dumped = finding.model_dump_json()
    assert "p2" not in dumped and "Zqbo" not in dumped
    assert changes  # saved at once, like anything typed


async def test_a_phone_reads_back_only_what_it_sent(room_for) -> None:
    w = make_workshop()
    w.add_note("Zqnote typed by the facilitator")
    w.add_finding(FindingKind.STRENGTH, "Zqstrength typed by the facilitator")
    _room, phone = await room_for(w)
    ada, anon, cato = phone(), phone(), phone()
    assert (await ada.post("me", {"person": "p1"})).status == 200
    assert (await anon.post("me", {"person": None})).status == 200
    assert (await cato.post("me", {"person": "p3"})).status == 200
    assert (await ada.post("send", {"kind": "risk", "text": "Zqfrom-ada"})).status == 201
    assert (await anon.post("send", {"kind": "strength", "text": "Zqfrom-anon"})).status == 201
    ada_state, anon_state, cato_state = await ada.state(), await anon.state(), await cato.state()
    assert ada_state["mine"] == [{"kind": "risk", "text": "Zqfrom-ada"}]
    assert anon_state["mine"] == [{"kind": "strength", "text": "Zqfrom-anon"}]
    assert cato_state["mine"] == []
    for state, others in (
        (ada_state, ["Zqfrom-anon"]),
        (anon_state, ["Zqfrom-ada"]),
        (cato_state, ["Zqfrom-ada", "Zqfrom-anon"]),
    ):
        text = json.dumps(state, ensure_ascii=False)
        for other in [*others, "Zqnote", "Zqstrength typed"]:
            assert other not in text
    # A name is picked once, by one phone.
    assert (await anon.post("me", {"person": "p1"})).status == 409
    assert (await ada.post("me", {"person": "p2"})).status == 409
    people = {x["id"]: x["taken"] for x in anon_state["people"]}
    assert people == {"p1": True, "p2": False, "p3": True}


async def test_each_step_allows_only_its_own_input(room_for) -> None:
    w = make_workshop("intro")
    _room, phone = await room_for(w)
    ada, anon = phone(), phone()
    assert (await ada.post("me", {"person": "p1"})).status == 200
    assert (await anon.post("me", {"person": None})).status == 200
    assert (await ada.post("send", {"kind": "risk", "text": "Zqr"})).status == 409  # not here
    w.goto_step(w.session.agenda.step_index("forberedelse"))
    dilemma = {"kind": "dilemma", "title": "Zqtitle", "text": "Zqdilemma"}
    assert (await anon.post("send", dilemma)).status == 409  # a dilemma needs a name
    assert (await ada.post("send", dilemma)).status == 201
    assert (await ada.post("send", {**dilemma, "text": "Zqdilemma sharper"})).status == 201
    [d] = w.session.dilemmas
    assert d.owner == "p1" and d.text == "Zqdilemma sharper"
    w.set_dilemma("p2", "Zqby-facilitator", "Zqtyped")
    bo = phone()
    assert (await bo.post("me", {"person": "p2"})).status == 200
    assert (await bo.post("send", dilemma)).status == 409  # not overwritten from a phone
    assert w.dilemma_of("p2").text == "Zqtyped"  # type: ignore[union-attr]

    w.goto_step(w.session.agenda.step_index("kollegaveiledning"))
    w.toggle_timer()
    focus = w.reading().person
    assert focus == "p1"
    note = {"kind": "focus_notes", "text": "Zqwhat I heard"}
    assert (await bo.post("send", note)).status == 409  # only the focus person
    assert (await ada.post("send", note)).status == 201
    [n] = w.session.notes
    assert n.kind is NoteKind.FOCUS_NOTES and n.person == "p1"

    w.goto_step(w.session.agenda.step_index("utsjekk"))
    count = len(w.step.questions)
    answer = {"kind": "checkout", "text": "Zqanswer", "question": count - 1}
    assert (await anon.post("send", answer)).status == 409
    assert (await ada.post("send", {**answer, "question": count})).status == 409
    assert (await ada.post("send", answer)).status == 201
    [c] = w.session.checkouts
    assert c.person == "p1" and c.question == count - 1
    state = await ada.state()
    assert {m["kind"] for m in state["mine"]} == {"dilemma", "focus_notes", "checkout"}


async def test_the_wall_follows_a_change_and_carries_nothing_captured(room_for) -> None:
    w = make_workshop("intro")
    room, phone = await room_for(w)
    p = phone()
    assert (await p.post("me", {"person": "p1"})).status == 200
    async with p.http.get(f"{room.wall_url}events") as events:
        assert events.headers["Content-Type"].startswith("text/event-stream")

        async def next_event() -> dict[str, Any]:
            async for line in events.content:
                if line.startswith(b"data: "):
                    data: dict[str, Any] = json.loads(line[6:])
                    return data
            raise AssertionError("the stream ended")

        first = await next_event()
        assert first["view"]["step"]["id"] == "intro"
        assert first["view"]["private"] is None
        w.goto_step(w.session.agenda.step_index("refleksjon"))
        assert room.publish(workshop_view(w))
        assert not room.publish(workshop_view(w))  # unchanged: nothing pushed
        assert (await p.post("send", {"kind": "risk", "text": "Zqsecret risk"})).status == 201
        w.add_note("Zqsecret note")
        room.publish(workshop_view(w))
        second = await next_event()
        assert second["view"]["step"]["id"] == "refleksjon"
        assert "Zqsecret" not in json.dumps(second, ensure_ascii=False)


async def test_pages_carry_the_safety_headers_and_no_third_party_assets(room_for) -> None:
    w = make_workshop()
    room, phone = await room_for(w)
    p = phone()
    for url in (room.wall_url, room.join_url, f"http://127.0.0.1:{room.port}/assets/wall.js"):
        async with p.http.get(url) as response:
            assert response.status == 200
            csp = response.headers["Content-Security-Policy"]
            assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.headers["Referrer-Policy"] == "no-referrer"
            body = await response.text()
            assert "http://" not in body.replace(room.join_url, "") and "https://" not in body
            assert len(body.encode()) <= 50_000
    assert (await p.post("me", {"person": None})).status == 200
    cookie = next(c for c in p.http.cookie_jar)
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    async with p.http.get(f"http://127.0.0.1:{room.port}/assets/..%2Fserver.py") as response:
        assert response.status == 404


# --- the audience form never holds anything captured ------------------------------------

STEPS = [s.id for s in AGENDA.steps]
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=3, max_size=40
).map(lambda t: f"Zqq{t}")


people = st.sampled_from([None, "p1", "p2", "p3"])
# Mostly what the steps allow (so that most of it goes in), some of what they refuse.
allowed = st.one_of(
    st.tuples(st.just("refleksjon"), people, st.sampled_from(ANONYMOUS_KINDS)),
    st.tuples(st.just("forberedelse"), people, st.just(InputKind.DILEMMA)),
    st.tuples(st.just("kollegaveiledning"), st.just("p1"), st.just(InputKind.FOCUS_NOTES)),
    st.tuples(st.just("utsjekk"), people, st.just(InputKind.CHECKOUT)),
)
anything = st.tuples(st.sampled_from(STEPS), people, st.sampled_from(list(InputKind)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.one_of(allowed, allowed, anything), texts, st.integers(0, 2)).map(
            lambda x: (*x[0], x[1], x[2])
        ),
        min_size=1,
        max_size=12,
    )
)
@example([("refleksjon", None, InputKind.RISK, "Zqq\u2028x", 0)])
def test_the_wall_never_carries_what_was_sent(submissions) -> None:
    w = make_workshop(None)
    host = WorkshopHost(w)
    sent: list[str] = []
    refs: dict[str | None, list[Sent]] = {}
    for step, person, kind, text, question in submissions:
        w.goto_step(w.session.agenda.step_index(step))
        if w.reading().status.value == "not_started":
            w.toggle_timer()
        mine = refs.setdefault(person, [])
        ref = host.submit(person, kind, text, title=text, question=question, sent=mine)
        if ref is not None:
            sent.append(text)
            mine.append(ref)
        for lang in ("nb", "en"):
            view = workshop_view(w, lang)
            payload = wall_payload(view, "http://192.0.2.9:1/j/x")
            for t in sent:
                assert t not in payload
                assert json.dumps(t)[1:-1] not in payload
            assert json.loads(payload)["view"]["private"] is None
            assert dataclasses.asdict(view.for_audience())["private"] is None


# --- the machine's addresses ----------------------------------------------------------------


def test_reachable_addresses_lists_no_loopback() -> None:
    found = reachable_addresses()
    assert all(usable(a) for a in found)
    assert not usable("127.0.0.1") and not usable("169.254.3.4") and not usable("::1")
    assert usable("192.168.1.20") and usable("10.0.0.5")
    # A name that does not resolve costs nothing and breaks nothing.
    assert all(usable(a) for a in reachable_addresses("no-such-host.invalid"))


# --- generated bad requests ---------------------------------------------------------------

bodies = st.one_of(
    st.binary(max_size=64),
    st.binary(min_size=MAX_BODY + 1, max_size=MAX_BODY + 64),
    st.dictionaries(
        st.sampled_from(["kind", "text", "title", "question", "person"]),
        st.one_of(
            st.sampled_from([*InputKind, "measure", "p1"]),
            st.text(max_size=30),
            st.integers(),
            st.booleans(),
            st.none(),
        ),
        max_size=5,
    ).map(lambda d: json.dumps(d).encode()),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "Content-Type": st.sampled_from(
            ["application/json", "text/plain", "application/json; charset=latin-1", ""]
        ),
        "Origin": st.sampled_from(["http://evil.example", "null", ""]),
    },
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(["send", "me"]), bodies, headers, st.booleans()),
        min_size=1,
        max_size=6,
    )
)
@example([("send", b'{"kind": "risk", "text": "\\u0000"}', {}, False)])
def test_generated_requests_get_a_4xx_or_are_stored_and_never_break_the_room(requests) -> None:
    import asyncio

    async def run() -> None:
        w = make_workshop()
        room = Room(WorkshopHost(w), monotonic=Ticks())
        await room.start()
        p = Phone(room)
        try:
            assert (await p.post("me", {"person": None})).status == 200
            created = 0
            for path, body, extra, wrong_token in requests:
                url = f"{room.join_url}/{path}"
                if wrong_token:
                    url = url.replace(room.join_token, room.join_token[::-1])
                given = {"Origin": p.origin, "Content-Type": "application/json", **extra}
                async with p.http.post(url, data=body, headers=given) as response:
                    assert response.status < 500
                    if response.status in (200, 201):
                        assert not wrong_token and given["Origin"] == p.origin
                        created += response.status == 201 and path == "send"
                    else:
                        assert 400 <= response.status < 500
            assert len(w.session.findings) == created
            assert stored(w) == created
            assert (await p.post("send", {"kind": "risk", "text": "Zqstill here"})).status == 201
        finally:
            await p.close()
            await room.stop()

    asyncio.run(run())


def test_the_join_link_is_drawn_for_the_wall_and_the_terminal() -> None:
    from facilitator.room.qr import qr_svg, qr_text

    url = "http://192.168.1.23:41234/j/AbCdEfGhIjKlMnOpQrStUv"
    svg = qr_svg(url)
    assert svg.startswith("<svg") and "viewBox" in svg and "style=" not in svg
    lines = qr_text(url).splitlines()
    assert len({len(line) for line in lines}) == 1  # a square block of text
    assert len(lines) == (len(lines[0]) + 1) // 2  # two rows of modules to a line
