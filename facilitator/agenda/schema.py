"""The JSON Schema of agenda files, for editors (Taplo / Even Better TOML, VS Code).

A file without `extends` must be a complete agenda. A file with `extends` only
says what differs from its parent, so there every field except the ids of
steps and phases is optional, and entries may carry `before`, `after`, `remove`.
"""

from __future__ import annotations

import ast
import copy
import inspect
import textwrap
from typing import Any

from pydantic import BaseModel

from facilitator.agenda import model
from facilitator.agenda.model import Agenda

SCHEMA_ID = "https://facilitator.invalid/agenda.schema.json"


def attribute_docs(cls: type) -> dict[str, str]:
    """The docstring written under each field of `cls` (what pydantic's
    `use_attribute_docstrings` would read at import), by field name."""
    (node,) = ast.parse(textwrap.dedent(inspect.getsource(cls))).body
    assert isinstance(node, ast.ClassDef)
    docs = {}
    for field, after in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docs[field.target.id] = inspect.cleandoc(after.value.value)
    return docs


def _describe(defs: dict[str, Any]) -> None:
    """Give each field of our models its docstring as its description, unless the
    field already has one from `Field(description=...)`."""
    for name, definition in defs.items():
        cls = getattr(model, name, None)
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
            continue
        props = definition.get("properties", {})
        for field, doc in attribute_docs(cls).items():
            if field in props:
                props[field].setdefault("description", doc)


def _relaxed(defs: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(defs)
    for name, definition in out.items():
        keep = ["id"] if name in ("Step", "Phase") else []
        if "required" in definition:
            definition["required"] = [r for r in definition["required"] if r in keep]
            if not definition["required"]:
                del definition["required"]
        if name in ("Step", "Phase"):
            props = definition.setdefault("properties", {})
            props["before"] = {
                "type": "string",
                "description": "Place this entry before the one with this id.",
            }
            props["after"] = {
                "type": "string",
                "description": "Place this entry after the one with this id.",
            }
            props["remove"] = {
                "type": "boolean",
                "description": "Remove the inherited entry with this id.",
            }
    return out


def _rename_refs(node: Any, suffix: str) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                v.replace("#/$defs/", "#/$defs/") + suffix
                if k == "$ref"
                else _rename_refs(v, suffix)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rename_refs(v, suffix) for v in node]
    return node


def agenda_file_schema() -> dict[str, Any]:
    strict = Agenda.model_json_schema()
    defs = strict.pop("$defs", {})
    top = strict
    all_defs = dict(defs)
    all_defs["Agenda"] = top
    _describe(all_defs)
    partial = {f"{k}Override": v for k, v in _relaxed(all_defs).items()}
    partial = {k: _rename_refs(v, "Override") for k, v in partial.items()}
    partial["AgendaOverride"].setdefault("required", [])
    partial["AgendaOverride"]["required"] = ["id", "extends"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "facilitator agenda",
        "description": "An agenda file for facilitator (TOML). Texts have nb and en.",
        "if": {"required": ["extends"]},
        "then": {"$ref": "#/$defs/AgendaOverride"},
        "else": {"$ref": "#/$defs/Agenda"},
        "$defs": {**all_defs, **partial},
    }
