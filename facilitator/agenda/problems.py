"""What is wrong with an agenda file, one line a problem, in words an HMS adviser can
act on without reading the code: the file and line, the field as written in the
file, what was expected, and, where it can be guessed, what was probably meant.

`tomlfile.explain` gives the general wording; here it is sharpened for agendas: a
misspelt key gets the nearest field, a typo in a value the nearest allowed one, a
missing `en` says that every text needs both languages, and a new step in a file
with `extends` that lacks a title asks whether an existing step was meant.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from facilitator.agenda.model import Agenda
from facilitator.agenda.suggest import did_you_mean, slug_from
from facilitator.i18n import Lang, pick
from facilitator.law import Paragraph
from facilitator.localized import LocalizedText
from facilitator.tomlfile import Loc, explain, format_loc, locate, shown_id

_PLACEMENT_KEYS = ("before", "after", "remove")
_WHAT = {"steps": ("steg", "step"), "phases": ("fase", "phase")}
# Bokmål's articles and adjectives follow the noun's gender: et steg, en fase.
_NB_FORMS = {
    "steg": {"every": "hvert", "which": "hvilket", "a": "et", "new": "et nytt", "no": "noe"},
    "fase": {"every": "hver", "which": "hvilken", "a": "en", "new": "en ny", "no": "noen"},
}


_NOT_GIVEN: Any = object()


class MergeProblem(Exception):
    """An entry of `steps` or `phases` in a file with `extends` that cannot be merged.

    `loc` is the entry as written in the file (`("steps", 2)`), `key` what is wrong
    with it (`id` missing, or a `remove`/`before`/`after` naming no entry), and
    `known` the ids it could have named. `got`, when given, is a value of `key` of
    the wrong type (`remove = "ja"`): the problem is then that value."""

    def __init__(
        self,
        loc: Loc,
        key: str,
        anchor: str | None,
        known: Sequence[str],
        got: Any = _NOT_GIVEN,
    ) -> None:
        super().__init__(f"{loc}: {key}")
        self.loc, self.key, self.anchor, self.known = loc, key, anchor, tuple(known)
        self.got = got

    @property
    def wrong_type(self) -> bool:
        return self.got is not _NOT_GIVEN


@dataclass(frozen=True)
class AgendaText:
    """An agenda file as read: its path and text, the data as written (`raw`), the
    data after `extends` (`merged`, the same object without it) and the parent's."""

    path: Path
    text: str
    raw: dict[str, Any]
    merged: dict[str, Any]
    parent: dict[str, Any] | None = None

    def where(self, loc: Loc | None) -> str:
        line = locate(self.text, loc) if loc else None
        return f"{self.path}:{line}" if line else str(self.path)


def mean(lang: Lang, what: str, after: str = "") -> str:
    """` (mente du …?)` after `after`: `what` is written as it would be typed into the
    file. After a message that ends in parentheses, `(fikk 'rund')`, the question
    follows a semicolon instead."""
    question = pick(lang, nb=f"mente du {what}?", en=f"did you mean {what}?")
    if after.endswith(")"):
        return f"{after}; {question}"
    return f"{after} ({question})"


