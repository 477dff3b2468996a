"""Names and types checked against a scenario, and the compiled look-ups the engine uses."""

from __future__ import annotations

from typing import Any

import pytest

from varselspel.expr import (
    MODEL_FIELDS,
    Namespace,
    compile_scenario,
    resolve_condition,
    resolve_effect,
)
from varselspel.model import ImpactAssumptions, Scenario

NS = Namespace(
    indicators=frozenset({"arbetslosa", "fortroende"}),
    flags=frozenset({"egf_sokt"}),
    model_fields=frozenset(MODEL_FIELDS),
    decisions={"r1.ledning": ("kommunen", "ingen"), "r2.egf": ("ja", "nej")},
)


def _problems(text: str, effect: bool = False) -> list[tuple[str, int, dict[str, object]]]:
    problems = resolve_effect(text, NS)[1] if effect else resolve_condition(text, NS)[1]
    return [(p.code, p.offset, p.message_params) for p in problems]


def test_well_typed_condition_has_no_problems() -> None:
    text = (
        'arbetslosa > 300 and not egf_sokt or valt("r2.egf", "ja") and chans(model.affected / 10)'
    )
    condition, problems = resolve_condition(text, NS)
    assert problems == []
    assert condition.valid


@pytest.mark.parametrize(
    ("text", "code", "offset", "message"),
    [
        (
            "arbetslos > 3",
            "X201",
            0,
            "unknown name `arbetslos`: no indicator or flag has that id; did you mean `arbetslosa`?",
        ),
        ("model.unemployed > 0", "X202", 0, None),
        (
            "r1.ledning",
            "X203",
            0,
            '`r1.ledning` is a decision, not a value; write beslutat("r1.ledning") or'
            ' valt("r1.ledning", "OPTION")',
        ),
        ('beslutat("ledning")', "X204", 9, None),
        ('valt("r1.ledning", "kommun")', "X205", 19, None),
        ("egf_sokt + 1 > 0", "X206", 0, "`+` works on numbers, but this is true/false"),
        ("arbetslosa and egf_sokt", "X207", 0, "`and` needs true/false, but this is a number"),
        ("egf_sokt < 1", "X208", 0, "cannot compare true/false with a number using `<`"),
        ("egf_sokt < true", "X208", 0, None),
        ("arbetslosa == true", "X208", 0, None),
        ("arbetslosa + 1", "X209", 0, None),
        ("chans(egf_sokt)", "X213", 6, None),
        ("not arbetslosa", "X207", 4, None),
        ("-egf_sokt > 0", "X206", 1, None),
    ],
)
def test_condition_name_and_type_errors(
    text: str, code: str, offset: int, message: str | None
) -> None:
    condition, problems = resolve_condition(text, NS)
    assert [(p.code, p.offset) for p in problems] == [(code, offset)]
    assert not condition.valid
    if message is not None:
        assert problems[0].message("en") == message


def test_suggestions_for_decisions_in_another_round() -> None:
    (problem,) = resolve_condition('beslutat("r3.ledning")', NS)[1]
    assert problem.message_params["suggestions"] == ["r1.ledning"]


def test_every_problem_is_reported() -> None:
    codes = [code for code, _, _ in _problems("arbetslos > 3 and fortroend > 2 or egf_sokt + 1")]
    assert codes == ["X201", "X201", "X206", "X207"]


@pytest.mark.parametrize(
    ("text", "code", "offset"),
    [
        ("egf_sokt += 1", "X210", 0),
        ("egf_sokt = 1", "X211", 11),
        ("fortroende = true", "X212", 13),
        ("model.affected = egf_sokt", "X212", 17),
        ("okand = 1", "X201", 0),
        ("model.okand = 1", "X202", 0),
        ("fortroende += egf_sokt + 1", "X206", 14),
    ],
)
def test_effect_type_errors(text: str, code: str, offset: int) -> None:
    effect, problems = resolve_effect(text, NS)
    assert effect is None
    assert [(p.code, p.offset) for p in problems] == [(code, offset)]


