"""The HTML page keeps dates, times and figures unbroken (`html_page._unbroken`).
For a pack over thousands of sessions that took a fifth of the time, so it skips
lines that cannot hold one and lets the search pass over places where none can
start. These tests hold it to the plain form: every pattern tried everywhere."""

from __future__ import annotations

import re
from html import escape

from hypothesis import example, given
from hypothesis import strategies as st
from test_management_invariance import SETTINGS

from facilitator.report import html_page

# The patterns as they were, without the lookahead in front.
_PLAIN = re.compile(html_page._UNBROKEN.pattern.removeprefix(r"(?=[\d§k(])(?:").removesuffix(")"))


def _plain(line: str) -> str:
    out, at = [], 0
    for m in _PLAIN.finditer(line):
        out += [escape(line[at : m.start()]), f'<span class="nw">{escape(m.group())}</span>']
        at = m.end()
    out.append(escape(line[at:]))
    return "".join(out)


_PIECES = st.sampled_from(
    [
        "15.04.2026", "2026-04-15", "2026-01-19-5a9bde", "2. mars 2026", "2 March 2026",
        "kl. 09:00", "8:05", "1:02:09", "09:00–10:30", "12 (4 × 3)", "(4 × 3)", "§ 4-3",
        "§4-3-faktor", "§ 4-3 a", " ", "k", "kl.", "(", ")", "×", "<b>", "&", "'", "٣",
        "é", "møte", "\u00a0", "-", ".", ":",
    ]
)  # fmt: skip


@SETTINGS
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=12).map("".join))
@example("Frist 15.04.2026 kl. 09:00, risiko 12 (4 × 3), § 4-3-faktor")
@example("١٢.٠٤.٢٠٢٦ og ٣:٠٥")  # digits of other scripts are digits to `\d` too
@example("ingen tall her, bare kl. og (×)")
def test_the_same_spans_as_every_pattern_tried_everywhere(line):
    assert html_page._unbroken(line) == _plain(line)


def test_the_lookahead_names_every_first_character_a_pattern_can_have():
    # Each alternative of the plain pattern starts with a digit, `k` (of `kl.`),
    # `(` (of a score) or `§`: a new alternative that starts otherwise must
    # widen the lookahead (and `_MAY_BE_UNBROKEN`).
    assert html_page._UNBROKEN.pattern.startswith(r"(?=[\d§k(])(?:")
    for line in ("kl. 09:00", "(4 × 3)", "§ 4", "2026-04-15"):
        assert html_page._UNBROKEN.search(line) is not None
