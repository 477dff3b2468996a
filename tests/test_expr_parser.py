"""The expression parser: syntax, precedence, and errors with offsets."""

from __future__ import annotations

import pytest

from varselspel.expr import ExprError, parse_condition, parse_effect, to_source
from varselspel.expr.ast import Binary, Call, Compare, Logic, Number, String, Unary, Var, VarKind
from varselspel.expr.lexer import MAX_LENGTH
from varselspel.expr.parser import MAX_DEPTH


def test_the_example_from_the_brief() -> None:
    node = parse_condition('arbetslosa > 300 and valt("r1.ledning", "kommunen")').node
    assert node == Logic(
        "and",
        (
            Compare(Var("arbetslosa"), (">",), (Number(300.0),)),
            Call("valt", (String("r1.ledning"), String("kommunen"))),
        ),
    )


def test_offsets_of_nodes() -> None:
    node = parse_condition('arbetslosa > 300 and valt("r1.ledning", "kommunen")').node
    assert isinstance(node, Logic)
    compare, call = node.operands
    assert isinstance(compare, Compare) and isinstance(call, Call)
    assert compare.rest[0].offset == 13
    assert call.offset == 21
    assert [arg.offset for arg in call.args] == [26, 40]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("a + b * c", "a + b * c"),
        ("(a + b) * c", "(a + b) * c"),
        ("a - (b - c)", "a - (b - c)"),
        ("a - b - c", "a - b - c"),
        ("-a * b", "-a * b"),
        ("-(a * b)", "-(a * b)"),
        ("not a and b", "not a and b"),
        ("not (a and b)", "not (a and b)"),
        ("a or b and c", "a or b and c"),
        ("(a or b) and c", "(a or b) and c"),
        ("not x > 3", "not x > 3"),
        ("0 < x <= 10", "0 < x <= 10"),
        ("(a == b) == c", "(a == b) == c"),
        ("a and (b and c)", "a and (b and c)"),
        ("model.unemployed_share * 2 >= 0.5", "model.unemployed_share * 2 >= 0.5"),
        ("chans(25)", "chans(25)"),
        ('beslutat( "r1.x" )', 'beslutat("r1.x")'),
        ("x>=-1", "x >= -1"),
    ],
)
def test_precedence_and_printing(text: str, canonical: str) -> None:
    node = parse_condition(text).node
    assert node is not None
    assert to_source(node) == canonical
    assert parse_condition(canonical).node == node


def test_model_names_are_one_token() -> None:
    node = parse_condition("model.affected > 10").node
    assert isinstance(node, Compare)
    assert node.first == Var("affected", VarKind.MODEL)


def test_empty_condition_is_always_true() -> None:
    assert parse_condition("   ").always_true
    assert parse_condition("").node is None


def test_effect_parts() -> None:
    effect = parse_effect("fortroende += 5 * 2")
    assert effect.target == Var("fortroende")
    assert effect.op == "+="
    assert effect.value == Binary("*", Number(5.0), Number(2.0))
    assert parse_effect("model.local_multiplier = 0.4").target == Var(
        "local_multiplier", VarKind.MODEL
    )


def _error(text: str, effect: bool = False) -> ExprError:
    with pytest.raises(ExprError) as info:
        if effect:
            parse_effect(text)
        else:
            parse_condition(text)
    return info.value


