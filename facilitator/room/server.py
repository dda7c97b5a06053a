"""The room's web server: the projector's page and the participants' phones.

It runs inside the event loop of the app that owns the workshop (aiohttp's
`AppRunner` and `TCPSite`: no thread, no signal handlers of its own), so there is
one process, one autosave, one lock. It holds no workshop: it renders what
`publish` hands it and asks a `RoomHost` about everything else.

What it lets out, and to whom (DESIGN.md §4):
- the wall (`/w/<wall token>/`): the audience form of the read model, pushed over
  server-sent events; nothing captured is in it (`WorkshopView.for_audience`);
- the phones (`/j/<join token>`): the names present to pick from, what the step
  allows now, and read back only what this phone sent.
Each start makes new random tokens, so a link from a closed room opens nothing; a
finished session refuses both (410). Every request's Host must be one this server
answers to (no DNS rebinding), every POST's Origin must match it, bodies are small
JSON, and each client is held to a rate.
"""

from __future__ import annotations

import asyncio
import dataclasses
import html
import json
import re
import secrets
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Final

from aiohttp import web

from facilitator.i18n import MAX_TEXT, NO_CONTROL, Lang, clean_text
from facilitator.i18n.words import screen as s
from facilitator.room.host import ANONYMOUS_KINDS, InputKind, RoomHost, Sent
from facilitator.room.net import reachable_addresses
from facilitator.room.qr import qr_svg
from facilitator.workshop_view import WorkshopView

MAX_BODY: Final = 4096
"""Bytes a POST may carry: a few paragraphs typed on a phone, and no more."""
MAX_CLIENTS: Final = 256
"""Phones remembered at once (a room has six people; this bounds the memory)."""
MAX_STREAMS: Final = 8
"""Wall pages open at once."""
HEARTBEAT: Final = 15.0
"""Seconds between keep-alive comments on an idle event stream (a dropped
connection is then noticed and its slot freed)."""
COOKIE: Final = "room_client"
LOOPBACK: Final = "127.0.0.1"

ASSETS: Final = {
    "wall.js": "text/javascript",
    "join.js": "text/javascript",
    "room.css": "text/css",
}

CSP: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS: Final = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}

WALL_WORDS: Final = (
    "step_of",
    "room_level_warning",
    "room_level_overtime",
    "room_break_until",
    "room_finished",
    "room_connection_lost",
    "room_join_here",
    "room_strengths",
    "room_risks",
    "room_not_started",
)
JOIN_WORDS: Final = (
    "room_pick_name",
    "room_pick_name_help",
    "room_anonymous",
    "room_anonymous_note",
    "room_name_taken",
    "room_you_are",
    "room_you_are_anonymous",
    "room_nothing_now",
    "room_kind_dilemma",
    "room_dilemma_help",
    "room_dilemma_title",
    "room_kind_strength",
    "room_kind_risk",
    "room_findings_help",
    "room_kind_focus_notes",
    "room_focus_notes_help",
    "room_kind_checkout",
    "room_question",
    "room_send",
    "room_sent",
    "room_refused",
    "room_too_fast",
    "room_too_long",
    "room_bad_text",
    "room_empty",
    "room_mine",
    "room_mine_none",
    "room_text_label",
    "room_closed",
    "room_finished",
)


def words(keys: tuple[str, ...], lang: Lang) -> dict[str, str]:
    """The pages' words in `lang`, placeholders left for the page to fill."""
    return {key: s(key, lang) for key in keys}


def audience_json(view: WorkshopView) -> dict[str, Any]:
    """The audience form of `view` as the wall receives it. Always made from
    `for_audience()` here, whatever the caller passed: the facilitator's part can
    never reach the wire by mistake."""
    return dataclasses.asdict(view.for_audience())


def wall_payload(view: WorkshopView, join_url: str | None) -> str:
    """What one event on the wall's stream carries: the audience form, the page's
    words, and the join link when phones can use one."""
    data = {"view": audience_json(view), "words": words(WALL_WORDS, view.lang), "join": join_url}
    return json.dumps(data, ensure_ascii=False, default=str)


