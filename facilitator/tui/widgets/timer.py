"""The timer panel: who is in focus, the big countdown, the step's time, the
people, and where the group stands against the booked slot. Each part is a
widget holding its part of the read model; the panel only lays them out."""

from __future__ import annotations

from functools import partial

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Digits

from facilitator.i18n import Lang
from facilitator.stepclock import Level, Status
from facilitator.tui.widgets import run_text
from facilitator.tui.widgets.bigtimer import BigTimer
from facilitator.tui.widgets.part import PartView
from facilitator.workshop_view import ClockPart

LEVEL_CLASSES = {Level.NORMAL: "-normal", Level.WARNING: "-warning", Level.OVERTIME: "-overtime"}


class ClockFace(Vertical):
    """The countdown, as `Digits` on a laptop and in block letters on a projector
    (the screen's `-large` class chooses which the stylesheet shows)."""

    clock: reactive[ClockPart | None] = reactive(None, init=False, repaint=False)

    def compose(self) -> ComposeResult:
        yield Digits("0:00", id="timer")
        yield BigTimer(id="bigtimer")

    _shown: tuple[str, Level, Status] | None = None

    def watch_clock(self, clock: ClockPart | None) -> None:
        if clock is None:
            return
        shown = (clock.display, clock.level, clock.status)
        if shown == self._shown:  # the same second: nothing to redraw
            return
        self._shown = shown
        digits = self.query_one(Digits)
        big = self.query_one(BigTimer)
        # Only the one the stylesheet shows is drawn (`redraw` after a resize).
        shown_widgets = [w for w in (digits, big) if w.display]
        for widget in shown_widgets:
            widget.update(clock.display)
        started = clock.status is not Status.NOT_STARTED
        for widget in shown_widgets:
            for level, cls in LEVEL_CLASSES.items():
                widget.set_class(started and clock.level is level, cls)
            widget.set_class(clock.status is Status.PAUSED, "-paused")


    def redraw(self) -> None:
        """Draw the clock again on the next tick (the other face may show now)."""
        self._shown = None
        self.watch_clock(self.clock)


class TimerPanel(Vertical):
    def __init__(self, lang: Lang, *, id: str) -> None:
        super().__init__(id=id)
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield PartView(partial(run_text.who, lang=lang), id="who", hide_empty=False)
        yield ClockFace(id="clock-face")
        yield PartView(run_text.timer_label, id="timer-label", hide_empty=False)
        yield PartView(lambda clock: clock.step_line, id="step-time", hide_empty=False)
        yield PartView(run_text.people, id="people", hide_empty=False)
        yield PartView(partial(run_text.plan, lang=lang), id="plan", hide_empty=False)
