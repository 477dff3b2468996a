"""Evaluation: a syntax tree is turned once into nested closures that read a plain environment."""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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

Chance = Callable[[float, str], bool]
"""`chance(percent, place)`: True with `percent` % probability, seeded by the caller per place."""

Bounds = tuple[float | None, float | None]
"""Lowest and highest allowed value; None means unbounded."""

Choice = str | tuple[str, ...] | float
"""A group's answer to a decision: an option id, the option ids of a multi-select, or a number."""

Fn = Callable[["EvalEnv"], Any]
"""A compiled expression: reads an environment and returns a number or a truth value."""


def no_chance(percent: float, place: str) -> bool:
    """Default chance: only certain events (100 % or more) happen."""
    return percent >= 100


@dataclass(slots=True)
class EvalEnv:
    """The state one group's expressions read and effects change: plain dicts only."""

    indicators: dict[str, float] = field(default_factory=dict)
    """Indicator values by id."""
    flags: dict[str, bool] = field(default_factory=dict)
    """Flag values by id."""
    model: dict[str, float] = field(default_factory=dict)
    """Consequence-model assumptions and company figures by field name (without `model.`)."""
    choices: dict[str, Choice] = field(default_factory=dict)
    """Answer by decision key `ROUND.DECISION`: an option id, a tuple of option ids (a
    multi-select) or a float (a number decision)."""
    chance: Chance = no_chance
    """Source of chance for `chans(P)`; the engine seeds it per session, group and place."""
    bounds: dict[str, Bounds] = field(default_factory=dict)
    """Clamping bounds by indicator id and by `model.<field>`."""
    roles: frozenset[str] = frozenset()
    """Role ids the group holds (for `har_roll`)."""

    def copy(self) -> EvalEnv:
        """Return an environment with copies of the dicts (bounds, chance and roles are shared)."""
        return EvalEnv(
            dict(self.indicators),
            dict(self.flags),
            dict(self.model),
            dict(self.choices),
            self.chance,
            self.bounds,
            self.roles,
        )


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


def _divide(left: Any, right: Any) -> Any:
    # Division by zero is defined as 0 so that no well-typed expression can raise.
    return left / right if right else 0.0


_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": _divide,
}


def _var(node: Var) -> Fn:
    name = node.name
    if node.kind is VarKind.INDICATOR:
        return lambda env: env.indicators.get(name, 0.0)
    if node.kind is VarKind.FLAG:
        return lambda env: env.flags.get(name, False)
    if node.kind is VarKind.MODEL:
        return lambda env: env.model.get(name, 0.0)

    def unresolved(env: EvalEnv) -> Any:
        if name in env.indicators:
            return env.indicators[name]
        return env.flags.get(name, 0.0)

    return unresolved


def _logic(node: Logic, place: str) -> Fn:
    parts = tuple(build(operand, place) for operand in node.operands)
    if node.op == "and":
        if len(parts) == 2:
            a, b = parts
            return lambda env: bool(a(env)) and bool(b(env))

        def all_of(env: EvalEnv) -> bool:
            return all(part(env) for part in parts)

        return all_of
    if len(parts) == 2:
        a, b = parts
        return lambda env: bool(a(env)) or bool(b(env))

    def any_of(env: EvalEnv) -> bool:
        return any(part(env) for part in parts)

    return any_of


def _compare(node: Compare, place: str) -> Fn:
    first = build(node.first, place)
    if len(node.ops) == 1:
        test = _COMPARE[node.ops[0]]
        second = build(node.rest[0], place)
        return lambda env: test(first(env), second(env))
    steps = tuple(
        (_COMPARE[op], build(r, place)) for op, r in zip(node.ops, node.rest, strict=True)
    )

    def chain(env: EvalEnv) -> bool:
        left = first(env)
        for test, get in steps:
            right = get(env)
            if not test(left, right):
                return False
            left = right
        return True

    return chain


def round_half_away(value: float, digits: float = 0) -> float:
    """Round halves away from zero to `digits` decimals (0-6), as people round; never raises."""
    if not math.isfinite(value):
        return value
    places = int(min(6.0, max(0.0, digits))) if math.isfinite(digits) else 0
    scale = 10.0**places
    scaled = abs(value) * scale
    if scaled >= 2**52:
        return value
    return math.copysign(math.floor(scaled + 0.5) / scale, value)


def _chosen(choice: Any, option: str) -> bool:
    """True when `option` is the choice, or one of the options of a multi-select."""
    return choice == option or (type(choice) is tuple and option in choice)


