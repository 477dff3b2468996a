"""Flow analysis: conditions that can never be true given the effects that precede them."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from varselspel.check.report import Reporter
from varselspel.check.strings import STRINGS
from varselspel.diagnostics import Path, Severity
from varselspel.expr import CompiledScenario, Effect, to_source, walk
from varselspel.expr.ast import (
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
from varselspel.i18n import tr
from varselspel.model import Inject, NumberChoice, Option, Scenario

_FLIP = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}

_OWNER_CODES = {"flag": "C101", "indicator": "C102", "decision": "C103", "false": "C104"}


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a condition can never be true, and where in the expression."""

    kind: str
    """`flag`, `indicator`, `decision` or `false`."""
    offset: int
    """Offset of the sub-expression that can never hold."""
    params: Mapping[str, object] = field(default_factory=dict)


def constant(node: Node) -> float | None:
    """Return the value of a number literal, possibly negated."""
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Unary) and node.op == "-":
        inner = constant(node.operand)
        return None if inner is None else -inner
    return None


def _possible(low: float, high: float, op: str, value: float) -> bool:
    """True when some x in [low, high] satisfies `x op value`."""
    if op == "<":
        return low < value
    if op == "<=":
        return low <= value
    if op == ">":
        return high > value
    if op == ">=":
        return high >= value
    if op == "==":
        return low <= value <= high
    return not (low == high == value)


