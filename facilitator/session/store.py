"""Session files in `<workspace>/sessions/<id>.toml`.

Every write is atomic and owner-only. A file that cannot be read as a session
(corrupt, truncated, foreign, from a newer version) is reported in one clear
line and never written over.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from facilitator.atomic import ensure_private_dir, write_atomic
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.session.lock import SessionLock
from facilitator.session.model import SESSION_FORMAT, SESSION_SCHEMA_VERSION, Session
from facilitator.tomlfile import FileProblem, read_toml, to_toml_data, validation_problems


def dumps_session(session: Session) -> str:
    data = to_toml_data(session.model_dump(mode="python", exclude_none=True))
    # `format` and `schema_version` first, so anyone opening the file sees what it is.
    head = {"format": data.pop("format"), "schema_version": data.pop("schema_version")}
    return tomli_w.dumps({**head, **data})


def parse_session(data: dict[str, Any], text: str | None, path: Path, lang: Lang) -> Session:
    nb = lang == "nb"
    if data.get("format") != SESSION_FORMAT:
        raise FileProblem(
            path,
            [
                f"{path}: "
                + (
                    'ikke en øktfil fra facilitator (mangler format = "facilitator-session")'
                    if nb
                    else 'not a facilitator session file (no format = "facilitator-session")'
                )
            ],
        )
    version = data.get("schema_version")
    newer = isinstance(version, int) and version > SESSION_SCHEMA_VERSION
    if newer and not isinstance(version, bool):
        raise FileProblem(
            path,
            [
                f"{path}: "
                + (
                    f"skrevet av en nyere facilitator (format {version}); oppdater programmet"
                    if nb
                    else f"written by a newer facilitator (format {version}); please upgrade"
                )
            ],
        )
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(path, exc, text, lang, data=data)
        head = (
            f"{path}: øktfilen er skadet eller ufullstendig og blir ikke endret"
            if nb
            else f"{path}: the session file is damaged or incomplete and will not be changed"
        )
        raise FileProblem(path, [head, *problems[:5]]) from None


@dataclass(frozen=True)
class SessionEntry:
    path: Path
    session: Session | None
    problem: str | None


class SessionStore:
    """The sessions of one workspace."""

    def __init__(self, workspace: Path, lang: Lang = "nb") -> None:
        self.workspace = workspace
        self.folder = workspace / "sessions"
        self.lang = lang

    def path_for(self, session_id: str) -> Path:
        return self.folder / f"{session_id}.toml"

    def lock(self, session: Session | str) -> SessionLock:
        sid = session if isinstance(session, str) else session.id
        ensure_private_dir(self.folder)
        return SessionLock(self.folder / f"{sid}.lock", sid, self.lang)

    def resolve(self, ref: str) -> Path:
        """A session file by id, by path, or by a unique start of its id."""
        as_path = Path(ref).expanduser()
        if ref.endswith(".toml") or os.sep in ref:
            return as_path
        exact = self.path_for(ref)
        if exact.is_file():
            return exact
        matches = sorted(self.folder.glob(f"{ref}*.toml")) if self.folder.is_dir() else []
        if len(matches) == 1:
            return matches[0]
        nb = self.lang == "nb"
        if not matches:
            raise UserError(
                f"finner ingen økt «{ref}» i {self.folder}"
                if nb
                else f'no session "{ref}" in {self.folder}'
            )
        names = ", ".join(m.stem for m in matches[:5])
        raise UserError(
            f"«{ref}» passer til flere økter: {names}"
            if nb
            else f'"{ref}" matches several sessions: {names}'
        )

    def load(self, ref: str | Path) -> Session:
        path = ref if isinstance(ref, Path) else self.resolve(ref)
        data, text = read_toml(path, self.lang)
        return parse_session(data, text, path, self.lang)

    def save(self, session: Session, path: Path | None = None) -> Path:
        """Write the session atomically. The caller should hold its lock."""
        target = path or self.path_for(session.id)
        write_atomic(target, dumps_session(session).encode("utf-8"))
        return target

    def create(self, session: Session) -> Path:
        """Save a new session; refuses to replace any existing file."""
        target = self.path_for(session.id)
        if target.exists():
            raise UserError(
                f"{target} finnes allerede" if self.lang == "nb" else f"{target} already exists"
            )
        return self.save(session, target)

    def entries(self) -> list[SessionEntry]:
        """Every session file in the workspace, newest date first; broken ones
        are listed with their problem rather than hidden."""
        if not self.folder.is_dir():
            return []
        out = []
        for path in sorted(self.folder.glob("*.toml")):
            try:
                out.append(SessionEntry(path, self.load(path), None))
            except FileProblem as exc:
                out.append(SessionEntry(path, None, exc.problems[0]))
        out.sort(
            key=lambda e: (e.session.date.isoformat() if e.session else "", e.path.name),
            reverse=True,
        )
        return out
