"""Words and numbers for the screens: how the app says what the view models hold."""

from __future__ import annotations

from varselspel.i18n import get_lang, tr
from varselspel.model import ScenarioKind
from varselspel.tui.strings import STRINGS
from varselspel.view.indicators import Direction, Tone, Trend
from varselspel.view.lagesbild import FigureRow, FigureUnit
from varselspel.view.roles import Holder, HolderKind

TREND_ARROWS: dict[Direction, str] = {Direction.UP: "↑", Direction.DOWN: "↓", Direction.FLAT: "→"}
"""The arrow for each direction of a trend."""

TREND_STYLES: dict[Tone, str] = {Tone.GOOD: "green", Tone.BAD: "red", Tone.NEUTRAL: "dim"}
"""The colour for good news, bad news and no change."""


def holder_text(holder: Holder) -> str:
    """Return who holds a role: a participant's name, the facilitator, or nobody."""
    if holder.kind is HolderKind.NOBODY:
        return tr(STRINGS, "setup.unheld")
    if holder.kind is HolderKind.FACILITATOR:
        return tr(STRINGS, "setup.facilitator")
    return holder.name


def format_value(value: float, unit: str = "") -> str:
    """Return a number as a Swedish reader reads it: space between thousands, decimal comma."""
    # Whole numbers from 100 up: nobody reads "8 992,5 personer".
    decimals = 0 if abs(value - round(value)) < 1e-9 or abs(value) >= 100 else 1
    text = f"{value:,.{decimals}f}".replace(",", " ")
    if get_lang() == "sv":
        text = text.replace(".", ",")
    return f"{text} {unit}".strip()


def trend_mark(trend: Trend) -> tuple[str, str]:
    """Return the arrow of a trend and a style saying whether it is good news."""
    return TREND_ARROWS[trend.direction], TREND_STYLES[trend.tone]


def figure_label(row: FigureRow) -> str:
    """Return the label of a lägesbild figure; a figure may read differently in an etablering."""
    if row.kind is ScenarioKind.ETABLERING and f"impact.{row.code}.etablering" in STRINGS:
        return tr(STRINGS, f"impact.{row.code}.etablering")
    return tr(STRINGS, f"impact.{row.code}")


def figure_text(row: FigureRow, value: float) -> str:
    """Return a lägesbild value: a whole number, or millions of kronor per year."""
    if row.unit is FigureUnit.SEK_PER_YEAR:
        return format_value(round(value / 1e6, 1)) + " M" + tr(STRINGS, "unit.sek")
    return format_value(round(value))


def clock_text(seconds: float | None) -> str:
    """Return a countdown as `MM:SS`, with a minus sign when over time."""
    if seconds is None:
        return "--:--"
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds) + (0 if seconds < 0 else 0.999))
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
