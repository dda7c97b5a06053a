"""The HMS action plan as a document (Markdown or HTML) and as CSV."""

from __future__ import annotations

from facilitator.report.action_csv import plan_extra_columns, plan_values, render_csv
from facilitator.report.action_plan import ActionPlan
from facilitator.report.blocks import Block, Document, Heading, Para, Table
from facilitator.report.model import Audience
from facilitator.report.summary_layout import follow_up_line, risk_cell, status_cell
from facilitator.report.words import w
from facilitator.timefmt import long_date, short_date


def plan_document(plan: ActionPlan) -> Document:
    lang = plan.lang
    title = w("plan_title", lang)
    scope = [
        w("plan_scope_shared" if plan.audience is Audience.MANAGEMENT else "plan_scope_all", lang)
    ]
    if plan.status == "open":
        scope.append(w("plan_scope_open", lang))
    if plan.unit:
        scope.append(w("plan_unit", lang, unit=plan.unit))
    blocks: list[Block] = [
        Heading(1, title),
        Para(w("plan_subtitle", lang, date=long_date(plan.as_of, lang))),
        Para(" ".join(scope), "muted"),
    ]
    n = len(plan.rows)
    measures = "measure" if n == 1 else "measures"
    counts = w("plan_counts", lang, n=n, measures=measures, overdue=plan.overdue)
    blocks.append(Para(counts) if n else Para(w("plan_empty", lang), "muted"))
    keys = ("col_measure", "col_challenge", "col_owner", "col_deadline", "col_status")
    header = [w(k, lang) for k in (*keys, "col_risk", "col_follow_up", "col_source")]
    for factor, rows in plan.groups():
        cells = []
        for r in rows:
            m = r.entry
            status = status_cell(m, lang)
            if r.overdue:
                status += f" – {w('overdue', lang).upper()}"
            cells.append(
                [
                    m.what,
                    m.challenge,
                    m.owner,
                    short_date(m.deadline, lang),
                    status,
                    risk_cell(m),
                    "\n".join(follow_up_line(f, lang) for f in m.follow_ups),
                    r.source,
                ]
            )
        blocks += [
            Heading(2, factor.label),
            Table(header, cells, marked=[r.overdue for r in rows]),
        ]
    return Document(f"{title} – {long_date(plan.as_of, lang)}", lang, blocks)


def plan_csv(plan: ActionPlan) -> str:
    """The action plan's columns, then the source session and whether it is overdue."""
    lang = plan.lang
    rows = (plan_values(r, lang) for r in plan.rows)
    return render_csv(rows, lang, plan_extra_columns(lang))
