"""`facilitator agenda list|show|validate|schema` (`series` and `new` have modules of their own)."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from pathlib import Path

from rich import box
from rich.table import Table
from rich.text import Text

from facilitator.agenda.coverage import short_refs
from facilitator.agenda.model import StepKind
from facilitator.agenda.registry import AgendaEntry, list_agendas, load_agenda, load_agenda_path
from facilitator.commands.output import console, err_console
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
from facilitator.limits import MAX_PARTICIPANTS
from facilitator.schedule import plan
from facilitator.tomlfile import FileProblem

_HHMM = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_hhmm(value: str, lang: Lang) -> time:
    """`09:00` (or `9.00`) as a time of day."""
    m = _HHMM.match(value.strip())
    if not m:
        raise UserError(t("bad_time", lang, value=value))
    return time(int(m.group(1)), int(m.group(2)))


def parse_clock_time(value: str, lang: Lang, base: datetime | None = None) -> datetime:
    """`09:00` today in local time (or on the day of `base`)."""
    at = parse_hhmm(value, lang)
    day = base or datetime.now().astimezone()
    return day.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)


def check_participants(participants: int, lang: Lang) -> None:
    if not 1 <= participants <= MAX_PARTICIPANTS:
        raise UserError(t("bad_participants", lang, most=MAX_PARTICIPANTS, value=participants))


def _fmt_share(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def agenda_show(
    workspace: Path, ref: str, participants: int, start: str | None, end: str | None, lang: Lang
) -> int:
    check_participants(participants, lang)
    agenda = load_agenda(ref, workspace, lang)
    now = datetime.now().astimezone()
    begin = parse_clock_time(start, lang) if start else now.replace(second=0, microsecond=0)
    booked_end = None
    if end:
        booked_end = parse_clock_time(end, lang, begin)
        if booked_end <= begin:
            booked_end += timedelta(days=1)
    schedule = plan(agenda, participants, begin, booked_end)

    # Text, never markup: a title may hold "[/b]", which is text like any other
    table = Table(
        title=Text(t("schedule_title", lang, title=agenda.title.get(lang), n=participants)),
        title_justify="left",
    )
    table.add_column("#", justify="right", style="dim")
    table.add_column(t("col_step", lang))
    table.add_column(t("col_start", lang))
    table.add_column(t("col_end", lang))
    table.add_column(t("col_minutes", lang), justify="right")
    table.add_column("", style="dim")
    for n, item in enumerate(schedule.steps, 1):
        step = item.step
        detail = ""
        if step.kind is StepKind.PER_PARTICIPANT:
            detail = t("per_participant", lang, minutes=step.base_minutes, n=participants)
        elif item.share_seconds is not None and step.kind is StepKind.ROUND:
            detail = t("per_person", lang, share=_fmt_share(item.share_seconds))
        elif item.share_seconds is not None:
            detail = t("per_person_in_round", lang, share=_fmt_share(item.share_seconds))
        table.add_row(
            str(n),
            Text(step.title.get(lang)),
            f"{item.start:%H:%M}",
            f"{item.end:%H:%M}",
            str(item.minutes),
            detail,
        )
    table.add_section()
    table.add_row(
        "",
        t("total", lang),
        f"{schedule.start:%H:%M}",
        f"{schedule.end:%H:%M}",
        str(schedule.total_minutes),
        "",
    )
    out = console()
    out.print(table)
    if schedule.booked_end is not None:
        slack = schedule.slack_minutes or 0.0
        end_txt = f"{schedule.booked_end:%H:%M}"
        if schedule.fits:
            out.print(t("fits", lang, slack=round(slack), end=end_txt))
        else:
            out.print(t("does_not_fit", lang, over=round(-slack), end=end_txt))
    return 0


LONGEST_ID_SHOWN_WHOLE = 40
"""An id up to this long gets a column as wide as itself, so it is never cut: it is
what the user types. A longer one (ids may have 64 characters) folds instead."""


def agenda_table(entries: list[AgendaEntry], lang: Lang) -> Table:
    """The agendas as a table that reads in 80 columns: the whole id (what the user
    types) with its source under it, the title with the theme under it, the
    § 4-3 paragraphs short, and the minutes with six participants."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    longest = max((len(e.id) for e in entries), default=2)
    table.add_column(t("col_id", lang), min_width=min(longest, LONGEST_ID_SHOWN_WHOLE))
    table.add_column(t("col_title_theme", lang), ratio=1)
    table.add_column(t("col_paragraphs", lang), max_width=13)
    table.add_column(t("col_total_6", lang), justify="right", no_wrap=True)
    # Text, never markup: a title may hold "[/b]", which is text like any other
    for e in entries:
        ident = Text(e.id, overflow="fold")
        source = t("source_builtin" if e.source == "builtin" else "source_workspace", lang)
        ident.append(f"\n{source}", style="dim")
        if e.agenda is None:
            table.add_row(ident, Text(t("invalid_agenda", lang), style="red"), "", "")
            continue
        a = e.agenda
        title = Text(a.title.get(lang))
        if a.theme is not None:
            title.append(f"\n{a.theme.get(lang)}", style="dim")
        total = sum(s.planned_minutes(6) for s in a.steps)
        table.add_row(ident, title, short_refs(a.paragraphs), str(total))
    return table


def agenda_list(workspace: Path, lang: Lang) -> int:
    entries = list_agendas(workspace, lang)
    console().print(agenda_table(entries, lang))
    for problem in (e.problem for e in entries if e.problem):
        # one line, however narrow the terminal: it names the file and line to fix
        err_console().print(
            f"facilitator: {problem}", markup=False, highlight=False, soft_wrap=True
        )
    return 0


def agenda_validate(workspace: Path, paths: list[Path], lang: Lang) -> int:
    bad = 0
    out, err = console(), err_console()
    for path in paths:
        try:
            agenda = load_agenda_path(path, workspace, lang)
        except FileProblem as exc:
            bad += 1
            for problem in exc.problems:
                err.print(problem, markup=False, highlight=False, soft_wrap=True)
            continue
        line = t("valid", lang, path=path, id=agenda.id, steps=len(agenda.steps))
        out.print(line, markup=False, highlight=False, soft_wrap=True)  # one line a file
    if bad:
        if len(paths) > 1:
            err.print(t("invalid_summary", lang, bad=bad, total=len(paths)), markup=False)
        return 2
    return 0


def agenda_schema() -> int:
    import json

    from facilitator.agenda.schema import agenda_file_schema

    print(json.dumps(agenda_file_schema(), indent=2, ensure_ascii=False))
    return 0
