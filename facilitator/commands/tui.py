"""Starting the screen app: bare `facilitator`, `facilitator run`, `facilitator resume`.

Textual is imported here only when one of these commands runs, so the other
commands start fast.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.agenda.registry import DEFAULT_AGENDA, load_agenda
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.messages import t
from facilitator.session.store import SessionStore


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
    agenda = load_agenda(agenda_ref or DEFAULT_AGENDA, workspace, lang)
    names = [n.strip() for n in (participants or "").split(",") if n.strip()]
    return _run(workspace, lang, mode="run", agenda=agenda, names=names, title=title or "")


def resume(workspace: Path, lang: Lang, ref: str | None) -> int:
    store = SessionStore(workspace, lang)
    if ref:
        path = store.resolve(ref)
        session = store.load(path)  # a damaged file is reported here, before the screen opens
    else:
        unfinished = [e for e in store.entries() if e.session and e.session.state != "finished"]
        if not unfinished:
            raise UserError(t("no_unfinished", lang, path=store.folder))
        latest = max(unfinished, key=lambda e: e.session.updated_at if e.session else 0)
        path, session = latest.path, latest.session
    # So is a session open in another process: one line on stderr and exit code 1,
    # rather than a screen that opens only to close again. (The screen takes the lock
    # itself; should another process take it in between, the screen says so.)
    with store.lock(session.id if session else path.stem):
        pass
    return _run(workspace, lang, mode="resume", session_path=path)
