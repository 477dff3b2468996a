"""The consequence model: what a varsel or an etablering means in numbers (pure functions)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from varselspel.expr.compile import COMPANY_FIELDS
from varselspel.model import Scenario, ScenarioKind, Setting

MONTHS: tuple[int, ...] = (0, 6, 12)
"""Months after the dismissals at which unemployment is reported."""


class ImpactModel(BaseModel):
    """Base of the impact results: frozen, JSON-ready."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)


class VarselImpact(ImpactModel):
    """Consequences of a varsel for the municipality."""

    kind: str = "varsel"
    """Always `varsel`."""
    direct_jobs: float
    """Employees given varsel."""
    indirect_jobs: float
    """Indirect and induced local jobs at risk: direct × local multiplier."""
    total_jobs: float
    """Direct plus indirect jobs at risk."""
    affected_residents: float
    """Of the directly affected, those living in the municipality."""
    expected_dismissed: float
    """Of those given varsel, those expected to be finally dismissed."""
    dismissed_residents: float
    """Residents who lose their job: dismissed residents plus the indirect jobs lost."""
    unemployed: dict[int, float]
    """Residents still without work or studies, by months after dismissal (0, 6, 12)."""
    registered_unemployed: float
    """Residents expected to register as unemployed (Arbetsförmedlingen's ratio)."""
    lost_tax_per_year: float
    """Lost municipal tax revenue per year, SEK."""
    households_moving: float
    """Households expected to move away."""
    population_risk: float
    """Persons expected to move away."""


class EtableringImpact(ImpactModel):
    """Consequences of an establishment for the municipality."""

    kind: str = "etablering"
    """Always `etablering`."""
    construction_peak: float
    """Workers on site at the peak of construction."""
    construction_residents: float
    """Construction workers registering as residents during the build."""
    permanent_jobs: float
    """Permanent jobs at the company."""
    indirect_jobs: float
    """Indirect and induced local jobs: permanent × local multiplier."""
    total_jobs: float
    """Permanent plus indirect jobs."""
    in_mover_workers: float
    """Jobs filled by people moving into the municipality (one per household)."""
    in_movers: float
    """Persons moving in: in-mover households × household size."""
    housing_units: float
    """Homes needed for in-moving households (permanent)."""
    temporary_housing: float
    """Beds needed for construction workers who register as residents."""
    preschool_places: float
    """Preschool places needed."""
    school_places: float
    """School places needed."""
    tax_gain_per_year: float
    """Extra municipal tax revenue per year, SEK."""
    commuting_in: float
    """Jobs filled by commuters from other municipalities."""


def _get(values: Mapping[str, float], name: str, default: float) -> float:
    """Return a model value, the scenario default when the group has none."""
    return float(values.get(name, default))


def setting_values(setting: Setting) -> dict[str, float]:
    """Return the `model.*` values a setting starts with: the assumptions and company figures."""
    values = {k: float(v) for k, v in setting.assumptions.model_dump().items()}
    for name in COMPANY_FIELDS:
        values[name] = float(getattr(setting.company, name))
    return values


def varsel_impact(setting: Setting, model: Mapping[str, float] | None = None) -> VarselImpact:
    """Compute the varsel consequences from the setting and the group's `model.*` values."""
    values = setting_values(setting) | dict(model or {})
    m = setting.municipality
    direct = _get(values, "affected", 0)
    multiplier = _get(values, "local_multiplier", 0.5)
    resident = _get(values, "resident_share", 1.0)
    dismissed_share = _get(values, "dismissed_share", 0.6)
    unemployed_share = _get(values, "unemployed_share", 0.2)
    reemployed = min(1.0, max(0.0, _get(values, "reemployed_12m", 0.85)))
    indirect = direct * multiplier
    dismissed = direct * dismissed_share
    dismissed_residents = dismissed * resident + dismissed * multiplier
    # Re-employment follows an exponential decay that reaches `reemployed` at month 12.
    remaining = 1.0 - reemployed
    unemployed = {
        month: dismissed_residents
        * (remaining ** (month / 12) if remaining > 0 else float(month == 0))
        for month in MONTHS
    }
    registered = (direct * resident + indirect) * unemployed_share
    lost_tax = registered * m.average_income * m.tax_rate
    households = registered * _get(values, "move_away_share", 0.1)
    return VarselImpact(
        direct_jobs=direct,
        indirect_jobs=indirect,
        total_jobs=direct + indirect,
        affected_residents=direct * resident,
        expected_dismissed=dismissed,
        dismissed_residents=dismissed_residents,
        unemployed=unemployed,
        registered_unemployed=registered,
        lost_tax_per_year=lost_tax,
        households_moving=households,
        population_risk=households * _get(values, "household_size", 2.2),
    )


def etablering_impact(
    setting: Setting, model: Mapping[str, float] | None = None
) -> EtableringImpact:
    """Compute the etablering consequences from the setting and the group's `model.*` values."""
    values = setting_values(setting) | dict(model or {})
    m = setting.municipality
    peak = _get(values, "construction_peak", 0)
    permanent = _get(values, "affected", 0)
    indirect = permanent * _get(values, "local_multiplier", 0.5)
    total = permanent + indirect
    in_workers = total * _get(values, "in_mover_share", 0.5)
    household = _get(values, "household_size", 2.2)
    construction_residents = peak * _get(values, "construction_resident_share", 0.2)
    commuting = min(total * (1.0 - _get(values, "resident_share", 1.0)), total - in_workers)
    return EtableringImpact(
        construction_peak=peak,
        construction_residents=construction_residents,
        permanent_jobs=permanent,
        indirect_jobs=indirect,
        total_jobs=total,
        in_mover_workers=in_workers,
        in_movers=in_workers * household,
        housing_units=in_workers,
        temporary_housing=construction_residents,
        preschool_places=in_workers * _get(values, "children_preschool_per_household", 0.3),
        school_places=in_workers * _get(values, "children_school_per_household", 0.5),
        tax_gain_per_year=(in_workers + construction_residents) * m.average_income * m.tax_rate,
        commuting_in=max(0.0, commuting),
    )


def impact_for(
    scenario: Scenario, model: Mapping[str, float] | None = None
) -> VarselImpact | EtableringImpact:
    """Compute the consequences that fit the scenario's kind."""
    if scenario.kind is ScenarioKind.ETABLERING:
        return etablering_impact(scenario.setting, model)
    return varsel_impact(scenario.setting, model)
