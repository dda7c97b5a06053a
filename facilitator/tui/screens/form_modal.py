"""One modal form that serves every kind of captured item: notes, dilemmas,
strengths and risks, measures, check-out answers, the next meeting.

The modal shows a `Form` (see `facilitator.tui.capture_forms`), applies what was typed
through the workshop when it is saved, and keeps the form open with a clear line
when the workshop refuses it, so nothing typed is lost. While the form is open,
what has been typed is kept as the session's draft (saved like everything else)
and brought back by `facilitator resume` after a crash.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from facilitator.i18n import Lang, clean_text
from facilitator.i18n.words import screen as s
from facilitator.session.model import DraftForm, FindingKind
from facilitator.stepclock import Level, Status
from facilitator.timefmt import clock_text, moment_text, parse_day, parse_moment, short_date
from facilitator.tui.bindings import localize
from facilitator.tui.capture_forms import Form, FormField, RawValues, Values, nudges
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.typing import TYPE_AHEAD_BINDINGS, BoundedInput, BoundedTextArea, LimitReached
from facilitator.workshop import Workshop

DRAFT_SECONDS = 0.3
"""Typing pauses this long before the draft is handed to the autosaver and the
hints are looked for again: nothing that reads the whole text runs per key."""
BUSY_SECONDS = 1.0
"""While typing goes on without a pause, the draft is kept and the hints looked for
this often: the promise is that anything typed a second before a crash is kept."""
TICK_SECONDS = 0.1
"""How often the form looks at the clock: for the timer line, and to see whether
typing has paused."""
WIDE = 140
"""From this many columns the form stands at the left and leaves the run screen's
timer in sight (the run screen's side panel is on the right)."""
LEVEL_CLASSES = {Level.NORMAL: "-normal", Level.WARNING: "-warning", Level.OVERTIME: "-overtime"}


class FormModal(ModalScreen[bool]):
    """Dismisses with True when the form was saved, False when it was closed."""

    BINDINGS = [
        *TYPE_AHEAD_BINDINGS,
        Binding("escape", "cancel", "key_back"),
        # Not a priority binding: Ctrl+S then reaches the form after the keys typed
        # before it are in their field (a priority one runs before they are read).
        Binding("ctrl+s", "save", "key_save"),
    ]

    def __init__(
        self,
        form: Form,
        workshop: Workshop,
        lang: Lang,
        restore: Mapping[str, str | bool] | None = None,
    ) -> None:
        super().__init__()
        localize(self, lang)
        self.form = form
        self.workshop = workshop
        self.lang = lang
        self.restore = dict(restore or {})
        self._untouched: RawValues = {}
        self._chosen: dict[str, Any] = {}
        self._ticker: Timer | None = None
        self._typed_at: float | None = None
        """When text last changed, if the hints and the draft have not seen it yet."""
        self._checked_at = 0.0
        self._full_hint: str | None = None
        self._finished = False
        self._past_confirmed: dict[str, date] = {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(
                f"{self.form.title}   [dim](Ctrl+S {s('key_save', self.lang).lower()} · "
                f"Esc {s('setup_cancel', self.lang).lower()})[/]",
                id="form-title",
            )
            # Hints and problems go first: at 80×24 the end of a long form is out of sight.
            yield Static(id="form-hint")
            for f in self.form.fields:
                if f.kind == "check":
                    yield Checkbox(f.label, bool(f.value), id=f"f-{f.name}")
                    continue
                yield Label(f.label + (" *" if f.required else ""))
                if f.kind == "area":
                    area = BoundedTextArea(
                        str(f.value or ""),
                        max_length=f.max_length,
                        id=f"f-{f.name}",
                        soft_wrap=True,
                    )
                    area.show_line_numbers = False
                    yield area
                elif f.kind == "select":
                    yield Select(
                        list(f.options),
                        value=f.value if f.value is not None else Select.NULL,
                        allow_blank=not f.required,
                        id=f"f-{f.name}",
                        prompt=s("none", self.lang),
                    )
                else:
                    yield BoundedInput(
                        self._as_text(f.value),
                        placeholder=f.placeholder,
                        max_length=f.max_length,
                        id=f"f-{f.name}",
                    )
            with Horizontal(id="form-buttons"):
                yield Button(s("key_save", self.lang) + " (Ctrl+S)", variant="primary", id="save")
                yield Button(s("setup_cancel", self.lang) + " (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#form-hint", Static).display = False
        self._untouched = self._raw()
        self._chosen = {f.name: f.value for f in self.form.fields if f.kind == "select"}
        if self.restore:
            for f in self.form.fields:
                if f.name in self.restore:
                    self._set_raw(f, self.restore[f.name])
                    if f.kind == "select":
                        self._chosen[f.name] = self._widget(f).value
        # What is typed next goes after the text, not in front of it.
        for widget in self.query(BoundedTextArea):
            widget.move_cursor(widget.document.end)
        for field in self.query(BoundedInput):
            field.cursor_position = len(field.value)
        first = next(iter(self.query("Input, TextArea")), None)
        if first is not None:
            first.focus()
        self._fit_to_size()
        self._show_time()
        self._ticker = self.set_interval(TICK_SECONDS, self._tick)

    def on_resize(self) -> None:
        self._fit_to_size()

    def _fit_to_size(self) -> None:
        self.set_class(self.app.size.width >= WIDE, "-wide")

    # --- the room's time ---------------------------------------------------------------

    def _show_time(self) -> None:
        """One line: the step, the phase, who is in focus, the time left or over.
        Read from the workshop's clock, like the run screen's timer."""
        w, lang = self.workshop, self.lang
        reading = w.reading()
        phase = w.step.phase(reading.phase)
        parts = [w.step.title.get(lang)]
        if phase is not None:
            parts.append(phase.title.get(lang))
        person = w.name(reading.person)
        if person:
            parts.append(person)
        left = reading.unit_remaining
        if reading.status is Status.NOT_STARTED:
            parts.append(s("form_timer_not_started", lang))
        elif left <= 0:
            parts.append(s("form_timer_over", lang, time=clock_text(left)))
        else:
            time_left = s("form_timer_left", lang, time=clock_text(left))
            if reading.status is Status.PAUSED:
                time_left += f" ({s('timer_paused', lang).lower()})"
            parts.append(time_left)
        # In the form's top border: the room's time in sight, and no line of the
        # form's height taken from the fields (at 80×24 every line counts).
        box = self.query_one("#form", VerticalScroll)
        box.border_title = Text(" · ".join(parts))
        started = reading.status is not Status.NOT_STARTED
        for level, cls in LEVEL_CLASSES.items():
            box.set_class(started and reading.unit_level is level, cls)

    def _tick(self) -> None:
        self._show_time()
        if self._typed_at is None or self._finished:
            return
        now = time.monotonic()
        if now - self._typed_at >= DRAFT_SECONDS or now - self._checked_at >= BUSY_SECONDS:
            self._check()

    # --- the fields --------------------------------------------------------------------

    def _widget(self, f: FormField) -> Any:
        return self.query_one(f"#f-{f.name}")

    def _raw(self) -> RawValues:
        """The fields as typed: text as text, a choice as its value's text, a box as a
        bool. Empty fields are left out. This is what a draft keeps."""
        raw: RawValues = {}
        for f in self.form.fields:
            widget = self._widget(f)
            if isinstance(widget, Checkbox):
                raw[f.name] = widget.value
            elif isinstance(widget, Select):
                if widget.value is not Select.NULL:
                    raw[f.name] = str(widget.value)
            else:
                text = widget.text if isinstance(widget, TextArea) else widget.value
                if text:
                    raw[f.name] = text
        return raw

    def _set_raw(self, f: FormField, raw: str | bool) -> None:
        if f.kind == "select":
            value = next((v for _, v in f.options if str(v) == str(raw)), None)
            self._set(f, value)
        else:
            self._set(f, raw)

    def _set(self, f: FormField, value: Any) -> None:
        widget = self._widget(f)
        if isinstance(widget, Checkbox):
            widget.value = bool(value)
        elif isinstance(widget, Select):
            if value is not None:
                widget.value = value
            elif not f.required:
                widget.clear()
        elif isinstance(widget, TextArea):
            widget.text = self._as_text(value)
        else:
            widget.value = self._as_text(value)

    def _read(self) -> tuple[Values, str | None]:
        """The fields parsed (dates as `date`, boxes as `bool`, empty as None or ""),
        and the first problem a person must fix, if any."""
        values: Values = {}
        for f in self.form.fields:
            widget = self._widget(f)
            if isinstance(widget, Checkbox):
                values[f.name] = widget.value
                continue
            if isinstance(widget, Select):
                # not `== Select.BLANK`: BLANK is False, and 0 == False
                values[f.name] = None if widget.value is Select.NULL else widget.value
            else:
                text = widget.text if isinstance(widget, TextArea) else widget.value
                values[f.name] = clean_text(text)
                if len(values[f.name]) > f.max_length:
                    n, most = len(values[f.name]), f.max_length
                    return values, s("form_too_long", self.lang, field=f.label, most=most, n=n)
            value = values[f.name]
            if f.required and (value is None or value == ""):
                return values, s("form_required", self.lang, field=f.label)
            if f.kind == "date":
                try:
                    values[f.name] = parse_day(value) if value else None
                except ValueError:
                    return values, s("form_bad_date", self.lang, field=f.label)
            elif f.kind == "datetime":
                try:
                    values[f.name] = parse_moment(value, self.zone) if value else None
                except ValueError:
                    return values, s("form_bad_datetime", self.lang, field=f.label)
        return values, None

    @property
    def zone(self) -> ZoneInfo:
        """Times are typed and shown in the room's time zone, whatever the laptop says."""
        return ZoneInfo(self.workshop.session.time_zone)

    def _as_text(self, value: Any) -> str:
        """A value as it is shown in its field: dates as people write them in the
        form's language, times in the room's time zone."""
        if value is None:
            return ""
        if isinstance(value, datetime):
            return moment_text(value, self.workshop.session.time_zone, self.lang)
        if isinstance(value, date):
            return short_date(value, self.lang)
        return str(value)

    def _past_deadline(self, values: Values) -> str | None:
        """The first date that is already past, in a field that asks about that, and
        that the user has not yet been asked about: they are asked once."""
        today = self.workshop.now().astimezone(self.zone).date()
        for f in self.form.fields:
            day = values.get(f.name)
            if not (f.warn_if_past and isinstance(day, date)) or day >= today:
                continue
            if day == f.value or self._past_confirmed.get(f.name) == day:
                continue  # as it was, or asked about already
            self._past_confirmed[f.name] = day
            return s("form_past_deadline", self.lang, date=short_date(day, self.lang))
        return None

    def _hint(self, text: str | None, error: bool = False) -> None:
        hint = self.query_one("#form-hint", Static)
        hint.display = bool(text)
        hint.set_class(error, "-error")
        hint.update(text or "")

    # --- as the user types -------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Checkbox.Changed)
    @on(Select.Changed)
    def _changed(self, event: Any) -> None:
        if isinstance(event, Input.Changed | TextArea.Changed):
            # Per key, only a note of the time: the hints read the whole text, and
            # a long paste sent as keys must not run them thousands of times.
            now = time.monotonic()
            if self._typed_at is None:
                self._checked_at = now
            self._typed_at = now
            return
        if isinstance(event, Select.Changed):
            self._refill(event.select)
        self._check()

    def _check(self) -> None:
        """Look for hints in what is typed, and keep it as the draft."""
        self._typed_at = None
        self._checked_at = time.monotonic()
        values, _ = self._read()
        found = nudges(self.workshop, values, self.lang, self.form.hr_hint)
        if self._full_hint is not None:
            found.insert(0, self._full_hint)
        self._hint("\n".join(found) if found else None, error=self._full_hint is not None)
        self._keep_draft()

    @on(LimitReached)
    def _full(self, event: LimitReached) -> None:
        """A field refused what went past its limit: say so at once, and until the
        next look at what is typed."""
        name = (event.field.id or "").removeprefix("f-")
        label = next((f.label for f in self.form.fields if f.name == name), name)
        self._full_hint = s("form_field_full", self.lang, field=label, most=event.limit)
        self._hint(self._full_hint, error=True)

    def _refill(self, select: Select[Any]) -> None:
        """A choice that decides the rest of the form (whose dilemma this is) fills
        the other fields in; Select reports its first value too, so only a real
        change counts."""
        name = (select.id or "").removeprefix("f-")
        value = None if select.value is Select.NULL else select.value
        if self.form.refill is None or self._chosen.get(name) == value:
            return
        self._chosen[name] = value
        filled = self.form.refill(name, value) or {}
        for f in self.form.fields:
            if f.name in filled:
                self._set(f, filled[f.name])

    def _keep_draft(self) -> None:
        if self._finished:
            return
        self._full_hint = None
        raw = self._raw()
        if raw == self._untouched and not self.restore:
            self.workshop.clear_draft()
        else:
            self.workshop.set_draft(self.form.kind, raw, self.form.item_id)

    # --- saving and leaving ------------------------------------------------------------

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        for field in self.query(BoundedTextArea):
            field.flush_typed()
        for line in self.query(BoundedInput):
            line.flush_typed()
        if self._typed_at is not None:
            self._check()  # now, so that it does not later wipe what saving says
        values, problem = self._read()
        if problem is None:
            warning = self._past_deadline(values)
            if warning is not None:
                self._hint(warning, error=True)
                return
            try:
                self.form.apply(values)
            except ValueError as exc:  # pydantic's ValidationError is a ValueError
                problem = s("form_not_saved", self.lang, problem=_first_problem(exc))
        if problem is not None:
            self._hint(problem, error=True)
            return
        self._close(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close; when something was typed (or a draft brought back), ask first."""
        if self._raw() == self._untouched:
            self._close(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self._close(False)

        self.app.push_screen(ConfirmModal(self.discard_question(), self.lang), answered)

    def discard_question(self) -> str:
        """The question before a form with text is closed, in its own words."""
        kind = self.form.kind
        if kind is DraftForm.FINDINGS:
            chosen = self._widget(self.form.fields[0]).value
            what = s(
                "form_the_risk" if chosen == FindingKind.RISK else "form_the_strength", self.lang
            )
        else:
            what = s(f"form_the_{kind}", self.lang)
        key = "form_discard_new" if self.form.item_id is None else "form_discard_edit"
        if kind in (DraftForm.NEXT_MEETING, DraftForm.FOLLOW_UP):
            key = "form_discard_edit"  # these change what is there, they add nothing
        return s(key, self.lang, what=what)

    def _close(self, saved: bool) -> None:
        self._finished = True
        if self._ticker is not None:
            self._ticker.stop()
        self.workshop.clear_draft()
        self.dismiss(saved)


def _first_problem(exc: ValueError) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        return f"{where}: {error['msg']}" if where else str(error["msg"])
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
