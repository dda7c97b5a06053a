"""Starting the screen app: bare `facilitator`, `facilitator run`, `facilitator resume`.

Textual is imported here only when one of these commands runs, so the other
commands start fast; and what only `run` and `resume` need (agendas, sessions:
pydantic models) is imported inside them, so bare `facilitator` draws its start
screen before the models are loaded.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.messages import t


def _run(workspace: Path, lang: Lang, **launch: object) -> int:
    from facilitator.tui.app import FacilitatorApp, Launch

    app = FacilitatorApp(workspace, lang, Launch(**launch))  # type: ignore[arg-type]
    app.run()
    return app.return_code or 0


def start(workspace: Path, lang: Lang) -> int:
    return _run(workspace, lang, mode="start")


def run(
    workspace: Path, lang: Lang, agenda_ref: str | None, participants: str | None, title: str | None
) -> int:
    from facilitator.agenda.registry import DEFAULT_AGENDA, load_agenda
    from facilitator.settings import load_settings

    agenda = load_agenda(agenda_ref or DEFAULT_AGENDA, workspace, lang)
    # A bad settings file is one line and exit 2 here, before the screen opens.
    settings = load_settings(workspace, lang)
    names = [n.strip() for n in (participants or "").split(",") if n.strip()]
    return _run(
        workspace,
        lang,
        mode="run",
        agenda=agenda,
        names=names,
        title=title or "",
        risk_scale=settings.risk_scale,
    )


def resume(workspace: Path, lang: Lang, ref: str | None) -> int:
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
    session = store.load(path)  # a damaged file is reported here, before the screen opens
    # So is a session open in another process: one line on stderr and exit code 1,
    # rather than a screen that opens only to close again. (The screen takes the lock
    # itself; should another process take it in between, the screen says so.)
    with store.lock(session.id):
        pass
    return _run(workspace, lang, mode="resume", session_path=path)
