"""`facilitator plan`: the HMS action plan from every session in the workspace."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Literal

from facilitator.commands.export import write_output
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.messages import t
from facilitator.report.action_plan import StatusFilter, workspace_plan
from facilitator.report.html_page import render_html
from facilitator.report.markdown import render_markdown
from facilitator.report.model import Audience
from facilitator.report.plan_layout import plan_csv, plan_document
from facilitator.session.store import SessionStore

PlanFormat = Literal["md", "html", "csv"]


def parse_day(value: str | None, lang: Lang) -> date:
    """`2026-03-01` as a date; today (local) when not given."""
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UserError(t("bad_date", lang, value=value)) from None


def plan(
    workspace: Path,
    lang: Lang,
    fmt: PlanFormat,
    status: StatusFilter,
    unit: str | None,
    audience: Audience,
    as_of: str | None,
    output: str | None,
) -> int:
    day = parse_day(as_of, lang)
    action_plan = workspace_plan(workspace, day, lang, audience, status, unit)
    # A damaged file is not fatal: one line each, and the plan of the others.
    for problem in action_plan.problems:
        print(f"facilitator: {t('plan_skipped', lang, problem=problem)}", file=sys.stderr)
    if fmt == "csv":
        text = plan_csv(action_plan)
    elif fmt == "html":
        text = render_html(plan_document(action_plan))
    else:
        text = render_markdown(plan_document(action_plan))
    store = SessionStore(workspace, lang)
    write_output(text, output, lang, store, personal=audience is Audience.GROUP)
    return 0
