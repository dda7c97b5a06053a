"""`facilitator sessions`: what is in the workspace."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table

from facilitator.commands.output import console
from facilitator.i18n import Lang
from facilitator.messages import t
from facilitator.session.store import SessionStore


def list_sessions(workspace: Path, lang: Lang) -> int:
    store = SessionStore(workspace, lang)
    out = console()
    out.print(t("workspace", lang, path=workspace), markup=False)
    entries = store.entries()
    if not entries:
        out.print(t("no_sessions", lang, path=store.folder), markup=False)
        return 0
    table = Table()
    for key in ("col_date", "col_title", "col_unit", "col_state", "col_people", "col_file"):
        table.add_column(t(key, lang))
    for e in entries:
        s = e.session
        if s is None:
            table.add_row("", f"[red]{t('state_broken', lang)}[/]", "", "", "", e.path.name)
            continue
        table.add_row(
            s.date.isoformat(),
            s.title,
            s.unit,
            t(f"state_{s.state}", lang),
            str(len(s.present)),
            e.path.name,
        )
    out.print(table)
    for e in entries:
        if e.problem:
            out.print(f"[yellow]![/] {e.problem}", highlight=False)
    return 0
