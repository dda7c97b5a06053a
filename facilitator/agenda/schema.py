"""The JSON Schema of agenda files, for editors (Taplo / Even Better TOML, VS Code).

A file without `extends` must be a complete agenda. A file with `extends` only
says what differs from its parent, so there every field except the ids of
steps and phases is optional, and entries may carry `before`, `after`, `remove`.
"""

from __future__ import annotations

import copy
from typing import Any

from facilitator.agenda import model
from facilitator.agenda.model import Agenda
from facilitator.schema_docs import describe

SCHEMA_ID = "https://facilitator.invalid/agenda.schema.json"


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
    describe(all_defs, model)
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
