"""`facilitator evidence`: the evidence pack for a period, from the management
exports units shared (folders given as SOURCE) or from the workspace's sessions."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from facilitator.commands.export import refuse_binary_on_terminal, write_output
from facilitator.commands.plan import parse_day
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
from facilitator.report.shared_exports import SharedRead, read_folders, read_workspace_shared
from facilitator.session.store import SessionStore
from facilitator.timefmt import short_date

EvidenceFormat = Literal["html", "xlsx", "json", "md"]


def read_sources(workspace: Path, sources: list[str], lang: Lang) -> SharedRead:
    """The shared folders `sources`, or the workspace when none is given; each file
    skipped is one line on stderr."""
    if sources:
        folders = [Path(s).expanduser() for s in sources]
        for folder in folders:
            if not folder.is_dir():
                raise UserError(t("source_not_folder", lang, path=folder))
        read = read_folders(folders, lang)
    else:
        read = read_workspace_shared(workspace, lang)
    for problem in read.skipped:
        print(f"facilitator: {t('plan_skipped', lang, problem=problem)}", file=sys.stderr)
    return read


def period(start: str | None, end: str | None, lang: Lang) -> tuple[date, date]:
    """The period's first and last day: `--to` or today; `--from` or a year before."""
    last = parse_day(end, lang)
    if start:
        first = parse_day(start, lang)
    else:
        try:
            first = last.replace(year=last.year - 1) + timedelta(days=1)
        except ValueError:  # 29 February
            first = last - timedelta(days=365)
    if first > last:
        raise UserError(
            t("evidence_backwards", lang, start=short_date(first, lang), end=short_date(last, lang))
        )
    return first, last


def evidence(
    workspace: Path,
    lang: Lang,
    sources: list[str],
    start: str | None,
    end: str | None,
    unit: str | None,
    fmt: EvidenceFormat,
    output: str | None,
) -> int:
    first, last = period(start, end, lang)
    refuse_binary_on_terminal(fmt, output, lang)
    read = read_sources(workspace, sources, lang)
    content = render_pack(read, first, last, lang, unit, fmt)
    write_output(content, output, lang, SessionStore(workspace, lang))
    return 0


def render_pack(
    read: SharedRead,
    first: date,
    last: date,
    lang: Lang,
    unit: str | None,
    fmt: EvidenceFormat,
    today: date | None = None,
) -> str | bytes:
    from facilitator.report.shared_exports import paused_gc

    with paused_gc():
        return _render(read, first, last, lang, unit, fmt, today or date.today())


def _render(
    read: SharedRead,
    first: date,
    last: date,
    lang: Lang,
    unit: str | None,
    fmt: EvidenceFormat,
    today: date,
) -> str | bytes:
    from facilitator.report.evidence import build_pack, render_pack_json

    pack = build_pack(read.sessions, first, last, lang, unit, today)
    if fmt == "json":
        return render_pack_json(pack)
    if fmt == "xlsx":
        # Imported here: openpyxl is slow to load, and only XLSX needs it.
        from facilitator.commands.export import export_time
        from facilitator.report.evidence_xlsx import evidence_xlsx

        return evidence_xlsx(pack, export_time())
    from facilitator.report.evidence_layout import evidence_document

    if fmt == "md":
        from facilitator.report.markdown import render_markdown

        return render_markdown(evidence_document(pack))
    from facilitator.report.html_page import render_html

    return render_html(evidence_document(pack))