def merge_problem_line(f: AgendaText, p: MergeProblem, lang: Lang) -> str:
    nb = pick(lang, nb=True, en=False)
    if p.wrong_type:  # only `remove` has a type the merge itself must check
        at = (*p.loc, p.key)
        head = f"{f.where(at)}: {format_loc(at, f.raw)}: "
        return head + _expected_plain("bool_type", p.key, p.got, lang)
    what_nb, what_en = _WHAT.get(str(p.loc[-2]), ("steg", "step"))
    nb_forms = _NB_FORMS[what_nb]
    known = _listed(p.known)
    anchor = shown_id(p.anchor or "")
    if p.key == "id":
        head = f"{f.where(p.loc)}: {format_loc(p.loc, f.raw) or p.loc[0]}: "
        return head + (
            f"{nb_forms['every']} {what_nb} trenger en `id` når opplegget har `extends`: id-en "
            f"sier {nb_forms['which']} {what_nb} som endres, eller hva {nb_forms['new']} "
            f"{what_nb} skal hete (de som finnes: {known})"
            if nb
            else f"every {what_en} needs an `id` when the agenda has `extends`: the id says "
            f"which {what_en} to change, or names a new one (those there are: {known})"
        )
    # `remove = true` is about the entry's id: that is the line and the key to fix
    key = "id" if p.key == "remove" else p.key
    at = (*p.loc, key)
    head = f"{f.where(at)}: {format_loc(at, f.raw)}: "
    guess = did_you_mean(p.anchor or "", p.known)
    hint = mean(lang, f'`{key} = "{shown_id(guess)}"`') if guess else ""
    if not guess:
        hint = f" ({'de som finnes' if nb else 'those there are'}: {known})"
    if p.key == "remove":
        return head + (
            f"det finnes ikke {nb_forms['no']} {what_nb} «{anchor}» å ta bort{hint}"
            if nb
            else f'there is no {what_en} "{anchor}" to remove{hint}'
        )
    where_nb = "foran" if p.key == "before" else "etter"
    return head + (
        f"det finnes ikke {nb_forms['no']} {what_nb} «{anchor}» å sette dette {where_nb}{hint}"
        if nb
        else f'there is no {what_en} "{anchor}" to put this {p.key}{hint}'
    )


def _listed(ids: Sequence[str], most: int = 12) -> str:
    shown = [shown_id(i) for i in ids[:most]]
    return ", ".join(shown) + (", …" if len(ids) > most else "")


def validation_lines(f: AgendaText, exc: ValidationError, lang: Lang) -> list[str]:
    """One line per error, sorted by line: `file:line: field: what is wrong`."""
    found: list[tuple[int, str]] = []
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(p for p in err["loc"] if not _is_tag(p))
        at = (err.get("ctx") or {}).get("at")
        if isinstance(at, list | tuple):
            loc = (*loc, *at)  # a rule of ours that names the field it is about
        file_loc, whole = _to_file(f.merged, f.raw, loc)
        line = locate(f.text, file_loc) if file_loc else None
        # The field as the file says it: a new step in a file with `extends` is
        # steps[0] there, whatever its place in the merged agenda.
        field = format_loc(file_loc, f.raw) if whole else format_loc(loc, f.merged)
        field = field or pick(lang, nb="(øverste nivå)", en="(top level)")
        where = f"{f.path}:{line}" if line else str(f.path)
        found.append((line or 0, f"{where}: {field}: {_explain(f, err, loc, lang)}"))
    return [text for _, text in sorted(found, key=lambda item: item[0])]


def _is_tag(part: object) -> bool:
    # pydantic adds the function name of a model validator to the location
    return isinstance(part, str) and part.startswith("function-")


def _explain(f: AgendaText, err: Any, loc: Loc, lang: Lang) -> str:
    kind, value = err["type"], err.get("input")
    key = next((p for p in reversed(loc) if isinstance(p, str)), "")
    if kind == "extra_forbidden":
        return _unknown_key(f, loc, lang)
    if kind == "missing":
        return _missing(f, loc, lang)
    if kind in ("int_type", "bool_type"):
        return _expected_plain(kind, key, value, lang)
    base = explain(err, lang)
    if kind == "model_type" and isinstance(value, str) and _model_at(loc) is LocalizedText:
        # `title = "Innsjekk"`: the text is there, in one language only
        example = pick(
            lang,
            nb=f'`{key} = {{ nb = "{shown_id(value)}", en = "…" }}`',
            en=f'`{key} = {{ nb = "…", en = "{shown_id(value)}" }}`',
        )
        return mean(lang, example, base)
    if kind == "list_type" and isinstance(value, str | int):
        return mean(lang, f'`{key} = ["{shown_id(str(value))}"]`', base)
    if kind in ("enum", "literal_error") and len(loc) >= 2 and loc[-2] == "paragraphs":
        return _paragraph_hint(value, base, lang)
    if kind in ("enum", "literal_error") and isinstance(value, str | int):
        options = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
        guess = did_you_mean(str(value), options)
        if guess:
            return mean(lang, f'`{key} = "{guess}"`' if loc[-1] == key else f'"{guess}"', base)
    pattern = str((err.get("ctx") or {}).get("pattern", ""))
    if kind == "string_pattern_mismatch" and pattern.startswith("^[a-z0-9]"):
        return mean(lang, f'`{key} = "{slug_from(str(value))}"`', base)
    return base


