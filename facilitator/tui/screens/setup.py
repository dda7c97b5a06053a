"""Setting up a session: who, when, which agenda, who facilitates, in which
order, and whether the plan fits the booked slot."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, DataTable, Footer, Input, Label, Select, Static

from facilitator.agenda.model import Agenda
from facilitator.agenda.registry import list_agendas
from facilitator.followup import add_follow_up, carry, with_follow_up
from facilitator.i18n import Lang
from facilitator.schedule import plan
from facilitator.session.model import Measure, NamesPolicy, Participant, Session, new_session
from facilitator.settings import WorkspaceSettings, load_settings
from facilitator.timefmt import hhmm, parse_day, short_date
from facilitator.timesource import Clock
from facilitator.tomlfile import FileProblem
from facilitator.tui.bindings import localize
from facilitator.tui.screens.agenda_preview import AgendaPreviewModal, theme_line
from facilitator.tui.strings import s
from facilitator.tui.widgets.choices import names_policy_select

_HHMM = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def split_names(text: str) -> list[str]:
    return [n.strip() for n in re.split(r"[,;\n]", text) if n.strip()]


def parse_hhmm(text: str, day: date) -> datetime | None:
    m = _HHMM.match(text.strip())
    if not m:
        return None
    return datetime(day.year, day.month, day.day, int(m.group(1)), int(m.group(2))).astimezone()


class SetupScreen(Screen[Session | None]):
    BINDINGS = [
        Binding("escape", "cancel", "setup_cancel"),
        Binding("ctrl+s", "begin", "setup_begin", priority=True),
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

    def compose(self) -> ComposeResult:
        lang = self.lang
        today = self.clock.now().astimezone()
        start = (today + timedelta(minutes=5)).replace(second=0, microsecond=0)
        with Horizontal(id="setup"):
            with VerticalScroll(id="setup-form"):
                yield Static(s("setup_title", lang), id="form-title")
                yield Label(s("setup_session_title", lang) + " *")
                yield Input(
                    self.initial_title, placeholder=s("setup_session_title_ph", lang), id="title"
                )
                yield Label(s("setup_unit", lang))
                yield Input(id="unit")
                # Right under the unit: which measures it offers depends on the unit.
                yield Checkbox("", True, id="follow-up")
                yield Label(s("setup_date", lang))
                yield Input(short_date(today.date(), lang), id="date")
                yield Label(s("setup_agenda", lang))
                yield Select(
                    [(a.title.get(lang), i) for i, a in self.agendas.items()],
                    value=self.agenda.id,
                    allow_blank=False,
                    id="agenda",
                )
                yield Static(id="agenda-theme")
                yield Label(s("setup_participants", lang) + " *")
                yield Input(
                    ", ".join(self.initial_names),
                    placeholder=s("setup_participants_ph", lang),
                    id="names",
                )
                yield Label(s("setup_start", lang))
                yield Input(f"{start:%H:%M}", id="starts-at")
                yield Label(s("setup_end", lang))
                yield Input(f"{start + timedelta(hours=3):%H:%M}", id="ends-at")
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
        self._update()
        self.query_one("#title", Input).focus()
        self._read_earlier()

    @work(thread=True, exclusive=True)
    def _read_earlier(self) -> None:
        from facilitator.session.quickread import read_workspace

        sessions, _problems = read_workspace(self.workspace / "sessions")
        self.app.call_from_thread(self._earlier_read, sessions)

    def _earlier_read(self, sessions: list[Any]) -> None:
        self.earlier = sessions
        self._update()

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

    def _day(self) -> date | None:
        try:
            return parse_day(self.query_one("#date", Input).value)
        except ValueError:
            return None

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
        day = self._day() or self.clock.now().astimezone().date()
        start = parse_hhmm(self.query_one("#starts-at", Input).value, day)
        end = parse_hhmm(self.query_one("#ends-at", Input).value, day)
        # Before anyone is typed in, plan for the group size the agenda recommends.
        n = len(self.order) or self.agenda.group_size.max
        self.query_one("#preview-title", Static).update(
            s("setup_preview_for_one", lang) if n == 1 else s("setup_preview_for", lang, n=n)
        )
        if start is None:
            fit.update(s("setup_bad_time", lang))
            return
        if end is not None and end <= start:
            end += timedelta(days=1)
        schedule = plan(with_follow_up(self.agenda, len(self._follow_up())), n, start, end)
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
        self.dismiss(None)

    @on(Button.Pressed, "#begin")
    def action_begin(self) -> None:
        problem = self._problem()
        box = self.query_one("#setup-problem", Static)
        if problem:
            box.update(Text(problem, style="bold red"))
            return
        self.dismiss(self.build())

    def _problem(self) -> str | None:
        lang = self.lang
        if not self.query_one("#title", Input).value.strip():
            return s("setup_need_title", lang)
        if not self.order:
            return s("setup_need_people", lang)
        if self._day() is None:
            return s("setup_bad_date", lang)
        day = self._day()
        assert day is not None
        for field in ("#starts-at", "#ends-at"):
            value = self.query_one(field, Input).value
            if value.strip() and parse_hhmm(value, day) is None:
                return s("setup_bad_time", lang)
        settings = self._settings()
        return settings if isinstance(settings, str) else None

    def build(self) -> Session:
        day = self._day() or self.clock.now().astimezone().date()
        session = new_session(
            self.query_one("#title", Input).value.strip(),
            self.agenda,
            self.clock.now(),
            unit=self.query_one("#unit", Input).value.strip(),
            lang=self.lang,
            day=day,
        )
        session.participants = [
            Participant(id=f"p{i}", name=name) for i, name in enumerate(self.order, 1)
        ]
        policy = self.query_one("#names-policy", Select).value
        session.names_policy = (
            NamesPolicy(policy) if isinstance(policy, str) else session.names_policy
        )
        settings = self._settings()
        if not isinstance(settings, str):
            session.risk_scale = settings.risk_scale
        chosen = self.query_one("#facilitator", Select).value
        if isinstance(chosen, str) and chosen in self.order:
            session.facilitator = f"p{self.order.index(chosen) + 1}"
        add_follow_up(session, self._follow_up())
        start = parse_hhmm(self.query_one("#starts-at", Input).value, day)
        end = parse_hhmm(self.query_one("#ends-at", Input).value, day)
        if start is not None:
            session.booked_start = start
            if end is not None:
                session.booked_end = end if end > start else end + timedelta(days=1)
        return session
