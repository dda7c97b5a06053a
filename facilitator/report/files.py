"""Writing an export to a file: where it goes by default, and the checks that keep
it from landing somewhere it must not (over a session file, into a folder that
is not there). Used by `facilitator export`/`plan` and by the screen app."""

from __future__ import annotations

from pathlib import Path

from facilitator.atomic import ensure_private_dir, write_atomic
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t
from facilitator.report.build import session_ref
from facilitator.report.formats import ExportFormat
from facilitator.report.model import Audience
from facilitator.session.store import SessionStore

EXPORT_FOLDER = "exports"
"""Where the screen app writes exports, inside the workspace (owner-only: a group
export is personal data)."""

_AUDIENCE_WORD: dict[Lang, dict[Audience, str]] = {
    "nb": {Audience.MANAGEMENT: "ledelsen", Audience.GROUP: "gruppen"},
    "en": {Audience.MANAGEMENT: "management", Audience.GROUP: "group"},
}


def default_export_path(
    workspace: Path, session_id: str, audience: Audience, fmt: ExportFormat, lang: Lang
) -> Path:
    """`<workspace>/exports/<session>-<audience>.<format>`, where a management
    export is named by the session's public reference: the file name travels with
    the file, and the id may hold a name (see facilitator.session.refs)."""
    name = session_ref(audience)(session_id)
    return workspace / EXPORT_FOLDER / f"{name}-{_AUDIENCE_WORD[lang][audience]}.{fmt}"


def checked_target(
    output: str | Path, store: SessionStore, lang: Lang, source: Path | None = None
) -> Path:
    """The file an export may be written to, or `UserError` saying why not. The
    workspace's export folder is created (owner-only) when it is the one asked for."""
    target = Path(output).expanduser()
    resolved = target.resolve()
    in_sessions = resolved.parent == store.folder.resolve() and resolved.suffix == ".toml"
    if in_sessions or (source is not None and resolved == source.resolve()):
        raise UserError(t("output_is_session", lang, path=target))
    if target.is_dir():
        raise UserError(t("output_is_dir", lang, path=target))
    if resolved.parent == (store.workspace / EXPORT_FOLDER).resolve():
        ensure_private_dir(resolved.parent)
    if not resolved.parent.is_dir():
        raise UserError(t("output_no_folder", lang, folder=target.parent))
    return resolved


def write_export(target: Path, content: str | bytes) -> None:
    """Atomically, readable by the owner only; the user's own folder is left as it is.
    Text is written in UTF-8, bytes (an XLSX workbook) as they are."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    write_atomic(target, data, private_folder=False)
