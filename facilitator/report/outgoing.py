"""What leaves the group: the content of a management summary, line by line.

The screen shows this list before it writes a management export, so the group
sees what it is about to send. It is read from the same `Summary` the renderers
use, so what is shown is what is written.
"""

from __future__ import annotations

from typing import NamedTuple

from facilitator.i18n import Lang
from facilitator.report.build import build_summary
from facilitator.report.model import Audience, MeasureEntry, Summary
from facilitator.report.words import dilemma_count, meeting_time, w
from facilitator.session.model import Session


class Outgoing(NamedTuple):
    kind: str
    """What the line is: title, unit, participants, times, strength, risk, theme,
    dilemma, measure, follow_up, note, checkout or next_meeting."""
    label: str
    """`kind` in words, in the summary's language."""
    text: str


def leaving_group(session: Session, lang: Lang | None = None) -> list[Outgoing]:
    """Exactly what a management export of `session` contains."""
    return outgoing(build_summary(session, Audience.MANAGEMENT, lang))


def outgoing(summary: Summary) -> list[Outgoing]:
    """Every piece of `summary` that says something about the session."""
    lang = summary.lang
    out: list[Outgoing] = []

    def add(kind: str, text: str) -> None:
        out.append(Outgoing(kind, w(f"kind_{kind}", lang), text))

    add("title", summary.title)
    if summary.unit:
        add("unit", summary.unit)
    count = w("present_count", lang, n=summary.present_count)
    if summary.participants is None:
        add("participants", f"{count} ({w('names_withheld', lang)})")
    else:
        add("participants", f"{count}: {', '.join(summary.participants)}")
    ran = sum(1 for s in summary.steps if s.actual_minutes is not None)
    add("times", w("times_line", lang, n=ran))
    for group in summary.findings:
        for kind, entries in (("strength", group.strengths), ("risk", group.risks)):
            for entry in entries:
                add(kind, f"{group.factor.label}: {entry.text}")
    for theme in summary.dilemma_themes:
        add("theme", f"{theme.factor.label}: {dilemma_count(theme.count, lang)}")
    for d in summary.dilemmas:
        add("dilemma", " – ".join(t for t in (d.title, d.text) if t))
    for m in summary.all_measures:
        add("measure", _measure_line(m, lang))
        for f in m.follow_ups:
            add(
                "follow_up", f"{m.what}: {f.at.isoformat()} {f.status_text} – {f.text}".rstrip(" –")
            )
    for n in summary.notes:
        add("note", f"{n.step_title}: {n.text}")
    for c in summary.checkouts:
        add("checkout", f"{c.question} {c.text}")
    if summary.next_meeting is not None:
        add("next_meeting", meeting_time(summary.next_meeting, lang))
    return out


def _measure_line(m: MeasureEntry, lang: Lang) -> str:
    parts = [m.what]
    if m.challenge:
        parts.append(m.challenge)
    if m.owner:
        parts.append(f"{w('col_owner', lang)}: {m.owner}")
    if m.deadline:
        parts.append(f"{w('col_deadline', lang)}: {m.deadline.isoformat()}")
    parts.append(m.status_text)
    return " · ".join(parts)
