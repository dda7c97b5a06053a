"""The run screen: the step on the left, the timer and the room on the right.

Everything shown is read from the `Workshop` on each redraw; every key sends
an intention to it. A 4 Hz interval only redraws: the time itself is read
from timestamps, so a dropped tick changes nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from facilitator.agenda.model import Capture, NoteKind, Phase, Role, StepKind
from facilitator.followup import followed_up_here, open_earlier_measures, to_follow_up
from facilitator.i18n import Lang
from facilitator.session.model import FindingKind, Measure
from facilitator.stepclock import Level, Reading, Status
from facilitator.timefmt import hhmm, moment_text, short_date
from facilitator.tui import forms
from facilitator.tui.bindings import localize
from facilitator.tui.forms import Form
from facilitator.tui.screens.form import FormModal
from facilitator.tui.strings import s
from facilitator.tui.widgets.strip import ProgressStrip
from facilitator.tui.widgets.timer import TimerPanel
from facilitator.workshop import Workshop

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

REDRAW_SECONDS = 0.25

# The key that captures each kind of item, shown in the steps that ask for it.
CAPTURE_KEYS: dict[Capture, tuple[str, str]] = {
    Capture.NOTES: ("n", "key_note"),
    Capture.DILEMMA: ("d", "key_dilemma"),
    Capture.STRENGTHS_RISKS: ("s", "key_finding"),
    Capture.MEASURES: ("m", "key_measure"),
    Capture.CHECKOUT: ("c", "key_checkout"),
    Capture.NEXT_MEETING: ("t", "key_next_meeting"),
    Capture.FOLLOW_UP: ("f", "key_follow_up"),
}


class RunScreen(Screen[None]):
    AUTO_FOCUS = None
    BINDINGS = [
        Binding("space", "toggle_timer", "key_timer", tooltip="tip_timer", id="timer"),
        Binding(
            "right,l",
            "next_unit",
            "key_next_unit",
            tooltip="tip_next_unit",
            id="next_unit",
            key_display="→",
        ),
        Binding(
            "left,h",
            "prev_unit",
            "key_prev_unit",
            tooltip="tip_prev_unit",
            id="prev_unit",
            key_display="←",
            show=False,
        ),
        Binding(
            "pagedown,right_square_bracket",
            "next_step",
            "key_next_step",
            tooltip="tip_next_step",
            id="next_step",
            key_display="PgDn",
        ),
        Binding(
            "pageup,left_square_bracket",
            "prev_step",
            "key_prev_step",
            tooltip="tip_prev_step",
            id="prev_step",
            key_display="PgUp",
            show=False,
        ),
        Binding(
            "plus,equals_sign",
            "adjust(1)",
            "key_plus",
            tooltip="tip_plus",
            id="plus",
            key_display="+",
            show=False,
        ),
        Binding("minus", "adjust(-1)", "key_minus", tooltip="tip_minus", id="minus", show=False),
        Binding("n", "note", "key_note", tooltip="tip_note", id="note"),
        Binding("d", "dilemma", "key_dilemma", tooltip="tip_dilemma", id="dilemma", show=False),
        Binding("s", "finding", "key_finding", tooltip="tip_finding", id="finding", show=False),
        Binding("m", "measure", "key_measure", tooltip="tip_measure", id="measure", show=False),
        Binding("c", "checkout", "key_checkout", tooltip="tip_checkout", id="checkout", show=False),
        Binding(
            "t",
            "next_meeting",
            "key_next_meeting",
            tooltip="tip_next_meeting",
            id="next_meeting",
            show=False,
        ),
        Binding(
            "f", "follow_up", "key_follow_up", tooltip="tip_follow_up", id="follow_up", show=False
        ),
        Binding("a", "absent", "key_absent", tooltip="tip_absent", id="absent", show=False),
        Binding("p", "pass_turn", "key_pass", tooltip="tip_pass", id="pass", show=False),
        Binding("i", "items", "key_items", tooltip="tip_items", id="items", show=False),
        Binding("e", "export", "key_export", tooltip="tip_export", id="export", show=False),
        Binding("f10", "finish", "key_finish", tooltip="tip_finish", id="finish", show=False),
        Binding("o", "details", "key_details", tooltip="tip_details", id="details", show=False),
        Binding("up,k", "scroll(-1)", "key_scroll", show=False, key_display="↑"),
        Binding("down,j", "scroll(1)", "key_scroll", show=False, key_display="↓"),
    ]

    def __init__(self, workshop: Workshop, lang: Lang) -> None:
        super().__init__()
        localize(self, lang)
        self.workshop = workshop
        self.lang = lang
        self._alerted: set[tuple[str, int, str]] = set()
        self._last_unit: tuple[str, int] | None = None

    # --- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(id="session-title")
            yield Static(id="save-status")
        yield ProgressStrip(id="strip")
        with Horizontal(id="main"):
            # The step text scrolls with ↑/↓ from the screen; the scroll area never
            # takes focus, so PgUp/PgDn and the arrows always reach the workshop.
            with VerticalScroll(id="content", can_focus=False):
                yield Static(id="step-title")
                yield Static(id="step-purpose")
                yield Static(id="facilitator-focus")
                yield Static(id="phase-box")
                yield Static(id="back-turned")
                yield Static(id="dilemma")
                yield Static(id="follow-up")
                yield Static(id="questions")
                yield Static(id="process")
                yield Static(id="step-content")
                yield Static(id="captured")
            yield TimerPanel(id="side")
        yield Footer()

    def on_mount(self) -> None:
        self._fit_to_size()
        self.refresh_all()
        self.set_interval(REDRAW_SECONDS, self.refresh_clock)
        self._restore_draft()

    def on_resize(self) -> None:
        self._fit_to_size()

    def _fit_to_size(self) -> None:
        # On a big window (a projector), the timer gets half the width and block
        # letters that grow with it; on a laptop-sized one, the compact Digits.
        width, height = self.app.size
        self.set_class(width >= 140 and height >= 40, "-large")

    # --- drawing -----------------------------------------------------------------

    def refresh_all(self) -> None:
        w, lang = self.workshop, self.lang
        step = w.step
        reading = w.reading()
        session = w.session
        title = Text()
        title.append(session.title, style="bold")
        if session.unit:
            title.append(f" · {session.unit}")
        title.append(f" · {s('step_of', lang, n=w.step_index + 1, total=len(w.steps))}")
        if session.facilitator:
            title.append(
                f" · {s('facilitator_is', lang, name=w.name(session.facilitator))}", style="dim"
            )
        self.query_one("#session-title", Static).update(title)
        self.query_one(ProgressStrip).show(w, lang)

        self.query_one("#step-title", Static).update(step.title.get(lang))
        purpose = step.purpose.get(lang) if step.purpose else ""
        self._set("#step-purpose", purpose)
        self._set(
            "#questions",
            self._numbered(s("questions", lang), [q.get(lang) for q in step.questions]),
        )
        self._set(
            "#process", self._bullets(s("process", lang), [p.get(lang) for p in step.process])
        )
        self._set("#step-content", step.content.get(lang) if step.content else "")
        self._set("#follow-up", self._follow_up_list())
        self._show_unit(reading)
        self._show_captured()
        self.refresh_clock()

    def _show_unit(self, reading: Reading) -> None:
        w, lang = self.workshop, self.lang
        phase = w.step.phase(reading.phase)
        box = self.query_one("#phase-box", Static)
        if phase is not None:
            index = [p.id for p in w.step.phases].index(phase.id)
            text = Text()
            text.append(
                s(
                    "phase_of",
                    lang,
                    n=index + 1,
                    total=len(w.step.phases),
                    title=phase.title.get(lang),
                )
                + "\n",
                style="bold",
            )
            if phase.rule:
                text.append(phase.rule.get(lang) + "\n")
            supervision = w.step.kind is StepKind.PER_PARTICIPANT
            in_focus = w.name(reading.person) if supervision else ""
            text.append(floor_line(phase, in_focus, supervision, lang), style="italic")
            for q in phase.questions:
                text.append("\n• " + q.get(lang))
            box.update(text)
            box.display = True
        else:
            box.display = False
        back = self.query_one("#back-turned", Static)
        focus = w.name(reading.person)
        back.display = bool(phase and phase.focus_back_turned)
        if back.display:
            back.update(s("back_turned", lang, name=focus or s("role_focus", lang)))
        # The facilitator in focus cannot keep the time of their own round.
        notice = self.query_one("#facilitator-focus", Static)
        notice.display = self._facilitator_in_focus(reading)
        if notice.display:
            notice.update(
                Text(s("facilitator_in_focus", lang, name=focus), style="bold reverse yellow")
            )
        dilemma_box = self.query_one("#dilemma", Static)
        dilemma = w.dilemma_of(reading.person) if reading.person else None
        if w.step.kind is StepKind.PER_PARTICIPANT and dilemma is not None:
            text = Text()
            text.append(s("dilemma_of", lang, title=dilemma.title or "…"), style="bold")
            if dilemma.text:
                text.append("\n" + dilemma.text)
            if dilemma.hr_hint:
                text.append("\n" + s("hr_hint", lang), style="italic yellow")
            dilemma_box.update(text)
            dilemma_box.display = True
        else:
            dilemma_box.display = False

    def _show_captured(self) -> None:
        w, lang = self.workshop, self.lang
        step_id = w.step.id
        lines: list[tuple[str, str]] = []
        for note in w.session.notes:
            if note.step_id == step_id:
                who = w.name(note.person)
                if note.kind is not NoteKind.NOTE:  # the focus person's own notes or takeaway
                    who = f"{who} ({s(f'kind_{note.kind.value}', lang)})"
                prefix = f"{who}: " if who else ""
                lines.append((f"✎ {prefix}{note.text}", note.visibility))
        if Capture.DILEMMA in w.step.captures:
            for d in w.session.dilemmas:
                lines.append((f"◆ {w.name(d.owner)}: {d.title or d.text}", d.visibility))
        if Capture.STRENGTHS_RISKS in w.step.captures:
            for f in w.session.findings:
                mark = "+" if f.kind is FindingKind.STRENGTH else "!"
                lines.append((f"{mark} {f.text}", f.visibility))
        if Capture.MEASURES in w.step.captures:
            for m in w.session.measures:
                owner = f" ({m.owner})" if m.owner else ""
                due = f" {short_date(m.deadline, self.lang)}" if m.deadline else ""
                lines.append((f"→ {m.what}{owner}{due}", m.visibility))
        if Capture.CHECKOUT in w.step.captures:
            for c in w.session.checkouts:
                lines.append((f"○ {w.name(c.person)}: {c.text}", c.visibility))
        if Capture.NEXT_MEETING in w.step.captures and w.session.next_meeting:
            lines.append(
                (
                    f"⌚ {s('key_next_meeting', lang)}: "
                    f"{moment_text(w.session.next_meeting, w.session.time_zone, lang)}",
                    "shared",
                )
            )
        text = Text()
        text.append(s("captured_here", lang) + "\n", style="bold underline")
        keys = " · ".join(
            f"{key} {s(label, lang).lower()}"
            for capture, (key, label) in CAPTURE_KEYS.items()
            if capture in w.step.captures
        )
        if keys:
            text.append(s("keys_here", lang, keys=keys) + "\n", style="italic")
        if not lines:
            text.append(s("nothing_captured", lang), style="dim")
        for line, visibility in lines[-12:]:
            tag = s("shared", lang) if visibility == "shared" else s("group_only", lang)
            text.append(line)
            text.append(f"  [{tag}]\n", style="dim")
        self.query_one("#captured", Static).update(text)

    def _follow_up_list(self) -> Text | str:
        """The measures carried over from earlier sessions, and which are done here."""
        w, lang = self.workshop, self.lang
        measures = to_follow_up(w.session)
        if Capture.FOLLOW_UP not in w.step.captures or not measures:
            return ""
        text = Text()
        text.append(s("follow_up_list", lang) + "\n", style="bold underline")
        for n, m in enumerate(measures, 1):
            done = followed_up_here(w.session, m)
            text.append(f"{n}. ", style="bold")
            text.append(forms.measure_label(m, lang))
            state = s(f"status_{m.status.value}", lang)
            if done:
                text.append(f"  ✓ {s('followed_up_here', lang)}: {state}\n", style="green")
            else:
                text.append(f"  ({state}, {s('not_yet', lang)})\n", style="dim")
        return text

    def refresh_clock(self) -> None:
        reading = self.workshop.reading()
        self.query_one(TimerPanel).show(self.workshop, reading, self.lang)
        self._show_save_status()
        unit = (self.workshop.step.id, reading.unit_index)
        if unit != self._last_unit:
            if self._last_unit is not None and self._last_unit[0] == unit[0]:
                self._announce_unit(reading)
            self._last_unit = unit
            self._show_unit(reading)
        self._alert(reading)

    def _facilitator_in_focus(self, reading: Reading) -> bool:
        """A peer-supervision round whose focus person is the facilitator."""
        w = self.workshop
        return (
            w.step.kind is StepKind.PER_PARTICIPANT
            and reading.person is not None
            and reading.person == w.session.facilitator
        )

    def _announce_unit(self, reading: Reading) -> None:
        w, lang = self.workshop, self.lang
        phase = w.step.phase(reading.phase)
        if self._facilitator_in_focus(reading) and (
            not w.step.phases or reading.phase == w.step.phases[0].id
        ):
            self.notify(
                s("facilitator_in_focus", lang, name=w.name(reading.person)),
                severity="warning",
                timeout=10,
            )
        # Phase changes are announced; in a plain round the big name is enough.
        if phase is not None:
            title = phase.title.get(lang)
            if reading.person and w.step.kind is StepKind.PER_PARTICIPANT:
                title = f"{w.name(reading.person)} – {title}"
            self.notify(s("phase_changed", lang, title=title), timeout=3)

    def _alert(self, reading: Reading) -> None:
        if reading.status is not Status.RUNNING or reading.unit_level is Level.NORMAL:
            return
        key = (self.workshop.step.id, reading.unit_index, reading.unit_level.value)
        if key in self._alerted:
            return
        self._alerted.add(key)
        w, lang = self.workshop, self.lang
        phase = w.step.phase(reading.phase)
        warning = reading.unit_level is Level.WARNING
        if phase is not None and not phase.round:
            # A phase's time belongs to whoever it gives the floor (the colleagues,
            # in the discussion), not to the focus person: the alert names the phase.
            key = "alert_warning_phase" if warning else "alert_zero_phase"
            message = s(key, lang, phase=phase.title.get(lang))
        else:
            what = w.name(reading.person) or s("this_step", lang)
            message = s("alert_warning" if warning else "alert_zero", lang, what=what)
        if warning:
            self.notify(message, severity="warning", timeout=6)
        else:
            self.notify(message, severity="error", timeout=8)
        self.app.bell()

    def _show_save_status(self) -> None:
        status = getattr(self.app, "save_status", None)
        widget = self.query_one("#save-status", Static)
        now = hhmm(self.workshop.now())
        if status is None or (not status.pending and status.error is None):
            widget.update(Text.assemble((f"✓ {s('saved', self.lang)}", "green"), f" · {now}"))
            widget.set_class(False, "-error")
        elif status.error:
            widget.update(Text(s("save_failed", self.lang, error=status.error), style="bold"))
            widget.set_class(True, "-error")
        else:
            widget.update(Text.assemble((s("saving", self.lang), "dim"), f" · {now}"))
            widget.set_class(False, "-error")

    def _set(self, selector: str, text: str | Text) -> None:
        widget = self.query_one(selector, Static)
        widget.display = bool(text)
        widget.update(text)

    @staticmethod
    def _numbered(heading: str, items: list[str]) -> Text | str:
        if not items:
            return ""
        text = Text()
        text.append(heading + "\n", style="bold underline")
        for n, item in enumerate(items, 1):
            text.append(f"{n}. ", style="bold")
            text.append(item + "\n")
        return text

    @staticmethod
    def _bullets(heading: str, items: list[str]) -> Text | str:
        if not items:
            return ""
        text = Text()
        text.append(heading + "\n", style="bold underline")
        for item in items:
            text.append("• " + item + "\n")
        return text

    # --- intentions ---------------------------------------------------------------

    def _after(self) -> None:
        self.refresh_all()

    def action_scroll(self, lines: int) -> None:
        content = self.query_one("#content", VerticalScroll)
        content.scroll_relative(y=lines * 3, animate=False)

    def action_toggle_timer(self) -> None:
        self.workshop.toggle_timer()
        self._after()

    def action_next_unit(self) -> None:
        if not self.workshop.move_unit(+1):
            self.notify(s("last_unit", self.lang), timeout=4)
        self._after()

    def action_prev_unit(self) -> None:
        if not self.workshop.move_unit(-1):
            self.notify(s("first_unit", self.lang), timeout=3)
        self._after()

    def action_next_step(self) -> None:
        if not self.workshop.next_step():
            self.notify(s("last_step", self.lang), timeout=5)
        self._after()
        self.query_one("#content", VerticalScroll).scroll_home(animate=False)

    def action_prev_step(self) -> None:
        if not self.workshop.previous_step():
            self.notify(s("first_step", self.lang), timeout=3)
        self._after()
        self.query_one("#content", VerticalScroll).scroll_home(animate=False)

    def action_adjust(self, minutes: int) -> None:
        self.workshop.adjust(minutes)
        self._after()

    def action_pass_turn(self) -> None:
        if not self.workshop.pass_turn():
            self.notify(s("no_focus", self.lang), timeout=3)
        self._after()

    def action_absent(self) -> None:
        from facilitator.tui.screens.people import PeopleModal

        def done(pid: str | None) -> None:
            if pid is not None:
                person = self.workshop.session.participant(pid)
                if person is not None:
                    self.workshop.set_present(pid, not person.present)
            self._after()

        self.app.push_screen(PeopleModal(self.workshop, self.lang), done)

    def action_items(self) -> None:
        from facilitator.tui.screens.items import ItemsScreen

        self.app.push_screen(ItemsScreen(self.workshop, self.lang), lambda _: self._after())

    def action_export(self) -> None:
        cast("FacilitatorApp", self.app).show_export(self.workshop.session)

    def action_details(self) -> None:
        from facilitator.tui.screens.details import DetailsModal

        def done(unit_changed: bool | None) -> None:
            self._after()
            if unit_changed:
                self._look_for_follow_up(self.workshop.session.unit)

        self.app.push_screen(DetailsModal(self.workshop, self.lang), done)

    @work(thread=True, exclusive=True, group="follow-up")
    def _look_for_follow_up(self, unit: str) -> None:
        """The open measures of the unit now given: reading every session file takes
        a moment in a big workspace, so off the screen's thread."""
        workspace = cast("FacilitatorApp", self.app).workspace
        found = open_earlier_measures(workspace, unit, self.workshop.session)
        self.app.call_from_thread(self._offer_follow_up, unit, found)

    def _offer_follow_up(self, unit: str, found: list[Measure]) -> None:
        from facilitator.tui.screens.confirm import ConfirmModal

        if self.workshop.session.unit != unit:
            return  # changed again meanwhile: that change has its own look
        known = {m.id for m in self.workshop.session.measures}
        new = [m for m in found if m.id not in known]
        shown = unit or s("details_no_unit", self.lang)
        if not new:
            self.notify(s("details_nothing_open", self.lang, unit=shown), timeout=6)
            return

        def done(yes: bool | None) -> None:
            if yes:
                added = self.workshop.follow_up_earlier(new)
                self.notify(s("details_follow_up_added", self.lang, n=added), timeout=8)
            self._after()

        key = "details_offer_follow_up_one" if len(new) == 1 else "details_offer_follow_up"
        question = s(key, self.lang, n=len(new), unit=shown)
        self.app.push_screen(ConfirmModal(question, self.lang), done)

    def action_finish(self) -> None:
        from facilitator.tui.screens.confirm import ConfirmModal

        def done(yes: bool | None) -> None:
            if yes:
                self.workshop.finish()
                self.notify(s("finished", self.lang), timeout=6)
                self.action_export()  # what the group does next: send the summary
            self._after()

        self.app.push_screen(ConfirmModal(s("finish_confirm", self.lang), self.lang), done)

    # capture

    def open_form(self, form: Form, restore: Mapping[str, str | bool] | None = None) -> None:
        """Show a capture form; it applies what is typed through the workshop."""
        self.app.push_screen(
            FormModal(form, self.workshop, self.lang, restore), lambda _: self._after()
        )

    def _restore_draft(self) -> None:
        """After a crash, reopen the form that was being typed into, as it was."""
        w, draft = self.workshop, self.workshop.session.draft
        if draft is None:
            return
        item = None
        if draft.item_id is not None:
            with contextlib.suppress(KeyError):  # deleted since: the text comes back as new
                item = w.find(draft.form, draft.item_id)
        self.open_form(forms.FORMS[draft.form](w, self.lang, item), restore=draft.values)
        self.notify(s("draft_restored", self.lang), timeout=8)

    def action_note(self) -> None:
        self.open_form(forms.note_form(self.workshop, self.lang))

    def action_dilemma(self) -> None:
        self.open_form(forms.dilemma_form(self.workshop, self.lang))

    def action_finding(self) -> None:
        self.open_form(forms.finding_form(self.workshop, self.lang))

    def action_measure(self) -> None:
        self.open_form(forms.measure_form(self.workshop, self.lang))

    def action_checkout(self) -> None:
        self.open_form(forms.checkout_form(self.workshop, self.lang))

    def action_next_meeting(self) -> None:
        self.open_form(forms.next_meeting_form(self.workshop, self.lang))

    def action_follow_up(self) -> None:
        if not to_follow_up(self.workshop.session):
            self.notify(s("nothing_to_follow_up", self.lang), timeout=4)
            return
        self.open_form(forms.follow_up_form(self.workshop, self.lang))


