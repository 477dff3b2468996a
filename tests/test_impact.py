"""The consequence model against hand-computed examples (the arithmetic is in each comment)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from varselspel.engine.impact import etablering_impact, money, varsel_impact, whole
from varselspel.loader import load_bundle
from varselspel.model import (
    Company,
    ImpactAssumptions,
    Municipality,
    Region,
    Setting,
    Supplier,
)
from varselspel.resources import bundled_scenarios_dir

SUPPLIERS = [
    Supplier(name="Verkstaden", employees=50, dependence=0.6),  # 30 jobs hang on the company
    Supplier(name="Åkeriet", employees=20, dependence=0.5),  # 10 jobs: Σ employees × δ = 40
]


def setting(
    company: Company,
    assumptions: ImpactAssumptions | None = None,
    suppliers: list[Supplier] | None = None,
) -> Setting:
    return Setting(
        municipality=Municipality(
            name="Provby",
            population=10_000,
            employed=4_800,
            unemployment_rate=0.06,
            tax_rate=0.32,
            municipal_tax_rate=0.21,
            revenue_per_inhabitant=65_000,
            average_income=400_000,
        ),
        region=Region(name="Region Test", population=250_000),
        company=company,
        suppliers=SUPPLIERS if suppliers is None else suppliers,
        assumptions=assumptions or ImpactAssumptions(),
    )


VARSEL = setting(Company(name="Bruket", employees=500, affected=300, resident_share=0.8))
"""A = 300, E = 500, r = 0.8; defaults k = 0.5, d = 0.6, u = 0.2, e = 0.85, m = 0.05, h = 2.2."""


def test_rounding_people_and_money() -> None:
    # People round to whole numbers, halves away from zero; money to the nearest 100 000 SEK.
    assert [whole(x) for x in (0.5, 1.49, -0.5, -2.5, 248.4)] == [1, 1, -1, -3, 248]
    assert money(-1_776_060) == -1_800_000
    assert money(84_672_000) == 84_700_000
    assert money(49_999) == 0


def test_varsel_jobs_count_the_listed_suppliers() -> None:
    impact = varsel_impact(VARSEL)
    assert impact.direct_jobs == 300
    # The suppliers lose the share of their work the affected part buys: 40 × 300/500 = 24.
    assert impact.supplier_jobs == 24
    assert impact.other_indirect_jobs == 150  # 300 × 0.5
    assert impact.indirect_jobs == 174  # 24 + 150
    assert impact.total_jobs == 474  # 300 + 174
    assert impact.affected_residents == 240  # 300 × 0.8


def test_varsel_without_suppliers_has_only_the_multiplier() -> None:
    impact = varsel_impact(setting(VARSEL.company, suppliers=[]))
    assert impact.supplier_jobs == 0 and impact.indirect_jobs == 150  # 300 × 0.5


def test_varsel_dismissed_and_unemployed_over_time() -> None:
    impact = varsel_impact(VARSEL)
    assert impact.expected_dismissed == 180  # 300 × 0.6
    # L = 180 × 0.8 + 174 × 0.6 = 144 + 104.4 = 248.4
    assert impact.dismissed_residents == 248
    # 248.4 × 0.15^(n/12): 248.4, 248.4 × 0.3873 = 96.2, 248.4 × 0.15 = 37.26
    assert impact.unemployed == {0: 248, 6: 96, 12: 37}
    assert impact.new_jobs == 0
    assert impact.unemployment_change == 37  # 37.26 − 0.5 × 0
    assert impact.registered_unemployed == 83  # (240 + 174) × 0.2 = 82.8


def test_varsel_population_and_revenue() -> None:
    impact = varsel_impact(VARSEL)
    assert impact.households_moving == 12  # 0.05 × 248.4 = 12.42
    assert impact.population_change == -27  # −12.42 × 2.2 = −27.324
    # Revenue follows population: −27.324 × 65 000 = −1 776 060, rounded to 100 000.
    assert impact.revenue_change_per_year == -1_800_000
    # Before utjämning: −(37.26 + 12.42) × 400 000 × 0.21 = −49.68 × 84 000 = −4 173 120.
    assert impact.tax_base_change_per_year == -4_200_000


def test_varsel_new_jobs_change_the_lagesbild() -> None:
    impact = varsel_impact(VARSEL, {"new_jobs": 40})
    assert impact.new_jobs == 40
    assert impact.unemployed[12] == 37  # the re-employment curve itself does not change
    assert impact.unemployment_change == 17  # 37.26 − 0.5 × 40 = 17.26
    assert impact.households_moving == 11  # 0.05 × (248.4 − 20) = 11.42
    assert impact.population_change == -25  # −11.42 × 2.2 = −25.124
    assert impact.revenue_change_per_year == -1_600_000  # −25.124 × 65 000 = −1 633 060
    # −(17.26 + 11.42) × 84 000 = −2 409 120
    assert impact.tax_base_change_per_year == -2_400_000


def test_varsel_unemployment_cannot_fall_below_zero_unemployed() -> None:
    # Unemployed before: 4 800 × 0.06 / 0.94 = 306.4; 1 000 new jobs would take 500 out.
    impact = varsel_impact(VARSEL, {"new_jobs": 1000})
    assert impact.unemployment_change == -306
    assert impact.households_moving == 0  # max(0, 248.4 − 500) × 0.05


def test_varsel_uses_group_model_values() -> None:
    better = varsel_impact(VARSEL, {"reemployed_12m": 0.95, "local_multiplier": 0.0})
    # Q = 24; L = 144 + 24 × 0.6 = 158.4; L × 0.05 = 7.92
    assert better.indirect_jobs == 24
    assert better.unemployed[12] == 8
    assert better.revenue_change_per_year > varsel_impact(VARSEL).revenue_change_per_year


def test_full_reemployment_leaves_nobody_unemployed() -> None:
    impact = varsel_impact(VARSEL, {"reemployed_12m": 1.0})
    assert impact.unemployed[6] == 0 and impact.unemployed[12] == 0


def test_a_negotiation_that_lowers_dismissals_lowers_every_loss() -> None:
    # The demo's story: 85 given notice, 68 dismissed after the negotiation (d 1.0 → 0.8).
    before = varsel_impact(VARSEL, {"dismissed_share": 1.0})
    after = varsel_impact(VARSEL, {"dismissed_share": 0.8})
    assert before.expected_dismissed == 300 and after.expected_dismissed == 240
    # L = 300 × 0.8 + 174 × 1.0 = 414 → 240 × 0.8 + 174 × 0.8 = 331.2
    assert (before.dismissed_residents, after.dismissed_residents) == (414, 331)
    assert after.unemployment_change < before.unemployment_change
    assert after.population_change > before.population_change


ETABLERING = setting(
    Company(
        name="Fabriken", employees=0, affected=1000, construction_peak=2000, resident_share=0.7
    ),
    ImpactAssumptions(local_multiplier=0.4, in_mover_share=0.5, household_size=2.5),
)
"""P = 2 000, A = 1 000, r = 0.7, k = 0.4, s = 0.5, h = 2.5, b = 0.2 (default), Σnδ = 40."""


def test_etablering_construction_workers_and_beds() -> None:
    impact = etablering_impact(ETABLERING)
    assert impact.construction_peak == 2000
    assert impact.construction_residents == 400  # 2 000 × 0.2 register as residents
    assert impact.temporary_housing == 1600  # the other 2 000 − 400 need beds


def test_etablering_jobs_and_people() -> None:
    impact = etablering_impact(ETABLERING)
    assert impact.permanent_jobs == 1000
    assert impact.supplier_jobs == 40  # 50 × 0.6 + 20 × 0.5
    assert impact.other_indirect_jobs == 400  # 1 000 × 0.4
    assert impact.indirect_jobs == 440
    assert impact.total_jobs == 1440
    assert impact.in_mover_workers == 720  # 1 440 × 0.5
    assert impact.in_movers == 1800  # 720 × 2.5
    assert impact.commuting_in == 432  # min(1 440 × 0.3, 1 440 − 720)
    assert impact.resident_jobs == 288  # 1 440 − 720 − 432


def test_etablering_housing_schools_and_revenue() -> None:
    impact = etablering_impact(ETABLERING)
    assert impact.housing_units == 720
    assert impact.preschool_places == 216  # 720 × 0.3
    assert impact.school_places == 360  # 720 × 0.5
    assert impact.revenue_change_per_year == 117_000_000  # 1 800 × 65 000
    # Only the registered builders count as inhabitants: 400 × 65 000.
    assert impact.construction_revenue_per_year == 26_000_000
    # (720 + 288) × 400 000 × 0.21 = 84 672 000
    assert impact.tax_base_change_per_year == 84_700_000


def _bundled(stem: str):  # type: ignore[no-untyped-def]
    result = load_bundle(bundled_scenarios_dir() / f"{stem}.yaml")
    assert result.bundle is not None
    return result.bundle.scenario.setting


def test_norrvik_recomputed() -> None:
    """The figure the scenario used to call "17 MSEK lost tax" (docs/impact-model.md)."""
    impact = varsel_impact(_bundled("bruket-i-norrvik"))
    # S = 93.4 × 480/560 = 80.06; O = 480 × 0.4 = 192; L = 408 × 0.68 + 272.06 × 0.85 = 508.7
    assert (impact.supplier_jobs, impact.other_indirect_jobs) == (80, 192)
    assert impact.dismissed_residents == 509
    assert impact.unemployment_change == 102  # 508.7 × 0.2 = 101.7
    # H = 0.06 × 508.7 = 30.5; ΔP = −67.1; × 65 000 = −4.36 MSEK
    assert (impact.households_moving, impact.population_change) == (31, -67)
    assert impact.revenue_change_per_year == -4_400_000
    # −(101.7 + 30.5) × 338 000 × 0.222 = −9.92 MSEK before utjämning
    assert impact.tax_base_change_per_year == -9_900_000


def test_storsund_recomputed() -> None:
    """The figure the scenario used to call "159 MSEK more tax" (docs/impact-model.md)."""
    impact = etablering_impact(_bundled("batterifabriken-i-storsund"))
    assert impact.temporary_housing == 2125  # 2 500 − 375 registered
    # J = 1 200 + 108.75 + 480 = 1 788.75; W = 983.8; in-movers 983.8 × 2.3 = 2 262.8
    assert (impact.total_jobs, impact.in_movers) == (1789, 2263)
    assert impact.revenue_change_per_year == 147_100_000  # 2 262.8 × 65 000
    assert impact.construction_revenue_per_year == 24_400_000  # 375 × 65 000
    assert impact.resident_jobs == 89  # 5 % of the jobs: 1 788.75 − 983.8 − 715.5


@given(
    affected=st.integers(0, 20_000),
    multiplier=st.floats(0, 5),
    reemployed=st.floats(0, 1),
    new_jobs=st.integers(0, 5_000),
)
def test_varsel_figures_are_consistent(
    affected: int, multiplier: float, reemployed: float, new_jobs: int
) -> None:
    impact = varsel_impact(
        VARSEL,
        {
            "affected": affected,
            "local_multiplier": multiplier,
            "reemployed_12m": reemployed,
            "new_jobs": new_jobs,
        },
    )
    assert impact.unemployed[0] >= impact.unemployed[6] >= impact.unemployed[12] >= 0
    assert impact.unemployment_change <= impact.unemployed[12]
    assert impact.expected_dismissed <= impact.direct_jobs
    assert impact.population_change <= 0 and impact.revenue_change_per_year <= 0
    assert impact.households_moving <= impact.dismissed_residents


@given(share=st.floats(0, 1), lower=st.floats(0, 1))
def test_fewer_dismissals_never_mean_more_residents_losing_their_job(
    share: float, lower: float
) -> None:
    high = varsel_impact(VARSEL, {"dismissed_share": share})
    low = varsel_impact(VARSEL, {"dismissed_share": share * lower})
    assert low.expected_dismissed <= high.expected_dismissed
    assert low.dismissed_residents <= high.dismissed_residents
    assert low.unemployment_change <= high.unemployment_change


@given(beds_share=st.floats(0, 1), peak=st.integers(0, 10_000))
def test_builders_are_either_residents_or_in_beds(beds_share: float, peak: int) -> None:
    impact = etablering_impact(
        ETABLERING, {"construction_peak": peak, "construction_resident_share": beds_share}
    )
    assert abs(impact.construction_residents + impact.temporary_housing - peak) <= 1