@pytest.mark.parametrize(
    ("text", "code", "offset", "message"),
    [
        ("a # b", "X101", 2, "the character `#` is not allowed in an expression"),
        ("x => 3", "X117", 2, "`=>` does not work in expressions; write `>=`"),
        ("a && b", "X117", 2, "`&&` does not work in expressions; write `and`"),
        ("!a", "X117", 0, "`!` does not work in expressions; write `not`"),
        (
            "valt(\u201dr1.x\u201d, 1)",
            "X117",
            5,
            '`\u201d` does not work in expressions; write `"`',
        ),
        ("valt('r1.x', 'a')", "X117", 5, None),
        ("x \u2264 3", "X117", 2, None),
        ('valt("r1.x, "a")', "X102", 14, None),
        ('valt("r1.x', "X102", 5, 'the string has no closing double quote (")'),
        ("x > 1.", "X103", 4, None),
        (
            "x > 1.2.3",
            "X103",
            4,
            "malformed number `1.2.3`; write e.g. 300 or 0.5 (point as decimal separator)",
        ),
        ("x > 3abc", "X103", 4, None),
        (
            "chans(0,5)",
            "X103",
            6,
            "malformed number `0,5`; write e.g. 300 or 0.5 (point as decimal separator)",
        ),
        (
            "x >",
            "X106",
            3,
            "a value or a name was expected here, but found the end of the expression",
        ),
        ("x > and", "X106", 4, "a value or a name was expected here, but found `and`"),
        ("(x > 1", "X107", 6, "expected `)` here, but found the end of the expression"),
        (
            "x > 1 y",
            "X108",
            6,
            "unexpected `y` after a complete expression; is `and` or `or` missing?",
        ),
        ("x = 1", "X109", 2, "a condition compares with `==`, not `=`"),
        ('"r1.x"', "X110", 0, None),
        ('x == "a"', "X110", 5, None),
        (
            "valj(1)",
            "X111",
            0,
            "unknown function `valj`; the functions are valt, beslutat, chans, har_roll, varde, antal,"
            " min, max, round and abs; did you mean `valt`?",
        ),
        ('valt("r1.x")', "X112", 0, "valt(...) takes 2 argument(s) but got 1"),
        ('valt(r1, "a")', "X113", 5, None),
        ("chans(1, 2)", "X112", 0, None),
        ("x + 1 +", "X106", 7, None),
        ("+x", "X106", 0, None),
    ],
)
def test_condition_syntax_errors(text: str, code: str, offset: int, message: str | None) -> None:
    error = _error(text)
    assert (error.code, error.offset) == (code, offset)
    if message is not None:
        assert error.message("en") == message


@pytest.mark.parametrize(
    ("text", "code", "offset"),
    [
        ("", "X116", 0),
        ("5 = x", "X114", 0),
        ("true = x", "X114", 0),
        ("x == 5", "X115", 2),
        ("x /= 5", "X115", 2),
        ("x", "X115", 1),
        ("x = ", "X106", 4),
        ("x = 1 2", "X108", 6),
        ('x = "a"', "X110", 4),
    ],
)
def test_effect_syntax_errors(text: str, code: str, offset: int) -> None:
    error = _error(text, effect=True)
    assert (error.code, error.offset) == (code, offset)


def test_swedish_messages() -> None:
    assert _error("x >").message("sv") == (
        "här väntades ett värde eller ett namn, men det står slutet av uttrycket"
    )
    assert _error("x = 1").message("sv") == "ett villkor jämför med `==`, inte `=`"


def test_nesting_limit() -> None:
    deep = "(" * (MAX_DEPTH + 5) + "x" + ")" * (MAX_DEPTH + 5)
    assert _error(deep).code == "X105"
    assert _error("not " * (MAX_DEPTH + 5) + "x").code == "X105"
    assert _error("x" + " + 1" * (MAX_DEPTH + 5) + " > 0").code == "X105"
    ok = "(" * 10 + "x" + ")" * 10
    assert parse_condition(ok).node == Var("x")


def test_length_limit() -> None:
    error = _error("x" * (MAX_LENGTH + 1))
    assert (error.code, error.offset) == ("X104", MAX_LENGTH)


def test_non_ascii_names_are_names() -> None:
    node = parse_condition("arbetslösa > 3").node
    assert isinstance(node, Compare)
    assert node.first == Var("arbetslösa")


def test_unary_minus_nests() -> None:
    node = parse_condition("x > - -3").node
    assert isinstance(node, Compare)
    assert node.rest[0] == Unary("-", Unary("-", Number(3.0)))
