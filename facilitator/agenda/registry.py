"""Finding agendas: the built-in ones shipped with the package, and the
workspace's own in `<workspace>/agendas/`, which win when ids clash."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from facilitator.agenda.loader import load_agenda_file
from facilitator.agenda.model import Agenda
from facilitator.agenda.problems import mean
from facilitator.agenda.suggest import did_you_mean
from facilitator.errors import UserError
from facilitator.i18n import Lang, pick
from facilitator.tomlfile import FileProblem

DEFAULT_AGENDA = "kollegaveiledning"


def builtin_dir() -> Path:
    """Where the shipped agendas are: inside the installed package, or at the
    top of a source checkout (editable installs and running from the repo)."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "builtin_agendas"
    if packaged.is_dir():
        return packaged
    return here.parent / "agendas"


def agenda_dirs(workspace: Path | None) -> list[tuple[str, Path]]:
    dirs: list[tuple[str, Path]] = []
    builtin = builtin_dir()
    if workspace is not None:
        ws = workspace / "agendas"
        if ws.is_dir() and ws.resolve() != builtin.resolve():
            dirs.append(("workspace", ws))
    dirs.append(("builtin", builtin))
    return dirs


@dataclass(frozen=True)
class AgendaEntry:
    """One agenda file found in a folder, loaded or with the problem that stopped it."""

    id: str
    path: Path
    source: str
    agenda: Agenda | None
    problem: str | None


# The first line that opens a table (`[step]`, `[[steps]]`): top-level keys such as
# `id` come before it.
_FIRST_TABLE = re.compile(r"^[ \t]*\[", re.MULTILINE)


def _peek_id(path: Path) -> str | None:
    """The file's `id`, read from the top-level keys alone (the part before the first
    table), which is all of the file a lookup by id needs. Should the cut fall inside
    a multi-line string or array, that part does not parse and the whole file is read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    table = _FIRST_TABLE.search(text)
    try:
        value = tomllib.loads(text[: table.start()] if table else text).get("id")
    except tomllib.TOMLDecodeError:
        try:
            value = tomllib.loads(text).get("id")
        except tomllib.TOMLDecodeError:
            return None
    return value if isinstance(value, str) else None


def _candidates(workspace: Path | None) -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = []
    for source, folder in agenda_dirs(workspace):
        out.extend((source, p) for p in sorted(folder.glob("*.toml")) if p.is_file())
    return out


def find_agenda_path(agenda_id: str, workspace: Path | None) -> Path | None:
    """The file of an agenda id: workspace first, then built-in."""
    for _, folder in agenda_dirs(workspace):
        named = folder / f"{agenda_id}.toml"
        if named.is_file() and _peek_id(named) == agenda_id:
            return named
        for path in sorted(folder.glob("*.toml")):
            if path != named and path.is_file() and _peek_id(path) == agenda_id:
                return path
    return None


def agenda_ids(workspace: Path | None) -> list[str]:
    """The ids of every agenda file found, valid or not, without loading them."""
    return sorted({_peek_id(path) or path.stem for _, path in _candidates(workspace)})


def load_agenda_path(path: Path, workspace: Path | None, lang: Lang = "nb") -> Agenda:
    """The agenda in `path`, its `extends` found in the workspace or built in."""
    return load_agenda_file(
        path, lambda i: find_agenda_path(i, workspace), lang, lambda: agenda_ids(workspace)
    )


def looks_like_path(ref: str) -> bool:
    return ref.endswith(".toml") or "/" in ref or "\\" in ref


def load_agenda(ref: str, workspace: Path | None, lang: Lang = "nb") -> Agenda:
    """An agenda by id (`kollegaveiledning`) or by path (`my/agenda.toml`)."""
    path = Path(ref).expanduser()
    if not looks_like_path(ref):
        found = find_agenda_path(ref, workspace)
        if found is None:
            known = ", ".join(sorted({e.id for e in list_agendas(workspace) if e.agenda}))
            guess = did_you_mean(ref, agenda_ids(workspace))
            hint = mean(lang, pick(lang, nb=f"«{guess}»", en=f'"{guess}"')) if guess else ""
            raise UserError(
                pick(
                    lang,
                    nb=f"finner ikke noe opplegg med id «{ref}»{hint}. Tilgjengelige: {known}",
                    en=f'no agenda has the id "{ref}"{hint}. Available: {known}',
                )
            )
        path = found
    return load_agenda_path(path, workspace, lang)


def list_agendas(workspace: Path | None, lang: Lang = "nb") -> list[AgendaEntry]:
    """Every agenda file in the workspace and built in, the workspace's first.

    A built-in agenda shadowed by a workspace file with the same id is left out.
    """
    entries: list[AgendaEntry] = []
    seen: set[str] = set()
    for source, path in _candidates(workspace):
        ident = _peek_id(path) or path.stem
        if ident in seen:
            continue
        seen.add(ident)
        try:
            agenda = load_agenda_path(path, workspace, lang)
            entries.append(AgendaEntry(agenda.id, path, source, agenda, None))
        except FileProblem as exc:
            entries.append(AgendaEntry(ident, path, source, None, exc.problems[0]))
    return entries
