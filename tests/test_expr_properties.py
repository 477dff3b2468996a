"""Properties of the expression language over generated inputs."""

from __future__ import annotations

import math

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers import EXPR_GRAMMAR_TOKENS
from varselspel.expr import (
    MODEL_FIELDS,
    EvalEnv,
    ExprError,
    Namespace,
    parse_condition,
    parse_effect,
    resolve_condition,
    resolve_effect,
    to_source,
)
from varselspel.expr.ast import (
    Binary,
    Bool,
    Call,
    Compare,
    Logic,
    Node,
    Number,
    String,
    Unary,
    Var,
    VarKind,
)
from varselspel.expr.lexer import MAX_LENGTH

INDICATORS = ("arbetslosa", "fortroende")
FLAGS = ("egf_sokt", "pressmote")
DECISIONS = {"r1.ledning": ("kommunen", "ingen")}
NS = Namespace(
    indicators=frozenset(INDICATORS),
    flags=frozenset(FLAGS),
    model_fields=frozenset(MODEL_FIELDS),
    decisions=DECISIONS,
)

TOKENS = [
    "arbetslosa",
    "egf_sokt",
    "model.affected",
    '"r1.ledning"',
    '"kommunen"',
    '"',
    *EXPR_GRAMMAR_TOKENS,
    "1",
    "0.5",
    "300",
    "1.",
    ".",
    " ",
    "é",
    "\n",
    "#",
    "_x",
]

token_soup = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


@settings(max_examples=400)
@given(st.one_of(st.text(max_size=80), token_soup))
def test_parsing_random_text_raises_only_expr_errors(text: str) -> None:
    for parse in (parse_condition, parse_effect):
        try:
            parse(text)
        except ExprError as error:
            assert 0 <= error.offset <= len(text)
            assert error.message("sv") and error.message("en")


@settings(max_examples=200)
@given(token_soup)
def test_checking_random_text_never_raises(text: str) -> None:
    condition, _ = resolve_condition(text, NS)
    effect, _ = resolve_effect(text, NS)
    env = EvalEnv(indicators={"arbetslosa": 3.0}, flags={"egf_sokt": True})
    if condition.valid:
        condition.evaluate(env)
    if effect is not None:
        effect.apply(env)


literals = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(float),
    st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False),
).map(Number)

numbers: st.SearchStrategy[Node] = st.recursive(
    st.one_of(
        literals,
        st.sampled_from(INDICATORS).map(Var),
        st.sampled_from(sorted(MODEL_FIELDS)).map(lambda f: Var(f, VarKind.MODEL)),
    ),
    lambda inner: st.one_of(
        st.builds(Binary, st.sampled_from("+-*/"), inner, inner),
        st.builds(Unary, st.just("-"), inner),
    ),
    max_leaves=8,
)


def _compare(ops: st.SearchStrategy[str], side: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.builds(lambda a, op, b: Compare(a, (op,), (b,)), side, ops, side)


calls = st.one_of(
    st.builds(
        lambda d, o: Call("valt", (String(d), String(o))),
        st.sampled_from(sorted(DECISIONS)),
        st.sampled_from(DECISIONS["r1.ledning"]),
    ),
    st.just(Call("beslutat", (String("r1.ledning"),))),
    numbers.map(lambda n: Call("chans", (n,))),
)

booleans: st.SearchStrategy[Node] = st.recursive(
    st.one_of(
        st.booleans().map(Bool),
        st.sampled_from(FLAGS).map(Var),
        _compare(st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), numbers),
        calls,
    ),
    lambda inner: st.one_of(
        st.builds(
            Logic,
            st.sampled_from(["and", "or"]),
            st.lists(inner, min_size=2, max_size=3).map(tuple),
        ),
        st.builds(Unary, st.just("not"), inner),
        _compare(st.sampled_from(["==", "!="]), inner),
    ),
    max_leaves=10,
)


@settings(max_examples=300)
@given(st.one_of(booleans, numbers))
def test_printing_then_parsing_gives_the_same_tree(node: Node) -> None:
    text = to_source(node)
    assert parse_condition(text).node == node
    assert to_source(parse_condition(text).node or Bool(True)) == text


values = st.one_of(
    st.floats(allow_nan=False),
    st.sampled_from([0.0, -0.0, 1e308, -1e308, 5e-324]),
)


@settings(max_examples=300)
@given(
    booleans,
    numbers,
    st.sampled_from(INDICATORS),
    st.sampled_from(["=", "+=", "-=", "*="]),
    st.fixed_dictionaries({name: values for name in INDICATORS}),
    st.fixed_dictionaries({name: st.booleans() for name in FLAGS}),
    st.one_of(st.just({}), st.just({"r1.ledning": "kommunen"})),
)
def test_well_typed_expressions_evaluate_without_raising(
    condition_node: Node,
    value_node: Node,
    target: str,
    op: str,
    indicators: dict[str, float],
    flags: dict[str, bool],
    choices: dict[str, str],
) -> None:
    # Texts over the language's length limit are refused by design (X104); that is tested apart.
    assume(len(to_source(condition_node)) + len("egf_sokt = ") <= MAX_LENGTH)
    assume(len(f"{target} {op} {to_source(value_node)}") <= MAX_LENGTH)
    condition, problems = resolve_condition(to_source(condition_node), NS, place="p")
    assert problems == []
    effect, effect_problems = resolve_effect(f"{target} {op} {to_source(value_node)}", NS)
    assert effect_problems == [] and effect is not None
    flag_effect, _ = resolve_effect(f"egf_sokt = {to_source(condition_node)}", NS)
    assert flag_effect is not None
    env = EvalEnv(
        indicators=indicators,
        flags=flags,
        model=dict.fromkeys(MODEL_FIELDS, 0.5),
        choices=choices,
        chance=lambda percent, place: percent > 50,
        bounds={"fortroende": (0.0, 100.0)},
    )
    assert isinstance(condition.evaluate(env), bool)
    before = env.indicators[target]
    effect.apply(env)
    flag_effect.apply(env)
    after = env.indicators[target]
    assert after == before or math.isfinite(after)
    assert (
        0.0 <= env.indicators["fortroende"] <= 100.0
        or env.indicators["fortroende"] == indicators["fortroende"]
    )