def _scenario(**changes: Any) -> Scenario:
    data: dict[str, Any] = {
        "id": "t",
        "title": "T",
        "kind": "varsel",
        "summary": "s",
        "year": 2025,
        "duration_minutes": 120,
        "setting": {
            "municipality": {"name": "M", "population": 1000, "employed": 500},
            "region": {"name": "R", "population": 10000},
            "company": {"name": "C", "employees": 100, "affected": 50},
        },
        "roles": [{"role": "kso"}],
        "indicators": [
            {"id": "arbetslosa", "label": "A", "start": 100, "min": 0, "max": 1000},
            {"id": "fortroende", "label": "F", "start": 50, "min": 0, "max": 100},
        ],
        "flags": [{"id": "egf_sokt"}],
        "rounds": [
            {
                "id": "r1",
                "title": "R1",
                "game_time": "Dag 0",
                "minutes": 20,
                "briefing": "b",
                "condition": "fortroende >= 0",
                "injects": [
                    {
                        "id": "i1",
                        "title": "t",
                        "text": "x",
                        "condition": "not egf_sokt",
                        "effects": ["fortroende -= 5", "egf_sokt = true"],
                    }
                ],
                "decisions": [
                    {
                        "id": "ledning",
                        "question": "q",
                        "condition": "arbetslosa > 10",
                        "options": [
                            {
                                "id": "kommunen",
                                "label": "K",
                                "effects": ["fortroende += 80", "model.unemployed_share *= 0.5"],
                            },
                            {"id": "ingen", "label": "I", "condition": "fortroende > 90"},
                        ],
                    }
                ],
            }
        ],
    }
    data.update(changes)
    return Scenario.model_validate(data)


def test_compiled_lookups_drive_a_round() -> None:
    compiled, problems = compile_scenario(_scenario())
    assert problems == []
    env = compiled.new_env()
    assert env.indicators == {"arbetslosa": 100.0, "fortroende": 50.0}
    assert env.model["affected"] == 50.0
    assert env.model["unemployed_share"] == ImpactAssumptions().unemployed_share
    assert compiled.round_condition("r1").evaluate(env)
    assert compiled.inject_condition("i1").evaluate(env)
    compiled.apply(compiled.inject_effects("i1"), env)
    assert not compiled.inject_condition("i1").evaluate(env)
    assert compiled.decision_condition("r1.ledning").evaluate(env)
    assert not compiled.option_condition("r1.ledning", "ingen").evaluate(env)
    compiled.apply(compiled.option_effects("r1.ledning", "kommunen"), env)
    assert env.indicators["fortroende"] == 100.0
    assert env.model["unemployed_share"] == pytest.approx(0.1)
    assert compiled.option_condition("r1.ledning", "ingen").evaluate(env)


def test_unknown_ids_are_always_true_with_no_effects() -> None:
    compiled, _ = compile_scenario(_scenario())
    env = compiled.new_env()
    assert compiled.inject_condition("nope").evaluate(env)
    assert compiled.option_effects("r9.x", "y") == ()


def test_problems_carry_yaml_paths() -> None:
    scenario = _scenario()
    rounds = scenario.model_dump()["rounds"]
    rounds[0]["decisions"][0]["options"][1]["condition"] = "fortroend > 90"
    rounds[0]["injects"][0]["effects"][1] = "egf_sokt += 1"
    _, problems = compile_scenario(_scenario(rounds=rounds))
    assert [(p.path, p.offset, p.code) for p in problems] == [
        (("rounds", 0, "injects", 0, "effects", 1), 0, "X210"),
        (("rounds", 0, "decisions", 0, "options", 1, "condition"), 0, "X201"),
    ]


