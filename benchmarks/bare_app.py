"""The baseline for start-up and memory: the least a Textual app can be, one
`Static` on a screen. Ctrl+Q quits it (Textual's own binding)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

MARKER = "Bare Textual app"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(MARKER)


if __name__ == "__main__":
    BareApp().run()
