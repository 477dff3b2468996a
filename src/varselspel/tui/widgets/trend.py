"""A small chart made of text: one bar per round, on a scale shared by every group."""

from __future__ import annotations

from varselspel.tui.text import Text

BLOCKS = " ▁▂▃▄▅▆▇█"
"""Bar glyphs from empty to full."""


def scale_for(
    series: list[list[float]], low: float | None, high: float | None
) -> tuple[float, float]:
    """Return the shared scale: the indicator's min/max when set, else the range of all values."""
    values = [v for values in series for v in values]
    lo = low if low is not None else min(values, default=0.0)
    hi = high if high is not None else max(values, default=1.0)
    if low is None and lo > 0:
        lo = 0.0  # Bars from zero read as amounts, which most indicators are.
    if hi <= lo:
        hi = lo + 1.0
    return lo, hi


def trend_bars(values: list[float], lo: float, hi: float, width: int = 3, style: str = "") -> Text:
    """Return one bar per value, `width` cells wide, on the scale lo..hi."""
    text = Text()
    for value in values:
        share = min(1.0, max(0.0, (value - lo) / (hi - lo)))
        glyph = BLOCKS[max(1, round(share * (len(BLOCKS) - 1)))]
        text.append(glyph * width, style=style)
        text.append(" ")
    return text
