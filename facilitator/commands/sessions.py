"""`facilitator sessions`: what is in the workspace."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text

from facilitator.commands.output import console
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
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
            broken = Text(t("state_broken", lang), style="red")
            table.add_row("", broken, "", "", "", Text(e.path.name))
            continue
        # Text, not str: a title like "Plan [/b]" is what someone typed, not markup.
        table.add_row(
            s.date.isoformat(),
            Text(s.title),
            Text(s.unit),
            t(f"state_{s.state}", lang),
            str(len(s.present)),
            Text(e.path.name),
        )
    out.print(table)
    for e in entries:
        if e.problem:
            # One line a file, whatever the width, and the problem (which may quote
            # the file's content) printed as it is.
            line = Text.assemble(("!", "yellow"), " ", e.problem)
            out.print(line, highlight=False, soft_wrap=True)
    return 0
