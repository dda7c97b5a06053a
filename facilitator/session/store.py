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

from pydantic import ValidationError

from facilitator.atomic import ensure_private_dir, write_atomic
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli
from facilitator.session.lock import SessionLock
from facilitator.session.model import (
    READABLE_SCHEMA_VERSIONS,
    SESSION_FORMAT,
    SESSION_SCHEMA_VERSION,
    Session,
)
from facilitator.session.refs import public_ref
from facilitator.tomlfile import (
    MAX_FILE_BYTES,
    FileProblem,
    dumps,
    locate,
    read_toml,
    validation_problems,
)

END_LINE = "# end of facilitator session"
"""The last line of every session file. TOML cannot tell a file cut off between
two entries from a whole one, so a file without this line is refused as truncated."""


def dumps_session(session: Session) -> str:
    return _dumps(session.model_dump(mode="python", exclude_none=True))


def _dumps(dump: dict[str, Any]) -> str:
    # `format` and `schema_version` first, so anyone opening the file sees what it is.
    head = {"format": dump["format"], "schema_version": dump["schema_version"]}
    return f"{dumps({**head, **dump})}\n{END_LINE}\n"


def _is_complete(text: str) -> bool:
    lines = text.rstrip().splitlines()
    return bool(lines) and lines[-1].strip() == END_LINE


def _damaged(path: Path, lang: Lang) -> str:
    return cli("store_damaged", lang, path=path)


def parse_session(data: dict[str, Any], text: str | None, path: Path, lang: Lang) -> Session:
    """A session from a parsed file, or `FileProblem`. Given the file's `text`,
    problems name lines, and a file cut short is known by its missing last line."""
    if not data:
        raise FileProblem(path, [f"{path}: " + cli("store_empty", lang)])
    if data.get("format") != SESSION_FORMAT:
        raise FileProblem(path, [f"{path}: " + cli("store_foreign", lang)])
    version = data.get("schema_version")
    newer = isinstance(version, int) and version > SESSION_SCHEMA_VERSION
    if newer and not isinstance(version, bool):
        raise FileProblem(path, [f"{path}: " + cli("store_newer", lang, version=version)])
    if type(version) is not int or version not in READABLE_SCHEMA_VERSIONS:
        # Checked here: a missing version would take the default, and true or 1.0
        # would pass the model's Literal[1].
        line = locate(text, ("schema_version",)) if text is not None else None
        where = f"{path}:{line}" if line else f"{path}"
        if version is None:
            what = cli("store_version_missing", lang)
        else:
            known = cli("store_or", lang).join(map(str, READABLE_SCHEMA_VERSIONS))
            what = cli("store_version_expected", lang, known=known, got=repr(version))
        raise FileProblem(path, [_damaged(path, lang), f"{where}: schema_version: {what}"])
    if text is not None and not _is_complete(text):
        raise FileProblem(path, [f"{path}: " + cli("store_cut_off", lang, end_line=END_LINE)])
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(path, exc, text, lang, data=data)
        raise FileProblem(path, [_damaged(path, lang), *problems[:5]]) from None


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
        """A session file by id, by path, or by a unique start of its id or of the
        reference a management export names it by."""
        as_path = Path(ref).expanduser()
        if ref.endswith(".toml") or os.sep in ref:
            return as_path
        exact = self.path_for(ref)
        if ref and exact.is_file():
            return exact
        # Compare names rather than glob with `ref`: `*`, `?` and `[` are not wildcards here.
        matches = (
            sorted(p for p in self.folder.glob("*.toml") if p.stem.startswith(ref))
            if ref and self.folder.is_dir()
            else []
        )
        if not matches and ref and self.folder.is_dir():
            # The reference a management export gives (facilitator.session.refs), or
            # its start, as an id may be given by its start.
            matches = [
                p for p in sorted(self.folder.glob("*.toml")) if public_ref(p.stem).startswith(ref)
            ]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise UserError(cli("store_not_found", self.lang, ref=ref, folder=self.folder))
        names = ", ".join(m.stem for m in matches[:5])
        raise UserError(cli("store_ambiguous", self.lang, ref=ref, names=names))

    def load(self, ref: str | Path) -> Session:
        path = ref if isinstance(ref, Path) else self.resolve(ref)
        data, text = read_toml(path, self.lang)
        return parse_session(data, text, path, self.lang)

    def save(self, session: Session, path: Path | None = None) -> Path:
        """Write the session atomically. The caller should hold its lock."""
        return self.save_dump(session.model_dump(mode="python", exclude_none=True), path)

    def save_dump(self, dump: dict[str, Any], path: Path | None = None) -> Path:
        """Write a `Session.model_dump(exclude_none=True)`. A dump is a snapshot
        detached from the live session, so a background thread can save it while
        the screen goes on changing the session."""
        session_id = str(dump["id"])
        target = path or self.path_for(session_id)
        # Lists changed in place (`session.measures.append(...)`) are not checked by
        # pydantic; check the whole session now, since `load` would refuse a file
        # that breaks a rule. A ValidationError here is a bug in the caller.
        Session.model_validate(dump)
        data = _dumps(dump).encode("utf-8")
        if len(data) > MAX_FILE_BYTES:
            # `load` would refuse such a file: better to keep the last good one.
            size, most = len(data) / 1024 / 1024, MAX_FILE_BYTES // 1024 // 1024
            raise UserError(
                cli("store_too_large", self.lang, session=session_id, size=size, most=most)
            )
        # The workspace's own folder (or one made for this file) is kept owner-only;
        # a session file opened from somewhere else (`facilitator resume
        # ~/Documents/x.toml`) leaves that folder as the user has it. The file
        # itself is always owner-only.
        folder = target.parent
        ours = not folder.exists() or folder.resolve() == self.folder.resolve()
        write_atomic(target, data, private_folder=ours)
        return target

    def create(self, session: Session) -> Path:
        """Save a new session; refuses to replace any existing file."""
        target = self.path_for(session.id)
        if target.exists():
            raise UserError(cli("store_exists", self.lang, path=target))
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
