"""The law's paragraphs as the app writes them."""

from __future__ import annotations

from facilitator.law import FACTORS, Paragraph, compact_refs


def test_compact_refs_writes_the_laws_own_numbering():
    assert compact_refs([Paragraph.P1, Paragraph.P2D, Paragraph.P4]) == "§ 4-3 (1), (2) d, (4)"
    assert compact_refs([Paragraph.P2]) == "§ 4-3 (2)"
    assert compact_refs([]) == ""
    assert compact_refs(FACTORS).count("(") == len(FACTORS)
