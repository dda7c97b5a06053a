"""One lookup for every catalogue of words.

A catalogue is a module of this package with a `WORDS` dict, `key: (bokmål,
English)`. Each has a handle here (`cli`, `screen`, `document`) that looks a key up
and fills in its placeholders: `screen("key_quit", lang)`,
`document("present_count", lang, n=5)`. A catalogue is imported the first time one
of its words is asked for, so importing this module costs next to nothing (the
command line's `--help` imports it; it never needs the screen's words).
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import cast

from facilitator.i18n import Lang, pick

Pair = tuple[str, str]
"""A text in Norwegian bokmål and in English."""


class Catalogue:
    """The words of one catalogue module, loaded on first use."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._words: Mapping[str, Pair] | None = None

    @property
    def words(self) -> Mapping[str, Pair]:
        if self._words is None:
            module = import_module(f"facilitator.i18n.{self.name}")
            self._words = cast("Mapping[str, Pair]", module.WORDS)
        return self._words

    def __call__(self, key: str, lang: Lang, **values: object) -> str:
        """The text `key` in `lang` with `values` filled in. A key that is not
        there, or a placeholder with no value, raises `KeyError`: a word missing
        from the screen is a bug to find in the tests, not something to show."""
        try:
            nb, en = self.words[key]
        except KeyError:
            raise KeyError(f"no words for {key!r} in facilitator.i18n.{self.name}") from None
        text = pick(lang, nb=nb, en=en)
        # Asked for without values, a text comes as it is; tests/test_i18n.py checks
        # that every lookup with a literal key gives each placeholder a value.
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in self.words

    def __contains__(self, key: object) -> bool:
        return key in self.words


cli = Catalogue("cli_words")
"""The command line's words."""
screen = Catalogue("screen_words")
"""The screen app's words."""
document = Catalogue("document_words")
"""The documents' words (summary, record, action plan, evidence pack, calendar)."""

CATALOGUES: tuple[Catalogue, ...] = (cli, screen, document)


def argparse_translation(lang: Lang) -> None:
    """Have argparse word its headings and errors in `lang`. argparse builds them
    with gettext; in bokmål we answer those few strings ourselves so the help reads
    as one language."""
    import argparse

    from facilitator.i18n.cli_words import ARGPARSE_NB

    table: Mapping[str, str] = pick(lang, nb=ARGPARSE_NB, en={})
    argparse._ = lambda s: table.get(s, s)  # type: ignore[attr-defined]