def number_text(value: float) -> str:
    """Show a bound the way an author writes it (`300`, `0.5`, `∞`)."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if not math.isfinite(value):
        return str(value)
    return str(int(value)) if value == int(value) else f"{value:g}"


_TARGET = re.compile(r"\s*([a-z][a-z0-9_]*)\s*(?:\+=|-=|\*=|/=|=(?!=))")
"""The target of an effect, read even when the rest of the effect does not compile."""


@dataclass(frozen=True, slots=True)
class Write:
    """An effect on a flag or an indicator, as the flow analysis sees it."""

    owner: str
    """`inject` or `option`."""
    owner_id: str
    """Inject id, or `DECISION_KEY/OPTION`."""
    name: str
    """The flag or indicator written."""
    effect: Effect | None
    """The effect; None when it has problems of its own, so any value is possible."""
    delay: int = 0
    """For a delayed effect: how many rounds after its own round it applies."""


def _effect_texts(scenario: Scenario) -> dict[Path, str]:
    """Return every effect text of the scenario by its YAML path."""
    texts: dict[Path, str] = {}

    def add(base: Path, owner: Inject | Option | NumberChoice) -> None:
        for n, text in enumerate(owner.effects):
            texts[(*base, "effects", n)] = text
        for d, delayed in enumerate(owner.delayed_effects):
            for n, text in enumerate(delayed.effects):
                texts[(*base, "delayed_effects", d, "effects", n)] = text

    for ri, round_ in enumerate(scenario.rounds):
        for ii, inject in enumerate(round_.injects):
            add(("rounds", ri, "injects", ii), inject)
        for di, decision in enumerate(round_.decisions):
            for oi, option in enumerate(decision.options):
                add(("rounds", ri, "decisions", di, "options", oi), option)
            if decision.number is not None:
                add(("rounds", ri, "decisions", di, "number"), decision.number)
    return texts


def writes(scenario: Scenario, compiled: CompiledScenario) -> list[tuple[int, Write]]:
    """Return every effect's write with its round index, broken effects included by target.

    An effect with an error (`flagga += 1`) is already reported; counting its target as written
    with an unknown value keeps it from adding "never set" and "never true" warnings.
    """
    result: list[tuple[int, Write]] = []
    texts: dict[Path, str] | None = None
    for expr in compiled.expressions:
        if expr.owner not in ("inject", "option", "number") or expr.condition is not None:
            continue
        if expr.effect is not None:
            target = expr.effect.target
            if target.kind in (VarKind.FLAG, VarKind.INDICATOR):
                write = Write(expr.owner, expr.owner_id, target.name, expr.effect, expr.delay)
                result.append((expr.round_index, write))
            continue
        if texts is None:
            texts = _effect_texts(scenario)
        match = _TARGET.match(texts.get(expr.path, ""))
        if match is not None:
            write = Write(expr.owner, expr.owner_id, match.group(1), None, expr.delay)
            result.append((expr.round_index, write))
    return result


def _step(round_index: int, write: Write) -> int:
    """The step of the flow at which a write takes effect (see `Flow`)."""
    if write.delay:
        # A delayed effect applies as its round opens, before that round's injects.
        return 2 * (round_index + write.delay)
    return 2 * round_index + (write.owner != "inject")


class Flow:
    """What each flag and indicator can be at each point of the scenario.

    The engine applies an inject's effects when the inject is released and an option's effects
    when its round closes. So at index `2r` the tables hold what is possible when round `r`
    starts, and at `2r + 1` what is possible during it (after its injects, before its options).
    Effects only ever widen what is possible, so one pass builds the prefix tables.
    """

    def __init__(
        self, scenario: Scenario, compiled: CompiledScenario, skipped: frozenset[int] = frozenset()
    ) -> None:
        self.flag_start = {f.id: f.start for f in reversed(scenario.flags)}
        self.indicators = {i.id: i for i in reversed(scenario.indicators)}
        self.decision_round: dict[str, int] = {}
        for index, round_ in enumerate(scenario.rounds):
            for decision in round_.decisions:
                self.decision_round.setdefault(f"{round_.id}.{decision.id}", index)
        self.round_ids = [r.id for r in scenario.rounds]
        count = len(scenario.rounds)
        # Two steps per round: its injects' effects, then its options' effects.
        self.steps: list[list[Write]] = [[] for _ in range(2 * count)]
        for round_index, write in writes(scenario, compiled):
            step = _step(round_index, write)
            if 0 <= round_index < count and round_index not in skipped and step < 2 * count:
                self.steps[step].append(write)
        # An indicator that follows the model may take any value once a round has closed.
        followers = {i.id for i in scenario.indicators if i.follows is not None}
        values = {name: frozenset({start}) for name, start in self.flag_start.items()}
        self._flags: dict[str, list[frozenset[bool]]] = {n: [v] for n, v in values.items()}
        ranges = {name: self._start_range(name) for name in self.indicators}
        self._ranges: dict[str, list[tuple[float, float]]] = {
            name: [interval] for name, interval in ranges.items()
        }
        for at, writes_now in enumerate(self.steps):
            for write in writes_now:
                name = write.name
                if name in values:
                    values[name] = values[name] | self._flag_values(write)
                elif name in ranges:
                    ranges[name] = self._widen(name, ranges[name], write.effect)
            if at % 2:
                for name in followers & ranges.keys():
                    ranges[name] = self._bounds(name)
            for name, table in self._flags.items():
                table.append(values[name])
            for name, ranges_table in self._ranges.items():
                ranges_table.append(ranges[name])

    @staticmethod
    def _flag_values(write: Write) -> frozenset[bool]:
        """The values a write can give a flag."""
        effect = write.effect
        if effect is not None and isinstance(effect.value, Bool):
            return frozenset({effect.value.value})
        return frozenset({True, False})

    def _bounds(self, name: str) -> tuple[float, float]:
        indicator = self.indicators[name]
        bottom = -math.inf if indicator.min is None else indicator.min
        top = math.inf if indicator.max is None else indicator.max
        return bottom, top

    def _start_range(self, name: str) -> tuple[float, float]:
        bottom, top = self._bounds(name)
        start = min(max(self.indicators[name].start, bottom), top)
        return start, start

    def _widen(
        self, name: str, current: tuple[float, float], effect: Effect | None
    ) -> tuple[float, float]:
        bottom, top = self._bounds(name)
        if effect is None:
            return bottom, top
        low, high = current
        value = constant(effect.value)
        sign = 1.0 if effect.op == "+=" else -1.0 if effect.op == "-=" else 0.0
        if value is not None and effect.op == "=":
            value = min(max(value, bottom), top)
            return min(low, value), max(high, value)
        if value is not None and sign:
            if value * sign > 0:
                return low, top
            if value * sign < 0:
                return bottom, high
            return low, high
        return bottom, top

    def flag_values(self, name: str, round_index: int, strict: bool) -> frozenset[bool]:
        """Values flag `name` can have at a point of round `round_index`."""
        table = self._flags.get(name)
        if table is None:
            return frozenset({True, False})
        return table[min(2 * round_index + (0 if strict else 1), len(table) - 1)]

    def indicator_range(self, name: str, round_index: int, strict: bool) -> tuple[float, float]:
        """The interval indicator `name` can lie in at a point of round `round_index`."""
        table = self._ranges[name]
        return table[min(2 * round_index + (0 if strict else 1), len(table) - 1)]

    def option_setting(self, name: str, round_index: int, value: bool | None = None) -> str | None:
        """Return the first option of round `round_index` that writes `name` (to `value`), if any."""
        index = 2 * round_index + 1
        if not 0 <= index < len(self.steps):
            return None
        for write in self.steps[index]:
            if write.name == name and (value is None or value in self._flag_values(write)):
                return write.owner_id
        return None


@dataclass(slots=True)
class _Context:
    flow: Flow
    round_index: int
    strict: bool
    owner: str
    owner_id: str

    def flag(self, name: str, need: bool, offset: int) -> Reason | None:
        values = self.flow.flag_values(name, self.round_index, self.strict)
        if need in values:
            return None
        start = self.flow.flag_start.get(name, False)
        params: dict[str, object] = {"flag": name, "value": need, "start": start}
        setter = None if self.strict else self.flow.option_setting(name, self.round_index, need)
        if setter is not None:
            params["setter"] = setter
        return Reason("flag", offset, params)

    def indicator(self, var: Var, op: str, value: float, test: str) -> Reason | None:
        if var.name not in self.flow.indicators:
            return None
        low, high = self.flow.indicator_range(var.name, self.round_index, self.strict)
        if _possible(low, high, op, value):
            return None
        params: dict[str, object] = {
            "indicator": var.name,
            "low": number_text(low),
            "high": number_text(high),
            "test": test,
        }
        if not self.strict:
            setter = self.flow.option_setting(var.name, self.round_index)
            later = self.flow.indicator_range(var.name, self.round_index + 1, True)
            if setter is not None and _possible(*later, op, value):
                params["setter"] = setter
        return Reason("indicator", var.offset, params)

    def decision(self, call: Call) -> Reason | None:
        arg = call.args[0]
        if not isinstance(arg, String):
            return None
        target = self.flow.decision_round.get(arg.value)
        if target is None:
            return None
        round_id = self.flow.round_ids[target]
        when: tuple[str, str] | None = None
        if target > self.round_index:
            when = ("later", round_id)
        elif target == self.round_index:
            if self.strict:
                when = ("same", round_id)
            elif (self.owner == "decision" and self.owner_id == arg.value) or (
                self.owner == "option" and self.owner_id.startswith(arg.value + "/")
            ):
                when = ("self", round_id)
        if when is None:
            return None
        return Reason("decision", arg.offset, {"decision": arg.value, "when": when})


def _pair(a: Node, op: str, b: Node, ctx: _Context) -> Reason | None:
    test = f"{to_source(a)} {op} {to_source(b)}"
    left, right = constant(a), constant(b)
    if left is not None and right is not None:
        return (
            None if _possible(left, left, op, right) else Reason("false", a.offset, {"test": test})
        )
    if isinstance(b, Var) and right is None and left is not None:
        a, b, op, left, right = b, a, _FLIP[op], right, left
    if isinstance(a, Var) and a.kind is VarKind.INDICATOR and right is not None:
        return ctx.indicator(a, op, right, test)
    if isinstance(b, Var) and isinstance(a, Bool):
        a, b = b, a
    if isinstance(a, Var) and a.kind is VarKind.FLAG and isinstance(b, Bool) and op in ("==", "!="):
        return ctx.flag(a.name, b.value if op == "==" else not b.value, a.offset)
    return None


def never_true(node: Node, ctx: _Context) -> Reason | None:
    """Return why `node` can never be true at the context's point, or None when it may be."""
    if isinstance(node, Logic):
        reasons = [never_true(operand, ctx) for operand in node.operands]
        if node.op == "and":
            return next((r for r in reasons if r is not None), None)
        return reasons[0] if all(r is not None for r in reasons) else None
    if isinstance(node, Bool):
        return None if node.value else Reason("false", node.offset, {"test": "false"})
    if isinstance(node, Var) and node.kind is VarKind.FLAG:
        return ctx.flag(node.name, True, node.offset)
    if isinstance(node, Unary) and node.op == "not":
        inner = node.operand
        if isinstance(inner, Var) and inner.kind is VarKind.FLAG:
            return ctx.flag(inner.name, False, inner.offset)
        if isinstance(inner, Bool) and inner.value:
            return Reason("false", node.offset, {"test": to_source(node)})
        return None
    if isinstance(node, Compare):
        terms = (node.first, *node.rest)
        for index, op in enumerate(node.ops):
            reason = _pair(terms[index], op, terms[index + 1], ctx)
            if reason is not None:
                return reason
        return None
    if isinstance(node, Call):
        if node.func in ("valt", "beslutat"):
            return ctx.decision(node)
        percent = constant(node.args[0])
        if percent is not None and percent <= 0:
            return Reason("false", node.offset, {"test": to_source(node)})
    return None


