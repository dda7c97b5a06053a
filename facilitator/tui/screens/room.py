"""The room, as the facilitator opens and closes it: the link for the projector's
browser, and, when the participants may join from their phones, the QR code and
link they use. The server itself is `facilitator.room`; the app owns it."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.tui.bindings import localize

if TYPE_CHECKING:
    from facilitator.room.server import Room
    from facilitator.tui.app import FacilitatorApp


class RoomModal(ModalScreen[None]):
    """What the room is now, and the keys that change it."""

    BINDINGS = [
        Binding("escape,r", "back", "room_key_back"),
        Binding("l", "lan", "room_key_lan"),
        Binding("w", "wall", "room_key_wall"),
        Binding("f", "free_name", "room_key_free", tooltip="room_tip_free"),
        Binding("x", "close_room", "room_key_close"),
    ]

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog") as dialog:
            dialog.border_title = s("room_title", self.lang)
            # The phones' link and code first: with the phones let in, they are what
            # the dialog is open for (and the room's screen shows the code as well).
            yield Static(id="room-join")
            yield Static(id="room-qr")
            yield Static(id="room-phones")
            yield Static(id="room-text")
        yield Footer()

    @property
    def _app(self) -> FacilitatorApp:
        return cast("FacilitatorApp", self.app)

    def on_mount(self) -> None:
        self.show()
        # How many phones have joined changes while the dialog is open.
        self.set_interval(1.0, self._show_phones)

    def show(self) -> None:
        self._shown: tuple[int, bool] | None = None
        room = self._app.room
        self.query_one("#room-text", Static).update(room_text(room, self.lang))
        self.query_one("#room-join", Static).update(join_text(room, self.lang))
        qr = self.query_one("#room-qr", Static)
        qr.display = bool(room is not None and room.lan and room.lan_addresses)
        if room is not None and qr.display:
            from facilitator.room.qr import qr_text

            qr.update(qr_text(room.join_url))
        self._show_phones()
        self.refresh_bindings()

    def _show_phones(self) -> None:
        room = self._app.room
        state = (room.phones, room.lan) if room is not None else (0, False)
        if state != self._shown:
            self._shown = state
            self.query_one("#room-phones", Static).update(phones_text(room, self.lang))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        room = self._app.room
        if action == "lan":
            return room is None or not room.lan
        if action in ("wall", "close_room"):
            return room is not None
        if action == "free_name":
            return room is not None and room.lan
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    async def action_lan(self) -> None:
        await self._app.open_room(lan=True)
        self.show()

    def action_wall(self) -> None:
        room = self._app.room
        if room is not None:
            self._app.show_in_browser(room.wall_url)

    def action_free_name(self) -> None:
        """A phone picked the wrong name, or its owner changed phone: free the name so
        that it can be picked again. What was sent from it stays in the session."""
        from facilitator.tui.screens.people import PeopleModal

        workshop = self._app.workshop
        if workshop is None:
            return

        def done(person: str | None) -> None:
            room = self._app.room
            if person is None or room is None:
                return
            key = "room_freed" if room.release(person) else "room_not_taken"
            self.notify(s(key, self.lang, name=workshop.name(person)), timeout=6)
            self.show()

        self.app.push_screen(PeopleModal(workshop, self.lang, title="room_free_which"), done)

    async def action_close_room(self) -> None:
        await self._app.close_room()
        self.dismiss(None)


def room_text(room: Room | None, lang: Lang) -> Content:
    """The room's screen's link, what to do with it, and how to let the phones in."""
    if room is None:
        return Content(s("room_closed", lang))
    parts: list[str | tuple[str, str]] = [
        s("room_wall_at", lang, url=room.wall_url) + "\n",
        (s("room_wall_help", lang), "dim"),
    ]
    if not room.lan:
        parts.append("\n\n" + s("room_only_here", lang))
    elif not room.lan_addresses:
        parts.append(("\n\n" + s("room_no_network", lang), "bold $warning"))
    return Content.assemble(*parts)


def join_text(room: Room | None, lang: Lang) -> Content | str:
    """Where the phones join, when they may: the link over the code (on a laptop's
    24 lines the two fit together), and what to do with them under it."""
    if room is None or not room.lan or not room.lan_addresses:
        return ""
    return Content.styled(room.join_url, "bold")


def phones_text(room: Room | None, lang: Lang) -> Content | str:
    """How many phones are in; with none yet, why that may be and what to do."""
    if room is None or not room.lan or not room.lan_addresses:
        return ""
    scan = s("room_scan", lang) + " "
    if room.phones == 0:
        return Content.assemble(
            scan,
            (s("room_no_phones", lang) + " ", "bold"),
            (s("room_hotspot_hint", lang), "$warning"),
        )
    return Content.assemble(scan, (s("room_phones", lang, n=room.phones), "bold $success"))
