"""How the run screen draws each part of the workshop's read model.

Plain functions from a part to `Content`: they only lay out what the read model
says (no rule of the workshop is decided here). Colours are the theme's variables
(`$success`, `$warning`, `$error`), so the palette's themes recolour the screen;
what the facilitator typed goes in as plain text, never as markup."""

from __future__ import annotations

from textual.content import Content

from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.stepclock import Status
from facilitator.workshop_view import (
    CapturedLine,
    ClockPart,
    CuePart,
    DilemmaPart,
    FocusPart,
    FollowUpLine,
    PersonLine,
    PersonState,
    PhasePart,
    ProgressPart,
    SlotPart,
    StepPart,
)

HEADING = "bold underline"


def _listed(heading: str, items: tuple[str, ...], numbered: bool) -> Content | str:
    if not items:
        return ""
    parts: list[str | tuple[str, str]] = [(heading + "\n", HEADING)]
    for n, item in enumerate(items, 1):
        parts.append((f"{n}. ", "bold") if numbered else "• ")
        parts.append(item + "\n")
    return Content.assemble(*parts)


def questions(step: StepPart, lang: Lang) -> Content | str:
    return _listed(s("questions", lang), step.questions, numbered=True)


def process(step: StepPart, lang: Lang) -> Content | str:
    return _listed(s("process", lang), step.process, numbered=False)


def phase_box(phase: PhasePart) -> Content:
    parts: list[str | tuple[str, str]] = [(phase.heading + "\n", "bold")]
    if phase.rule:
        parts.append(phase.rule + "\n")
    parts.append((phase.floor, "italic"))
    parts.extend("\n• " + q for q in phase.questions)
    return Content.assemble(*parts)


def cue(part: CuePart) -> str:
    return part.text


def dilemma(part: DilemmaPart, lang: Lang) -> Content:
    parts: list[str | tuple[str, str]] = [
        (s("dilemma_of", lang, title=part.title or "…"), "bold")
    ]
    if part.text:
        parts.append("\n" + part.text)
    if part.hr_hint:
        parts.append(("\n" + s("hr_hint", lang), "italic $warning"))
    return Content.assemble(*parts)


def follow_up(lines: tuple[FollowUpLine, ...], lang: Lang) -> Content | str:
    if not lines:
        return ""
    parts: list[str | tuple[str, str]] = [(s("follow_up_list", lang) + "\n", HEADING)]
    for n, line in enumerate(lines, 1):
        parts += [(f"{n}. ", "bold"), line.label]
        if line.done_here:
            parts.append((f"  ✓ {s('followed_up_here', lang)}: {line.status}\n", "$success"))
        else:
            parts.append((f"  ({line.status}, {s('not_yet', lang)})\n", "dim"))
    return Content.assemble(*parts)


def captured(part: tuple[tuple[CapturedLine, ...], bool], lang: Lang) -> Content:
    """What was captured in the step; says so when its strengths and risks are on
    the room's screen."""
    lines, on_wall = part
    parts: list[str | tuple[str, str]] = [(s("captured_here", lang), HEADING)]
    if on_wall:
        parts.append((f"  ◉ {s('findings_on_wall', lang)}", "bold $warning"))
    parts.append("\n")
    if not lines:
        parts.append((s("nothing_captured", lang), "dim"))
    for line in lines:
        tag = s("shared", lang) if line.shared else s("group_only", lang)
        parts += [line.text, (f"  [{tag}]\n", "dim")]
    return Content.assemble(*parts)


def session_title(
    title: str, unit: str, step: tuple[int, int], facilitator: str, lang: Lang
) -> Content:
    parts: list[str | tuple[str, str]] = [(title, "bold")]
    if unit:
        parts.append(f" · {unit}")
    parts.append(f" · {s('step_of', lang, n=step[0] + 1, total=step[1])}")
    if facilitator:
        parts.append((f" · {s('facilitator_is', lang, name=facilitator)}", "dim"))
    return Content.assemble(*parts)


def progress(part: ProgressPart) -> Content:
    parts: list[str | tuple[str, str]] = []
    for i, title in enumerate(part.titles):
        if i < part.index:
            parts.append((f" {i + 1} ", "$background on $success"))
        elif i == part.index:
            parts.append((f" {i + 1} {title} ", "bold $background on $warning"))
        else:
            parts.append((f" {i + 1} ", "dim"))
        parts.append(" ")
    return Content.assemble(*parts)


def who(focus: tuple[FocusPart, bool], lang: Lang) -> Content:
    """Who is in focus; marked when it is the facilitator (who then hands over)."""
    part, facilitator = focus
    parts: list[str | tuple[str, str]] = [(f"{part.label}: ", "dim"), (part.name, "bold")]
    if facilitator:
        parts.append((f" ({s('facilitator_mark', lang)})", "dim"))
    return Content.assemble(*parts)


def timer_label(clock: ClockPart) -> Content:
    style = "bold" if clock.complete or clock.over else ""
    if clock.status is Status.NOT_STARTED and not clock.complete:
        style = "italic"
    return Content.assemble((clock.label, style))


def people(lines: tuple[PersonLine, ...]) -> Content:
    marks = {
        PersonState.FOCUS: ("▶", "bold reverse"),
        PersonState.ABSENT: ("–", "dim strike"),
        PersonState.PASSED: ("↷", "dim"),
        PersonState.SPOKEN: ("✓", ""),
        PersonState.WAITING: (" ", ""),
    }
    parts: list[str | tuple[str, str]] = []
    for line in lines:
        mark, style = marks[line.state]
        parts += [(f"{mark} {line.name}", style), (f" {line.note}\n" if line.note else "\n", "dim")]
    return Content.assemble(*parts)


def plan(slot: SlotPart, lang: Lang) -> Content:
    parts: list[str | tuple[str, str]] = [
        (f"{s('plan_planned', lang)}: {slot.planned_end}\n", "dim"),
        f"{s('plan_projected', lang)}: ",
        (f"{slot.projected_end}\n", "bold"),
        (slot.status_line, "bold $warning" if slot.behind_minutes > 0 else "$success"),
    ]
    if slot.slot_line:
        over = slot.margin_minutes is not None and slot.margin_minutes < 0
        parts += ["\n", (slot.slot_line, "bold $error" if over else "$success")]
    return Content.assemble(*parts)
