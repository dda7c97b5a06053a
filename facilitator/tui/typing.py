"""Keys typed ahead land where the person meant them, and a field takes no more
than it can hold.

Why Tab needs help (Textual 8): the app hands each key to the widget focused *at
the moment the app takes the key from its queue*, by posting it to that widget's
own queue. A Tab that is not a priority binding first goes to the focused field,
is passed up the DOM one queue at a time, and only moves the focus when it
reaches the screen's binding. Keys typed right after it (a paste sent as
keystrokes, a fast typist, a slow laptop) have by then already been handed to
the field that had the focus: `Tittel`, Tab, `Enhet` gives the title
"TittelEnhet" and an empty unit. As a *priority* binding, Tab is run by the app
itself before it takes the next key from its queue, and `Screen.focus_next`
moves the focus at once (not later, as `Widget.focus` does), so the next key
goes to the field Tab moved to. `TYPE_AHEAD_BINDINGS` is that, for the screens
that have fields.

The same routing makes a field's own editing keys late: Backspace, the arrows,
Home and End are bindings of the field, run only when the key has gone up the DOM
and back to the app, after the characters typed behind it were put in ("abc",
Backspace, "de" gives "abcd"). `BoundedTextArea` and `BoundedInput` run their own
bindings as the key reaches them, in the order typed.

Why they batch the keys of a burst: a text area re-wraps the whole paragraph on
every edit, so 12,000 characters pasted as keystrokes into one paragraph cost
12,000 re-wraps of an ever longer line. They add the printable keys already
queued for them in one edit, and refuse what goes past their limit at once
(posting `LimitReached`, so the form can say so) instead of taking it in and
refusing the whole item when it is saved.

This is the one module that leans on how Textual routes keys; nothing private of
Textual is used here (what is, is in `facilitator.tui.textual_words`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, TextArea

TYPE_AHEAD_BINDINGS = [
    Binding("tab", "app.focus_next", "Focus Next", show=False, priority=True),
    Binding("shift+tab", "app.focus_previous", "Focus Previous", show=False, priority=True),
]
"""Tab and Shift+Tab as the app's own, moving the focus before the next key is
routed (see the module's docstring). Add them to a screen's BINDINGS."""


class LimitReached(Message):
    """A field refused text because it holds `limit` characters at most."""

    def __init__(self, field: Widget, limit: int) -> None:
        super().__init__()
        self.field = field
        self.limit = limit

    @property
    def control(self) -> Widget:
        return self.field


def _room(current: int, selected: int, limit: int) -> int:
    """How many characters still fit when `selected` of `current` are replaced."""
    return max(0, limit - (current - selected))


# A plain mixin at run time: Textual reads a widget's CSS bases and component
# classes along the first base, so the mixin must not stand there as a widget. To
# mypy it is one, so that what it calls on the field is checked.
if TYPE_CHECKING:
    _MixinBase = Widget
else:
    _MixinBase = object


class _TypedInOrder(_MixinBase):
    """What both fields share: keys taken in the order typed, a burst as one edit,
    a limit said out loud. Subclasses say how text goes in (`_insert`)."""

    _pending: list[str]

    def _own_action(self, key: str) -> str | None:
        """The action the field's own bindings give `key`, if any."""
        for binding in type(self).BINDINGS:
            if isinstance(binding, Binding) and key in binding.key.split(","):
                return binding.action
        return None

    def _takes(self, event: events.Key) -> str | None:
        """The text a key types into this field, or None."""
        return event.character if event.is_printable else None

    async def on_key(self, event: events.Key) -> None:
        typed = self._takes(event)
        if typed is not None:
            # Kept, and added when the keys already queued for this field are read.
            event.stop()
            event.prevent_default()
            if not self._pending:
                self.call_later(self.flush_typed)
            self._pending.append(typed)
            return
        # Anything else acts on what was typed before it: put that in first.
        self.flush_typed()
        action = self._own_action(event.key)
        if action is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(action)

    def on_mouse_down(self) -> None:
        self.flush_typed()

    def on_blur(self) -> None:
        self.flush_typed()

    def flush_typed(self) -> None:
        """Put the keys typed so far into the field, as much of them as fits."""
        if not self._pending:
            return
        typed, self._pending = "".join(self._pending), []
        self._insert(typed)

    def _insert(self, text: str) -> None:
        raise NotImplementedError


class BoundedTextArea(_TypedInOrder, TextArea):
    """A text area that holds `max_length` characters at most and says so when it
    is full; keys typed in a burst go in in order, as one edit."""

    def __init__(self, text: str = "", *, max_length: int, **kwargs: object) -> None:
        super().__init__(text, **kwargs)  # type: ignore[arg-type]
        self.max_length = max_length
        self._pending = []

    def _takes(self, event: events.Key) -> str | None:
        if self.read_only:
            return None
        return "\n" if event.key == "enter" else super()._takes(event)

    def on_paste(self, event: events.Paste) -> None:
        if self.read_only:
            return
        self.flush_typed()
        event.stop()
        event.prevent_default()
        self._insert(event.text)

    def _insert(self, text: str) -> None:
        start, end = self.selection
        room = _room(len(self.text), len(self.get_text_range(start, end)), self.max_length)
        if text[:room]:
            result = self.replace(text[:room], start, end, maintain_selection_offset=False)
            self.move_cursor(result.end_location)
        if len(text) > room:
            self.post_message(LimitReached(self, self.max_length))

    def load_text(self, text: str) -> None:
        self._pending = []
        super().load_text(text)


class BoundedInput(_TypedInOrder, Input):
    """An input that says so when it is full (Textual's own only rings the bell,
    and refuses a paste that does not fit whole); keys typed in a burst go in in
    order, as one edit."""

    def __init__(self, value: str | None = None, *, max_length: int, **kwargs: object) -> None:
        # Not Textual's select-on-focus: a key typed after Tab into a filled field
        # would replace what is there; here it is added, as in a text area.
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, max_length=max_length, **kwargs)  # type: ignore[arg-type]
        self._pending = []

    def on_paste(self, event: events.Paste) -> None:
        self.flush_typed()
        event.stop()
        event.prevent_default()
        lines = event.text.splitlines()
        if lines:
            self._insert(lines[0])

    def _insert(self, text: str) -> None:
        start, end = sorted(self.selection)
        limit = self.max_length
        # Textual's Input takes no limit (None or 0) as none; this field is given one.
        room = _room(len(self.value), end - start, limit) if limit else len(text)
        if text[:room]:
            self.replace(text[:room], start, end)
        if limit and len(text) > room:
            self.post_message(LimitReached(self, limit))
