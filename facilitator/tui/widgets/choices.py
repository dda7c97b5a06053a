"""Choices the screens offer in more than one place."""

from __future__ import annotations

from textual.widgets import Select

from facilitator.i18n import Lang
from facilitator.i18n.words import screen as s
from facilitator.session.model import NamesPolicy


def names_policy_options(lang: Lang) -> list[tuple[str, str]]:
    """What names may go to management: in setup and in the export preview."""
    return [(s(f"names_policy_{p.value}", lang), p.value) for p in NamesPolicy]


def names_policy_select(lang: Lang, value: NamesPolicy, widget_id: str) -> Select[str]:
    return Select(names_policy_options(lang), value=value.value, allow_blank=False, id=widget_id)
