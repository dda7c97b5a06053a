"""The evidence pack as a document (blocks: HTML to print, Markdown), in the order
an inspector reads it: what it shows, the sessions held, the factors covered
(a chart and a table), strengths and risks by factor, the register of measures,
and what it does not contain."""

from __future__ import annotations

from itertools import groupby

from facilitator.i18n import Lang
from facilitator.law import FACTORS
from facilitator.report.blocks import (
    Block,
    Document,
    Facts,
    Grid,
    Heading,
    Item,
    Items,
    Mark,
    Para,
    Table,
)
from facilitator.report.evidence import (
    EvidencePack,
    FoundItem,
    HeldSession,
    RegisterEntry,
    agenda_text,
    agreed_text,
    factor_name,
    roles_text,
    same_unit,
    short_day,
)
from facilitator.report.shared_exports import LeanFollowUp
from facilitator.report.summary_layout import follow_up_line
from facilitator.report.words import status_word, w
from facilitator.timefmt import long_date


def evidence_document(pack: EvidencePack) -> Document:
    lang = pack.lang
    title = w("ev_title", lang)
    period = f"{long_date(pack.start, lang)} – {long_date(pack.end, lang)}"
    blocks: list[Block] = [
        Heading(1, title),
        Para(
            w(
                "ev_subtitle",
                lang,
                start=long_date(pack.start, lang),
                end=long_date(pack.end, lang),
            )
        ),
        Para(w("ev_banner", lang), "banner"),
        Facts(_facts(pack)),
        Heading(2, w("ev_statement_heading", lang)),
        Para(pack.statement[0]),
        Items([Item(line) for line in pack.statement[1:]]),
        *_sessions(pack),
        *_factors(pack),
        *_findings(pack),
        *_register(pack),
        Heading(2, w("ev_not_included_heading", lang)),
        *(Para(line) for line in pack.not_included),
        Para(w("ev_source", lang, n=pack.summaries_used), "muted"),
    ]
    return Document(f"{title} – {period}", lang, blocks)


def _facts(pack: EvidencePack) -> list[tuple[str, str]]:
    lang = pack.lang
    rows = [
        (w("ev_period", lang), f"{short_day(pack.start, lang)} – {short_day(pack.end, lang)}"),
        (w("ev_units", lang), ", ".join(pack.units) or "–"),
        (w("ev_sessions", lang), str(len(pack.sessions))),
        (
            w("ev_register", lang),
            _counts(pack),
        ),
    ]
    return rows


def _counts(pack: EvidencePack) -> str:
    lang = pack.lang
    n = len(pack.register)
    return w(
        "ev_register_counts",
        lang,
        n=n,
        measures="measure" if n == 1 else "measures",
        overdue=pack.overdue,
        date=short_day(pack.as_of, lang),
    )


def _sessions(pack: EvidencePack) -> list[Block]:
    lang = pack.lang
    blocks: list[Block] = [Heading(2, w("ev_sessions", lang))]
    if not pack.sessions:
        return [*blocks, Para(w("ev_no_sessions", lang), "muted")]
    header = [
        w("ev_col_no", lang),
        w("date", lang),
        w("unit", lang),
        w("ev_col_agenda", lang),
        w("ev_col_present", lang),
        w("ev_col_roles", lang),
    ]
    rows = [
        [
            str(s.number),
            short_day(s.day, lang),
            s.unit,
            agenda_text(s, lang),
            str(s.present),
            roles_text(s.roles, lang),
        ]
        for s in pack.sessions
    ]
    # The number, the date and the count are figures: kept on one line, and the
    # table stays a table on paper (three columns of text).
    return [*blocks, Table(header, rows, numeric=frozenset({0, 1, 4}))]


SHORT: dict[str, str] = {p.value: f"short_{p.value}" for p in FACTORS}


def _marks(s: HeldSession, paragraph: object) -> frozenset[Mark]:
    marks: set[Mark] = set()
    if paragraph in s.paragraphs:
        marks.add("ring")
    if paragraph in s.mapped:
        marks.add("dot")
    if paragraph in s.agreed:
        marks.add("triangle")
    return frozenset(marks)