def _expected_plain(kind: str, key: str, value: object, lang: Lang) -> str:
    """A whole number (`int_type`) or true or false (`bool_type`) was expected in
    `key`, and `value` came: `remove = "ja"` is told to write `remove = true`."""
    if not isinstance(value, str):
        return explain({"type": kind, "input": value}, lang)
    example = "10" if kind == "int_type" else "true"
    return pick(
        lang,
        nb=f"forventet {'et heltall' if kind == 'int_type' else 'true eller false'} uten "
        f"anførselstegn, som {key} = {example} (fikk «{shown_id(value)}»)",
        en=f"expected {'a whole number' if kind == 'int_type' else 'true or false'} "
        f'without quotes, like {key} = {example} (got "{shown_id(value)}")',
    )


def _paragraph_hint(value: object, base: str, lang: Lang) -> str:
    """`"(2) c"`, `2` or `"2C"` for `"2c"`; `"2e"` is told that (2) has a to d only."""
    options = [p.value for p in Paragraph]
    plain = re.sub(r"[^0-9a-z]", "", str(value).lower().replace("4-3", ""))
    if plain in options and plain != value:
        return mean(lang, f'"{plain}"', base)
    if re.fullmatch(r"2[e-z]", plain):
        return base + pick(
            lang,
            nb="; andre ledd har bare bokstavene a–d",
            en="; paragraph 2 has only the letters a–d",
        )
    return base


def _unknown_key(f: AgendaText, loc: Loc, lang: Lang) -> str:
    options = _fields_at(loc[:-1])
    if f.parent is not None and len(loc) >= 2 and loc[-3:-2] and loc[-3] in _WHAT:
        options += list(_PLACEMENT_KEYS)
    guess = did_you_mean(str(loc[-1]), options)
    if guess:
        return pick(lang, nb="ukjent felt", en="unknown field") + mean(lang, f"`{guess}`")
    return pick(
        lang,
        nb=f"ukjent felt; her kan du bruke {', '.join(options)}",
        en=f"unknown field; the fields here are {', '.join(options)}",
    )


def _missing(f: AgendaText, loc: Loc, lang: Lang) -> str:
    nb = pick(lang, nb=True, en=False)
    field = str(loc[-1])
    if field in ("nb", "en") and _model_at(loc[:-1]) is LocalizedText:
        owner = next((p for p in reversed(loc[:-1]) if isinstance(p, str)), "title")
        which = ("bokmål", "engelsk") if nb else ("Norwegian bokmål", "English")
        missing = which[0] if field == "nb" else which[1]
        # the example shows the text that is there, so it is plain which one is missing
        there = _node(f.merged, loc[:-1]) or {}
        other = "en" if field == "nb" else "nb"
        shown = there.get(other) if isinstance(there, dict) else None
        shown = shown if isinstance(shown, str) and len(shown) <= 40 and "\n" not in shown else "…"
        texts = {"nb": "…", "en": "…", other: shown}
        example = f'{owner} = {{ nb = "{texts["nb"]}", en = "{texts["en"]}" }}'
        return (
            f"teksten på {missing} (`{field}`) mangler; hver tekst skrives på både bokmål "
            f"og engelsk: {example}"
            if nb
            else f"the {missing} text (`{field}`) is missing; every text is written in both "
            f"Norwegian bokmål and English: {example}"
        )
    if loc == ("steps",):
        return (
            "mangler; et opplegg trenger minst ett steg: [[steps]] med id, title og minutes"
            if nb
            else "missing; an agenda needs at least one step: [[steps]] with id, title and minutes"
        )
    new = _new_entry(f, loc)
    if new is not None:
        raw_id, known, what = new
        what_nb, what_en = _WHAT[what]
        nb_forms = _NB_FORMS[what_nb]
        guess = did_you_mean(raw_id, known)
        hint = mean(lang, f'`id = "{shown_id(guess)}"`') if guess else ""
        ident, parent = shown_id(raw_id), shown_id(str(f.merged.get("extends", "")))
        return (
            f"mangler; «{ident}» er ikke {nb_forms['a']} {what_nb} i «{parent}», så det blir "
            f"{nb_forms['new']} {what_nb}, og {nb_forms['new']} {what_nb} trenger `{field}`{hint}"
            if nb
            else f'missing; "{ident}" is not a {what_en} of "{parent}", so it is a new '
            f"{what_en}, and a new {what_en} needs `{field}`{hint}"
        )
    return "mangler; feltet må være med" if nb else "missing; this field is required"


