"""The session's details, changed while it runs: title, unit, date, booked slot,
and which names may go to management.

Setup asks for these once; a typo in the title or the wrong unit must not stay
for good, and the wrong unit would lose the follow-up of the unit's earlier
measures. The modal checks what is typed, hands it to `Workshop.set_details`
(which checks it again and saves it), and tells the run screen whether the unit
changed: the run screen then looks for that unit's open measures.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from facilitator.i18n import Lang, clean_text
from facilitator.i18n.words import screen as s
from facilitator.session.model import NamesPolicy
from facilitator.timefmt import parse_day, parse_moment, short_date
from facilitator.tomlfile import explain
from facilitator.tui.bindings import localize
from facilitator.tui.capture_forms import SHORT_TEXT
from facilitator.tui.widgets.choices import names_policy_select
from facilitator.workshop import Workshop

LABELS = {
    "title": "setup_session_title",
    "unit": "setup_unit",
    "date": "setup_date",
    "booked_start": "setup_start",
    "booked_end": "setup_end",
    "names_policy": "names_policy",
}
"""The label of each field, by the name the session gives it (for its errors)."""


class DetailsModal(ModalScreen[bool]):
    """Dismisses with True when the unit was changed, False otherwise."""

    DEFAULT_CSS = """
    DetailsModal {
        align: center middle;
        background: $background 60%;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", "key_back"),
        Binding("ctrl+s", "save", "key_save", priority=True),
    ]

    def __init__(self, workshop: Workshop, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.workshop = workshop
        self.lang = lang

    @property
    def zone(self) -> ZoneInfo:
        """Times are typed and shown in the room's time zone, as in the forms."""
        return ZoneInfo(self.workshop.session.time_zone)

    def _clock(self, moment: datetime | None) -> str:
        return f"{moment.astimezone(self.zone):%H:%M}" if moment else ""

    def compose(self) -> ComposeResult:
        lang, session = self.lang, self.workshop.session
        with VerticalScroll(id="form"):
            yield Static(
                f"{s('details_title', lang)}   [dim](Ctrl+S {s('key_save', lang).lower()} · "
                f"Esc {s('setup_cancel', lang).lower()})[/]",
                id="form-title",
            )
            yield Static(id="form-hint")
            yield Label(s("setup_session_title", lang) + " *")
            yield Input(session.title, max_length=SHORT_TEXT, id="d-title")
            yield Label(s("setup_unit", lang))
            yield Input(session.unit, max_length=SHORT_TEXT, id="d-unit")
            yield Static(Text(s("details_unit_hint", lang), style="dim"))
            yield Label(s("setup_date", lang))
            yield Input(short_date(session.date, lang), id="d-date")
            yield Label(s("setup_start", lang))
            yield Input(self._clock(session.booked_start), id="d-start")
            yield Label(s("setup_end", lang))
            yield Input(self._clock(session.booked_end), id="d-end")
            yield Label(s("names_policy", lang))
            yield names_policy_select(lang, session.names_policy, "d-names")
            with Horizontal(id="form-buttons"):
                yield Button(s("key_save", lang) + " (Ctrl+S)", variant="primary", id="save")
                yield Button(s("setup_cancel", lang) + " (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#form-hint", Static).display = False
        self.query_one("#d-title", Input).focus()

    def _value(self, widget_id: str) -> str:
        return clean_text(self.query_one(widget_id, Input).value).strip()

    def _moment(self, day: date, text: str) -> datetime:
        return parse_moment(f"{day.isoformat()} {text}", self.zone)

    def _save(self) -> bool | str:
        """Hand what was typed to the workshop: whether the unit changed, or the
        first problem a person must fix."""
        lang = self.lang
        title = self._value("#d-title")
        if not title:
            return s("setup_need_title", lang)
        try:
            day = parse_day(self._value("#d-date"))
        except ValueError:
            return s("setup_bad_date", lang)
        start_text, end_text = self._value("#d-start"), self._value("#d-end")
        try:
            start = self._moment(day, start_text) if start_text else None
            end = self._moment(day, end_text) if end_text else None
        except ValueError:
            return s("setup_bad_time", lang)
        if start is not None and end is not None and end <= start:
            end += timedelta(days=1)  # a slot past midnight, as setup reads it
        policy = self.query_one("#d-names", Select).value
        try:
            return self.workshop.set_details(
                title=title,
                unit=self._value("#d-unit"),
                day=day,
                booked_start=start,
                booked_end=end,
                names_policy=NamesPolicy(policy) if isinstance(policy, str) else NamesPolicy.OWNERS,
            )
        except ValidationError as exc:
            error = exc.errors()[0]
            field = str(error["loc"][0]) if error["loc"] else ""
            where = s(LABELS[field], lang) if field in LABELS else field
            problem = explain(error, lang)
            return s("form_not_saved", lang, problem=f"{where}: {problem}" if where else problem)

    def _problem(self, text: str) -> None:
        hint = self.query_one("#form-hint", Static)
        hint.display = True
        hint.set_class(True, "-error")
        hint.update(text)

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        outcome = self._save()
        if isinstance(outcome, str):
            self._problem(outcome)
            return
        self.notify(s("details_saved", self.lang), timeout=3)
        self.dismiss(outcome)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
