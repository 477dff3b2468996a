"""The checker never fails on odd scenarios: any expression text gives diagnostics, not crashes."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import EXPR_GRAMMAR_TOKENS
from varselspel.check import check_scenario
from varselspel.diagnostics import PositionMap
from varselspel.model import RoleCard, Scenario

ROLES = {
    "kso": RoleCard.model_validate(
        {
            "id": "kso",
            "title": "KSO",
            "organisation": "Kommunen",
            "mandate": [{"id": "sammankalla-lokal-samverkan", "text": "Sammankalla."}],
        }
    )
}

TOKENS = [
    "arbetslosa",
    "fortroende",
    "egf_sokt",
    "model.affected",
    '"r1.ledning"',
    '"r2.ledning"',
    '"kommunen"',
    *EXPR_GRAMMAR_TOKENS,
    "0",
    "1",
    "0.5",
    "300",
    "-5",
    " ",
]
texts = st.lists(st.sampled_from(TOKENS), max_size=12).map(" ".join)


def _scenario(conditions: list[str], effects: list[str], numbers: list[float]) -> Scenario:
    def cond(i: int) -> str:
        return conditions[i % len(conditions)] if conditions else ""

    def eff(i: int) -> list[str]:
        return effects[i::3]

    rounds: list[dict[str, Any]] = []
    for r in range(2):
        rounds.append(
            {
                "id": f"r{r + 1}",
                "title": "R",
                "game_time": "Dag 0",
                "minutes": 30,
                "briefing": "b",
                "condition": cond(r),
                "injects": [
                    {
                        "id": f"i{r}",
                        "title": "t",
                        "text": "x",
                        "condition": cond(r + 2),
                        "effects": eff(r),
                    },
                ],
                "decisions": [
                    {
                        "id": "ledning",
                        "question": "q",
                        "mandate": "sammankalla-lokal-samverkan",
                        "condition": cond(r + 4),
                        "options": [
                            {
                                "id": "kommunen",
                                "label": "K",
                                "condition": cond(r + 5),
                                "effects": eff(2),
                            },
                        ],
                    }
                ],
            }
        )
    low, high, start = [*numbers, 0.0, 100.0, 50.0][:3]
    return Scenario.model_validate(
        {
            "id": "t",
            "title": "T",
            "kind": "varsel",
            "summary": "s",
            "year": 2025,
            "duration_minutes": 60,
            "setting": {
                "municipality": {"name": "M", "population": 1000, "employed": 500},
                "region": {"name": "R", "population": 10000},
                "company": {"name": "C", "employees": 100},
            },
            "roles": [{"role": "kso"}],
            "indicators": [
                {"id": "arbetslosa", "label": "A", "start": start, "min": low, "max": high},
                {"id": "fortroende", "label": "F", "start": 1},
            ],
            "flags": [{"id": "egf_sokt"}],
            "rounds": rounds,
        }
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(texts, max_size=6),
    st.lists(texts, max_size=6),
    st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=3),
)
def test_checker_never_raises(
    conditions: list[str], effects: list[str], numbers: list[float]
) -> None:
    scenario = _scenario(conditions, effects, numbers)
    diagnostics = check_scenario(scenario, ROLES, PositionMap(), "s.yaml", lang="en")
    for diagnostic in diagnostics:
        assert diagnostic.code[0] in "CX"
        assert diagnostic.message