def _new_entry(f: AgendaText, loc: Loc) -> tuple[str, list[str], str] | None:
    """For a field missing from a step or phase that the parent does not have: its id,
    the ids the parent has there, and which list it is."""
    if f.parent is None or len(loc) < 3 or loc[-3] not in _WHAT:
        return None
    entry_loc, what = loc[:-1], str(loc[-3])
    entry, inherited = _node(f.merged, entry_loc), _node(f.parent, entry_loc[:-2])
    ident = entry.get("id") if isinstance(entry, dict) else None
    if what == "phases":
        # the parent's step of the same id, wherever it sits in the parent
        step = _node(f.merged, entry_loc[:-2])
        step_id = step.get("id") if isinstance(step, dict) else None
        parent_steps = f.parent.get("steps", [])
        inherited = next(
            (s for s in parent_steps if isinstance(s, dict) and s.get("id") == step_id), {}
        )
    siblings = inherited.get(what, []) if isinstance(inherited, dict) else []
    known = [e["id"] for e in siblings if isinstance(e, dict) and isinstance(e.get("id"), str)]
    if not isinstance(ident, str) or ident in known:
        return None
    return ident, known, what


def _node(data: Any, loc: Loc) -> Any:
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, through `list[...]`, `X | None` and `Annotated`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _model_at(loc: Loc) -> type[BaseModel] | None:
    model: type[BaseModel] | None = Agenda
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _model_in(field.annotation) if field is not None else None
    return model


def _fields_at(loc: Loc) -> list[str]:
    model = _model_at(loc)
    return list(model.model_fields) if model is not None else []


def _to_file(merged: dict[str, Any], raw: dict[str, Any], loc: Loc) -> tuple[Loc, bool]:
    """A location in the merged agenda as a location in the file as written, as far
    as the file has it, and whether it has all of it. Entries of `steps` and
    `phases` are matched by id: a new step that is the merged agenda's eleventh
    may be the file's first."""
    if merged is raw:
        return loc, True
    out: list[str | int] = []
    m_node: Any = merged
    r_node: Any = raw
    for part in loc:
        if isinstance(part, str):
            out.append(part)
            m_node = m_node.get(part) if isinstance(m_node, dict) else None
            r_node = r_node.get(part) if isinstance(r_node, dict) else None
            continue
        item = m_node[part] if isinstance(m_node, list) and part < len(m_node) else None
        ident = item.get("id") if isinstance(item, dict) else None
        r_ids = [e.get("id") if isinstance(e, dict) else None for e in r_node or []]
        if ident is None or ident not in r_ids:
            return tuple(out), False  # an entry the file does not touch
        out.append(r_ids.index(ident))
        m_node, r_node = item, r_node[r_ids.index(ident)]
    return tuple(out), True
