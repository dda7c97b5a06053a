"""The session summary laid out as blocks (see `blocks.py`), in the order a reader
needs it: what the record documents, what the group found, what it agreed, what
it followed up, and then the details."""

from __future__ import annotations

from datetime import date
from itertools import groupby
from typing import Protocol

from facilitator.i18n import Lang
from facilitator.report.blocks import Block, Document, Facts, Heading, Item, Items, Para, Table
from facilitator.report.model import (
    Audience,
    MeasureEntry,
    NoteEntry,
    Summary,
)
from facilitator.report.words import (
    answers_text,
    dilemma_count,
    meeting_time,
    status_word,
    w,
)
from facilitator.session.model import Answer, MeasureStatus
from facilitator.timefmt import clock_text, long_date, short_date


def summary_document(s: Summary) -> Document:
    lang = s.lang
    group = s.audience is Audience.GROUP
    title = f"{w('title_group' if group else 'title_management', lang)}: {s.title}"
    blocks: list[Block] = [
        Heading(1, title),
        Para(w("banner_group" if group else "banner_management", lang), "banner"),
    ]
    if s.state != "finished":
        blocks.append(Para(w("draft", lang), "warning"))
    blocks.append(Facts(_facts(s)))
    blocks += [
        Heading(2, w("documents_group" if group else "documents_management", lang)),
        Para(s.documents[0]),
        Items([Item(line) for line in s.documents[1:]]),
    ]
    blocks += _findings(s)
    blocks += [Heading(2, w("measures", lang)), *measure_blocks(s.measures, lang)]
    blocks += [Heading(2, w("followed_up", lang)), *measure_blocks(s.followed_up, lang)]
    blocks += _dilemmas(s)
    blocks += _notes(s)
    blocks += _checkouts(s)
    blocks += _times(s)
    blocks.append(Para(w("source", lang, id=s.session_id), "muted"))
    return Document(title, lang, blocks)


def _none(lang: Lang) -> Para:
    return Para(w("none", lang), "muted")


def _group_only(shared: bool, lang: Lang) -> str:
    return "" if shared else w("group_only", lang)


