"""What leaves the group: the content of a management summary, line by line.

The screen shows this list before it writes a management export, so the group
sees what it is about to send. It is read from the same `Summary` the renderers
use, so what is shown is what is written.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from facilitator.i18n import Lang
from facilitator.report.build import build_summary
from facilitator.report.model import Audience, MeasureEntry, Summary
from facilitator.report.words import dilemma_count, meeting_time, w
from facilitator.session.model import Session
from facilitator.textcheck import looks_like_a_name, mentions_health
from facilitator.timefmt import short_date

Flag = Literal["name", "health"]


class Outgoing(NamedTuple):
    kind: str
    """What the line is: title, unit, participants, times, strength, risk, theme,
    dilemma, measure, follow_up, note, checkout or next_meeting."""
    label: str
    """`kind` in words, in the summary's language."""
    text: str
    flags: tuple[Flag, ...] = ()
    """What the facilitator should look at before it leaves: the text seems to name
    someone (other than a measure's owner, who is named on purpose), or to mention
    health."""


def flags_of(text: str, owner: str = "", names: bool = True) -> tuple[Flag, ...]:
    found: list[Flag] = []
    if names and looks_like_a_name(text, (owner,) if owner else ()):
        found.append("name")
    if mentions_health(text):
        found.append("health")
    return tuple(found)


def leaving_group(session: Session, lang: Lang | None = None) -> list[Outgoing]:
    """Exactly what a management export of `session` contains."""
    return outgoing(build_summary(session, Audience.MANAGEMENT, lang))


def outgoing(summary: Summary) -> list[Outgoing]:
    """Every piece of `summary` that says something about the session."""
    lang = summary.lang
    out: list[Outgoing] = []

    def add(kind: str, text: str, checked: str, owner: str = "", names: bool = True) -> None:
        """A line; `checked` is the part of it typed by people (what the flags read)."""
        flags = flags_of(checked, owner, names)
        out.append(Outgoing(kind, w(f"kind_{kind}", lang), text, flags))

    # The title and the unit name an organisation ("Ledergruppe Helse Øst"), which the
    # name rule would flag every time: read for health only (participants' names in
    # them are replaced already, as everywhere).
    add("title", summary.title, summary.title, names=False)
    if summary.unit:
        add("unit", summary.unit, summary.unit, names=False)
    count = w("present_count", lang, n=summary.present_count)
    if summary.participants is None:
        add("participants", f"{count} ({w('names_withheld', lang)})", "")
    else:
        add("participants", f"{count}: {', '.join(summary.participants)}", "")
    ran = sum(1 for s in summary.steps if s.actual_minutes is not None)
    add("times", w("times_line", lang, n=ran), "")
    for group in summary.findings:
        for kind, entries in (("strength", group.strengths), ("risk", group.risks)):
            for entry in entries:
                add(kind, f"{group.factor.label}: {entry.text}", entry.text)
    for theme in summary.dilemma_themes:
        add("theme", f"{theme.factor.label}: {dilemma_count(theme.count, lang)}", "")
    for d in summary.dilemmas:
        text = " – ".join(t for t in (d.title, d.text) if t)
        add("dilemma", text, text)
    for m in summary.all_measures:
        typed = "\n".join((m.what, m.challenge, m.owner))
        add("measure", _measure_line(m, lang), typed, owner=m.owner)
        for f in m.follow_ups:
            line = f"{m.what}: {short_date(f.at, lang)} {f.status_text} – {f.text}".rstrip(" –")
            add("follow_up", line, f.text)
    for n in summary.notes:
        add("note", f"{n.step_title}: {n.text}", n.text)
    for c in summary.checkouts:
        add("checkout", f"{c.question} {c.text}", c.text)
    if summary.next_meeting is not None:
        add("next_meeting", meeting_time(summary.next_meeting, lang, summary.time_zone), "")
    return out


def _measure_line(m: MeasureEntry, lang: Lang) -> str:
    parts = [m.what]
    if m.challenge:
        parts.append(m.challenge)
    if m.owner:
        parts.append(f"{w('col_owner', lang)}: {m.owner}")
    if m.deadline:
        parts.append(f"{w('col_deadline', lang)}: {short_date(m.deadline, lang)}")
    parts.append(m.status_text)
    if m.risk is not None:
        parts.append(f"{w('col_risk', lang)}: {m.risk} ({m.likelihood} × {m.consequence})")
    if m.agreed_on is not None:
        parts.append(w("agreed_in_session", lang, date=short_date(m.agreed_on, lang)))
    return " · ".join(parts)
