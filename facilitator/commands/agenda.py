"""`facilitator agenda list|show|validate|schema`."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from rich.table import Table

from facilitator.agenda.model import StepKind
from facilitator.agenda.registry import list_agendas, load_agenda, load_agenda_path
from facilitator.agenda.schema import agenda_file_schema
from facilitator.commands.output import console, err_console
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.messages import t
from facilitator.schedule import plan
from facilitator.session.model import MAX_PARTICIPANTS
from facilitator.tomlfile import FileProblem

_HHMM = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def parse_clock_time(value: str, lang: Lang, base: datetime | None = None) -> datetime:
    """`09:00` today in local time (or on the day of `base`)."""
    m = _HHMM.match(value.strip())
    if not m:
        raise UserError(t("bad_time", lang, value=value))
    day = base or datetime.now().astimezone()
    return day.replace(hour=int(m.group(1)), minute=int(m.group(2)), second=0, microsecond=0)


def _fmt_share(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def agenda_show(
    workspace: Path, ref: str, participants: int, start: str | None, end: str | None, lang: Lang
) -> int:
    if not 1 <= participants <= MAX_PARTICIPANTS:
        raise UserError(t("bad_participants", lang, most=MAX_PARTICIPANTS, value=participants))
    agenda = load_agenda(ref, workspace, lang)
    now = datetime.now().astimezone()
    begin = parse_clock_time(start, lang) if start else now.replace(second=0, microsecond=0)
    booked_end = None
    if end:
        booked_end = parse_clock_time(end, lang, begin)
        if booked_end <= begin:
            booked_end += timedelta(days=1)
    schedule = plan(agenda, participants, begin, booked_end)

    table = Table(
        title=t("schedule_title", lang, title=agenda.title.get(lang), n=participants),
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
            step.title.get(lang),
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


def agenda_list(workspace: Path, lang: Lang) -> int:
    entries = list_agendas(workspace, lang)
    table = Table()
    table.add_column(t("col_id", lang))
    table.add_column(t("col_title", lang))
    table.add_column(t("col_paragraphs", lang))
    table.add_column(t("col_total_6", lang), justify="right")
    table.add_column(t("col_source", lang))
    for e in entries:
        source = t("source_builtin" if e.source == "builtin" else "source_workspace", lang)
        if e.agenda is None:
            table.add_row(e.id, f"[red]{t('invalid_agenda', lang)}[/]", "", "", source)
            continue
        a = e.agenda
        title = a.title.get(lang)
        if a.theme is not None:
            title += f"\n[dim]{a.theme.get(lang)}[/]"
        refs = ", ".join(str(p) for p in a.paragraphs)
        total = sum(s.planned_minutes(6) for s in a.steps)
        table.add_row(a.id, title, refs, str(total), source)
    console().print(table)
    problems = [e.problem for e in entries if e.problem]
    for problem in problems:
        err_console().print(f"facilitator: {problem}", markup=False)
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
    print(json.dumps(agenda_file_schema(), indent=2, ensure_ascii=False))
    return 0
