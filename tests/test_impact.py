"""The consequence model against hand-computed examples."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from varselspel.engine.impact import etablering_impact, varsel_impact
from varselspel.model import Company, ImpactAssumptions, Municipality, Region, Setting


def setting(company: Company, assumptions: ImpactAssumptions | None = None) -> Setting:
    return Setting(
        municipality=Municipality(
            name="Provby", population=10_000, employed=4_800, tax_rate=0.32, average_income=400_000
        ),
        region=Region(name="Region Test", population=250_000),
        company=company,
        assumptions=assumptions or ImpactAssumptions(),
    )


VARSEL = setting(Company(name="Bruket", employees=500, affected=300, resident_share=0.8))


def test_varsel_jobs() -> None:
    impact = varsel_impact(VARSEL)
    assert impact.direct_jobs == 300
    assert impact.indirect_jobs == pytest.approx(150)  # 300 × 0.5
    assert impact.total_jobs == pytest.approx(450)
    assert impact.affected_residents == pytest.approx(240)  # 300 × 0.8


def test_varsel_dismissed_and_unemployed_over_time() -> None:
    impact = varsel_impact(VARSEL)
    assert impact.expected_dismissed == pytest.approx(180)  # 300 × 0.6
    assert impact.dismissed_residents == pytest.approx(234)  # 180 × 0.8 + 180 × 0.5
    assert impact.unemployed[0] == pytest.approx(234)
    assert impact.unemployed[6] == pytest.approx(234 * math.sqrt(0.15))  # 90.63
    assert impact.unemployed[12] == pytest.approx(35.1)  # 234 × (1 − 0.85)


def test_varsel_tax_and_population() -> None:
    impact = varsel_impact(VARSEL)
    assert impact.registered_unemployed == pytest.approx(78)  # (240 + 150) × 0.2
    assert impact.lost_tax_per_year == pytest.approx(9_984_000)  # 78 × 400 000 × 0.32
    assert impact.households_moving == pytest.approx(7.8)  # 78 × 0.1
    assert impact.population_risk == pytest.approx(17.16)  # 7.8 × 2.2


def test_varsel_uses_group_model_values() -> None:
    base = varsel_impact(VARSEL)
    better = varsel_impact(VARSEL, {"reemployed_12m": 0.95, "local_multiplier": 0.0})
    assert better.unemployed[12] == pytest.approx(144 * 0.05)
    assert better.indirect_jobs == 0
    assert better.lost_tax_per_year < base.lost_tax_per_year


def test_full_reemployment_leaves_nobody_unemployed() -> None:
    impact = varsel_impact(VARSEL, {"reemployed_12m": 1.0})
    assert impact.unemployed[6] == 0 and impact.unemployed[12] == 0


ETABLERING = setting(
    Company(
        name="Fabriken", employees=0, affected=1000, construction_peak=2000, resident_share=0.7
    ),
    ImpactAssumptions(local_multiplier=0.4, in_mover_share=0.5, household_size=2.5),
)


def test_etablering_jobs_and_people() -> None:
    impact = etablering_impact(ETABLERING)
    assert impact.construction_peak == 2000
    assert impact.construction_residents == pytest.approx(400)  # 2000 × 0.2
    assert impact.permanent_jobs == 1000
    assert impact.indirect_jobs == pytest.approx(400)  # 1000 × 0.4
    assert impact.total_jobs == pytest.approx(1400)
    assert impact.in_mover_workers == pytest.approx(700)  # 1400 × 0.5
    assert impact.in_movers == pytest.approx(1750)  # 700 × 2.5


def test_etablering_housing_schools_tax_commuting() -> None:
    impact = etablering_impact(ETABLERING)
    assert impact.housing_units == pytest.approx(700)
    assert impact.temporary_housing == pytest.approx(400)
    assert impact.preschool_places == pytest.approx(210)  # 700 × 0.3
    assert impact.school_places == pytest.approx(350)  # 700 × 0.5
    assert impact.tax_gain_per_year == pytest.approx(140_800_000)  # 1100 × 400 000 × 0.32
    assert impact.commuting_in == pytest.approx(420)  # min(1400 × 0.3, 1400 − 700)


@given(
    affected=st.integers(0, 20_000),
    multiplier=st.floats(0, 5),
    reemployed=st.floats(0, 1),
)
def test_varsel_figures_are_consistent(affected: int, multiplier: float, reemployed: float) -> None:
    impact = varsel_impact(
        VARSEL, {"affected": affected, "local_multiplier": multiplier, "reemployed_12m": reemployed}
    )
    assert impact.unemployed[0] >= impact.unemployed[6] >= impact.unemployed[12] >= 0
    assert impact.expected_dismissed <= impact.direct_jobs
    assert impact.lost_tax_per_year >= 0 and impact.population_risk >= 0
