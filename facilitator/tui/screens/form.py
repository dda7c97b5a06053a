"""One modal form that serves every kind of captured item: notes, dilemmas,
strengths and risks, measures, check-out answers, the next meeting.

A form is a list of `FormField`s; the modal returns a dict of their values
(already parsed: dates as `date`, checkboxes as `bool`) or None if cancelled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from facilitator.i18n import Lang
from facilitator.tui.bindings import localize
from facilitator.tui.strings import s

Kind = Literal["text", "area", "select", "check", "date", "datetime"]


@dataclass
class FormField:
    name: str
    label: str
    kind: Kind = "text"
    value: Any = None
    options: Sequence[tuple[str, Any]] = ()
    required: bool = False
    placeholder: str = ""


Nudge = Callable[[dict[str, Any]], list[str]]


class FormModal(ModalScreen[dict[str, Any] | None]):
    BINDINGS = [
        Binding("escape", "cancel", "key_back"),
        Binding("ctrl+s", "save", "key_save", priority=True),
    ]

    def __init__(
        self, title: str, fields: Sequence[FormField], lang: Lang, nudge: Nudge | None = None
    ) -> None:
        super().__init__()
        localize(self, lang)
        self.form_title = title
        self.fields = list(fields)
        self.lang = lang
        self.nudge = nudge

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(
                f"{self.form_title}   [dim](Ctrl+S {s('key_save', self.lang).lower()} · "
                f"Esc {s('setup_cancel', self.lang).lower()})[/]",
                id="form-title",
            )
            for f in self.fields:
                if f.kind == "check":
                    yield Checkbox(f.label, bool(f.value), id=f"f-{f.name}")
                    continue
                yield Label(f.label + (" *" if f.required else ""))
                if f.kind == "area":
                    area = TextArea(str(f.value or ""), id=f"f-{f.name}", soft_wrap=True)
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
                    yield Input(self._initial(f), placeholder=f.placeholder, id=f"f-{f.name}")
            yield Static(id="form-hint")
            with Horizontal(id="form-buttons"):
                yield Button(s("key_save", self.lang) + " (Ctrl+S)", variant="primary", id="save")
                yield Button(s("setup_cancel", self.lang) + " (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#form-hint", Static).display = False
        first = next(iter(self.query("Input, TextArea")), None)
        if first is not None:
            first.focus()

    @staticmethod
    def _initial(f: FormField) -> str:
        if f.value is None:
            return ""
        if isinstance(f.value, datetime):
            return f.value.astimezone().strftime("%Y-%m-%d %H:%M")
        if isinstance(f.value, date):
            return f.value.isoformat()
        return str(f.value)

    def _read(self) -> tuple[dict[str, Any], str | None]:
        values: dict[str, Any] = {}
        for f in self.fields:
            widget = self.query_one(f"#f-{f.name}")
            if isinstance(widget, Checkbox):
                values[f.name] = widget.value
                continue
            if isinstance(widget, Select):
                raw = widget.value
                values[f.name] = None if raw is Select.NULL or raw == Select.BLANK else raw
            elif isinstance(widget, TextArea):
                values[f.name] = widget.text.strip()
            else:
                assert isinstance(widget, Input)
                values[f.name] = widget.value.strip()
            value = values[f.name]
            if f.required and (value is None or value == ""):
                return values, s("form_required", self.lang, field=f.label)
            if f.kind == "date" and value:
                try:
                    values[f.name] = date.fromisoformat(value)
                except ValueError:
                    return values, s("form_bad_date", self.lang, field=f.label)
            elif f.kind == "date":
                values[f.name] = None
            if f.kind == "datetime" and value:
                try:
                    values[f.name] = datetime.strptime(value, "%Y-%m-%d %H:%M").astimezone()
                except ValueError:
                    return values, s("form_bad_datetime", self.lang, field=f.label)
            elif f.kind == "datetime":
                values[f.name] = None
        return values, None

    def _hint(self, text: str | None, error: bool = False) -> None:
        hint = self.query_one("#form-hint", Static)
        hint.display = bool(text)
        hint.set_class(error, "-error")
        hint.update(text or "")

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self) -> None:
        if self.nudge is None:
            return
        values, _ = self._read()
        nudges = self.nudge(values)
        self._hint("\n".join(nudges) if nudges else None)

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values, problem = self._read()
        if problem:
            self._hint(problem, error=True)
            return
        self.dismiss(values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
