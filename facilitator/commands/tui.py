"""Starting the screen app: bare `facilitator`, `facilitator run`, `facilitator resume`.

Textual is imported here only when one of these commands runs, so the other
commands start fast; and what only `run` and `resume` need (agendas, sessions:
pydantic models) is imported inside them, so bare `facilitator` draws its start
screen before the models are loaded.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path

from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t


def _run(workspace: Path, lang: Lang, **launch: object) -> int:
    from facilitator.tui.app import FacilitatorApp, Launch

    app = FacilitatorApp(workspace, lang, Launch(**launch))  # type: ignore[arg-type]
    app.run()
    return app.return_code or 0


def start(workspace: Path, lang: Lang) -> int:
    return _run(workspace, lang, mode="start")


def _time_of_day(option: str, value: str | None, lang: Lang) -> time | None:
    from facilitator.commands.agenda import parse_hhmm

    if value is None:
        return None
    try:
        return parse_hhmm(value, lang)
    except UserError as exc:
        raise UserError(f"{option}: {exc}") from None


def run(
    workspace: Path,
    lang: Lang,
    agenda_ref: str | None,
    participants: str | None,
    title: str | None,
    start: str | None = None,
    end: str | None = None,
    room: str | None = None,
) -> int:
    from facilitator.agenda.registry import DEFAULT_AGENDA, load_agenda
    from facilitator.session.create import SessionPlan, split_names
    from facilitator.settings import load_settings

    names = split_names(participants or "")
    # Bad times are one line and exit 2 here, before the screen opens.
    booked_start = _time_of_day("--start", start, lang)
    booked_end = _time_of_day("--end", end, lang)
    if (booked_start is not None or booked_end is not None) and not names:
        # Without participants the setup screen opens, and it has fields of its own.
        raise UserError(t("run_slot_needs_participants", lang))
    agenda = load_agenda(agenda_ref or DEFAULT_AGENDA, workspace, lang)
    if names:
        # What the screen would refuse to make a session of (a word in brackets that
        # is not a role, too many people, too long a title) is one line and exit 2
        # here, before it opens.
        plan = SessionPlan(agenda, title or agenda.title.get(lang), tuple(names), lang=lang)
        problems = plan.problems()
        if problems:
            raise UserError(problems[0].message)
    # A bad settings file is one line and exit 2 here, before the screen opens.
    settings = load_settings(workspace, lang)
    return _run(
        workspace,
        lang,
        mode="run",
        agenda=agenda,
        names=names,
        title=title or "",
        risk_scale=settings.risk_scale,
        booked_start=booked_start,
        booked_end=booked_end,
        room=room,
    )


def resume(workspace: Path, lang: Lang, ref: str | None, room: str | None = None) -> int:
    from facilitator.opened_session import check_openable
    from facilitator.session.quickread import read_workspace
    from facilitator.session.store import SessionStore

    store = SessionStore(workspace, lang)
    if ref:
        path = store.resolve(ref)
    else:
        # The quick reader: a workspace of a thousand sessions is read in a second.
        found, _problems = read_workspace(store.folder, lang)
        unfinished = [e for e in found if e.state != "finished"]
        if not unfinished:
            raise UserError(t("no_unfinished", lang, path=store.folder))
        path = max(unfinished, key=lambda e: e.updated_at).path
    # A damaged file is reported here, before the screen opens, and so is a session
    # open in another process: one line on stderr and exit code 1, rather than a
    # screen that opens only to close again. (The screen takes the lock itself;
    # should another process take it in between, the screen says so.)
    check_openable(store, path)
    return _run(workspace, lang, mode="resume", session_path=path, room=room)
