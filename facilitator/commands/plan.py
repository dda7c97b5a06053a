"""`facilitator plan`: the HMS action plan from every session in the workspace."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Literal

from facilitator.commands.export import export_time, refuse_binary_on_terminal, write_output
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
from facilitator.report.action_plan import StatusFilter, workspace_plan
from facilitator.report.html_page import render_html
from facilitator.report.markdown import render_markdown
from facilitator.report.model import Audience
from facilitator.report.plan_layout import plan_csv, plan_document
from facilitator.session.store import SessionStore
from facilitator.timefmt import parse_day as parse_typed_day

PlanFormat = Literal["md", "html", "csv", "xlsx"]


def parse_day(value: str | None, lang: Lang) -> date:
    """`2026-03-01` or `01.03.2026` as a date; today (local) when not given."""
    if not value:
        return date.today()
    try:
        return parse_typed_day(value)
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
    sources: list[str] | None = None,
) -> int:
    """The plan of the workspace's sessions or, given `sources`, of the management
    exports the units shared in those folders (never a session file there)."""
    day = parse_day(as_of, lang)
    refuse_binary_on_terminal(fmt, output, lang)
    if sources:
        if audience is Audience.GROUP:
            raise UserError(t("plan_sources_group", lang))
        from facilitator.commands.evidence import read_sources
        from facilitator.report.shared_exports import shared_plan

        read = read_sources(workspace, sources, lang)
        action_plan = shared_plan(read.sessions, day, lang, status, unit)
    else:
        action_plan = workspace_plan(workspace, day, lang, audience, status, unit)
    # A damaged file is not fatal: one line each, and the plan of the others.
    for problem in action_plan.problems:
        print(f"facilitator: {t('plan_skipped', lang, problem=problem)}", file=sys.stderr)
    content: str | bytes
    if fmt == "xlsx":
        # Imported here: openpyxl is slow to load, and only XLSX needs it.
        from facilitator.report.action_xlsx import plan_xlsx

        content = plan_xlsx(action_plan, export_time())
    elif fmt == "csv":
        content = plan_csv(action_plan)
    elif fmt == "html":
        content = render_html(plan_document(action_plan))
    else:
        content = render_markdown(plan_document(action_plan))
    store = SessionStore(workspace, lang)
    write_output(content, output, lang, store, personal=audience is Audience.GROUP)
    return 0
