"""The join link as a QR code: SVG for the wall, text for the terminal."""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    """An inline `<svg>` with no size of its own (the page scales it) and no style
    attribute (the pages' CSP allows no inline style)."""
    return str(segno.make(url, error="l").svg_inline(border=2, omitsize=True))


def qr_text(url: str) -> str:
    """The code in half blocks, two rows of modules to a line, for the facilitator's
    terminal (dark modules as ink; a quiet zone of two modules around). Drawn light
    on dark it reads inverted, which phone cameras scan as well."""
    matrix = [list(row) for row in segno.make(url, error="l").matrix]
    size = len(matrix)
    quiet = 2
    rows = [[0] * (size + 2 * quiet) for _ in range(quiet)]
    rows += [[0] * quiet + [1 if m else 0 for m in row] + [0] * quiet for row in matrix]
    rows += [[0] * (size + 2 * quiet) for _ in range(quiet + (size + 2 * quiet) % 2)]
    glyphs = {(0, 0): " ", (1, 0): "▀", (0, 1): "▄", (1, 1): "█"}
    return "\n".join(
        "".join(glyphs[top, bottom] for top, bottom in zip(rows[i], rows[i + 1], strict=True))
        for i in range(0, len(rows) - 1, 2)
    )