def _factors(pack: EvidencePack) -> list[Block]:
    lang = pack.lang
    blocks: list[Block] = [Heading(2, w("ev_factors_heading", lang))]
    if pack.sessions:
        blocks.append(Para(w("ev_grid_caption", lang), "muted"))
        legend: list[tuple[Mark, str]] = [
            ("ring", w("ev_mark_agenda", lang)),
            ("dot", w("ev_mark_mapped", lang)),
            ("triangle", w("ev_mark_measure", lang)),
        ]
        by_unit = sorted(pack.sessions, key=lambda s: (same_unit(s.unit), s.day, s.number))
        for _, group in groupby(by_unit, key=lambda s: same_unit(s.unit)):
            held = list(group)
            blocks += [
                Heading(3, held[0].unit or "–"),
                Grid(
                    rows=[w(SHORT[p.value], lang) for p in FACTORS],
                    columns=[(f"{s.day:%d.%m}", f"{s.day:%Y}") for s in held],
                    cells=[[_marks(s, p) for s in held] for p in FACTORS],
                    legend=legend,
                    caption=w("ev_grid_caption", lang),
                ),
            ]
    header = [
        w("ev_col_factor", lang),
        w("ev_col_on_agenda", lang),
        w("ev_col_mapped", lang),
        w("strengths", lang),
        w("risks", lang),
        w("ev_col_agreed", lang),
        w("ev_col_highest", lang),
    ]
    rows = [
        [
            factor_name(f.paragraph, lang),
            str(f.on_agenda),
            str(f.mapped),
            str(f.strengths),
            str(f.risks),
            str(f.agreed),
            str(f.highest_risk) if f.highest_risk is not None else "–",
        ]
        for f in pack.factors
    ]
    return [*blocks, Table(header, rows, numeric=frozenset(range(1, 7)))]


def _found(item: FoundItem, lang: Lang) -> Item:
    s = item.session
    kind = "kind_strength" if item.kind == "strength" else "kind_risk"
    return Item(item.text, title=w(kind, lang), meta=f"{s.unit} · {short_day(s.day, lang)}")


def _findings(pack: EvidencePack) -> list[Block]:
    lang = pack.lang
    blocks: list[Block] = [Heading(2, w("ev_findings_heading", lang))]
    order = {p: i for i, p in enumerate((*FACTORS, None))}
    found = sorted(
        pack.findings,
        key=lambda f: (order.get(f.factor, len(order)), f.kind != "risk", f.session.number),
    )
    scored: dict[object, list[RegisterEntry]] = {}
    for r in pack.register:
        if r.measure.risk is not None:
            scored.setdefault(r.measure.factor.paragraph, []).append(r)
    # One pass over the findings, not one per factor.
    by_factor: dict[object, list[Item]] = {}
    for f in found:
        by_factor.setdefault(f.factor, []).append(_found(f, lang))
    any_here = False
    for paragraph in (*FACTORS, None):
        items = by_factor.get(paragraph, [])
        scores = sorted(scored.get(paragraph, []), key=lambda r: -(r.measure.risk or 0))
        if not items and not scores:
            continue
        any_here = True
        blocks.append(Heading(3, factor_name(paragraph, lang)))
        if items:
            blocks.append(Items(items))
        if scores:
            blocks.append(
                Items(
                    [
                        Item(
                            r.measure.challenge or r.measure.what,
                            title=f"{w('ev_scores', lang)}: {_risk(r)}",
                            meta=f"{r.unit} · {short_day(r.latest_on, lang)}",
                        )
                        for r in scores
                    ]
                )
            )
    if not any_here:
        blocks.append(Para(w("none", lang), "muted"))
    return blocks


def _risk(r: RegisterEntry) -> str:
    m = r.measure
    return f"{m.risk} ({m.likelihood} × {m.consequence})" if m.risk else ""


def follow_up_text(f: LeanFollowUp, lang: Lang) -> str:
    """`13.04.2026 pågår: what was said (virket: delvis, nok: nei)`, as in the summary."""
    return follow_up_line(f, lang)


def status_text(r: RegisterEntry, lang: Lang) -> str:
    m = r.measure
    text = status_word(m.status, lang) + (f" {short_day(m.done_on, lang)}" if m.done_on else "")
    return f"{text} – {w('overdue', lang).upper()}" if r.overdue else text


def _register(pack: EvidencePack) -> list[Block]:
    lang = pack.lang
    blocks: list[Block] = [
        Heading(2, w("ev_register", lang)),
        Para(w("ev_register_scope", lang, date=short_day(pack.end, lang)), "muted"),
        Para(_counts(pack)),
    ]
    header = [
        w("col_measure", lang),
        w("col_challenge", lang),
        w("col_owner", lang),
        w("col_deadline", lang),
        w("col_status", lang),
        w("col_risk", lang),
        w("ev_col_agreed_in", lang),
        w("col_follow_up", lang),
        w("unit", lang),
    ]
    for paragraph, rows in groupby(pack.register, key=lambda r: r.measure.factor.paragraph):
        entries = list(rows)
        cells = [
            [
                r.measure.what,
                r.measure.challenge,
                r.measure.owner,
                short_day(r.measure.deadline, lang),
                status_text(r, lang),
                _risk(r),
                agreed_text(r, lang),
                "\n".join(follow_up_text(f, lang) for f in r.measure.follow_ups),
                r.unit,
            ]
            for r in entries
        ]
        blocks += [
            Heading(3, factor_name(paragraph, lang)),
            Table(header, cells, marked=[r.overdue for r in entries]),
        ]
    return blocks
