"""Check a group's end state against the consequence model: indicators must tell its story.

The bundled scenarios move their indicators with effects while the consequence model computes
the same quantities from the group's `model.*` values. `contradictions` lists where the two
disagree at the end of a game, so a play-through test fails when content and model drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from varselspel.engine import Session
from varselspel.engine.impact import EtableringImpact, VarselImpact


@dataclass(frozen=True)
class Follows:
    """Which of a scenario's indicators follow which consequence-model figure."""

    unemployment: str = ""
    """Indicator of unemployed residents; its change follows the model's unemployment."""
    horizon: int = 12
    """Month after the dismissals that the scenario's last round corresponds to (6 or 12)."""
    new_jobs: str = ""
    """Indicator of new local jobs; it must equal `model.new_jobs`."""
    population: str = ""
    """Indicator of the change in inhabitants; it follows the model's population change."""
    revenue_msek: str = ""
    """Indicator of the change in revenue from tax and utjämning, MSEK per year."""
    recruited: str = ""
    """Indicator of the company's employees (etablering); at most the model's permanent jobs."""


FOLLOWS: dict[str, Follows] = {
    "demo": Follows(unemployment="arbetslosa", horizon=6, new_jobs="nya_jobb"),
    "bruket-i-norrvik": Follows(
        unemployment="arbetslosa",
        horizon=12,
        new_jobs="nya_jobb",
        population="befolkning",
        revenue_msek="skatteintakt",
    ),
    "batterifabriken-i-storsund": Follows(recruited="rekryterade"),
    # No varsel: the rehearsal alarm sets a hypothetical one, and the indicator of those still
    # without work after a year follows the model's figure for it.
    "beredskap-i-hedkoping": Follows(unemployment="utan_arbete", horizon=12),
}
"""The bundled scenarios' indicators that the consequence model also computes."""

RELATIVE = 0.3
"""An indicator may differ from the model by this share of the model's figure."""


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _near(
    name: str, change: float, expected: float, floor: float, problems: list[str], unit: str
) -> None:
    """Flag a change that has the wrong sign or lies too far from the model's figure."""
    tolerance = max(floor, RELATIVE * abs(expected))
    if abs(expected) >= tolerance and _sign(change) != _sign(expected):
        problems.append(f"{name}: change {change:+g} {unit} but the model says {expected:+g}")
    elif abs(change - expected) > tolerance:
        problems.append(
            f"{name}: change {change:+g} {unit}, the model says {expected:+g} (±{tolerance:g})"
        )


def contradictions(session: Session, group_id: str, follows: Follows) -> list[str]:
    """Return where the group's indicators contradict the consequence model at the end."""
    group = session.state.groups[group_id]
    start = {i.id: float(i.start) for i in session.scenario.indicators}

    def change(indicator: str) -> float:
        return float(group.indicators[indicator]) - start[indicator]

    impact = session.impact(group_id)
    problems: list[str] = []
    if isinstance(impact, VarselImpact):
        if follows.unemployment:
            expected = (
                impact.unemployment_change
                if follows.horizon == 12
                else impact.unemployed[follows.horizon]
            )
            # Within 5 % of the residents who lose their job, or 30 % of the model's figure.
            floor = max(5.0, 0.05 * impact.dismissed_residents)
            _near(follows.unemployment, change(follows.unemployment), expected, floor, problems, "")
        if follows.new_jobs and change(follows.new_jobs) != impact.new_jobs:
            problems.append(
                f"{follows.new_jobs}: {change(follows.new_jobs):+g} new jobs but "
                f"model.new_jobs is {impact.new_jobs}"
            )
        if follows.population:
            _near(
                follows.population,
                change(follows.population),
                impact.population_change,
                10.0,
                problems,
                "",
            )
        if follows.revenue_msek:
            _near(
                follows.revenue_msek,
                change(follows.revenue_msek),
                impact.revenue_change_per_year / 1e6,
                1.0,
                problems,
                "MSEK",
            )
    if isinstance(impact, EtableringImpact):
        employed = group.indicators.get(follows.recruited, 0.0) if follows.recruited else 0.0
        if employed > impact.permanent_jobs:
            problems.append(
                f"{follows.recruited}: {employed:g} employees but the model has "
                f"{impact.permanent_jobs} permanent jobs"
            )
    return problems
