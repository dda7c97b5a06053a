"""Field descriptions for the JSON Schemas we publish, read from the docstrings
written under each field of a pydantic model.

pydantic can do this itself (`use_attribute_docstrings`), but it reads and parses
the model's source file every time the model is imported, which every command
and the screen app would pay for (15-20 ms each for the agenda and session
models). Only `agenda schema` and `export --schema` need the texts, so they are
read here, when a schema is made.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from types import ModuleType
from typing import Any

from pydantic import BaseModel


def attribute_docs(cls: type) -> dict[str, str]:
    """The docstring written under each field of `cls`, by field name; none when
    the source is not there to read (an install without .py files): the schema
    then goes out without descriptions rather than not at all."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return {}
    node = ast.parse(textwrap.dedent(source)).body[0]
    if not isinstance(node, ast.ClassDef):
        return {}
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


def describe(definitions: dict[str, Any], models: ModuleType) -> None:
    """Give each property of each schema definition named after a model in `models`
    the docstring of its field, unless `Field(description=...)` already gave one."""
    for name, definition in definitions.items():
        cls = getattr(models, name, None)
        if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
            continue
        props = definition.get("properties", {})
        for field, doc in attribute_docs(cls).items():
            if field in props:
                props[field].setdefault("description", doc)