def _meta(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def _facts(s: Summary) -> list[tuple[str, str]]:
    lang = s.lang
    people = w("present_count", lang, n=s.present_count)
    if s.participants is None:
        people += f" ({w('names_withheld', lang)})"
    elif s.participants:
        people += ": " + ", ".join(s.participants)
    rows = [(w("date", lang), long_date(s.date, lang, weekday=True))]
    if s.unit:
        rows.append((w("unit", lang), s.unit))
    rows += [
        (w("agenda", lang), f"{s.agenda_title} ({s.agenda_id})"),
        (w("participants", lang), people),
    ]
    if s.facilitator:
        rows.append((w("facilitator", lang), s.facilitator))
    if s.absent:
        rows.append((w("absent", lang), ", ".join(s.absent)))
    meeting = (
        meeting_time(s.next_meeting, lang, s.time_zone) if s.next_meeting else w("not_set", lang)
    )
    rows.append((w("next_meeting", lang), meeting))
    return rows


def _section(title: str, lang: Lang, parts: list[tuple[str, list[Item]]]) -> list[Block]:
    """A section of lists under sub-headings, or "None." when it has nothing."""
    blocks: list[Block] = [Heading(2, title)]
    if not parts:
        return [*blocks, _none(lang)]
    for heading, items in parts:
        blocks += [Heading(3, heading), Items(items)]
    return blocks


def _findings(s: Summary) -> list[Block]:
    lang = s.lang
    parts = []
    for group in s.findings:
        kinds = (("kind_strength", group.strengths), ("kind_risk", group.risks))
        items = [
            Item(f.text, title=w(kind, lang), meta=_group_only(f.shared, lang))
            for kind, entries in kinds
            for f in entries
        ]
        parts.append((group.factor.label, items))
    return _section(w("findings", lang), lang, parts)


def measure_blocks(entries: list[MeasureEntry], lang: Lang) -> list[Block]:
    """A table of measures, with the columns for risk, follow-ups and origin only
    when some measure has them."""
    if not entries:
        return [_none(lang)]
    with_risk = any(m.risk is not None for m in entries)
    with_follow_ups = any(m.follow_ups for m in entries)
    carried = any(m.agreed_on or m.carried_from for m in entries)
    keys = ("col_measure", "col_challenge", "col_factor", "col_owner", "col_deadline")
    header = [w(k, lang) for k in (*keys, "col_status")]
    header += [w("col_risk", lang)] * with_risk
    header += [w("col_follow_up", lang)] * with_follow_ups
    header += [w("col_agreed_in", lang)] * carried
    rows = []
    for m in entries:
        what = m.what if m.shared else f"{m.what}\n({w('group_only', lang)})"
        row = [what, m.challenge, m.factor.label, m.owner, short_date(m.deadline, lang)]
        row.append(status_cell(m, lang))
        if with_risk:
            row.append(risk_cell(m))
        if with_follow_ups:
            row.append("\n".join(follow_up_line(f, lang) for f in m.follow_ups))
        if carried:
            row.append(agreed_in(m, lang))
        rows.append(row)
    return [Table(header, rows)]


def agreed_in(m: MeasureEntry, lang: Lang) -> str:
    """The session that agreed a measure followed up here, by its date: `19.01.2026`
    (under the heading "Avtalt i økt"), never by an id or a fingerprint."""
    if m.agreed_on is not None:
        return short_date(m.agreed_on, lang)
    return w("earlier_session", lang) if m.carried_from else ""


def status_cell(m: MeasureEntry, lang: Lang) -> str:
    """`utført 02.02.2026`, `planlagt`."""
    return m.status_text + (f" {short_date(m.done_on, lang)}" if m.done_on else "")


def risk_cell(m: MeasureEntry) -> str:
    """`12 (4 × 3)`: the risk, likelihood × consequence; empty when not scored."""
    return f"{m.risk} ({m.likelihood} × {m.consequence})" if m.risk else ""


class _FollowUp(Protocol):
    """A follow-up of a measure, in a summary or in a shared export (read only)."""

    @property
    def at(self) -> date: ...
    @property
    def status(self) -> MeasureStatus: ...
    @property
    def text(self) -> str: ...
    @property
    def worked(self) -> Answer | None: ...
    @property
    def enough(self) -> Answer | None: ...


def follow_up_line(f: _FollowUp, lang: Lang) -> str:
    """`13.04.2026 pågår: what was said (virket: delvis, nok: nei)` for one follow-up:
    in the summary, the plan and the evidence pack alike."""
    line = f"{short_date(f.at, lang)} {status_word(f.status, lang)}"
    if f.text:
        line += f": {f.text}"
    answered = answers_text(f.worked, f.enough, lang)
    return f"{line} ({answered})" if answered else line


def _dilemmas(s: Summary) -> list[Block]:
    lang = s.lang
    group = s.audience is Audience.GROUP
    blocks: list[Block] = [Heading(2, w("dilemmas", lang)), Heading(3, w("themes", lang))]
    themes = [Item(f"{t.factor.label}: {dilemma_count(t.count, lang)}") for t in s.dilemma_themes]
    blocks.append(Items(themes) if themes else _none(lang))
    blocks.append(Heading(3, w("each_dilemma" if group else "shared_dilemmas", lang)))
    items = []
    for d in s.dilemmas:
        meta = _meta(
            w("brought_by", lang, name=d.owner) if d.owner else None,
            *(f.label for f in d.factors),
            w("hr_hint", lang) if d.hr_hint else None,
            _group_only(d.shared, lang),
        )
        items.append(Item(d.text, title=d.title, meta=meta))
    blocks.append(Items(items) if items else _none(lang))
    return blocks


def _note_meta(n: NoteEntry, lang: Lang) -> str:
    kind = {"focus_notes": w("focus_notes", lang), "takeaway": w("takeaway", lang)}
    return _meta(
        n.phase_title,
        w("in_focus", lang, name=n.person) if n.person else None,
        kind.get(n.kind.value),
        *(f.label for f in n.factors),
        _group_only(n.shared, lang),
    )


def _notes(s: Summary) -> list[Block]:
    lang = s.lang
    by_step = groupby(s.notes, key=lambda n: (n.step_id, n.step_title))
    parts = [
        (title, [Item(n.text, meta=_note_meta(n, lang)) for n in notes])
        for (_, title), notes in by_step
    ]
    return _section(w("notes", lang), lang, parts)


def _checkouts(s: Summary) -> list[Block]:
    lang = s.lang
    by_question = groupby(
        sorted(s.checkouts, key=lambda c: c.question_number), key=lambda c: c.question
    )
    parts = [
        (q, [Item(c.text, meta=_meta(c.person, _group_only(c.shared, lang))) for c in answers])
        for q, answers in by_question
    ]
    return _section(w("checkouts", lang), lang, parts)


def _minutes(value: float | None) -> str:
    return "–" if value is None else str(round(value))


def _times(s: Summary) -> list[Block]:
    lang = s.lang
    rows = [[t.title, str(t.planned_minutes), _minutes(t.actual_minutes)] for t in s.steps]
    rows.append([w("total", lang), str(s.planned_minutes), _minutes(s.actual_minutes)])
    header = [w("col_step", lang), w("col_planned", lang), w("col_actual", lang)]
    blocks: list[Block] = [Heading(2, w("time", lang)), Table(header, rows, frozenset({1, 2}))]
    spoken = [t for t in s.steps if t.airtime]
    if spoken:
        names = list(dict.fromkeys(p.name for t in spoken for p in t.airtime))
        table_rows = []
        for t in spoken:
            seconds = {p.name: p.seconds for p in t.airtime}
            table_rows.append(
                [t.title, *(clock_text(seconds[n]) if n in seconds else "–" for n in names)]
            )
        numeric = frozenset(range(1, len(names) + 1))
        blocks += [
            Heading(3, w("airtime", lang)),
            Table([w("col_step", lang), *names], table_rows, numeric),
        ]
    return blocks