def _role(role: Role, focus: str, lang: Lang) -> str:
    """A role as the screen names it: the focus person by name when known."""
    if role is Role.FOCUS and focus:
        return focus
    return s(f"role_{role.value}", lang)


def floor_line(phase: Phase, focus: str, supervision: bool, lang: Lang) -> str:
    """Who talks in a phase, and how the focus person (`focus`, a name or "") takes
    part: from the phase's speakers and listeners. In peer supervision
    (`supervision`) "everyone" is the focus person and the colleagues together."""
    speakers, listeners = phase.speakers, phase.listeners
    name = focus or s("role_focus", lang)
    if speakers is Role.COLLEAGUES and listeners is Role.FOCUS:
        # Turned away, the focus person only listens; facing the colleagues, they
        # answer what is asked (the clarifying questions).
        key = "floor_discussion" if phase.focus_back_turned else "floor_questions"
        return s(key, lang, name=name)
    if speakers is Role.EVERYONE and supervision:
        return s("floor_focus_and_colleagues", lang, name=name)
    if speakers in (Role.NOBODY, Role.EVERYONE, Role.EACH_IN_TURN):
        return s(f"floor_{speakers.value}", lang)
    line = s("floor_speaks", lang, who=_role(speakers, focus, lang))
    if listeners not in (Role.NOBODY, speakers):
        line += " · " + s("floor_listens", lang, who=_role(listeners, focus, lang))
    return line
