"""Reading agenda files: TOML to a resolved, validated `Agenda`.

An agenda may `extends = "other-id"`. The child is merged onto its parent:
tables merge key by key, other values replace, and the `steps` and `phases`
lists merge by `id` — a child entry with a known id changes that entry, a new
id is added (at the end, or where `before`/`after` says), and `remove = true`
drops an entry.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from facilitator.agenda.model import AGENDA_SCHEMA_VERSION, Agenda
from facilitator.agenda.problems import (
    AgendaText,
    MergeProblem,
    mean,
    merge_problem_line,
    validation_lines,
)
from facilitator.agenda.suggest import did_you_mean
from facilitator.i18n import Lang, pick
from facilitator.tomlfile import FileProblem, Loc, locate, read_toml, shown_id

MAX_EXTENDS_DEPTH = 8
_ID_LISTS = ("steps", "phases")
_PLACEMENT = ("before", "after", "remove")

# Finds the file of an agenda id, or None. Given by the registry so that the
# loader itself knows nothing of folders.
Finder = Callable[[str], Path | None]
# The ids that could be found, for a "did you mean" when `extends` names none of them.
KnownIds = Callable[[], Iterable[str]]


def load_agenda_file(
    path: Path, find: Finder | None = None, lang: Lang = "nb", known: KnownIds | None = None
) -> Agenda:
    """Load, resolve `extends` and validate one agenda file."""
    read = _resolve(path, find, lang, seen=(), known=known)
    try:
        return Agenda.model_validate(read.merged)
    except ValidationError as exc:
        raise FileProblem(path, validation_lines(read, exc, lang)) from None


def _problem(path: Path, text: str, key: str, nb: str, en: str, lang: Lang) -> FileProblem:
    line = locate(text, (key,))
    where = f"{path}:{line}" if line else str(path)
    return FileProblem(path, [f"{where}: {key}: {pick(lang, nb=nb, en=en)}"])


def _resolve(
    path: Path, find: Finder | None, lang: Lang, seen: tuple[str, ...], known: KnownIds | None
) -> AgendaText:
    raw, text = read_toml(path, lang)
    version = raw.get("schema_version", AGENDA_SCHEMA_VERSION)
    newer = isinstance(version, int) and version > AGENDA_SCHEMA_VERSION
    if newer and not isinstance(version, bool):
        raise _problem(
            path,
            text,
            "schema_version",
            f"filen er skrevet for en nyere versjon av facilitator (format {version}); "
            f"denne versjonen leser format {AGENDA_SCHEMA_VERSION}",
            f"the file was written for a newer facilitator (format {version}); "
            f"this version reads format {AGENDA_SCHEMA_VERSION}",
            lang,
        )
    parent_id = raw.get("extends")
    if parent_id is None:
        return AgendaText(path, text, raw, raw)
    if not isinstance(parent_id, str) or not parent_id:
        raise _problem(
            path,
            text,
            "extends",
            'forventet id-en til et annet opplegg, for eksempel "kollegaveiledning"',
            'expected the id of another agenda, for example "kollegaveiledning"',
            lang,
        )
    chain = (*seen, str(raw.get("id", path.stem)))
    if parent_id in chain:
        cycle = " → ".join(shown_id(i) for i in (*chain, parent_id))
        raise _problem(
            path,
            text,
            "extends",
            f"oppleggene bygger på hverandre i ring: {cycle}",
            f"the agendas extend each other in a circle: {cycle}",
            lang,
        )
    if len(chain) > MAX_EXTENDS_DEPTH:
        raise _problem(
            path,
            text,
            "extends",
            f"for mange nivåer med extends (høyst {MAX_EXTENDS_DEPTH})",
            f"too many levels of extends (at most {MAX_EXTENDS_DEPTH})",
            lang,
        )
    parent_path = _find_parent(parent_id, path, find)
    if parent_path is None:
        guess = did_you_mean(parent_id, known()) if known else None
        hint = mean(lang, f'`extends = "{shown_id(guess)}"`') if guess else ""
        raise _problem(
            path,
            text,
            "extends",
            f"finner ikke noe opplegg med id «{shown_id(parent_id)}»{hint}; "
            "se `facilitator agenda list`",
            f'no agenda has the id "{shown_id(parent_id)}"{hint}; see `facilitator agenda list`',
            lang,
        )
    parent = _resolve(parent_path, find, lang, chain, known).merged
    try:
        merged = merge(parent, raw)
    except MergeProblem as problem:
        read = AgendaText(path, text, raw, raw, parent)
        raise FileProblem(path, [merge_problem_line(read, problem, lang)]) from None
    merged["extends"] = parent_id
    return AgendaText(path, text, raw, merged, parent)


def _find_parent(parent_id: str, child: Path, find: Finder | None) -> Path | None:
    sibling = child.parent / f"{parent_id}.toml"
    if sibling.is_file() and sibling.resolve() != child.resolve():
        return sibling
    return find(parent_id) if find else None


def merge(base: dict[str, Any], over: dict[str, Any], at: Loc = ()) -> dict[str, Any]:
    """`over` laid onto `base` (neither is changed). `at` is where `over` sits in
    the file, for the location of a `MergeProblem`."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if key in _ID_LISTS and isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = _merge_by_id(out[key], value, (*at, key))
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value, (*at, key))
        else:
            out[key] = copy.deepcopy(value)
    return out


def _merge_by_id(base: list[Any], over: list[Any], at: Loc) -> list[Any]:
    result = list(base)
    for n, item in enumerate(over):
        ids = [e.get("id") if isinstance(e, dict) else None for e in result]
        known = [i for i in ids if isinstance(i, str)]
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise MergeProblem((*at, n), "id", None, known)
        entry = {k: v for k, v in item.items() if k not in _PLACEMENT}
        remove = item.get("remove", False)
        if not isinstance(remove, bool):
            # `remove = "ja"` or `remove = 1`: refused, not read as "keep it"
            raise MergeProblem((*at, n), "remove", None, known, got=remove)
        if remove:
            if item["id"] not in ids:
                raise MergeProblem((*at, n), "remove", item["id"], known)
            del result[ids.index(item["id"])]
            continue
        if item["id"] in ids:
            place = ids.index(item["id"])
            entry = merge(result[place], entry, (*at, n))
            del result[place]
            ids.pop(place)
        else:
            place = len(result)
        for key, shift in (("before", 0), ("after", 1)):
            anchor = item.get(key)
            if anchor is not None:
                if anchor not in ids:
                    raise MergeProblem((*at, n), key, str(anchor), known)
                place = ids.index(anchor) + shift
        result.insert(place, entry)
    return result


def dumps_agenda(agenda: Agenda) -> str:
    """An agenda as TOML that `load_agenda_file` reads back to the same agenda."""
    import tomli_w

    from facilitator.tomlfile import to_toml_data

    return tomli_w.dumps(to_toml_data(agenda.model_dump(mode="python", exclude_none=True)))
