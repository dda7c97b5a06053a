"""Setting up a session: who, when, which agenda, who facilitates, in which
order, and whether the plan fits the booked slot. The screen collects the fields
into a `SessionPlan` (facilitator.session.create), which checks them and makes the
session, as it does for every other way of starting one."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, DataTable, Footer, Input, Label, Select, Static

from facilitator.agenda.model import Agenda
from facilitator.agenda.registry import list_agendas
from facilitator.followup import carry
from facilitator.i18n import MAX_TEXT, Lang
from facilitator.i18n.words import screen as s
from facilitator.session.create import SessionPlan, split_names
from facilitator.session.model import Measure, NamesPolicy, Session
from facilitator.session.units import known_units
from facilitator.settings import WorkspaceSettings, load_settings
from facilitator.timefmt import hhmm, short_date
from facilitator.timesource import Clock
from facilitator.tomlfile import FileProblem
from facilitator.tui.bindings import localize
from facilitator.tui.capture_forms import SHORT_TEXT
from facilitator.tui.screens.agenda_preview import AgendaPreviewModal, theme_line
from facilitator.tui.screens.confirm import ConfirmModal
from facilitator.tui.typing import TYPE_AHEAD_BINDINGS, BoundedInput, LimitReached
from facilitator.tui.widgets.choices import names_policy_select

_SHORT_FIELD = 40
"""A date or a time: room for any way of writing one, and a stray paste refused."""


class SetupScreen(Screen[Session | None]):
    BINDINGS = [
        *TYPE_AHEAD_BINDINGS,
        Binding("escape", "cancel", "setup_cancel"),
        # Not a priority binding: the keys typed before Ctrl+S are then in their
        # fields when the session is made (a priority one runs before they are read).
        Binding("ctrl+s", "begin", "setup_begin"),
        Binding("f2", "preview_agenda", "setup_preview_agenda", tooltip="tip_preview_agenda"),
    ]

    def __init__(
        self,
        workspace: Path,
        lang: Lang,
        clock: Clock,
        agenda: Agenda,
        title: str = "",
        names: list[str] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__()
        localize(self, lang)
        self.workspace = workspace
        self.lang = lang
        self.clock = clock
        self.agenda = agenda
        self.rng = rng or random.Random()
        self.initial_title = title
        self.initial_names = names or []
        self.order: list[str] = list(self.initial_names)
        self.agendas = {e.id: e.agenda for e in list_agendas(workspace, lang) if e.agenda}
        self.agendas.setdefault(agenda.id, agenda)
        self.earlier: list[Any] | None = None
        """What the workspace's sessions hold for the follow-up (read off the screen's
        thread: a big workspace takes a moment); None until read."""
        self._as_opened: dict[str, str] = {}
        """The fields as the screen opened: Esc asks before it throws away more."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        today = self.clock.now().astimezone()
        start = (today + timedelta(minutes=5)).replace(second=0, microsecond=0)
        with Horizontal(id="setup"):
            with VerticalScroll(id="setup-form"):
                yield Static(s("setup_title", lang), id="form-title")
                yield Label(s("setup_session_title", lang) + " *")
                yield BoundedInput(
                    self.initial_title,
                    placeholder=s("setup_session_title_ph", lang),
                    id="title",
                    max_length=SHORT_TEXT,
                )
                yield Label(s("setup_unit", lang))
                yield BoundedInput(id="unit", max_length=SHORT_TEXT)
                # The units of earlier sessions, to pick from (and offered as the
                # unit is typed): a unit spelt anew would follow up nothing.
                yield Select([], id="unit-choice", prompt=s("setup_earlier_units", lang))
                # Right under the unit: which measures it offers depends on the unit.
                yield Checkbox("", True, id="follow-up")
                yield Label(s("setup_date", lang))
                yield BoundedInput(
                    short_date(today.date(), lang), id="date", max_length=_SHORT_FIELD
                )
                yield Label(s("setup_agenda", lang))
                yield Select(
                    [(a.title.get(lang), i) for i, a in self.agendas.items()],
                    value=self.agenda.id,
                    allow_blank=False,
                    id="agenda",
                )
                yield Static(id="agenda-theme")
                yield Label(s("setup_participants", lang) + " *")
                yield BoundedInput(
                    ", ".join(self.initial_names),
                    placeholder=s("setup_participants_ph", lang),
                    id="names",
                    max_length=MAX_TEXT,
                )
                yield Label(s("setup_start", lang))
                yield BoundedInput(f"{start:%H:%M}", id="starts-at", max_length=_SHORT_FIELD)
                yield Label(s("setup_end", lang))
                yield BoundedInput(
                    f"{start + timedelta(hours=3):%H:%M}", id="ends-at", max_length=_SHORT_FIELD
                )
                yield Label(s("setup_facilitator", lang))
                yield Select([], id="facilitator", prompt=s("none", lang))
                with Horizontal(classes="row"):
                    yield Button(s("setup_draw", lang), id="draw")
                    yield Button(s("setup_shuffle", lang), id="shuffle")
                yield Static(id="order")
                # What may go to management is decided here and can be changed in the
                # export preview later; after the people, where the names are known.
                yield Label(s("names_policy", lang))
                yield names_policy_select(lang, NamesPolicy.OWNERS, "names-policy")
                yield Static(id="setup-problem")
                with Horizontal(id="form-buttons"):
                    yield Button(
                        s("setup_begin", lang) + " (Ctrl+S)", variant="primary", id="begin"
                    )
                    yield Button(s("setup_cancel", lang) + " (Esc)", id="cancel")
            with Vertical(id="setup-preview"):
                yield Static(s("setup_preview", lang), classes="dialog-title", id="preview-title")
                yield DataTable(id="preview", cursor_type="none", zebra_stripes=True)
                yield Static(id="fit")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#preview", DataTable)
        # times first: on a narrow screen the step titles are what gets cut
        for key, label in (("start", "col_start"), ("min", "col_min"), ("step", "col_step")):
            table.add_column(s(label, self.lang), key=key)
        self.query_one("#follow-up", Checkbox).display = False
        self.query_one("#unit-choice", Select).display = False
        self._as_opened = self._typed()
        self._update()
        self.query_one("#title", Input).focus()
        self._read_earlier()

    def _typed(self) -> dict[str, str]:
        return {field.id or "": field.value for field in self.query(Input)}

    @work(thread=True, exclusive=True)
    def _read_earlier(self) -> None:
        from facilitator.session.quickread import read_workspace

        sessions, _problems = read_workspace(self.workspace / "sessions")
        self.app.call_from_thread(self._earlier_read, sessions)

    def _earlier_read(self, sessions: list[Any]) -> None:
        self.earlier = sessions
        newest_first = sorted(sessions, key=lambda x: (x.date, x.updated_at), reverse=True)
        units = known_units(x.unit for x in newest_first)
        if units:
            self.query_one("#unit", Input).suggester = SuggestFromList(units, case_sensitive=False)
            choice = self.query_one("#unit-choice", Select)
            choice.set_options([(unit, unit) for unit in sorted(units, key=str.casefold)])
            choice.display = True
        self._update()

    @on(Select.Changed, "#unit-choice")
    def _unit_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.query_one("#unit", Input).value = event.value

    @on(LimitReached)
    def _full(self, event: LimitReached) -> None:
        self.query_one("#setup-problem", Static).update(
            Text(
                s(
                    "form_field_full",
                    self.lang,
                    field=self._label_of(event.field),
                    most=event.limit,
                ),
                style="bold red",
            )
        )

    def _label_of(self, field: Any) -> str:
        """The words above a field (what the field is called on the screen)."""
        children = list(self.query_one("#setup-form").children)
        at = children.index(field) if field in children else 0
        label = children[at - 1] if at > 0 else None
        return str(label.render()).rstrip(" *") if isinstance(label, Label) else ""

    def _to_follow_up(self) -> list[Measure]:
        """The open measures of earlier sessions of the unit typed in."""
        if not self.earlier:
            return []
        from facilitator.report.action_plan import open_measures

        unit = self.query_one("#unit", Input).value
        return carry(open_measures(self.earlier, unit=unit))

    def _follow_up(self) -> list[Measure]:
        """What the new session will follow up: nothing when the box is unticked."""
        box = self.query_one("#follow-up", Checkbox)
        return self._to_follow_up() if box.value else []

    # --- reading the form ---------------------------------------------------------

    def _names(self) -> list[str]:
        return split_names(self.query_one("#names", Input).value)

    def _settings(self) -> WorkspaceSettings | str:
        """The workspace's settings, or the one line that says what is wrong with them."""
        try:
            return load_settings(self.workspace, self.lang)
        except FileProblem as exc:
            return exc.problems[-1]

    @on(Input.Changed)
    @on(Select.Changed, "#agenda")
    @on(Checkbox.Changed, "#follow-up")
    def _update(self) -> None:
        lang = self.lang
        box = self.query_one("#follow-up", Checkbox)
        waiting = len(self._to_follow_up())
        box.display = waiting > 0
        box.label = (
            s("setup_follow_up_one", lang)
            if waiting == 1
            else s("setup_follow_up", lang, n=waiting)
        )
        names = self._names()
        # keep a drawn order as long as the names are the same people
        if sorted(self.order) != sorted(names):
            self.order = names
        agenda_id = self.query_one("#agenda", Select).value
        self.agenda = self.agendas.get(str(agenda_id), self.agenda)
        theme = theme_line(self.agenda, lang)
        self.query_one("#agenda-theme", Static).update(
            f"{theme}  [dim](F2: {s('setup_preview_agenda', lang).lower()})[/]" if theme else ""
        )
        select = self.query_one("#facilitator", Select)
        current = select.value
        options = [(n, n) for n in self.order]
        select.set_options(options)
        if current in self.order:
            select.value = current
        order = self.query_one("#order", Static)
        order.update(s("setup_order", lang, names=", ".join(self.order)) if self.order else "")
        self._preview()

    def _preview(self) -> None:
        lang = self.lang
        table = self.query_one("#preview", DataTable)
        table.clear()
        fit = self.query_one("#fit", Static)
        # Before anyone is typed in, plan for the group size the agenda recommends.
        n = len(self.order) or self.agenda.group_size.max
        self.query_one("#preview-title", Static).update(
            s("setup_preview_for_one", lang) if n == 1 else s("setup_preview_for", lang, n=n)
        )
        schedule = self._plan().schedule(self.clock.now())
        if schedule is None:
            fit.update(s("setup_bad_time", lang))
            return
        for item in schedule.steps:
            table.add_row(hhmm(item.start), str(item.minutes), item.step.title.get(lang))
        table.add_row(
            Text(hhmm(schedule.end), style="bold"),
            Text(str(schedule.total_minutes), style="bold"),
            Text(s("setup_total", lang), style="bold"),
        )
        lines = Text()
        if schedule.fits is None:
            lines.append(s("setup_no_end", lang))
        elif schedule.fits:
            lines.append(
                s("setup_fits", lang, slack=round(schedule.slack_minutes or 0)), style="green"
            )
        else:
            lines.append(
                s("setup_over", lang, over=round(-(schedule.slack_minutes or 0))), style="bold red"
            )
        most = self.agenda.group_size.max
        if len(self.order) > most:
            lines.append(
                "\n" + s("setup_too_many", lang, n=len(self.order), most=most), style="yellow"
            )
        fit.update(lines)

    # --- buttons ----------------------------------------------------------------------

    def action_preview_agenda(self) -> None:
        self.app.push_screen(AgendaPreviewModal(self.agenda, self.lang))

    @on(Button.Pressed, "#draw")
    def action_draw(self) -> None:
        if self.order:
            self.query_one("#facilitator", Select).value = self.rng.choice(self.order)

    @on(Button.Pressed, "#shuffle")
    def action_shuffle(self) -> None:
        self.rng.shuffle(self.order)
        self._update()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Leave; when something was typed, ask first."""
        if self._typed() == self._as_opened:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmModal(s("setup_discard", self.lang), self.lang), answered)

    @on(Button.Pressed, "#begin")
    def action_begin(self) -> None:
        problem = self._problem()
        box = self.query_one("#setup-problem", Static)
        if problem:
            box.update(Text(problem, style="bold red"))
            return
        self.dismiss(self.build())

    def _plan(self, risk_scale: Literal[3, 5] = 5) -> SessionPlan:
        """The form as it stands, as a plan for the session (`risk_scale` from the
        workspace's settings, read only when the session is made)."""
        chosen = self.query_one("#facilitator", Select).value
        policy = self.query_one("#names-policy", Select).value
        return SessionPlan(
            self.agenda,
            self.query_one("#title", Input).value,
            tuple(self.order),
            unit=self.query_one("#unit", Input).value.strip(),
            day=self.query_one("#date", Input).value,
            start=self.query_one("#starts-at", Input).value,
            end=self.query_one("#ends-at", Input).value,
            facilitator=chosen if isinstance(chosen, str) and chosen in self.order else None,
            names_policy=NamesPolicy(policy) if isinstance(policy, str) else NamesPolicy.OWNERS,
            lang=self.lang,
            risk_scale=risk_scale,
            follow_up=tuple(self._follow_up()),
        )

    def _problem(self) -> str | None:
        problems = self._plan().problems()
        if problems:
            return problems[0].message
        settings = self._settings()
        return settings if isinstance(settings, str) else None

    def build(self) -> Session:
        settings = self._settings()
        risk_scale = 5 if isinstance(settings, str) else settings.risk_scale
        return self._plan(risk_scale).create(self.clock.now())
