"""Name and type checking: resolve names against a scenario's namespace and check types."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

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
    ValueType,
    Var,
    VarKind,
)
from varselspel.expr.errors import ExprError
from varselspel.expr.parser import NUMBER_FUNCTIONS, parse_condition_node, parse_effect_parts
from varselspel.expr.program import Condition, Effect

ORDERING_OPS = frozenset({"<", "<=", ">", ">="})


@dataclass(frozen=True, slots=True)
class Namespace:
    """The names an expression may use: the scenario's indicators, flags, model fields, decisions."""

    indicators: frozenset[str] = frozenset()
    """Indicator ids."""
    flags: frozenset[str] = frozenset()
    """Flag ids."""
    model_fields: frozenset[str] = frozenset()
    """Field names usable as `model.<field>`."""
    decisions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Option ids by decision key `ROUND.DECISION` (none for a number decision)."""
    numbers: frozenset[str] = frozenset()
    """Keys of the decisions answered with a number."""
    roles: frozenset[str] = frozenset()
    """Role ids of the scenario, for `har_roll`."""


def _suggest(name: str, candidates: list[str]) -> list[str]:
    return difflib.get_close_matches(name, candidates, n=3, cutoff=0.6)


def _name_candidates(ns: Namespace) -> list[str]:
    return sorted(ns.indicators | ns.flags) + sorted(f"model.{f}" for f in ns.model_fields)


class _Resolver:
    """Resolves one expression, collecting every problem rather than stopping at the first."""

    def __init__(self, ns: Namespace) -> None:
        self.ns = ns
        self.problems: list[ExprError] = []

    def fail(self, code: str, params: dict[str, object], offset: int) -> None:
        self.problems.append(ExprError(code, params, offset))

    def var(self, node: Var) -> tuple[Var, ValueType | None]:
        ns = self.ns
        if node.kind is VarKind.MODEL:
            if node.name in ns.model_fields:
                return node, ValueType.NUMBER
            suggestions = _suggest(node.name, sorted(ns.model_fields))
            self.fail("X202", {"name": node.name, "suggestions": suggestions}, node.offset)
            return node, None
        if node.name in ns.indicators:
            return replace(node, kind=VarKind.INDICATOR), ValueType.NUMBER
        if node.name in ns.flags:
            return replace(node, kind=VarKind.FLAG), ValueType.BOOL
        if node.name in ns.decisions:
            self.fail("X203", {"name": node.name}, node.offset)
            return node, None
        suggestions = _suggest(node.name, _name_candidates(ns))
        self.fail("X201", {"name": node.name, "suggestions": suggestions}, node.offset)
        return node, None

    def need(self, node: Node, kind: ValueType | None, want: ValueType, op: str) -> None:
        if kind is None or kind is want:
            return
        code = "X206" if want is ValueType.NUMBER else "X207"
        self.fail(code, {"op": op, "type": kind}, node.offset)

    def decision_ref(self, arg: Node) -> str | None:
        if not isinstance(arg, String):
            return None
        ref = arg.value
        if ref in self.ns.decisions:
            return ref
        keys = sorted(self.ns.decisions)
        tail = ref.rsplit(".", 1)[-1]
        suggestions = [k for k in keys if k.rsplit(".", 1)[-1] == tail]
        suggestions += [k for k in _suggest(ref, keys) if k not in suggestions]
        self.fail("X204", {"ref": ref, "suggestions": suggestions[:3]}, arg.offset)
        return None

    def role_ref(self, arg: Node) -> None:
        if isinstance(arg, String) and arg.value not in self.ns.roles:
            suggestions = _suggest(arg.value, sorted(self.ns.roles))
            self.fail("X214", {"role": arg.value, "suggestions": suggestions}, arg.offset)

    def call(self, node: Call) -> tuple[Node, ValueType | None]:
        if node.func == "chans":
            arg, kind = self.resolve(node.args[0])
            if kind is not None and kind is not ValueType.NUMBER:
                self.fail("X213", {"type": kind}, node.args[0].offset)
            return replace(node, args=(arg,)), ValueType.BOOL
        if node.func in NUMBER_FUNCTIONS:
            args = []
            for original in node.args:
                arg, kind = self.resolve(original)
                self.need(original, kind, ValueType.NUMBER, f"{node.func}(...)")
                args.append(arg)
            return replace(node, args=tuple(args)), ValueType.NUMBER
        if node.func == "har_roll":
            self.role_ref(node.args[0])
            return node, ValueType.BOOL
        ref = self.decision_ref(node.args[0])
        if node.func == "varde":
            if ref is not None and ref not in self.ns.numbers:
                self.fail("X215", {"ref": ref}, node.args[0].offset)
            return node, ValueType.NUMBER
        if node.func in ("valt", "antal") and ref is not None and ref in self.ns.numbers:
            self.fail("X216", {"func": node.func, "ref": ref}, node.args[0].offset)
            return node, ValueType.NUMBER if node.func == "antal" else ValueType.BOOL
        if node.func == "antal":
            return node, ValueType.NUMBER
        if node.func == "valt" and ref is not None:
            option = node.args[1]
            options = self.ns.decisions[ref]
            if isinstance(option, String) and option.value not in options:
                suggestions = _suggest(option.value, list(options)) or list(options)[:3]
                params: dict[str, object] = {
                    "ref": ref,
                    "option": option.value,
                    "suggestions": suggestions,
                }
                self.fail("X205", params, option.offset)
        return node, ValueType.BOOL

    def resolve(self, node: Node) -> tuple[Node, ValueType | None]:
        """Return the node with names resolved, and its type (None after an error)."""
        if isinstance(node, Number):
            return node, ValueType.NUMBER
        if isinstance(node, Bool):
            return node, ValueType.BOOL
        if isinstance(node, String):
            return node, ValueType.STRING
        if isinstance(node, Var):
            return self.var(node)
        if isinstance(node, Unary):
            operand, kind = self.resolve(node.operand)
            want = ValueType.BOOL if node.op == "not" else ValueType.NUMBER
            self.need(node.operand, kind, want, node.op)
            return replace(node, operand=operand), want
        if isinstance(node, Binary):
            left, left_kind = self.resolve(node.left)
            right, right_kind = self.resolve(node.right)
            self.need(node.left, left_kind, ValueType.NUMBER, node.op)
            self.need(node.right, right_kind, ValueType.NUMBER, node.op)
            return replace(node, left=left, right=right), ValueType.NUMBER
        if isinstance(node, Logic):
            operands = []
            for operand in node.operands:
                resolved, kind = self.resolve(operand)
                self.need(operand, kind, ValueType.BOOL, node.op)
                operands.append(resolved)
            return replace(node, operands=tuple(operands)), ValueType.BOOL
        if isinstance(node, Compare):
            return self.compare(node)
        return self.call(node)

    def compare(self, node: Compare) -> tuple[Node, ValueType | None]:
        terms = [self.resolve(term) for term in (node.first, *node.rest)]
        originals = (node.first, *node.rest)
        for index, op in enumerate(node.ops):
            left_kind = terms[index][1]
            right_kind = terms[index + 1][1]
            if left_kind is None or right_kind is None:
                continue
            ordering = op in ORDERING_OPS
            bad = (left_kind is not right_kind) or (ordering and left_kind is not ValueType.NUMBER)
            if bad:
                params: dict[str, object] = {"left": left_kind, "right": right_kind, "op": op}
                self.fail("X208", params, originals[index].offset)
        resolved = tuple(term for term, _ in terms)
        return replace(node, first=resolved[0], rest=resolved[1:]), ValueType.BOOL


EffectParts = tuple[Var, str, Node]
"""An effect's resolved target, operator and value."""


