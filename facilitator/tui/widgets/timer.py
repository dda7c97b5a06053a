"""The timer panel: who has the floor, the big countdown, the step's time,
the people, and where the group stands against the booked slot."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from facilitator.agenda.model import StepKind
from facilitator.i18n import Lang
from facilitator.stepclock import Level, Reading, Status
from facilitator.timefmt import clock_text, hhmm
from facilitator.tui.strings import s
from facilitator.tui.widgets.bigtimer import BigTimer
from facilitator.workshop import Workshop

LEVEL_CLASSES = {Level.NORMAL: "-normal", Level.WARNING: "-warning", Level.OVERTIME: "-overtime"}


class TimerPanel(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="who")
        yield Digits("0:00", id="timer")
        yield BigTimer(id="bigtimer")
        yield Static(id="timer-label")
        yield Static(id="step-time")
        yield Static(id="people")
        yield Static(id="plan")

    def show(self, workshop: Workshop, reading: Reading, lang: Lang) -> None:
        person = workshop.name(reading.person)
        who = self.query_one("#who", Static)
        if person and not reading.complete:
            # In peer supervision the focus person mostly listens: "has the floor" would
            # be wrong in the phases where the colleagues talk.
            supervision = workshop.step.kind is StepKind.PER_PARTICIPANT
            label = "focus" if supervision else "in_focus"
            line = Text.assemble((f"{s(label, lang)}: ", "dim"), (person, "bold"))
            if supervision and reading.person == workshop.session.facilitator:
                # The run screen says that someone else keeps the time meanwhile.
                line.append(f" ({s('facilitator_mark', lang)})", style="dim")
            who.update(line)
        else:
            who.update("")
        who.set_class(not person, "-empty")

        digits = self.query_one("#timer", Digits)
        over = (
            reading.unit_remaining <= 0
            and reading.status is not Status.NOT_STARTED
            and not reading.complete  # everyone passed: the round ended early
        )
        value = clock_text(reading.unit_remaining)
        digits.update(f"+{value}" if over else value)
        big = self.query_one(BigTimer)
        big.update(f"+{value}" if over else value)
        for level, cls in LEVEL_CLASSES.items():
            digits.set_class(
                reading.unit_level is level and reading.status is not Status.NOT_STARTED, cls
            )
        digits.set_class(reading.status is Status.PAUSED, "-paused")
        for cls in LEVEL_CLASSES.values():
            big.set_class(digits.has_class(cls), cls)
        big.set_class(reading.status is Status.PAUSED, "-paused")

        label = self.query_one("#timer-label", Static)
        planned = clock_text(reading.unit_planned)
        if reading.complete:
            label.update(Text(s("round_complete", lang), style="bold"))
        elif reading.status is Status.NOT_STARTED:
            label.update(Text(s("timer_not_started", lang), style="italic"))
        elif over:
            label.update(Text(s("timer_over", lang, planned=planned), style="bold"))
        else:
            text = s("timer_left", lang, planned=planned)
            if reading.status is Status.PAUSED:
                text = f"{s('timer_paused', lang)} · {text}"
            label.update(text)

        step_time = self.query_one("#step-time", Static)
        if reading.unit_count > 1:
            total = clock_text(reading.planned)
            if reading.remaining >= 0:
                step_time.update(
                    s("step_time", lang, left=clock_text(reading.remaining), planned=total)
                )
            else:
                step_time.update(
                    s("step_time_over", lang, over=clock_text(reading.remaining), planned=total)
                )
        else:
            step_time.update("")

        self.query_one("#people", Static).update(self._people(workshop, reading, lang))
        self.query_one("#plan", Static).update(self._plan(workshop, lang))

    def _people(self, workshop: Workshop, reading: Reading, lang: Lang) -> Text:
        text = Text()
        for p in workshop.session.participants:
            if p.id == reading.person:
                mark, style = "▶", "bold reverse"
            elif not p.present:
                mark, style = "–", "dim strike"
            elif p.id in reading.passed:
                mark, style = "↷", "dim"
            elif reading.airtime.get(p.id, 0) > 0:
                mark, style = "✓", ""
            else:
                mark, style = " ", ""
            line = f"{mark} {p.name}"
            extra = ""
            if not p.present:
                extra = f" ({s('absent', lang)})"
            elif p.id in reading.passed:
                extra = f" ({s('passed', lang)})"
            elif reading.airtime.get(p.id, 0) > 0:
                extra = f" {clock_text(reading.airtime[p.id])}"
            text.append(line, style=style)
            text.append(extra + "\n", style="dim")
        return text

    def _plan(self, workshop: Workshop, lang: Lang) -> Text:
        projection = workshop.projection()
        text = Text()
        text.append(f"{s('plan_planned', lang)}: {hhmm(projection.planned_end)}\n", style="dim")
        text.append(f"{s('plan_projected', lang)}: ")
        text.append(f"{hhmm(projection.projected_end)}\n", style="bold")
        behind = round(projection.behind_plan_minutes)
        if behind > 0:
            text.append(s("plan_behind", lang, minutes=behind), style="bold yellow")
        elif behind < 0:
            text.append(s("plan_ahead", lang, minutes=-behind), style="green")
        else:
            text.append(s("plan_on_time", lang), style="green")
        margin = projection.margin_minutes
        if margin is not None and projection.booked_end is not None:
            end = hhmm(projection.booked_end)
            text.append("\n")
            if margin >= 0:
                text.append(s("slot_margin", lang, minutes=round(margin), end=end), style="green")
            else:
                text.append(s("slot_over", lang, minutes=round(-margin), end=end), style="bold red")
        return text
