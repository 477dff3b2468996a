"""Conditions and effects: parsed expressions ready to evaluate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from varselspel.expr.ast import Node, Var, VarKind
from varselspel.expr.evaluate import EvalEnv, Fn, build, build_effect
from varselspel.expr.parser import parse_condition_node, parse_effect_parts


def _always(env: EvalEnv) -> bool:
    return True


def _never(env: EvalEnv) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class Condition:
    """A parsed condition; `node` is None when the text is empty (always true)."""

    source: str
    """The condition as written."""
    node: Node | None
    """The syntax tree, or None for an empty condition."""
    place: str = ""
    """Where the condition lives (seeds `chans`), e.g. `inject:r1/i2:condition`."""
    valid: bool = True
    """False when the condition had errors; an invalid condition is never true."""
    _fn: Fn = field(default=_always, compare=False, repr=False)

    @classmethod
    def make(cls, source: str, node: Node | None, place: str = "", valid: bool = True) -> Condition:
        """Build a condition and its evaluator."""
        if not valid:
            fn: Fn = _never
        elif node is None:
            fn = _always
        else:
            fn = build(node, place)
        return cls(source, node, place, valid, fn)

    @property
    def always_true(self) -> bool:
        """True when the condition is empty."""
        return self.node is None and self.valid

    def evaluate(self, env: EvalEnv) -> bool:
        """Return whether the condition holds in `env`."""
        return bool(self._fn(env))


@dataclass(frozen=True, slots=True)
class Effect:
    """A parsed effect statement `NAME op EXPR`."""

    source: str
    """The effect as written."""
    target: Var
    """What it changes."""
    op: str
    """`=`, `+=`, `-=` or `*=`."""
    value: Node
    """The value expression."""
    place: str = ""
    """Where the effect lives (seeds `chans`)."""
    _apply: Callable[[EvalEnv], None] = field(default=lambda env: None, compare=False, repr=False)

    @classmethod
    def make(cls, source: str, target: Var, op: str, value: Node, place: str = "") -> Effect:
        """Build an effect and its applier."""
        return cls(source, target, op, value, place, build_effect(target, op, value, place))

    @property
    def sets_flag(self) -> bool:
        """True when the target is a flag (after names are resolved)."""
        return self.target.kind is VarKind.FLAG

    def apply(self, env: EvalEnv) -> None:
        """Change `env` in place; indicator values are clamped to their bounds."""
        self._apply(env)


def parse_condition(text: str, place: str = "") -> Condition:
    """Parse a condition (names unchecked); raise ExprError on a syntax error."""
    return Condition.make(text, parse_condition_node(text), place)


def parse_effect(text: str, place: str = "") -> Effect:
    """Parse an effect (names unchecked); raise ExprError on a syntax error."""
    target, op, value = parse_effect_parts(text)
    return Effect.make(text, target, op, value, place)


def apply_effects(effects: tuple[Effect, ...] | list[Effect], env: EvalEnv) -> None:
    """Apply `effects` in order."""
    for effect in effects:
        effect._apply(env)
