"""Read-only helpers that turn engine state and scenario data into words for the screens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from varselspel.i18n import get_lang, tr
from varselspel.tui.strings import STRINGS

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.engine.state import GroupState
    from varselspel.model import Indicator


def role_label(session: Session, role_id: str) -> str:
    """Return the short label of a role, or its id when the card is missing."""
    card = session.bundle.roles.get(role_id)
    return card.label if card is not None else role_id


def role_title(session: Session, role_id: str) -> str:
    """Return the full title of a role, or its id when the card is missing."""
    card = session.bundle.roles.get(role_id)
    return card.title if card is not None else role_id


def holder_label(group: GroupState, holder: str | None) -> str:
    """Return who holds a role: a participant's name, the facilitator, or nobody."""
    if holder is None:
        return tr(STRINGS, "setup.unheld")
    if holder == "facilitator":
        return tr(STRINGS, "setup.facilitator")
    participant = group.participants.get(holder)
    return participant.name if participant is not None else holder


def format_value(value: float, unit: str = "") -> str:
    """Return a number as a Swedish reader reads it: space between thousands, decimal comma."""
    # Whole numbers from 100 up: nobody reads "8 992,5 personer".
    decimals = 0 if abs(value - round(value)) < 1e-9 or abs(value) >= 100 else 1
    text = f"{value:,.{decimals}f}".replace(",", " ")
    if get_lang() == "sv":
        text = text.replace(".", ",")
    return f"{text} {unit}".strip()


def trend_arrow(indicator: Indicator, before: float | None, now: float) -> tuple[str, str]:
    """Return an arrow for the change since `before` and a style saying whether it is good."""
    if before is None or abs(now - before) < 1e-9:
        return "→", "dim"
    rising = now > before
    good = rising == (indicator.good == "up")
    return ("↑" if rising else "↓"), ("green" if good else "red")


def previous_value(group: GroupState, indicator_id: str) -> float | None:
    """Return the value the trend compares with: the last recorded one that differs from now."""
    now = group.indicators.get(indicator_id)
    values = [point.indicators.get(indicator_id) for point in group.history]
    if values and values[-1] != now:
        return values[-1]
    if len(values) >= 2:
        return values[-2]
    return None


def series(group: GroupState, indicator_id: str) -> list[float]:
    """Return the indicator's values from the start through each closed round, then now."""
    values = [point.indicators.get(indicator_id, 0.0) for point in group.history]
    current = group.indicators.get(indicator_id)
    if current is not None and (not values or values[-1] != current):
        values.append(current)
    return values


VARSEL_FIELDS: tuple[str, ...] = (
    "direct_jobs",
    "total_jobs",
    "dismissed_residents",
    "unemployed_12",
    "unemployment_change",
    "population_change",
    "revenue_change_per_year",
)
"""The varsel figures the lägesbild shows, most important first."""

ETABLERING_FIELDS: tuple[str, ...] = (
    "permanent_jobs",
    "total_jobs",
    "temporary_housing",
    "in_movers",
    "housing_units",
    "preschool_places",
    "school_places",
    "revenue_change_per_year",
)
"""The etablering figures the lägesbild shows, most important first."""


def impact_figures(session: Session, group: str) -> list[tuple[str, str]]:
    """Return the consequence model's figures for a group as (label, value) pairs."""
    try:
        impact = session.impact(group)
    except Exception:
        return []
    fields = VARSEL_FIELDS if getattr(impact, "kind", "") == "varsel" else ETABLERING_FIELDS
    rows: list[tuple[str, str]] = []
    for name in fields:
        if name == "unemployed_12":
            value = float(getattr(impact, "unemployed", {}).get(12, 0.0))
        else:
            value = float(getattr(impact, name, 0.0))
        if name.endswith("per_year"):
            text = format_value(round(value / 1e6, 1)) + " M" + tr(STRINGS, "unit.sek")
        else:
            text = format_value(round(value))
        # The same figure means jobs at risk in a varsel and new jobs in an etablering.
        key = (
            f"impact.{name}"
            if getattr(impact, "kind", "") == "varsel"
            else f"impact.{name}.etablering"
        )
        label = tr(STRINGS, key) if key in STRINGS else tr(STRINGS, f"impact.{name}")
        rows.append((label, text))
    return rows


def clock_text(seconds: float | None) -> str:
    """Return a countdown as `MM:SS`, with a minus sign when over time."""
    if seconds is None:
        return "--:--"
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds) + (0 if seconds < 0 else 0.999))
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
