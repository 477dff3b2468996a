"""A countdown in block letters for projectors, drawn larger the more room it has."""

from __future__ import annotations

from textual.widgets import Static

from varselspel.tui.text import Text

# A 5×5 block font: readable from the back of a room, with no curves that break when scaled.
_FONT: dict[str, tuple[str, ...]] = {
    "0": ("█████", "█   █", "█   █", "█   █", "█████"),
    "1": ("  █  ", " ██  ", "  █  ", "  █  ", " ███ "),
    "2": ("█████", "    █", "█████", "█    ", "█████"),
    "3": ("█████", "    █", " ████", "    █", "█████"),
    "4": ("█   █", "█   █", "█████", "    █", "    █"),
    "5": ("█████", "█    ", "█████", "    █", "█████"),
    "6": ("█████", "█    ", "█████", "█   █", "█████"),
    "7": ("█████", "    █", "   █ ", "  █  ", "  █  "),
    "8": ("█████", "█   █", "█████", "█   █", "█████"),
    "9": ("█████", "█   █", "█████", "    █", "█████"),
    ":": (" ", "█", " ", "█", " "),
    "-": ("     ", "     ", "█████", "     ", "     "),
}
_ROWS = 5


def render_block_text(text: str, scale: int = 1) -> list[str]:
    """Return `text` (digits, ':' and '-') as rows of block letters, each cell `scale` wide and high."""
    glyphs = [_FONT.get(char, _FONT["-"]) for char in text]
    rows: list[str] = []
    for row in range(_ROWS):
        line = "  ".join(glyph[row] for glyph in glyphs)
        wide = "".join(cell * scale for cell in line)
        rows.extend([wide] * scale)
    return rows


class BigClock(Static):
    """Shows `MM:SS` in block letters, scaled to fit the height it is given."""

    DEFAULT_CSS = """
    BigClock {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, text: str = "--:--", *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._text = text
        self.scale = 1

    def on_mount(self) -> None:
        """Draw the first time."""
        self._draw()

    def set_time(self, text: str) -> None:
        """Show a new time such as `07:30` or `-01:05`."""
        if text != self._text:
            self._text = text
            self._draw()

    def set_scale(self, scale: int) -> None:
        """Draw each block `scale` cells wide and high."""
        scale = max(1, scale)
        if scale != self.scale:
            self.scale = scale
            self._draw()

    def _draw(self) -> None:
        """Render the current time literally (never as markup)."""
        self.update(Text("\n".join(render_block_text(self._text, self.scale))))