def _render(reason: Reason, lang: str | None) -> dict[str, object]:
    params: dict[str, object] = {}
    for key, value in reason.params.items():
        if isinstance(value, bool):
            params[key] = tr(STRINGS, f"value.{'true' if value else 'false'}", lang)
        elif key == "when" and isinstance(value, tuple):
            params[key] = tr(STRINGS, f"when.{value[0]}", lang, round=value[1])
        else:
            params[key] = value
    return params


def _unreachable(scenario: Scenario, compiled: CompiledScenario) -> tuple[Flow, dict[int, Reason]]:
    """Find the rounds no group can play, and the flow without their effects."""
    skipped: frozenset[int] = frozenset()
    # A round never played applies no effects, which can make later rounds unreachable too;
    # each pass can only add rounds, so this ends within one pass per round.
    for _ in range(len(scenario.rounds) + 1):
        flow = Flow(scenario, compiled, skipped)
        reasons: dict[int, Reason] = {}
        for expr in compiled.expressions:
            condition = expr.condition
            if expr.owner != "round" or condition is None or condition.node is None:
                continue
            if not condition.valid:
                continue
            ctx = _Context(flow, expr.round_index, True, expr.owner, expr.owner_id)
            reason = never_true(condition.node, ctx)
            if reason is not None:
                reasons[expr.round_index] = reason
        if frozenset(reasons) == skipped:
            return flow, reasons
        skipped = frozenset(reasons)
    return flow, reasons


