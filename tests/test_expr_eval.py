"""Evaluating conditions and applying effects over plain dicts."""

from __future__ import annotations

import pytest

from varselspel.expr import EvalEnv, parse_condition, parse_effect


def env(**indicators: float) -> EvalEnv:
    return EvalEnv(
        indicators=dict(indicators),
        flags={"egf_sokt": False, "pressmote": True},
        model={"unemployed_share": 0.2},
        choices={"r1.ledning": "kommunen"},
        bounds={"fortroende": (0.0, 100.0), "model.unemployed_share": (0.0, 1.0)},
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", True),
        ("true", True),
        ("false", False),
        ("arbetslosa > 300", True),
        ("arbetslosa > 300 and egf_sokt", False),
        ("arbetslosa > 300 or egf_sokt", True),
        ("not egf_sokt and pressmote", True),
        ("egf_sokt == false", True),
        ("egf_sokt != pressmote", True),
        ("0 < fortroende <= 50", True),
        ("0 < fortroende < 50", False),
        ("50 < fortroende <= 60", False),
        ("arbetslosa - 2 * 100 == 200", True),
        ("(arbetslosa - 2) * 100 == 39800", True),
        ("arbetslosa / 0 == 0", True),
        ("-fortroende < 0", True),
        ("model.unemployed_share * 10 == 2", True),
        ('valt("r1.ledning", "kommunen")', True),
        ('valt("r1.ledning", "ingen")', False),
        ('beslutat("r1.ledning")', True),
        ('beslutat("r2.annat")', False),
        ("okand == 0", True),
    ],
)
def test_conditions(text: str, expected: bool) -> None:
    assert parse_condition(text).evaluate(env(arbetslosa=400, fortroende=50)) is expected


def test_chance_gets_percent_and_a_stable_place() -> None:
    calls: list[tuple[float, str]] = []

    def chance(percent: float, place: str) -> bool:
        calls.append((percent, place))
        return percent > 30

    state = env(fortroende=20)
    state.chance = chance
    condition = parse_condition("x > 1 or chans(fortroende + 15)", place="inject:i1:condition")
    assert condition.evaluate(state) is True
    assert calls == [(35.0, "inject:i1:condition@9")]


def test_default_chance_only_allows_certainty() -> None:
    state = EvalEnv()
    assert parse_condition("chans(100)").evaluate(state) is True
    assert parse_condition("chans(99.9)").evaluate(state) is False


def test_effects_change_numbers_and_clamp() -> None:
    state = env(fortroende=50, arbetslosa=100)
    for text in ["fortroende += 30", "fortroende += 30", "arbetslosa *= 1.5", "arbetslosa -= 10"]:
        parse_effect(text).apply(state)
    assert state.indicators == {"fortroende": 100.0, "arbetslosa": 140.0}
    parse_effect("fortroende = -5").apply(state)
    assert state.indicators["fortroende"] == 0.0


def test_effect_on_a_flag() -> None:
    state = env(fortroende=50)
    parse_effect("egf_sokt = fortroende > 40").apply(state)
    assert state.flags["egf_sokt"] is True
    parse_effect("pressmote = not pressmote").apply(state)
    assert state.flags["pressmote"] is False


def test_effect_on_the_model_is_clamped_to_the_field_bounds() -> None:
    state = env()
    parse_effect("model.unemployed_share *= 10").apply(state)
    assert state.model["unemployed_share"] == 1.0


def test_effect_with_division_by_zero_sets_zero() -> None:
    state = env(fortroende=50)
    parse_effect("fortroende = 10 / (fortroende - 50)").apply(state)
    assert state.indicators["fortroende"] == 0.0


def test_non_finite_result_leaves_the_value() -> None:
    big = "9" * 300
    state = env(arbetslosa=5)
    parse_effect(f"arbetslosa = {big} * {big} - {big} * {big}").apply(state)
    assert state.indicators["arbetslosa"] == 5


def test_copy_is_independent() -> None:
    state = env(fortroende=1)
    other = state.copy()
    parse_effect("fortroende += 1").apply(other)
    assert state.indicators["fortroende"] == 1
    assert other.indicators["fortroende"] == 2
