"""Fingerprints of the source documents, so a test can tell whether our agendas
copy them without shipping the documents themselves.

A text is compared as 8-word shingles: every run of eight words, after case and
punctuation are taken away. Two texts that share a shingle share a run of eight
words. The seeds' shingles are kept as hashes (tests/data/seed_shingles.txt), one
per line, so the check also runs in a clone that has no `../shared/seeds/`.

Regenerate the file after the seeds change:

    .venv/bin/python tests/seed_shingles.py
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"
"""Where the source documents sit next to the repository (not in it)."""
FINGERPRINT = HERE / "data" / "seed_shingles.txt"
SIZE = 8
"""Eight words in a row in common is more than chance and shared vocabulary give."""
_HEX = 16
"""64 bits of each hash: with some ten thousand shingles on each side a false match
is about as likely as one in a hundred million."""

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words of a text in lower case, punctuation, dashes and quotation marks
    taken away: `«Arbeidet skal – 4-3»` is `arbeidet skal 4 3`."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SIZE) -> Iterator[str]:
    """Every run of `size` words, as the words joined by single spaces."""
    found = words(text)
    for n in range(len(found) - size + 1):
        yield " ".join(found[n : n + size])


def digest(shingle: str) -> str:
    return hashlib.sha256(shingle.encode("utf-8")).hexdigest()[:_HEX]


def seed_texts(folder: Path = SEEDS) -> list[Path]:
    """The source documents (the folder's README describes them and is not one)."""
    return sorted(folder.glob("*.txt"))


def fingerprint(paths: Iterable[Path]) -> list[str]:
    """The hashes of every shingle of these files, sorted, each once."""
    found = {digest(s) for path in paths for s in shingles(path.read_text(encoding="utf-8"))}
    return sorted(found)


def read_fingerprint(path: Path = FINGERPRINT) -> frozenset[str]:
    return frozenset(path.read_text(encoding="ascii").split())


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else SEEDS
    paths = seed_texts(folder)
    if not paths:
        print(f"no seed documents in {folder}", file=sys.stderr)
        return 1
    FINGERPRINT.parent.mkdir(exist_ok=True)
    hashes = fingerprint(paths)
    FINGERPRINT.write_text("".join(f"{h}\n" for h in hashes), encoding="ascii")
    print(f"{FINGERPRINT}: {len(hashes)} shingles from {len(paths)} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
