"""The codes of the consequence model's figures, by scenario kind (what `reveal` and `follows` name)."""

from __future__ import annotations

from varselspel.model.scenario import ScenarioKind

VARSEL_FIGURES: tuple[str, ...] = (
    "direct_jobs",
    "supplier_jobs",
    "other_indirect_jobs",
    "indirect_jobs",
    "total_jobs",
    "affected_residents",
    "expected_dismissed",
    "dismissed_residents",
    "unemployed_0",
    "unemployed_6",
    "unemployed_12",
    "new_jobs",
    "unemployment_change",
    "registered_unemployed",
    "households_moving",
    "population_change",
    "revenue_change_per_year",
    "tax_base_change_per_year",
)
"""The figures of a varsel, as the lägesbild and the plan name them (`unemployed_N`: after N
months)."""

ETABLERING_FIGURES: tuple[str, ...] = (
    "construction_peak",
    "construction_residents",
    "temporary_housing",
    "permanent_jobs",
    "supplier_jobs",
    "other_indirect_jobs",
    "indirect_jobs",
    "total_jobs",
    "in_mover_workers",
    "in_movers",
    "commuting_in",
    "resident_jobs",
    "housing_units",
    "preschool_places",
    "school_places",
    "revenue_change_per_year",
    "construction_revenue_per_year",
    "tax_base_change_per_year",
)
"""The figures of an etablering, as the lägesbild and the plan name them."""

FOLLOW_ONLY: dict[ScenarioKind, tuple[str, ...]] = {
    ScenarioKind.VARSEL: ("unemployed",),
    ScenarioKind.ETABLERING: (),
}
"""Codes only an indicator's `follows` may name: `unemployed` is the residents still without
work at the round's `model_month`."""


def figure_codes(kind: ScenarioKind) -> tuple[str, ...]:
    """Return the figure codes of a scenario kind, in the model's order."""
    return VARSEL_FIGURES if kind is ScenarioKind.VARSEL else ETABLERING_FIGURES


def follow_codes(kind: ScenarioKind) -> tuple[str, ...]:
    """Return the figure codes an indicator of a scenario kind may follow."""
    return (*figure_codes(kind), *FOLLOW_ONLY[kind])
