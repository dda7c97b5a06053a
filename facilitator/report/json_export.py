"""The summary as JSON, and the JSON Schema that describes it.

Keys come in the order of the model's fields and are always all there (null
where a value is missing), so a script can rely on them; `schema_version`
changes if they ever change meaning.
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.report import model
from facilitator.report.model import Summary
from facilitator.schema_docs import describe


def render_json(summary: Summary) -> str:
    return json.dumps(summary.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def summary_schema() -> dict[str, Any]:
    """The JSON Schema of `facilitator export --format json` output."""
    schema = Summary.model_json_schema(mode="serialization")
    definitions = schema.get("$defs", {})
    describe({**definitions, "Summary": schema}, model)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "facilitator session summary",
        **{k: v for k, v in schema.items() if k != "title"},
    }