def check_condition(text: str, ns: Namespace) -> tuple[Node | None, list[ExprError]]:
    """Parse and check a condition; return its resolved tree (None when empty) and problems."""
    try:
        node = parse_condition_node(text)
    except ExprError as error:
        return None, [error]
    if node is None:
        return None, []
    resolver = _Resolver(ns)
    resolved, kind = resolver.resolve(node)
    if kind is ValueType.NUMBER:
        resolver.fail("X209", {"text": text.strip()}, node.offset)
    return resolved, resolver.problems


def check_effect(text: str, ns: Namespace) -> tuple[EffectParts | None, list[ExprError]]:
    """Parse and check an effect; return its resolved parts (None on problems) and problems."""
    try:
        target, op, value = parse_effect_parts(text)
    except ExprError as error:
        return None, [error]
    resolver = _Resolver(ns)
    target, target_kind = resolver.var(target)
    value, value_kind = resolver.resolve(value)
    if target.kind is VarKind.FLAG:
        if op != "=":
            resolver.fail("X210", {"name": target.name, "op": op}, target.offset)
        elif value_kind is ValueType.NUMBER:
            resolver.fail("X211", {"name": target.name}, value.offset)
    elif target_kind is ValueType.NUMBER and value_kind is ValueType.BOOL:
        resolver.fail("X212", {"name": target.source_name}, value.offset)
    if resolver.problems:
        return None, resolver.problems
    return (target, op, value), []


def resolve_condition(
    text: str, ns: Namespace, place: str = ""
) -> tuple[Condition, list[ExprError]]:
    """Parse and check a condition; on problems the condition is marked invalid (never true)."""
    node, problems = check_condition(text, ns)
    return Condition.make(text, node, place, valid=not problems), problems


def resolve_effect(
    text: str, ns: Namespace, place: str = ""
) -> tuple[Effect | None, list[ExprError]]:
    """Parse and check an effect; returns None for the effect when it has problems."""
    parts, problems = check_effect(text, ns)
    if parts is None:
        return None, problems
    return Effect.make(text, *parts, place), []
