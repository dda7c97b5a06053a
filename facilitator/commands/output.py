"""Printing tables to the terminal (or plainly, when piped)."""

from __future__ import annotations

import sys

from rich.console import Console


def console() -> Console:
    # soft_wrap off and a generous width when piped, so lines are not cut mid-word
    return Console(highlight=False, width=None if sys.stdout.isatty() else 120)


def err_console() -> Console:
    return Console(stderr=True, highlight=False)
