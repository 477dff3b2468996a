"""The consequence model: what a varsel or an etablering means in numbers (pure functions)."""

from __future__ import annotations

import math
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from varselspel.expr.compile import COMPANY_FIELDS
from varselspel.model import Scenario, ScenarioKind, Setting

MONTHS: tuple[int, ...] = (0, 6, 12)
"""Months after the dismissals at which unemployment is reported."""

MONEY_STEP = 100_000
"""Money figures are rounded to this many SEK: the model is not more precise than that."""


def whole(value: float) -> int:
    """Round to the nearest whole number, halves away from zero (people come in wholes)."""
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def money(value: float) -> int:
    """Round an amount of SEK to the nearest `MONEY_STEP`, halves away from zero."""
    return whole(value / MONEY_STEP) * MONEY_STEP


class ImpactModel(BaseModel):
    """Base of the impact results: frozen, JSON-ready, people and money rounded."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)


class VarselImpact(ImpactModel):
    """Consequences of a varsel for the municipality."""

    kind: str = "varsel"
    """Always `varsel`."""
    direct_jobs: int
    """Employees given varsel."""
    supplier_jobs: int
    """Jobs at the listed local suppliers that hang on the affected part of the company."""
    other_indirect_jobs: int
    """Indirect supplier-chain jobs at other local firms: direct × local multiplier."""
    indirect_jobs: int
    """Indirect supplier-chain jobs at risk in the municipality: listed suppliers plus others."""
    total_jobs: int
    """Direct plus indirect jobs at risk."""
    affected_residents: int
    """Of those given varsel, those living in the municipality."""
    expected_dismissed: int
    """Of those given varsel, those expected to be finally dismissed."""
    dismissed_residents: int
    """Residents who lose their job: dismissed residents plus the indirect jobs lost."""
    unemployed: dict[int, int]
    """Of the residents who lose their job, those without work or studies after 0, 6, 12 months."""
    new_jobs: int
    """New local jobs since the varsel (the group's `model.new_jobs`)."""
    unemployment_change: int
    """Change in unemployed residents at 12 months: still without work minus new jobs taken."""
    registered_unemployed: int
    """Residents expected to register as unemployed at some point (Arbetsförmedlingen's ratio)."""
    households_moving: int
    """Households expected to move away."""
    population_change: int
    """Change in the number of inhabitants (negative: people move away)."""
    revenue_change_per_year: int
    """Change in the municipality's revenue from tax and utjämning, SEK per year."""
    tax_base_change_per_year: int
    """Change in the municipality's own tax on its residents' incomes before utjämning, SEK."""


class EtableringImpact(ImpactModel):
    """Consequences of an establishment for the municipality."""

    kind: str = "etablering"
    """Always `etablering`."""
    construction_peak: int
    """Workers on site at the peak of construction."""
    construction_residents: int
    """Construction workers who register as residents during the build."""
    temporary_housing: int
    """Beds needed for the construction workers who do not register as residents."""
    permanent_jobs: int
    """Permanent jobs at the company."""
    supplier_jobs: int
    """Jobs at the listed local suppliers that will work for the company."""
    other_indirect_jobs: int
    """Indirect supplier-chain jobs at other local firms: permanent × local multiplier."""
    indirect_jobs: int
    """Indirect supplier-chain jobs in the municipality: listed suppliers plus others."""
    total_jobs: int
    """Permanent plus indirect jobs."""
    in_mover_workers: int
    """Jobs filled by people moving into the municipality (one per household)."""
    in_movers: int
    """Persons moving in: in-mover households × household size."""
    commuting_in: int
    """Jobs filled by commuters from other municipalities."""
    resident_jobs: int
    """Jobs filled by people who already live in the municipality."""
    housing_units: int
    """Homes needed for in-moving households (permanent)."""
    preschool_places: int
    """Preschool places needed."""
    school_places: int
    """School places needed."""
    revenue_change_per_year: int
    """Extra revenue from tax and utjämning for the in-movers at full production, SEK per year."""
    construction_revenue_per_year: int
    """Extra revenue from tax and utjämning for the registered construction workers, SEK."""
    tax_base_change_per_year: int
    """Extra own tax on the new jobs held by residents before utjämning, SEK per year."""


def _get(values: Mapping[str, float], name: str, default: float) -> float:
    """Return a model value, the scenario default when the group has none."""
    return float(values.get(name, default))


def setting_values(setting: Setting) -> dict[str, float]:
    """Return the `model.*` values a setting starts with: the assumptions and company figures."""
    values = {k: float(v) for k, v in setting.assumptions.model_dump().items()}
    for name in COMPANY_FIELDS:
        values[name] = float(getattr(setting.company, name))
    return values


def listed_supplier_jobs(setting: Setting) -> float:
    """Return the listed suppliers' jobs that hang on the company: Σ employees × dependence."""
    return sum(s.employees * s.dependence for s in setting.suppliers)


def varsel_impact(setting: Setting, model: Mapping[str, float] | None = None) -> VarselImpact:
    """Compute the varsel consequences from the setting and the group's `model.*` values."""
    values = setting_values(setting) | dict(model or {})
    m = setting.municipality
    direct = _get(values, "affected", 0)
    employees = _get(values, "employees", 0)
    multiplier = _get(values, "local_multiplier", 0.5)
    resident = _get(values, "resident_share", 1.0)
    dismissed_share = _get(values, "dismissed_share", 0.6)
    reemployed = min(1.0, max(0.0, _get(values, "reemployed_12m", 0.85)))
    new_jobs = max(0.0, _get(values, "new_jobs", 0))
    local_share = _get(values, "new_jobs_local_share", 0.5)
    # The suppliers lose the share of their work that the affected part of the company bought.
    stopped = min(1.0, direct / employees) if employees > 0 else 1.0
    suppliers = listed_supplier_jobs(setting) * stopped
    others = direct * multiplier
    indirect = suppliers + others
    dismissed = direct * dismissed_share
    # Notices at suppliers turn into dismissals at the same rate as at the company.
    losing = dismissed * resident + indirect * dismissed_share
    # Re-employment follows an exponential decay that reaches `reemployed` at month 12.
    remaining = 1.0 - reemployed
    unemployed = {
        month: losing * (remaining ** (month / 12) if remaining > 0 else float(month == 0))
        for month in MONTHS
    }
    taken = new_jobs * local_share
    # New jobs cannot take more people out of unemployment than there are unemployed residents.
    rate = m.unemployment_rate
    before = m.employed * rate / (1.0 - rate) if rate < 1 else 0.0
    unemployment_change = max(-before, unemployed[12] - taken)
    households = _get(values, "move_away_share", 0.05) * max(0.0, losing - taken)
    population = -households * _get(values, "household_size", 2.2)
    tax_base = -(unemployment_change + households) * m.average_income * m.municipal_tax_rate
    return VarselImpact(
        direct_jobs=whole(direct),
        supplier_jobs=whole(suppliers),
        other_indirect_jobs=whole(others),
        indirect_jobs=whole(indirect),
        total_jobs=whole(direct + indirect),
        affected_residents=whole(direct * resident),
        expected_dismissed=whole(dismissed),
        dismissed_residents=whole(losing),
        unemployed={month: whole(value) for month, value in unemployed.items()},
        new_jobs=whole(new_jobs),
        unemployment_change=whole(unemployment_change),
        registered_unemployed=whole(
            (direct * resident + indirect) * _get(values, "unemployed_share", 0.2)
        ),
        households_moving=whole(households),
        population_change=whole(population),
        revenue_change_per_year=money(population * m.revenue_per_inhabitant),
        tax_base_change_per_year=money(tax_base),
    )


def etablering_impact(
    setting: Setting, model: Mapping[str, float] | None = None
) -> EtableringImpact:
    """Compute the etablering consequences from the setting and the group's `model.*` values."""
    values = setting_values(setting) | dict(model or {})
    m = setting.municipality
    peak = _get(values, "construction_peak", 0)
    permanent = _get(values, "affected", 0)
    suppliers = listed_supplier_jobs(setting)
    others = permanent * _get(values, "local_multiplier", 0.5)
    total = permanent + suppliers + others
    in_workers = total * _get(values, "in_mover_share", 0.5)
    household = _get(values, "household_size", 2.2)
    registered = peak * _get(values, "construction_resident_share", 0.2)
    commuting = max(
        0.0, min(total * (1.0 - _get(values, "resident_share", 1.0)), total - in_workers)
    )
    residents = max(0.0, total - in_workers - commuting)
    in_movers = in_workers * household
    return EtableringImpact(
        construction_peak=whole(peak),
        construction_residents=whole(registered),
        temporary_housing=whole(peak - registered),
        permanent_jobs=whole(permanent),
        supplier_jobs=whole(suppliers),
        other_indirect_jobs=whole(others),
        indirect_jobs=whole(suppliers + others),
        total_jobs=whole(total),
        in_mover_workers=whole(in_workers),
        in_movers=whole(in_movers),
        commuting_in=whole(commuting),
        resident_jobs=whole(residents),
        housing_units=whole(in_workers),
        preschool_places=whole(in_workers * _get(values, "children_preschool_per_household", 0.3)),
        school_places=whole(in_workers * _get(values, "children_school_per_household", 0.5)),
        revenue_change_per_year=money(in_movers * m.revenue_per_inhabitant),
        construction_revenue_per_year=money(registered * m.revenue_per_inhabitant),
        tax_base_change_per_year=money(
            (in_workers + residents) * m.average_income * m.municipal_tax_rate
        ),
    )


def impact_for(
    scenario: Scenario, model: Mapping[str, float] | None = None
) -> VarselImpact | EtableringImpact:
    """Compute the consequences that fit the scenario's kind."""
    if scenario.kind is ScenarioKind.ETABLERING:
        return etablering_impact(scenario.setting, model)
    return varsel_impact(scenario.setting, model)


PHASED_IN: frozenset[str] = frozenset(
    {
        # varsel: households move away during the first year after the dismissals
        "households_moving",
        "population_change",
        "revenue_change_per_year",
        "tax_base_change_per_year",
        # etablering: the jobs fill and the in-movers arrive during the first year of production
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
    }
)
"""Figures that build up linearly over the 12 months after month 0 (none of them before)."""

CONSTRUCTION: frozenset[str] = frozenset(
    {"construction_residents", "temporary_housing", "construction_revenue_per_year"}
)
"""Etablering figures of the build: in full before production starts (month < 0), then none."""

PHASE_IN_MONTHS = 12
"""Months over which the phased-in figures reach the model's full figure."""


def figure_values(impact: VarselImpact | EtableringImpact) -> dict[str, float]:
    """Return every figure of an impact result by its code (`unemployed_12` for a month)."""
    values: dict[str, float] = {}
    for name, value in impact.model_dump().items():
        if isinstance(value, dict):
            values.update({f"{name}_{month}": float(v) for month, v in value.items()})
        elif isinstance(value, int | float) and not isinstance(value, bool):
            values[name] = float(value)
    return values


def _unemployed_at(setting: Setting, values: Mapping[str, float], month: float) -> float:
    """Residents without work or studies `month` months after the dismissals (none before)."""
    if month < 0:
        return 0.0
    direct = _get(values, "affected", 0)
    employees = _get(values, "employees", 0)
    stopped = min(1.0, direct / employees) if employees > 0 else 1.0
    indirect = listed_supplier_jobs(setting) * stopped + direct * _get(
        values, "local_multiplier", 0.5
    )
    share = _get(values, "dismissed_share", 0.6)
    losing = direct * share * _get(values, "resident_share", 1.0) + indirect * share
    remaining = 1.0 - min(1.0, max(0.0, _get(values, "reemployed_12m", 0.85)))
    if remaining <= 0:
        return losing if month == 0 else 0.0
    return float(losing * remaining ** (month / 12))


def figure_at(
    scenario: Scenario, model: Mapping[str, float], code: str, month: float | None
) -> float:
    """Return one figure of the consequence model `month` months after month 0.

    Month 0 is the dismissals (varsel) or the start of production (etablering). `unemployed`
    and `unemployment_change` follow the model's re-employment curve; the figures in
    `PHASED_IN` grow linearly to the full figure over `PHASE_IN_MONTHS`; the build's figures
    (`CONSTRUCTION`) hold before month 0 and vanish after; the others are as computed. Without
    a month every figure is as the model states it (unemployment at 12 months).
    """
    impact = impact_for(scenario, model)
    if month is None:
        if code == "unemployed" and isinstance(impact, VarselImpact):
            return float(impact.unemployed[12])
        return figure_values(impact)[code]
    if isinstance(impact, VarselImpact) and code in ("unemployed", "unemployment_change"):
        values = setting_values(scenario.setting) | dict(model)
        unemployed = _unemployed_at(scenario.setting, values, month)
        if code == "unemployed":
            return float(whole(unemployed))
        m = scenario.setting.municipality
        rate = m.unemployment_rate
        before = m.employed * rate / (1.0 - rate) if rate < 1 else 0.0
        taken = max(0.0, _get(values, "new_jobs", 0)) * _get(values, "new_jobs_local_share", 0.5)
        return float(whole(max(-before, unemployed - taken)))
    figure = figure_values(impact)[code]
    if code in CONSTRUCTION and isinstance(impact, EtableringImpact):
        return figure if month < 0 else 0.0
    if code in PHASED_IN:
        share = min(1.0, max(0.0, month / PHASE_IN_MONTHS))
        raw = figure * share
        return float(money(raw) if code.endswith("_per_year") else whole(raw))
    return figure
