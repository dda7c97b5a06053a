"""Textual's own words on screen, in the user's language.

Textual writes a few strings of its own in English with no setting to change
them: the command palette's "No matches found", the theme picker's "Search for
themes…", the note that Ctrl+C does not quit, and the footer of an open `Select`
list. The app replaces two through public methods (`search_themes`, which uses
`theme_palette` here, and `action_help_quit`); the others, and reading a node's
own bindings to put them in the user's language, need Textual's private
attributes. Every such use is here, in one place, so that an upgrade of Textual
(pinned exactly in pyproject.toml) has one module to check; tests/test_tui_words.py
shows each of these words on screen, so an upgrade that moves them fails there,
not in front of a group.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.widgets.option_list import Option

from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s


class Palette(CommandPalette):
    """Textual's command palette with our search line and our "no matches"."""

    def __init__(self, lang: Lang, placeholder: str, **kwargs: Any) -> None:
        super().__init__(placeholder=placeholder, **kwargs)
        self.lang = lang

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own method (textual/command.py) with the words changed; it puts
        # the line in after a short wait, so that a search still running is not
        # told it found nothing.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(s("palette_no_matches", self.lang), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def theme_palette(lang: Lang) -> Palette:
    """The theme picker (Textual's `App.search_themes`), searching in our words."""
    from textual.theme import ThemeProvider

    return Palette(lang, s("palette_theme_search", lang), providers=[ThemeProvider])


def own_bindings(node: DOMNode) -> dict[str, list[Binding]]:
    """The node's own copy of its class's bindings, by key (Textual keeps it in
    `_bindings`; there is no public way to read or relabel them)."""
    return node._bindings.key_to_bindings


def localize_select_overlay(lang: Lang) -> None:
    """The open list of a `Select` shows "Dismiss menu" in the footer, in English.
    Its bindings are copied from the class when the list is made, so the class's
    copy gets the user's words. Only once Select is loaded: importing it here would
    slow the start screen, which has none."""
    module = sys.modules.get("textual.widgets._select")
    merged = getattr(getattr(module, "SelectOverlay", None), "_merged_bindings", None)
    if merged is None:
        return
    for key, bindings in merged.key_to_bindings.items():
        merged.key_to_bindings[key] = [
            replace(b, description=s("select_dismiss", lang)) if b.action == "dismiss" else b
            for b in bindings
        ]
