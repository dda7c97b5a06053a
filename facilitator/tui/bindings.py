"""Key bindings whose descriptions follow the user's language.

Bindings are declared once per class with string keys from `strings.py` as
descriptions and tooltips; `localize` swaps in the words of the language the
app runs in, so the footer, F1 help and command palette all speak it.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from textual.dom import DOMNode

from facilitator.i18n import Lang
from facilitator.tui.strings import has, s


def localize(node: DOMNode, lang: Lang) -> None:
    table = node._bindings.key_to_bindings  # the node's own copy of its class bindings
    _localize_select_overlay(lang)
    for key, bindings in table.items():
        table[key] = [
            replace(
                b,
                description=s(b.description, lang) if has(b.description) else b.description,
                tooltip=s(b.tooltip, lang) if has(b.tooltip) else b.tooltip,
            )
            for b in bindings
        ]


def _localize_select_overlay(lang: Lang) -> None:
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
