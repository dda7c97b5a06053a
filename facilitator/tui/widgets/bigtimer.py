"""A timer drawn in block letters that grow with the space they get, for large
windows on a projector, where the 3-line `Digits` would be too small to read
from the back of the room."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

# 3×5 glyphs ('#' = filled); ':' is one column wide.
_FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    " ": ("...",) * 5,
}
ROWS = 5
# Blank pixels are no-break spaces: ordinary leading spaces are dropped when the
# text is laid out, which would shift rows that start with a blank pixel.
_BLANK = "\u00a0"


def pixel_width(value: str) -> int:
    glyphs = [_FONT.get(ch, _FONT[" "]) for ch in value]
    return sum(len(g[0]) for g in glyphs) + max(0, len(glyphs) - 1)


def render_lines(value: str, scale: int) -> list[str]:
    """The value in block letters; each pixel is 2·scale columns by scale rows."""
    glyphs = [_FONT.get(ch, _FONT[" "]) for ch in value]
    lines = []
    for row in range(ROWS):
        pixels = " ".join(g[row] for g in glyphs).replace(" ", ".")
        line = "".join(("██" if p == "#" else _BLANK * 2) * scale for p in pixels)
        lines.extend([line] * scale)
    return lines


class BigTimer(Widget):
    value: reactive[str] = reactive("0:00")

    def update(self, value: str) -> None:
        self.value = value

    def scale(self) -> int:
        width, height = self.content_size
        fits_wide = width // max(1, 2 * pixel_width(self.value))
        fits_high = height // ROWS
        return max(1, min(fits_wide, fits_high))

    def render(self) -> Text:
        lines = render_lines(self.value, self.scale())
        width = self.content_size.width
        return Text(
            "\n".join(line.center(width, _BLANK) for line in lines), no_wrap=True, overflow="crop"
        )