@dataclass
class Bucket:
    """A token bucket: `capacity` requests at once, then `rate` a second."""

    tokens: float
    at: float


@dataclass
class RateLimit:
    capacity: float
    rate: float
    clock: Callable[[], float]
    buckets: OrderedDict[str, Bucket] = field(default_factory=OrderedDict)
    size: int = 1024

    def allow(self, key: str) -> bool:
        now = self.clock()
        bucket = self.buckets.pop(key, None) or Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        self.buckets[key] = bucket  # most recent last: the oldest is dropped first
        while len(self.buckets) > self.size:
            self.buckets.popitem(last=False)
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True


@dataclass
class Client:
    """One phone, known by the random id in its cookie."""

    person: str | None = None
    chosen: bool = False
    """The phone has picked a name, or chosen to stay anonymous."""
    sent: list[Sent] = field(default_factory=list)


class Refused(Exception):
    """A 4xx answer with a JSON body saying why, for the join page to word."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Room:
    """The server. `start`, then `publish` on every change and tick, then `stop`."""

    def __init__(
        self,
        host: RoomHost,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        addresses: Callable[[], list[str]] = reachable_addresses,
    ) -> None:
        self.host = host
        self._addresses = addresses
        self.wall_token = ""
        self.join_token = ""
        self.lan = False
        self.lan_addresses: list[str] = []
        """The addresses phones can use; empty on a LAN room means: suggest a hotspot."""
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._clients: OrderedDict[str, Client] = OrderedDict()
        self._claims: dict[str, str] = {}
        self._streams: set[asyncio.Event] = set()
        self._payload = ""
        self._version = 0
        self._finished = False
        self._closing = False
        self._qr = ""
        self._send_limit = RateLimit(capacity=8, rate=0.5, clock=monotonic)
        self._read_limit = RateLimit(capacity=30, rate=2.0, clock=monotonic)
        self._join_limit = RateLimit(capacity=10, rate=0.2, clock=monotonic)

    # --- life --------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self, host: str = LOOPBACK, port: int = 0) -> None:
        """Listen on `host` (loopback; "0.0.0.0" opens the room to the LAN) in the
        running loop. New tokens each time: old links open nothing."""
        if self._runner is not None:
            return
        self.wall_token = secrets.token_urlsafe(16)
        self.join_token = secrets.token_urlsafe(16)
        self.lan = host != LOOPBACK
        self.lan_addresses = self._addresses() if self.lan else []
        self._clients.clear()
        self._claims.clear()
        self._closing = False
        app = web.Application(middlewares=[self._guard], client_max_size=MAX_BODY)
        app.add_routes(
            [
                web.get("/w/{token}/", self._wall_page),
                web.get("/w/{token}/events", self._wall_events),
                web.get("/j/{token}", self._join_page),
                web.get("/j/{token}/", self._join_page),
                web.get("/j/{token}/state", self._join_state),
                web.post("/j/{token}/me", self._join_me),
                web.post("/j/{token}/send", self._join_send),
                web.get("/assets/{name}", self._asset),
            ]
        )
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=2.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError:
            await runner.cleanup()  # the port is taken, or the address is not ours
            raise
        self.port = int(runner.addresses[0][1])  # the port given when 0 was asked for
        self._runner = runner
        self._qr = self._qr_svg() if self.lan else ""
        self.publish(self.host.view())

    async def open_to_lan(self) -> None:
        """Let the phones in: listen on this computer's addresses on the room's network
        as well, on the same port with the same links, so the projector's page goes on
        without a reload. An address whose port is taken is left out; none at all
        leaves `lan_addresses` empty (the screen then suggests a phone hotspot)."""
        runner = self._runner
        if runner is None or self.lan:
            return
        opened: list[str] = []
        for address in self._addresses():
            try:
                await web.TCPSite(runner, address, self.port).start()
            except OSError:
                continue
            opened.append(address)
        self.lan, self.lan_addresses = True, opened
        self._qr = self._qr_svg()
        self.publish(self.host.view())  # the wall shows how to join now

    async def stop(self) -> None:
        """Close the room: wake the wall streams so they end, then stop listening."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self._closing = True
        for stream in self._streams:
            stream.set()
        await runner.cleanup()
        self.wall_token = self.join_token = ""
        self._clients.clear()
        self._claims.clear()

    # --- what the owner of the workshop calls ------------------------------------------

    def publish(self, view: WorkshopView) -> bool:
        """Hand the wall the view now; it is pushed to every open wall page only when
        its audience form changed. Returns whether it did."""
        join = self.join_url if self.lan and self.lan_addresses else None
        payload = wall_payload(view, join)
        if payload == self._payload:
            return False
        self._payload = payload
        self._finished = view.finished
        self._version += 1
        for stream in self._streams:
            stream.set()
        return True

    @property
    def phones(self) -> int:
        """How many phones have joined (picked a name or chosen to go without):
        none for a while on a LAN room usually means they cannot reach this computer."""
        return sum(1 for client in self._clients.values() if client.chosen)

    def release(self, person: str) -> bool:
        """Free a name picked on a phone (the person changed phone, or someone else
        took it): the next phone may pick it. What was sent stays with the old phone.
        Returns whether a phone held the name."""
        client_id = self._claims.pop(person, None)
        client = self._clients.get(client_id or "")
        if client is not None:
            client.person, client.chosen = None, False
        return client_id is not None

    @property
    def _base(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def wall_url(self) -> str:
        """The projector's page; opened on this machine, so always loopback."""
        return f"{self._base}/w/{self.wall_token}/"

    @property
    def join_url(self) -> str:
        """The link for phones: on the LAN address when the room is open to it."""
        if self.lan and self.lan_addresses:
            return f"http://{self.lan_addresses[0]}:{self.port}/j/{self.join_token}"
        return f"{self._base}/j/{self.join_token}"

    def _qr_svg(self) -> str:
        return qr_svg(self.join_url) if self.lan_addresses else ""

    # --- the guard every request passes --------------------------------------------

    def _hosts(self) -> set[str]:
        names = [LOOPBACK, "localhost", *self.lan_addresses]
        return {f"{name}:{self.port}" for name in names}

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            # A page from another site cannot reach us through a name of its own
            # that it points at this machine (DNS rebinding): only our own names.
            if request.host not in self._hosts():
                raise Refused(421, "host")
            if request.method == "POST":
                origin = request.headers.get("Origin", "")
                if origin != f"http://{request.host}":
                    raise Refused(403, "origin")
            response = await handler(request)
        except Refused as refused:
            if refused.reason in ("token", "finished") and _is_page(request):
                # A person opened an old or wrong link: say so in words.
                lang = self.host.view().lang
                key = "room_finished" if refused.reason == "finished" else "room_closed"
                response = web.Response(
                    text=_refusal_page(s(key, lang), lang),
                    status=refused.status,
                    content_type="text/html",
                )
            else:
                response = web.json_response({"error": refused.reason}, status=refused.status)
        except web.HTTPException as error:  # aiohttp's own: no route, too large
            response = web.json_response({"error": error.reason}, status=error.status)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def _check(self, request: web.Request, token: str) -> None:
        given = request.match_info.get("token", "")
        if not token or not secrets.compare_digest(given.encode(), token.encode()):
            raise Refused(403, "token")
        if self._finished or self.host.view().finished:
            raise Refused(410, "finished")

    def _client(self, request: web.Request) -> tuple[str, Client] | None:
        client_id = request.cookies.get(COOKIE, "")
        client = self._clients.get(client_id)
        return (client_id, client) if client is not None else None

    def _key(self, request: web.Request) -> str:
        known = self._client(request)
        return f"c:{known[0]}" if known else f"ip:{request.remote}"

    # --- the wall -------------------------------------------------------------------

    async def _wall_page(self, request: web.Request) -> web.Response:
        self._check(request, self.wall_token)
        view = self.host.view()
        join = self.join_url if self.lan and self.lan_addresses else ""
        page = _page("wall.html").replace("{{lang}}", view.lang)
        page = page.replace("{{title}}", html.escape(s("room_wall_title", view.lang)))
        page = page.replace("{{join_label}}", html.escape(s("room_join_here", view.lang)))
        page = page.replace("{{join_url}}", html.escape(join))
        page = page.replace("{{qr}}", self._qr if join else "")
        page = page.replace("{{joinclass}}", "" if join else "hidden")
        return web.Response(text=page, content_type="text/html", charset="utf-8")

    async def _wall_events(self, request: web.Request) -> web.StreamResponse:
        self._check(request, self.wall_token)
        if len(self._streams) >= MAX_STREAMS:
            raise Refused(429, "streams")
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream; charset=utf-8", **SECURITY_HEADERS}
        )
        await response.prepare(request)
        wake = asyncio.Event()
        self._streams.add(wake)
        seen = -1
        try:
            while not self._closing:
                if seen != self._version:
                    seen = self._version
                    await response.write(f"id: {seen}\ndata: {self._payload}\n\n".encode())
                    if self._finished:
                        break
                try:
                    await asyncio.wait_for(wake.wait(), HEARTBEAT)
                except TimeoutError:
                    await response.write(b": -\n\n")
                wake.clear()
        except (ConnectionResetError, ConnectionError):
            pass  # the page was closed
        finally:
            self._streams.discard(wake)
        return response

    # --- the phones -----------------------------------------------------------------

    async def _join_page(self, request: web.Request) -> web.Response:
        self._check(request, self.join_token)
        if not self._read_limit.allow(self._key(request)):
            raise Refused(429, "rate")
        lang = self.host.view().lang
        page = _page("join.html").replace("{{lang}}", lang)
        page = page.replace("{{title}}", html.escape(s("room_join_title", lang)))
        return web.Response(text=page, content_type="text/html", charset="utf-8")

    async def _join_state(self, request: web.Request) -> web.Response:
        self._check(request, self.join_token)
        if not self._read_limit.allow(self._key(request)):
            raise Refused(429, "rate")
        view = self.host.view()
        known = self._client(request)
        me, client = known if known else ("", None)
        person = client.person if client else None
        names = dict(self.host.participants())
        allowed = self.host.allowed(person) if client and client.chosen else ()
        state = {
            "lang": view.lang,
            "words": words(JOIN_WORDS, view.lang),
            "step": view.step.title,
            "phase": view.phase.heading if view.phase else "",
            "questions": list(view.step.questions),
            "people": [
                {"id": pid, "name": name, "taken": self._claims.get(pid, me) != me}
                for pid, name in names.items()
            ],
            "chosen": bool(client and client.chosen),
            "me": names.get(person or "", ""),
            "allowed": [str(kind) for kind in allowed],
            # What this phone sent, and nothing else: no other phone's, no one's name.
            "mine": [
                {"kind": str(item.kind), "text": item.text}
                for item in (self.host.read_back(client.sent) if client else [])
            ],
        }
        return web.json_response(state)

    async def _json_body(self, request: web.Request) -> dict[str, Any]:
        if request.content_type != "application/json" or request.charset not in (None, "utf-8"):
            raise Refused(415, "type")
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise Refused(413, "size")
        try:
            raw = await request.read()  # client_max_size stops a chunked body too
        except web.HTTPRequestEntityTooLarge:
            raise Refused(413, "size") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Refused(400, "json") from None
        if not isinstance(data, dict):
            raise Refused(400, "json")
        return data

    async def _join_me(self, request: web.Request) -> web.Response:
        self._check(request, self.join_token)
        known = self._client(request)
        if not self._join_limit.allow(self._key(request)):
            raise Refused(429, "rate")
        data = await self._json_body(request)
        person = data.get("person")
        if person is not None and (
            not isinstance(person, str) or person not in dict(self.host.participants())
        ):
            raise Refused(400, "person")
        client_id, client = known if known else (secrets.token_urlsafe(16), Client())
        if client.person is not None and person != client.person:
            raise Refused(409, "chosen")  # a name is picked once
        if person is not None and self._claims.get(person, client_id) != client_id:
            raise Refused(409, "taken")
        if known is None:
            self._remember(client_id, client)
        client.person, client.chosen = person, True
        if person is not None:
            self._claims[person] = client_id
        response = web.json_response({"ok": True})
        response.set_cookie(COOKIE, client_id, httponly=True, samesite="Strict", path="/j/")
        return response

    def _remember(self, client_id: str, client: Client) -> None:
        if len(self._clients) >= MAX_CLIENTS:
            # Forget the oldest phone that has neither a name nor anything sent.
            idle = next((k for k, c in self._clients.items() if not c.sent and not c.person), None)
            if idle is None:
                raise Refused(503, "full")
            del self._clients[idle]
        self._clients[client_id] = client

    async def _join_send(self, request: web.Request) -> web.Response:
        self._check(request, self.join_token)
        known = self._client(request)
        if not self._send_limit.allow(self._key(request)):
            raise Refused(429, "rate")
        data = await self._json_body(request)
        if known is None or not known[1].chosen:
            raise Refused(403, "choose")
        client = known[1]
        kind, text, title, question = (
            data.get("kind"),
            data.get("text"),
            data.get("title", ""),
            data.get("question", 0),
        )
        if kind not in tuple(InputKind) or not isinstance(text, str) or not isinstance(title, str):
            raise Refused(400, "fields")
        if type(question) is not int:
            raise Refused(400, "fields")
        for value in (text, title):
            # The forms would refuse these too; a phone's keyboard never types them.
            if not _PLAIN.match(value) or not _encodable(value):
                raise Refused(400, "text")
        text, title = clean_text(text), clean_text(title)
        if not text:
            raise Refused(400, "empty")
        if len(text) > MAX_TEXT or len(title) > 200:
            raise Refused(413, "size")
        input_kind = InputKind(kind)
        if client.person is None and input_kind not in ANONYMOUS_KINDS:
            raise Refused(409, "refused")
        sent = self.host.submit(
            client.person, input_kind, text, title=title, question=question, sent=client.sent
        )
        if sent is None:
            raise Refused(409, "refused")
        if sent not in client.sent:
            client.sent.append(sent)
        return web.json_response({"ok": True}, status=201)

    async def _asset(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in ASSETS:
            raise web.HTTPNotFound()
        return web.Response(body=_asset_bytes(name), content_type=ASSETS[name], charset="utf-8")


_PLAIN = re.compile(NO_CONTROL)


def _refusal_page(text: str, lang: Lang) -> str:
    """A closed or wrong link, said in words a phone can read (its own small page,
    the pages' own stylesheet, nothing else)."""
    words = html.escape(text)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f'<title>{words}</title><link rel="stylesheet" href="/assets/room.css"></head>'
        f'<body class="phone"><main><p class="closed">{words}</p></main></body></html>'
    )


def _is_page(request: web.Request) -> bool:
    """A page a person opens (not the pages' own calls to the server)."""
    return request.method == "GET" and not request.path.endswith(("/state", "/events"))


def _encodable(text: str) -> bool:
    """No lone surrogates (JSON's `\\ud800` escapes make them): they cannot be saved."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _page(name: str) -> str:
    return resources.files("facilitator.room.pages").joinpath(name).read_text(encoding="utf-8")


def _asset_bytes(name: str) -> bytes:
    return resources.files("facilitator.room.pages").joinpath(name).read_bytes()