def test_invalid_condition_is_never_true() -> None:
    scenario = _scenario()
    rounds = scenario.model_dump()["rounds"]
    rounds[0]["condition"] = "okand > 1"
    compiled, problems = compile_scenario(_scenario(rounds=rounds))
    assert [p.code for p in problems] == ["X201"]
    assert not compiled.round_condition("r1").evaluate(compiled.new_env())


def test_compiling_the_same_object_twice_reuses_the_result() -> None:
    scenario = _scenario()
    first, _ = compile_scenario(scenario)
    second, _ = compile_scenario(scenario)
    assert first is second
    third, _ = compile_scenario(_scenario())
    assert third is not first


def test_chance_places_differ_for_the_same_text() -> None:
    scenario = _scenario()
    rounds = scenario.model_dump()["rounds"]
    inject = dict(rounds[0]["injects"][0])
    rounds[0]["injects"][0]["condition"] = "chans(50)"
    rounds[0]["injects"].append({**inject, "id": "i2", "condition": "chans(50)"})
    rounds[0]["injects"][0]["effects"] = ["egf_sokt = chans(50)"]
    rounds[0]["injects"][1]["effects"] = ["egf_sokt = chans(50)"]
    compiled, problems = compile_scenario(_scenario(rounds=rounds))
    assert problems == []
    places: list[str] = []
    env = compiled.new_env(chance=lambda percent, place: places.append(place) or False)
    for inject_id in ("i1", "i2"):
        compiled.inject_condition(inject_id).evaluate(env)
        compiled.apply(compiled.inject_effects(inject_id), env)
    assert places == [
        "inject:i1:condition@0",
        "inject:i1:effect0@11",
        "inject:i2:condition@0",
        "inject:i2:effect0@11",
    ]


def test_identical_texts_share_nothing_observable() -> None:
    compiled, _ = compile_scenario(_scenario())
    env = compiled.new_env()
    first = compiled.inject_condition("i1")
    assert first.place == "inject:i1:condition"
    assert compiled.decision_condition("r1.ledning").place == "decision:r1.ledning:condition"
    assert env.flags == {"egf_sokt": False}


@pytest.mark.parametrize(
    ("text", "effect", "message"),
    [
        ("x" * 2001, False, "the expression is too long (at most 2000 characters)"),
        (
            "(" * 50 + "x" + ")" * 50,
            False,
            "the expression is nested too deeply (at most 40 levels)",
        ),
        (
            'fortroende == "a"',
            False,
            "a quoted string may only be an argument of valt, beslutat, har_roll, varde or antal",
        ),
        (
            "beslutat(r1)",
            False,
            'argument 1 of beslutat(...) must be a string in double quotes, e.g. "r1.ledning"',
        ),
        (
            "+= 1",
            True,
            "an effect starts with the name of what it changes (indicator, flag or model.<field>), but found `+=`",
        ),
        (
            "fortroende 5",
            True,
            "expected `=`, `+=`, `-=` or `*=` after `fortroende`, but found `5`",
        ),
        ("  ", True, "the effect is empty; write e.g. `fortroende += 5`"),
        (
            "model.afected > 1",
            False,
            "unknown model field `model.afected`; did you mean `affected`?",
        ),
        (
            'valt("ledning", "kommunen")',
            False,
            'unknown decision "ledning"; write "ROUND.DECISION" with ids from the scenario; did you mean `r1.ledning`?',
        ),
        (
            "fortroende * 2",
            False,
            "a condition must be true or false, but this is a number; compare it, e.g. `fortroende * 2 > 0`",
        ),
        ("egf_sokt = 5", True, "flag `egf_sokt` must get true or false, but the value is a number"),
        (
            "chans(true)",
            False,
            "chans(P) needs a probability in percent (a number), but this is true/false",
        ),
    ],
)
def test_every_message(text: str, effect: bool, message: str) -> None:
    problems = resolve_effect(text, NS)[1] if effect else resolve_condition(text, NS)[1]
    assert [p.message("en") for p in problems] == [message]
    assert problems[0].message("sv") != message
