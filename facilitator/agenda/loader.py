"""Reading agenda files: TOML to a resolved, validated `Agenda`.

An agenda may `extends = "other-id"`. The child is merged onto its parent:
tables merge key by key, other values replace, and the `steps` and `phases`
lists merge by `id` — a child entry with a known id changes that entry, a new
id is added (at the end, or where `before`/`after` says), and `remove = true`
drops an entry.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from facilitator.agenda.model import AGENDA_SCHEMA_VERSION, Agenda
from facilitator.i18n import Lang
from facilitator.tomlfile import FileProblem, Loc, read_toml, validation_problems

MAX_EXTENDS_DEPTH = 8
_ID_LISTS = ("steps", "phases")
_PLACEMENT = ("before", "after", "remove")

# Finds the file of an agenda id, or None. Given by the registry so that the
# loader itself knows nothing of folders.
Finder = Callable[[str], Path | None]


def load_agenda_file(path: Path, find: Finder | None = None, lang: Lang = "nb") -> Agenda:
    """Load, resolve `extends` and validate one agenda file."""
    merged, text, raw = _resolve(path, find, lang, seen=())
    try:
        return Agenda.model_validate(merged)
    except ValidationError as exc:
        raise FileProblem(
            path,
            validation_problems(
                path, exc, text, lang, loc_map=_loc_mapper(merged, raw), data=merged
            ),
        ) from None


def _resolve(
    path: Path, find: Finder | None, lang: Lang, seen: tuple[str, ...]
) -> tuple[dict[str, Any], str, dict[str, Any]]:
    raw, text = read_toml(path, lang)
    nb = lang != "en"
    version = raw.get("schema_version", AGENDA_SCHEMA_VERSION)
    newer = isinstance(version, int) and version > AGENDA_SCHEMA_VERSION
    if newer and not isinstance(version, bool):
        raise FileProblem(
            path,
            [
                f"{path}: schema_version: "
                + (
                    f"filen er skrevet for en nyere versjon av facilitator (format {version}); "
                    f"denne versjonen leser format {AGENDA_SCHEMA_VERSION}"
                    if nb
                    else f"the file was written for a newer facilitator (format {version}); "
                    f"this version reads format {AGENDA_SCHEMA_VERSION}"
                )
            ],
        )
    parent_id = raw.get("extends")
    if parent_id is None:
        return raw, text, raw
    if not isinstance(parent_id, str) or not parent_id:
        raise FileProblem(
            path,
            [
                f"{path}: extends: "
                + (
                    'forventet id-en til en annen agenda, for eksempel "kollegaveiledning"'
                    if nb
                    else 'expected the id of another agenda, for example "kollegaveiledning"'
                )
            ],
        )
    chain = (*seen, str(raw.get("id", path.stem)))
    if parent_id in chain:
        cycle = " → ".join((*chain, parent_id))
        raise FileProblem(
            path,
            [
                f"{path}: extends: "
                + (
                    f"agendaene bygger på hverandre i ring: {cycle}"
                    if nb
                    else f"the agendas extend each other in a circle: {cycle}"
                )
            ],
        )
    if len(chain) > MAX_EXTENDS_DEPTH:
        raise FileProblem(
            path,
            [
                f"{path}: extends: "
                + (
                    f"for mange nivåer med extends (høyst {MAX_EXTENDS_DEPTH})"
                    if nb
                    else f"too many levels of extends (at most {MAX_EXTENDS_DEPTH})"
                )
            ],
        )
    parent_path = _find_parent(parent_id, path, find)
    if parent_path is None:
        raise FileProblem(
            path,
            [
                f"{path}: extends: "
                + (
                    f'finner ingen agenda med id "{parent_id}" (se `facilitator agenda list`)'
                    if nb
                    else f'no agenda has the id "{parent_id}" (see `facilitator agenda list`)'
                )
            ],
        )
    parent, _, _ = _resolve(parent_path, find, lang, chain)
    try:
        merged = merge(parent, raw)
    except ValueError as exc:
        raise FileProblem(path, [f"{path}: {exc}"]) from None
    merged["extends"] = parent_id
    return merged, text, raw


def _find_parent(parent_id: str, child: Path, find: Finder | None) -> Path | None:
    sibling = child.parent / f"{parent_id}.toml"
    if sibling.is_file() and sibling.resolve() != child.resolve():
        return sibling
    return find(parent_id) if find else None


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`over` laid onto `base` (neither is changed)."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if key in _ID_LISTS and isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = _merge_by_id(out[key], value, key)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def _merge_by_id(base: list[Any], over: list[Any], what: str) -> list[Any]:
    result = list(base)
    for n, item in enumerate(over):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise ValueError(f"{what}[{n}]: every entry needs an `id` to merge with `extends`")
        ids = [e.get("id") if isinstance(e, dict) else None for e in result]
        entry = {k: v for k, v in item.items() if k not in _PLACEMENT}
        if item.get("remove") is True:
            if item["id"] not in ids:
                raise ValueError(f'{what}[{n}]: remove: no {what[:-1]} "{item["id"]}" to remove')
            del result[ids.index(item["id"])]
            continue
        if item["id"] in ids:
            at = ids.index(item["id"])
            entry = merge(result[at], entry)
            del result[at]
            ids.pop(at)
        else:
            at = len(result)
        for place, shift in (("before", 0), ("after", 1)):
            anchor = item.get(place)
            if anchor is not None:
                if anchor not in ids:
                    raise ValueError(f'{what}[{n}].{place}: no {what[:-1]} "{anchor}"')
                at = ids.index(anchor) + shift
        result.insert(at, entry)
    return result


def _loc_mapper(merged: dict[str, Any], raw: dict[str, Any]) -> Callable[[Loc], Loc | None]:
    """Map a location in the merged agenda to the same place in the file as written."""
    if merged is raw:
        return lambda loc: loc

    def mapped(loc: Loc) -> Loc | None:
        out: list[str | int] = []
        m_node: Any = merged
        r_node: Any = raw
        for part in loc:
            if isinstance(part, int) and isinstance(m_node, list) and isinstance(r_node, list):
                item = m_node[part] if part < len(m_node) else None
                ident = item.get("id") if isinstance(item, dict) else None
                r_ids = [e.get("id") if isinstance(e, dict) else None for e in r_node]
                if ident is None or ident not in r_ids:
                    return tuple(out) or None
                idx = r_ids.index(ident)
                out.append(idx)
                m_node, r_node = item, r_node[idx]
                continue
            out.append(part)
            m_node = m_node.get(part) if isinstance(m_node, dict) else None
            r_node = r_node.get(part) if isinstance(r_node, dict) else None
            if r_node is None:
                return tuple(out[:-1]) or None
        return tuple(out)

    return mapped


def dumps_agenda(agenda: Agenda) -> str:
    """An agenda as TOML that `load_agenda_file` reads back to the same agenda."""
    import tomli_w

    from facilitator.tomlfile import to_toml_data

    return tomli_w.dumps(to_toml_data(agenda.model_dump(mode="python", exclude_none=True)))