def _count(choice: Any) -> float:
    """The number of options chosen: a multi-select's size, 1 for one option, else 0."""
    if type(choice) is tuple:
        return float(len(choice))
    return 1.0 if isinstance(choice, str) else 0.0


def _number(choice: Any) -> float:
    """The number of a number decision, 0 when it is not decided."""
    return float(choice) if isinstance(choice, float | int) else 0.0


def _text(node: Node) -> str:
    return node.value if isinstance(node, String) else ""


def _math(node: Call, place: str) -> Fn:
    args = tuple(build(arg, place) for arg in node.args)
    if node.func == "abs":
        (only,) = args
        return lambda env: abs(only(env))
    if node.func == "round":
        first = args[0]
        if len(args) == 1:
            return lambda env: round_half_away(first(env))
        digits = args[1]
        return lambda env: round_half_away(first(env), digits(env))
    pick = min if node.func == "min" else max
    return lambda env: pick(arg(env) for arg in args)


def _call(node: Call, place: str) -> Fn:
    func = node.func
    if func == "valt":
        key = _text(node.args[0])
        option = _text(node.args[1])
        return lambda env: _chosen(env.choices.get(key), option)
    if func == "beslutat":
        key = _text(node.args[0])
        return lambda env: key in env.choices
    if func == "har_roll":
        role = _text(node.args[0])
        return lambda env: role in env.roles
    if func == "varde":
        key = _text(node.args[0])
        return lambda env: _number(env.choices.get(key))
    if func == "antal":
        key = _text(node.args[0])
        return lambda env: _count(env.choices.get(key))
    if func in ("min", "max", "round", "abs"):
        return _math(node, place)
    percent = build(node.args[0], place)
    where = f"{place}@{node.offset}"
    return lambda env: bool(env.chance(float(percent(env)), where))


def build(node: Node, place: str = "") -> Fn:
    """Turn `node` into a closure; `place` names where the expression lives (seeds `chans`)."""
    if isinstance(node, Number | Bool | String):
        value = node.value
        return lambda env: value
    if isinstance(node, Var):
        return _var(node)
    if isinstance(node, Unary):
        inner = build(node.operand, place)
        if node.op == "not":
            return lambda env: not inner(env)
        return lambda env: -inner(env)
    if isinstance(node, Binary):
        left = build(node.left, place)
        right = build(node.right, place)
        if node.op == "/":
            return lambda env: _divide(left(env), right(env))
        arithmetic = _ARITHMETIC[node.op]
        return lambda env: arithmetic(left(env), right(env))
    if isinstance(node, Logic):
        return _logic(node, place)
    if isinstance(node, Compare):
        return _compare(node, place)
    return _call(node, place)


def clamp(value: float, bounds: Bounds | None) -> float:
    """Return `value` limited to `bounds`."""
    if bounds is None:
        return value
    low, high = bounds
    if low is not None and value < low:
        value = low
    if high is not None and value > high:
        value = high
    return value


def build_effect(target: Var, op: str, value: Node, place: str = "") -> Callable[[EvalEnv], None]:
    """Turn an effect into a closure that changes the environment in place."""
    get = build(value, place)
    name = target.name
    kind = target.kind

    def set_flag(env: EvalEnv) -> None:
        env.flags[name] = bool(get(env))

    if kind is VarKind.FLAG:
        return set_flag
    combine = None if op == "=" else _ARITHMETIC[op[0]]
    bound_key = f"model.{name}" if kind is VarKind.MODEL else name
    isfinite = math.isfinite
    use_model = kind is VarKind.MODEL

    def store(env: EvalEnv, table: dict[str, float], result: Any) -> None:
        result = float(result)
        # A result that is not a finite number (e.g. from huge values) leaves the value as it was.
        if isfinite(result):
            bounds = env.bounds.get(bound_key)
            if bounds is not None:
                low, high = bounds
                if low is not None and result < low:
                    result = low
                elif high is not None and result > high:
                    result = high
            table[name] = result

    if kind is VarKind.UNRESOLVED:

        def set_unresolved(env: EvalEnv) -> None:
            if name in env.flags and name not in env.indicators:
                env.flags[name] = bool(get(env))
                return
            result = get(env)
            if combine is not None:
                result = combine(env.indicators.get(name, 0.0), result)
            store(env, env.indicators, result)

        return set_unresolved

    if combine is None:

        def assign(env: EvalEnv) -> None:
            store(env, env.model if use_model else env.indicators, get(env))

        return assign

    def update(env: EvalEnv) -> None:
        table = env.model if use_model else env.indicators
        store(env, table, combine(table.get(name, 0.0), get(env)))

    return update