def check_flow(scenario: Scenario, compiled: CompiledScenario, report: Reporter) -> set[int]:
    """Report conditions that can never be true; return the indices of unreachable rounds."""
    flow, unreachable = _unreachable(scenario, compiled)
    for expr in compiled.expressions:
        condition = expr.condition
        if condition is None or condition.node is None or not condition.valid:
            continue
        if expr.owner == "round":
            reason = unreachable.get(expr.round_index)
            if reason is None:
                continue
            text = tr(STRINGS, f"reason.{reason.kind}", report.lang, **_render(reason, report.lang))
            report.at_offset(
                Severity.WARNING,
                "C105",
                expr.path,
                condition.source,
                reason.offset,
                id=expr.owner_id,
                reason=text,
            )
            continue
        if expr.round_index in unreachable:
            # The round itself is reported; its injects and options add nothing.
            continue
        if expr.owner in ("card", "figures"):
            # Checked again and again from its round on: only the widest state counts.
            ctx = _Context(flow, len(scenario.rounds), True, expr.owner, expr.owner_id)
        else:
            ctx = _Context(flow, expr.round_index, False, expr.owner, expr.owner_id)
        found = never_true(condition.node, ctx)
        if found is None:
            continue
        owner = tr(STRINGS, f"owner.{expr.owner}", report.lang, id=expr.owner_id)
        params = _render(found, report.lang)
        if "setter" in params:
            # Set by an option of the same round: its effects only apply when the round closes.
            params["variant"] = "late"
        report.at_offset(
            Severity.WARNING,
            _OWNER_CODES[found.kind],
            expr.path,
            condition.source,
            found.offset,
            owner=owner,
            **params,
        )
    return set(unreachable)


def flag_usage(scenario: Scenario, compiled: CompiledScenario) -> tuple[set[str], set[str]]:
    """Return the flags read (by conditions or effect values) and the flags set by effects.

    An effect with problems of its own still counts as setting its target.
    """
    read: set[str] = set()
    written = {write.name for _index, write in writes(scenario, compiled)}

    def reads(node: Node) -> None:
        for sub in walk(node):
            if isinstance(sub, Var) and sub.kind is VarKind.FLAG:
                read.add(sub.name)

    for expr in compiled.expressions:
        if expr.condition is not None and expr.condition.node is not None:
            reads(expr.condition.node)
        if expr.effect is not None:
            reads(expr.effect.value)
    return read, written


__all__ = ["Flow", "Reason", "Write", "check_flow", "flag_usage", "never_true", "writes"]
