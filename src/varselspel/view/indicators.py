"""Indicators per group: the value now with its trend, and the trajectory round by round."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from varselspel.view.refs import GroupRef, group_ref

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.engine.state import GroupState
    from varselspel.model import Indicator


class Direction(StrEnum):
    """Which way a value moved."""

    UP = "up"
    """It rose."""
    DOWN = "down"
    """It fell."""
    FLAT = "flat"
    """It did not change (or there is nothing to compare with)."""


class Tone(StrEnum):
    """Whether a change is good news for the municipality."""

    GOOD = "good"
    """It moved the way the indicator calls good."""
    BAD = "bad"
    """It moved the other way."""
    NEUTRAL = "neutral"
    """It did not move."""


@dataclass(frozen=True, slots=True)
class Trend:
    """How a value moved since the last recorded one that differs."""

    direction: Direction
    """Up, down or flat."""
    tone: Tone
    """Good, bad or neutral."""


@dataclass(frozen=True, slots=True)
class IndicatorCell:
    """One group's value of one indicator."""

    group: GroupRef
    """The group."""
    value: float
    """The value now."""
    before: float | None
    """The value the trend compares with, if any."""
    trend: Trend
    """How it moved."""


@dataclass(frozen=True, slots=True)
class IndicatorRow:
    """One indicator with every group's value."""

    id: str
    """Indicator id."""
    label: str
    """Its label (untrusted text)."""
    unit: str
    """Its unit (untrusted text); may be empty."""
    cells: tuple[IndicatorCell, ...]
    """One cell per group, in the groups' order."""
    follows: str | None = None
    """The consequence-model figure the indicator is derived from (read-only), if any."""


@dataclass(frozen=True, slots=True)
class Trajectory:
    """One indicator's values for every group, from the start through each closed round, then now."""

    id: str
    """Indicator id."""
    label: str
    """Its label (untrusted text)."""
    unit: str
    """Its unit (untrusted text); may be empty."""
    low: float | None
    """The indicator's lowest value, if the scenario sets one."""
    high: float | None
    """The indicator's highest value, if the scenario sets one."""
    series: tuple[tuple[GroupRef, tuple[float, ...]], ...]
    """Each group with its values."""


def trend(indicator: Indicator, before: float | None, now: float) -> Trend:
    """Return how a value moved from `before` to `now` and whether that is good."""
    if before is None or abs(now - before) < 1e-9:
        return Trend(Direction.FLAT, Tone.NEUTRAL)
    rising = now > before
    good = rising == (indicator.good == "up")
    return Trend(Direction.UP if rising else Direction.DOWN, Tone.GOOD if good else Tone.BAD)


def previous_value(group: GroupState, indicator_id: str) -> float | None:
    """Return the value the trend compares with: the last recorded one that differs from now."""
    now = group.indicators.get(indicator_id)
    values = [point.indicators.get(indicator_id) for point in group.history]
    if values and values[-1] != now:
        return values[-1]
    if len(values) >= 2:
        return values[-2]
    return None


def series(group: GroupState, indicator_id: str) -> tuple[float, ...]:
    """Return the indicator's values from the start through each closed round, then now."""
    values = [point.indicators.get(indicator_id, 0.0) for point in group.history]
    current = group.indicators.get(indicator_id)
    if current is not None and (not values or values[-1] != current):
        values.append(current)
    return tuple(values)


def indicator_rows(session: Session) -> tuple[IndicatorRow, ...]:
    """Return every indicator of the scenario with each group's value and trend."""
    groups = list(session.state.groups.values())
    rows: list[IndicatorRow] = []
    for indicator in session.scenario.indicators:
        cells: list[IndicatorCell] = []
        for group in groups:
            now = group.indicators.get(indicator.id, indicator.start)
            before = previous_value(group, indicator.id)
            cells.append(
                IndicatorCell(group_ref(group), now, before, trend(indicator, before, now))
            )
        rows.append(
            IndicatorRow(
                indicator.id, indicator.label, indicator.unit, tuple(cells), indicator.follows
            )
        )
    return tuple(rows)


def trajectories(session: Session) -> tuple[Trajectory, ...]:
    """Return every indicator's trajectory per group (a group without values starts at `start`)."""
    groups = list(session.state.groups.values())
    return tuple(
        Trajectory(
            id=indicator.id,
            label=indicator.label,
            unit=indicator.unit,
            low=indicator.min,
            high=indicator.max,
            series=tuple(
                (group_ref(g), series(g, indicator.id) or (indicator.start,)) for g in groups
            ),
        )
        for indicator in session.scenario.indicators
    )


def history_rounds(session: Session) -> tuple[str | None, ...]:
    """Return the round id of each recorded point (None for the start), from the first group."""
    groups = list(session.state.groups.values())
    return tuple(p.round for p in groups[0].history) if groups else ()
