"""Which paragraphs of § 4-3 agendas cover, written short the way the law numbers
them: `(1), (2) a–d, (3)–(6)`."""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.law import FACTORS, Paragraph

_ORDER = list(Paragraph)


def _runs(items: list[str]) -> list[list[str]]:
    """Neighbours grouped: ["3", "4", "5"] is one run, and so is ["2a", "2b"].
    `items` are all whole paragraphs or all letters, in the law's order."""
    order = [p.value for p in _ORDER if len(p.value) == len(items[0])] if items else []
    runs: list[list[str]] = []
    for item in items:
        if runs and order.index(item) == order.index(runs[-1][-1]) + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def _joined(run: list[str], show: dict[str, str]) -> list[str]:
    if len(run) >= 3:
        return [f"{show[run[0]]}–{show[run[-1]]}"]
    return [show[item] for item in run]


def short_refs(paragraphs: Iterable[Paragraph | str]) -> str:
    """`(1), (2) d, (4)`; three or more in a row are a range, `(2) a–d`, `(3)–(6)`.

    (2) on its own is the whole list of factors; next to its letters it adds
    nothing, so `["2", "2a", "2b"]` is `(2) a, b`."""
    keys = sorted({Paragraph(p) for p in paragraphs}, key=_ORDER.index)
    letters = [p.value for p in keys if len(p.value) == 2]
    whole = [p.value for p in keys if len(p.value) == 1]
    if letters and "2" in whole:
        whole.remove("2")
    parts: list[tuple[int, str]] = []
    for run in _runs(whole):
        shown = _joined(run, {w: f"({w})" for w in run})
        parts.extend((_ORDER.index(Paragraph(run[0])), s) for s in shown)
    if letters:
        letter_runs = [_joined(run, {x: x[1] for x in run}) for run in _runs(letters)]
        text = "(2) " + ", ".join(s for shown in letter_runs for s in shown)
        parts.append((_ORDER.index(Paragraph.P2), text))
    return ", ".join(text for _, text in sorted(parts))


def missing_factors(paragraphs: Iterable[Paragraph | str]) -> list[Paragraph]:
    """The factor paragraphs of § 4-3 (1, 2a–2d, 3–6) not among `paragraphs`.

    (2) alone does not count for its letters: a plan that names only (2) has not
    looked at any one factor of it."""
    have = {Paragraph(p) for p in paragraphs}
    return [f for f in FACTORS if f not in have]
