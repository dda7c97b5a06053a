"""The workspace: the folder whose `sessions/` and `agendas/` the program uses.

`--workspace DIR` wins, then the `FACILITATOR_WORKSPACE` environment variable,
then the current directory.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FACILITATOR_WORKSPACE"


def resolve_workspace(option: str | None = None) -> Path:
    chosen = option or os.environ.get(ENV_VAR) or "."
    return Path(chosen).expanduser().resolve()
