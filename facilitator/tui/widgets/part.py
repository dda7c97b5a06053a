"""A widget that shows one part of the workshop's read model.

The screen sets `part` on every tick; a reactive only calls its watcher when the
value differs, and the parts are frozen dataclasses that compare by value. A part
can hold more than its widget shows (the clock's seconds as a float, where the
widget shows whole seconds), so the widget also compares what it would draw with
what it drew, and redraws only when that differs: a running timer redraws the
clock face and the lines that count seconds, once a second, and nothing else."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content, Span
from textual.reactive import reactive
from textual.widgets import Static

Draw = Callable[[Any], Content | str]


def _drawn(content: Content | str) -> tuple[str, tuple[Span, ...]]:
    """What a drawing looks like: its text and its styles (`Content`'s own equality
    compares the text only)."""
    if isinstance(content, Content):
        return content.plain, tuple(content.spans)
    return content, ()


class PartView(Static):
    """A `Static` drawing its `part` with `draw`; hidden while it draws nothing."""

    # No repaint of its own: `watch_part` updates the text only when it changed.
    part: reactive[object] = reactive(None, init=False, repaint=False)

    def __init__(self, draw: Draw, *, id: str, hide_empty: bool = True) -> None:
        super().__init__(id=id)
        self._draw = draw
        self._hide_empty = hide_empty
        self._last: tuple[str, tuple[Span, ...]] = ("", ())
        if hide_empty:
            self.display = False

    def watch_part(self, part: object) -> None:
        content = self._draw(part) if part is not None else ""
        drawn = _drawn(content)
        if drawn == self._last:
            return
        self._last = drawn
        text = drawn[0]
        # A new layout on every change: the same length can wrap to other lines.
        self.update(content)
        self.set_class(not text, "-empty")
        if self._hide_empty:
            self.display = bool(text)
