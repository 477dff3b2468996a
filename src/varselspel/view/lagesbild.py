"""The lägesbild: the consequence model's figures per group, most important first."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from varselspel.engine.impact import EtableringImpact, VarselImpact, impact_for
from varselspel.model import ScenarioKind
from varselspel.view.refs import GroupRef, group_ref

if TYPE_CHECKING:
    from varselspel.engine import Session


class FigureUnit(StrEnum):
    """What a figure counts, so the caller can word and round it."""

    COUNT = "count"
    """People, jobs, homes or places."""
    SEK_PER_YEAR = "sek_per_year"
    """Kronor per year."""


VARSEL_FIGURES: tuple[str, ...] = (
    "direct_jobs",
    "total_jobs",
    "dismissed_residents",
    "unemployed_12",
    "unemployment_change",
    "population_change",
    "revenue_change_per_year",
)
"""The varsel figures the lägesbild shows, most important first."""

ETABLERING_FIGURES: tuple[str, ...] = (
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


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure of the consequence model with every group's value."""

    code: str
    """The figure's code, e.g. `total_jobs` or `unemployed_12` (unemployed after 12 months)."""
    kind: ScenarioKind
    """Varsel or etablering: the same code means jobs at risk in one and new jobs in the other."""
    unit: FigureUnit
    """What the figure counts."""
    values: tuple[tuple[GroupRef, float], ...]
    """Each group with its value, unrounded."""


def figure_value(impact: VarselImpact | EtableringImpact, code: str) -> float:
    """Return one figure of an impact result by its code."""
    if code == "unemployed_12":
        assert isinstance(impact, VarselImpact)
        return float(impact.unemployed.get(12, 0.0))
    return float(getattr(impact, code))


def lagesbild_rows(session: Session) -> tuple[FigureRow, ...]:
    """Return the lägesbild figures that fit the scenario's kind, each with every group's value."""
    scenario = session.scenario
    kind = scenario.kind
    codes = VARSEL_FIGURES if kind is ScenarioKind.VARSEL else ETABLERING_FIGURES
    impacts = [(group_ref(g), impact_for(scenario, g.model)) for g in session.state.groups.values()]
    return tuple(
        FigureRow(
            code=code,
            kind=kind,
            unit=FigureUnit.SEK_PER_YEAR if code.endswith("per_year") else FigureUnit.COUNT,
            values=tuple((ref, figure_value(impact, code)) for ref, impact in impacts),
        )
        for code in codes
    )
