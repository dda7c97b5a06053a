"""`facilitator agenda new PATH [--extends ID]`: a commented agenda file to edit."""

from __future__ import annotations

from pathlib import Path

from facilitator.agenda.registry import (
    builtin_dir,
    find_agenda_path,
    load_agenda,
    looks_like_path,
)
from facilitator.agenda.scaffold import standalone
from facilitator.agenda.scaffold_extends import extending
from facilitator.agenda.suggest import slug_from
from facilitator.errors import UserError
from facilitator.i18n import Lang
from facilitator.i18n.words import cli as t

AGENDAS = "agendas"
"""The workspace's folder of agendas (`facilitator.agenda.registry` looks there)."""


def new_agenda_text(
    path: Path, shown: str, lang: Lang, parent_id: str | None, workspace: Path
) -> str:
    """The file's text; `shown` is the path as the user wrote it, for its comments."""
    agenda_id = slug_from(path.stem)
    if parent_id is None:
        return standalone(shown, agenda_id, lang)
    if looks_like_path(parent_id):
        raise UserError(t("extends_needs_id", lang, value=parent_id))
    parent = load_agenda(parent_id, workspace, lang)
    if parent.id == agenda_id:
        raise UserError(t("new_same_id", lang, id=agenda_id, path=shown))
    return extending(shown, agenda_id, parent, lang)


def _makes_agendas_folder(folder: Path) -> bool:
    """A missing `agendas/` in a folder that exists is made: a fresh workspace has
    none until its first agenda, and that is where agendas are looked for. Any other
    missing folder is refused, so that a typo in a path makes no folders."""
    return folder.name == AGENDAS and not folder.exists() and folder.parent.is_dir()


def agenda_new(workspace: Path, lang: Lang, target: str, parent_id: str | None, force: bool) -> int:
    path = Path(target).expanduser()
    if not path.suffix:
        path = path.with_suffix(".toml")  # the registry finds only *.toml
    shown = str(Path(target).with_suffix(".toml") if not Path(target).suffix else target)
    if path.is_dir():
        raise UserError(t("output_is_dir", lang, path=shown))
    make_folder = _makes_agendas_folder(path.parent)
    if not path.parent.is_dir() and not make_folder:
        raise UserError(t("output_no_folder", lang, folder=path.parent))
    if path.exists() and not force:
        raise UserError(t("new_exists", lang, path=shown))
    text = new_agenda_text(path, shown, lang, parent_id, workspace)
    if make_folder:  # only now: a refused agenda leaves no folder behind
        path.parent.mkdir()
        print(t("new_folder_made", lang, folder=path.parent))
    # "x" refuses a file that appeared since the check; --force writes over it
    with path.open("w" if force else "x", encoding="utf-8") as handle:
        handle.write(text)
    agenda_id = slug_from(path.stem)
    print(t("new_written", lang, path=shown, id=agenda_id))
    print(t("new_check", lang, path=shown))
    folder = workspace / AGENDAS
    if path.resolve().parent != folder.resolve():
        print(t("new_place", lang, folder=folder, id=agenda_id))
    builtin = find_agenda_path(agenda_id, None)
    if builtin is not None and builtin.resolve().parent == builtin_dir().resolve():
        print(t("new_shadows", lang, id=agenda_id))
    return 0
