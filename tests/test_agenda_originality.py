"""The shipped agendas are in our own words.

The source documents (`../shared/seeds/`) are for facts; the project writes its own
text, and may quote only the law. The measure: no run of eight words, case and
punctuation aside, that a text of an agenda (bokmål or English) shares with a
source document, leaving out the law quoted in its own quotation marks («…»).

Without the source documents (a fresh clone), the check runs against their
fingerprint in tests/data/seed_shingles.txt; with them, it also checks that the
fingerprint is still theirs.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.agenda.registry import builtin_dir

from law_text import LAW_NB
from seed_shingles import (
    FINGERPRINT,
    SEEDS,
    SIZE,
    digest,
    fingerprint,
    read_fingerprint,
    seed_texts,
    shingles,
    words,
)

SHIPPED = sorted(builtin_dir().glob("*.toml"))
HAVE_SEEDS = bool(seed_texts())
needs_seeds = pytest.mark.skipif(not HAVE_SEEDS, reason=f"no source documents in {SEEDS}")

_QUOTE = re.compile(r"«([^»]*)»")
_LAW_WORDS = [" ".join(words(text)) for text in LAW_NB.values()]


def is_law(quoted: str) -> bool:
    """Whether a quotation is the law word for word (a whole paragraph or a part)."""
    found = " ".join(words(quoted))
    return bool(found) and any(found in law for law in _LAW_WORDS)


def own_words(text: str) -> list[str]:
    """The parts of a text that are ours: the text cut at every quotation of the
    law, so no run of words reaches across one. A quotation of anything else is
    kept and checked like the rest."""
    parts: list[str] = []
    start = 0
    for match in _QUOTE.finditer(text):
        if is_law(match.group(1)):
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return parts


def agenda_texts(node: object, where: str = "") -> Iterator[tuple[str, str]]:
    """Every string of an agenda file, with where it sits (`steps[intro].title.nb`)."""
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from agenda_texts(value, f"{where}.{key}" if where else key)
    elif isinstance(node, list):
        for n, item in enumerate(node):
            label = item.get("id", n) if isinstance(item, dict) else n
            yield from agenda_texts(item, f"{where}[{label}]")


def shared_runs(text: str, seed_hashes: frozenset[str]) -> list[str]:
    """The runs of `SIZE` words or more that a text shares with the sources, each
    as its words, longest first."""
    runs: list[str] = []
    for part in own_words(text):
        found = words(part)
        hits = [
            n
            for n in range(len(found) - SIZE + 1)
            if digest(" ".join(found[n : n + SIZE])) in seed_hashes
        ]
        spans: list[list[int]] = []
        for n in hits:  # overlapping shingles are one longer run
            if spans and n <= spans[-1][1]:
                spans[-1][1] = n + SIZE
            else:
                spans.append([n, n + SIZE])
        runs += [" ".join(found[a:b]) for a, b in spans]
    return sorted(runs, key=lambda run: -len(run.split()))


@pytest.fixture(scope="module")
def seed_hashes() -> frozenset[str]:
    if HAVE_SEEDS:
        return frozenset(fingerprint(seed_texts()))
    return read_fingerprint()


# --- the measure itself ------------------------------------------------------------


def test_words_ignore_case_punctuation_and_dashes():
    assert words("«Arbeidet SKAL – organiseres,» (§ 4-3)…") == [
        "arbeidet",
        "skal",
        "organiseres",
        "4",
        "3",
    ]
    assert list(shingles("en to tre fire fem seks sju åtte ni")) == [
        "en to tre fire fem seks sju åtte",
        "to tre fire fem seks sju åtte ni",
    ]
    assert list(shingles("bare sju ord er ikke en run")) == []


def test_only_the_law_in_its_quotation_marks_is_left_out():
    law = "Første ledd: «støtte og hjelp i arbeidet» og mer."
    assert own_words(law) == ["Første ledd: ", " og mer."]
    # a quotation of anything else is ours to answer for
    other = "De sa «dette er ikke lovens ord i det hele tatt» til oss."
    assert own_words(other) == [other]
    # a law quotation cuts the text: no run reaches across it
    hashes = frozenset(digest(s) for s in shingles("a b c d e f g h"))
    assert shared_runs("a b c d «støtte og hjelp i arbeidet» e f g h", hashes) == []
    assert shared_runs("Z a b c d e f g h i", hashes) == ["a b c d e f g h"]


def test_every_shipped_agenda_has_texts_to_check():
    assert len(SHIPPED) >= 9
    for path in SHIPPED:
        texts = list(agenda_texts(tomllib.loads(path.read_text(encoding="utf-8"))))
        assert any(where.endswith(".nb") for where, _ in texts), path
        assert any(where.endswith(".en") for where, _ in texts), path


# --- the agendas against the sources -----------------------------------------------


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_no_agenda_shares_a_run_of_eight_words_with_a_source(path: Path, seed_hashes):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found = [
        f"{where}: {run}"
        for where, text in agenda_texts(data)
        for run in shared_runs(text, seed_hashes)
    ]
    assert not found, "\n".join(["in the words of a source document:", *found])


# --- the fingerprint ---------------------------------------------------------------


def test_the_fingerprint_is_committed_and_well_formed():
    lines = FINGERPRINT.read_text(encoding="ascii").splitlines()
    assert len(lines) > 1000
    assert lines == sorted(set(lines))
    assert all(re.fullmatch(r"[0-9a-f]{16}", line) for line in lines)


@needs_seeds
def test_the_fingerprint_is_the_source_documents_of_today():
    """After the sources change: `.venv/bin/python tests/seed_shingles.py`."""
    assert read_fingerprint() == frozenset(fingerprint(seed_texts()))


@needs_seeds
def test_a_sentence_from_a_source_is_caught_even_in_quotation_marks(seed_hashes):
    # read from the source at test time: the repository holds no source text
    source = words(seed_texts()[0].read_text(encoding="utf-8"))
    borrowed = " ".join(source[20:32])
    assert shared_runs(f"Vi skriver: {borrowed.upper()}!", seed_hashes) == [borrowed]
    assert shared_runs(f"Han sa «{borrowed}».", seed_hashes) == [borrowed]
    assert shared_runs(f"Vi skriver: {borrowed}", read_fingerprint()) == [borrowed]
