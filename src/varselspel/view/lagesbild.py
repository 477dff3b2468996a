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
    """Each group that is shown the figure, with its value, unrounded."""
    hidden: tuple[GroupRef, ...] = ()
    """Groups the figure is not yet revealed to (`setting.reveal`); only rows asked for with
    `partial=True` have any."""


def figure_value(impact: VarselImpact | EtableringImpact, code: str) -> float:
    """Return one figure of an impact result by its code."""
    if code == "unemployed_12":
        assert isinstance(impact, VarselImpact)
        return float(impact.unemployed.get(12, 0.0))
    return float(getattr(impact, code))


def figure_shown(session: Session, group: str, code: str) -> bool:
    """Return True when a figure may be shown to the group now.

    A figure no `setting.reveal` names always may; any other once the engine has revealed it
    to the group (recorded in the session, never worked out here).
    """
    return (
        code not in session.index.hidden_figures
        or code in session.state.groups[group].revealed_figures
    )


def lagesbild_rows(session: Session, *, partial: bool = False) -> tuple[FigureRow, ...]:
    """Return the lägesbild figures that fit the scenario's kind, each with every group's value.

    A figure not yet revealed to every group is left out, so a screen that all groups see shows
    nothing early; with `partial=True` it is kept, with the values of the groups that are shown
    it and the others in `hidden`.
    """
    scenario = session.scenario
    kind = scenario.kind
    codes = VARSEL_FIGURES if kind is ScenarioKind.VARSEL else ETABLERING_FIGURES
    groups = list(session.state.groups.values())
    impacts = [(g, group_ref(g), impact_for(scenario, g.model)) for g in groups]
    rows: list[FigureRow] = []
    for code in codes:
        shown = [
            (ref, figure_value(imp, code))
            for g, ref, imp in impacts
            if figure_shown(session, g.id, code)
        ]
        hidden = tuple(ref for g, ref, _ in impacts if not figure_shown(session, g.id, code))
        if hidden and not partial:
            continue
        rows.append(
            FigureRow(
                code=code,
                kind=kind,
                unit=FigureUnit.SEK_PER_YEAR if code.endswith("per_year") else FigureUnit.COUNT,
                values=tuple(shown),
                hidden=hidden,
            )
        )
    return tuple(rows)
