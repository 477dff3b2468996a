"""The expression functions of issue 14: min, max, round, abs, har_roll, varde and antal."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from varselspel.expr import EvalEnv, ExprError, parse_condition, parse_effect
from varselspel.expr.evaluate import round_half_away


def env() -> EvalEnv:
    return EvalEnv(
        indicators={"fortroende": 47.0, "arbetslosa": 300.0},
        flags={},
        model={"new_jobs": 0.0},
        choices={"r1.ledning": "kommunen", "r2.insatser": ("egf", "matchning"), "r3.komvux": 40.0},
        bounds={"fortroende": (0.0, 100.0)},
        roles=frozenset({"kso", "facket"}),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("min(fortroende, 50) == 47", True),
        ("max(fortroende, 50, 20) == 50", True),
        ("abs(30 - arbetslosa) == 270", True),
        ("round(fortroende / 10) == 5", True),  # 4.7 → 5
        ("round(2.5) == 3 and round(-2.5) == -3", True),  # halves away from zero
        ("round(fortroende / 3, 2) == 15.67", True),
        ('har_roll("facket")', True),
        ('har_roll("regionen")', False),
        ('varde("r3.komvux") == 40', True),
        ('varde("r9.okand") == 0', True),
        ('antal("r2.insatser") == 2 and antal("r1.ledning") == 1', True),
        ('antal("r3.komvux") == 0', True),
        ('valt("r2.insatser", "matchning") and valt("r2.insatser", "egf")', True),
        ('valt("r2.insatser", "fack")', False),
    ],
)
def test_functions(text: str, expected: bool) -> None:
    assert parse_condition(text).evaluate(env()) is expected


def test_effects_use_functions_and_stay_clamped() -> None:
    e = env()
    parse_effect('fortroende += max(2, round(varde("r3.komvux") / 5))').apply(e)
    assert e.indicators["fortroende"] == 55
    parse_effect("fortroende = min(200, fortroende * 4)").apply(e)
    assert e.indicators["fortroende"] == 100  # clamped to the indicator's max


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("min(fortroende) > 1", "X112"),
        ("round(1, 2, 3) > 1", "X112"),
        ("abs() > 1", "X112"),
        ('abs("tre") > 1', "X110"),
        ("kvadrat(4) > 1", "X111"),
    ],
)
def test_wrong_calls_are_refused(text: str, code: str) -> None:
    with pytest.raises(ExprError) as err:
        parse_condition(text)
    assert err.value.code == code


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_round_half_away_is_within_half_and_symmetric(value: float) -> None:
    rounded = round_half_away(value)
    assert abs(rounded - value) <= 0.5 + 1e-9
    assert round_half_away(-value) == -rounded
    assert rounded == math.floor(rounded)


@given(st.floats(), st.floats())
def test_round_half_away_never_raises(value: float, digits: float) -> None:
    result = round_half_away(value, digits)
    assert math.isnan(result) == math.isnan(value)
