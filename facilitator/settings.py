"""A workspace's own settings (`facilitator.toml`), read when a session is set up.

Kept apart from `facilitator.workspace`, which every command imports on its way
to the first frame: this one needs pydantic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from facilitator.i18n import Lang
from facilitator.tomlfile import FileProblem, read_toml, validation_problems

SETTINGS_FILE = "facilitator.toml"
"""The workspace's own settings, next to `sessions/` and `agendas/`."""


class WorkspaceSettings(BaseModel):
    """What a workspace decides for every session set up in it (`facilitator.toml`):

        risk_scale = 3   # likelihood and consequence from 1 to 3 (default 5)
    """

    model_config = ConfigDict(extra="forbid", frozen=True)
    risk_scale: Literal[3, 5] = 5
    """The top of the scale measures' likelihood and consequence are scored on."""


def load_settings(workspace: Path, lang: Lang = "nb") -> WorkspaceSettings:
    """The settings of `workspace`: the defaults when it has no settings file, and
    `FileProblem` (one line: file, line, field, what was expected) when it has a bad one."""
    path = workspace / SETTINGS_FILE
    if not path.exists():
        return WorkspaceSettings()
    data, text = read_toml(path, lang)
    try:
        return WorkspaceSettings.model_validate(data)
    except ValidationError as exc:
        raise FileProblem(path, validation_problems(path, exc, text, lang)) from None
