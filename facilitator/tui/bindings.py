"""Key bindings whose descriptions follow the user's language.

Bindings are declared once per class with string keys from `strings.py` as
descriptions and tooltips; `localize` swaps in the words of the language the
app runs in, so the footer, F1 help and command palette all speak it.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.tui.textual_words import localize_select_overlay, own_bindings


def localize(node: DOMNode, lang: Lang) -> None:
    table = own_bindings(node)
    localize_select_overlay(lang)
    for key, bindings in table.items():
        table[key] = [
            replace(
                b,
                description=s(b.description, lang) if s.has(b.description) else b.description,
                tooltip=s(b.tooltip, lang) if s.has(b.tooltip) else b.tooltip,
            )
            for b in bindings
        ]
