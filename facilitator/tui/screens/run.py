"""The run screen: the step on the left, the timer and the room on the right.

Everything shown is read from the `Workshop` on each redraw; every key sends
an intention to it. A 4 Hz interval only redraws: the time itself is read
from timestamps, so a dropped tick changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from facilitator.agenda.model import Capture, StepKind
from facilitator.followup import open_earlier_measures, to_follow_up
from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.session.model import Measure
from facilitator.stepclock import Level, Status
from facilitator.timefmt import hhmm
from facilitator.tui import capture_forms
from facilitator.tui.bindings import localize
from facilitator.tui.capture_forms import Form
from facilitator.tui.screens.form_modal import FormModal
from facilitator.tui.widgets import run_text
from facilitator.tui.widgets.part import Draw, PartView
from facilitator.tui.widgets.strip import ProgressStrip
from facilitator.tui.widgets.timer import ClockFace, TimerPanel
from facilitator.workshop import Workshop
from facilitator.workshop_view import Cue, FocusPart, WorkshopView, capturable, workshop_view

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

REDRAW_SECONDS = 0.25

# The action that captures each kind of item: its key works, and shows in the
# footer, in the steps that ask for that kind (`check_action`).
CAPTURE_ACTIONS: dict[str, Capture] = {
    "note": Capture.NOTES,
    "dilemma": Capture.DILEMMA,
    "finding": Capture.STRENGTHS_RISKS,
    "measure": Capture.MEASURES,
    "checkout": Capture.CHECKOUT,
    "next_meeting": Capture.NEXT_MEETING,
    "follow_up": Capture.FOLLOW_UP,
}


def _title_line(lang: Lang) -> Draw:
    def draw(part: tuple[str, str, tuple[int, int], str]) -> Content:
        title, unit, step, facilitator = part
        return run_text.session_title(title, unit, step, facilitator, lang)

    return draw


def _save_line(lang: Lang) -> Draw:
    def draw(part: tuple[str, str]) -> Content:
        state, detail = part
        if state == "error":
            return Content.assemble((s("save_failed", lang, error=detail), "bold"))
        if state == "saving":
            return Content.assemble((s("saving", lang), "dim"), f" · {detail}")
        return Content.assemble((f"✓ {s('saved', lang)}", "$success"), f" · {detail}")

    return draw


def _facilitator_focus(focus: FocusPart, lang: Lang) -> str:
    return s("facilitator_in_focus", lang, name=focus.name)


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
        Binding("d", "dilemma", "key_dilemma", tooltip="tip_dilemma", id="dilemma"),
        Binding("s", "finding", "key_finding", tooltip="tip_finding", id="finding"),
        Binding("m", "measure", "key_measure", tooltip="tip_measure", id="measure"),
        Binding("c", "checkout", "key_checkout", tooltip="tip_checkout", id="checkout"),
        Binding(
            "t",
            "next_meeting",
            "key_next_meeting",
            tooltip="tip_next_meeting",
            id="next_meeting",
        ),
        Binding(
            "f", "follow_up", "key_follow_up", tooltip="tip_follow_up", id="follow_up"
        ),
        Binding("a", "absent", "key_absent", tooltip="tip_absent", id="absent", show=False),
        Binding("p", "pass_turn", "key_pass", tooltip="tip_pass", id="pass", show=False),
        Binding("i", "items", "key_items", tooltip="tip_items", id="items", show=False),
        Binding("e", "export", "key_export", tooltip="tip_export", id="export", show=False),
        Binding("f10", "finish", "key_finish", tooltip="tip_finish", id="finish", show=False),
        Binding("o", "details", "key_details", tooltip="tip_details", id="details", show=False),
        Binding("r", "room", "key_room", tooltip="tip_room", id="room", show=False),
        Binding("w", "show_findings", "key_show_findings", tooltip="tip_show_findings", id="wall"),
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
        self._bindings_step: str | None = None

    # --- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Horizontal(id="topbar"):
            yield PartView(_title_line(lang), id="session-title", hide_empty=False)
            yield PartView(_save_line(lang), id="save-status", hide_empty=False)
        yield ProgressStrip(id="strip")
        with Horizontal(id="main"):
            # The step text scrolls with ↑/↓ from the screen; the scroll area never
            # takes focus, so PgUp/PgDn and the arrows always reach the workshop.
            with VerticalScroll(id="content", can_focus=False):
                yield PartView(lambda step: step.title, id="step-title")
                yield PartView(lambda step: step.purpose, id="step-purpose")
                yield PartView(partial(_facilitator_focus, lang=lang), id="facilitator-focus")
                yield PartView(run_text.phase_box, id="phase-box")
                yield PartView(run_text.cue, id="back-turned")
                yield PartView(partial(run_text.dilemma, lang=lang), id="dilemma")
                yield PartView(partial(run_text.follow_up, lang=lang), id="follow-up")
                yield PartView(partial(run_text.questions, lang=lang), id="questions")
                yield PartView(partial(run_text.process, lang=lang), id="process")
                yield PartView(lambda step: step.content, id="step-content")
                yield PartView(partial(run_text.captured, lang=lang), id="captured")
            yield TimerPanel(lang, id="side")
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
        large = width >= 140 and height >= 40
        if large != self.has_class("-large"):
            self.set_class(large, "-large")
            self.call_after_refresh(self.query_one(ClockFace).redraw)

    # --- drawing -----------------------------------------------------------------

    def _part(self, selector: str, part: object) -> None:
        self.query_one(selector, PartView).part = part

    def show(self, view: WorkshopView) -> None:
        """Give each widget its part of `view`; those whose part is unchanged do
        nothing (a reactive compares the frozen parts by value)."""
        private = view.private
        assert private is not None  # the facilitator's own screen has every part
        step = view.step
        self._part(
            "#session-title",
            (private.session_title, private.unit, (step.index, step.count), private.facilitator),
        )
        self._part("#strip", view.progress)
        self._part("#step-title", step)
        self._part("#step-purpose", step)
        self._part("#facilitator-focus", view.focus if private.facilitator_in_focus else None)
        self._part("#phase-box", view.phase)
        self._part("#back-turned", view.cue)
        self.query_one("#back-turned").set_class(
            view.cue is not None and view.cue.cue is Cue.TURN_BACK, "-turn-back"
        )
        self._part("#dilemma", private.dilemma)
        self._part("#follow-up", private.follow_up or None)
        self._part("#questions", step)
        self._part("#process", step)
        self._part("#step-content", step)
        self._part("#captured", (private.captured, bool(view.on_wall)))
        self._part("#who", (view.focus, private.facilitator_in_focus) if view.focus else None)
        self.query_one(ClockFace).clock = view.clock
        self._part("#timer-label", view.clock)
        self._part("#step-time", view.clock)
        self._part("#people", private.people)
        self._part("#plan", view.slot)
        self._show_save_status()
        room = cast("FacilitatorApp", self.app).room
        if room is not None:
            room.publish(view)  # the wall renders the audience form of the same view
        if step.id != self._bindings_step:
            # The capture keys in the footer follow what the step asks for.
            self._bindings_step = step.id
            self.refresh_bindings()

    def refresh_all(self) -> None:
        self.refresh_clock()

    def refresh_clock(self) -> None:
        view = workshop_view(self.workshop, self.lang)
        unit = (view.step.id, view.unit_index)
        if unit != self._last_unit:
            if self._last_unit is not None and self._last_unit[0] == unit[0]:
                self._announce_unit(view)
            self._last_unit = unit
        self.show(view)
        self._alert(view)

    def _announce_unit(self, view: WorkshopView) -> None:
        lang = self.lang
        assert view.private is not None
        focus = view.focus.name if view.focus else ""
        first_phase = view.phase is None or view.phase.index == 0
        if view.private.facilitator_in_focus and first_phase:
            self.notify(
                s("facilitator_in_focus", lang, name=focus), severity="warning", timeout=10
            )
        # Phase changes are announced; in a plain round the big name is enough.
        if view.phase is not None:
            title = view.phase.title
            if focus and view.step.kind is StepKind.PER_PARTICIPANT:
                title = f"{focus} – {title}"
            self.notify(s("phase_changed", lang, title=title), timeout=3)

    def _alert(self, view: WorkshopView) -> None:
        clock = view.clock
        if clock.status is not Status.RUNNING or clock.level is Level.NORMAL:
            return
        alert = (view.step.id, view.unit_index, clock.level.value)
        if alert in self._alerted:
            return
        self._alerted.add(alert)
        lang = self.lang
        warning = clock.level is Level.WARNING
        if view.phase is not None and not view.phase.round:
            # A phase's time belongs to whoever it gives the floor (the colleagues,
            # in the discussion), not to the focus person: the alert names the phase.
            key = "alert_warning_phase" if warning else "alert_zero_phase"
            message = s(key, lang, phase=view.phase.title)
        else:
            what = (view.focus.name if view.focus else "") or s("this_step", lang)
            message = s("alert_warning" if warning else "alert_zero", lang, what=what)
        if warning:
            self.notify(message, severity="warning", timeout=6)
        else:
            self.notify(message, severity="error", timeout=8)
        self.app.bell()

    def _show_save_status(self) -> None:
        status = getattr(self.app, "save_status", None)
        now = hhmm(self.workshop.now())
        if status is None or (not status.pending and status.error is None):
            line: tuple[str, str] = ("saved", now)
        elif status.error:
            line = ("error", status.error)
        else:
            line = ("saving", now)
        self._part("#save-status", line)
        self.query_one("#save-status").set_class(line[0] == "error", "-error")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A capture key works, and is in the footer, in the steps that ask for it;
        so does showing strengths and risks on the room's screen, while it is open."""
        if action == "show_findings":
            step = self.workshop.step
            room = cast("FacilitatorApp", self.app).room
            return room is not None and Capture.STRENGTHS_RISKS in step.captures
        capture = CAPTURE_ACTIONS.get(action)
        if capture is None:
            return True
        return capture in capturable(self.workshop.step)

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

    def action_show_findings(self) -> None:
        shown = self.workshop.toggle_findings_on_wall()
        self.notify(s("findings_shown" if shown else "findings_hidden", self.lang), timeout=4)
        self._after()

    async def action_room(self) -> None:
        """Open the room (the room's screen on this computer) if it is not open, and
        show its links; from there the phones can be let in, or the room closed."""
        from facilitator.tui.screens.room import RoomModal

        app = cast("FacilitatorApp", self.app)
        if app.room is None:
            await app.open_room(lan=False)
            self.refresh_bindings()  # `w` shows strengths and risks there now
        await app.push_screen(RoomModal(self.lang), lambda _: self.refresh_bindings())

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
        draft = self.workshop.session.draft
        if draft is None:
            return
        form = capture_forms.draft_form(self.workshop, self.lang, draft)
        self.open_form(form, restore=draft.values)
        self.notify(s("draft_restored", self.lang), timeout=8)

    def action_note(self) -> None:
        self.open_form(capture_forms.note_form(self.workshop, self.lang))

    def action_dilemma(self) -> None:
        self.open_form(capture_forms.dilemma_form(self.workshop, self.lang))

    def action_finding(self) -> None:
        self.open_form(capture_forms.finding_form(self.workshop, self.lang))

    def action_measure(self) -> None:
        self.open_form(capture_forms.measure_form(self.workshop, self.lang))

    def action_checkout(self) -> None:
        self.open_form(capture_forms.checkout_form(self.workshop, self.lang))

    def action_next_meeting(self) -> None:
        self.open_form(capture_forms.next_meeting_form(self.workshop, self.lang))

    def action_follow_up(self) -> None:
        if not to_follow_up(self.workshop.session):
            self.notify(s("nothing_to_follow_up", self.lang), timeout=4)
            return
        self.open_form(capture_forms.follow_up_form(self.workshop, self.lang))


