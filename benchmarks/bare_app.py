"""The baseline for start-up and memory: the least a Textual app can be, one
`Static` on a screen. Ctrl+Q quits it (Textual's own binding).

    python benchmarks/bare_app.py [MODULE ...]

imports the modules named first: with `facilitator.session.model`, it shows
what the session model (and pydantic) alone add to a start-up."""

from __future__ import annotations

import importlib
import sys

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "Bare Textual app"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(MARKER)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        importlib.import_module(name)
    BareApp().run()
