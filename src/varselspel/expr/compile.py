"""Compile every expression of a scenario once, collecting problems with their YAML paths."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from annotated_types import Ge, Gt, Le, Lt

from varselspel.diagnostics import Path
from varselspel.expr.ast import Call, Node, walk
from varselspel.expr.errors import ExprError
from varselspel.expr.evaluate import Bounds, Chance, Choice, EvalEnv, no_chance
from varselspel.expr.program import Condition, Effect, apply_effects
from varselspel.expr.resolve import EffectParts, Namespace, check_condition, check_effect
from varselspel.expr.strings import format_message
from varselspel.model import Company, ImpactAssumptions, Scenario

COMPANY_FIELDS: tuple[str, ...] = ("affected", "construction_peak", "employees", "resident_share")
"""Company figures usable as `model.<field>` besides every field of ImpactAssumptions."""

MODEL_FIELDS: tuple[str, ...] = (*ImpactAssumptions.model_fields, *COMPANY_FIELDS)
"""Every name usable after `model.`."""

_ALWAYS = Condition.make("", None)
_V = TypeVar("_V")


def _field_bounds(model: Any, name: str) -> Bounds:
    low: float | None = None
    high: float | None = None
    for item in model.model_fields[name].metadata:
        limit: Any = item.ge if isinstance(item, Ge) else None
        if isinstance(item, Gt):
            limit = item.gt
        if limit is not None:
            low = float(limit)
        limit = item.le if isinstance(item, Le) else item.lt if isinstance(item, Lt) else None
        if limit is not None:
            high = float(limit)
    return low, high


MODEL_BOUNDS: dict[str, Bounds] = {
    **{
        f"model.{name}": _field_bounds(ImpactAssumptions, name)
        for name in ImpactAssumptions.model_fields
    },
    **{f"model.{name}": _field_bounds(Company, name) for name in COMPANY_FIELDS},
}
"""Clamping bounds of the model fields, taken from the pydantic field constraints."""


def decision_key(round_id: str, decision_id: str) -> str:
    """Return the key `ROUND.DECISION` that expressions and the engine use for a decision."""
    return f"{round_id}.{decision_id}"


def delayed_source(owner: str, n: int) -> str:
    """Return the id of a list of delayed effects: its owner and its place, e.g. `i3@0`.

    The owner is an inject id, `ROUND.DECISION/OPTION` for an option, or the decision key for
    a number decision; inject ids hold no `.`, so the three never meet.
    """
    return f"{owner}@{n}"


@dataclass(frozen=True, slots=True)
class ExprProblem:
    """A problem in one expression string of a scenario."""

    path: Path
    """YAML path of the string, e.g. `("rounds", 0, "injects", 2, "condition")`."""
    offset: int
    """0-based character offset inside the string."""
    code: str
    """Stable code, e.g. `X201`."""
    params: Mapping[str, object]
    """Message parameters (may hold `suggestions`)."""
    source: str = ""
    """The expression text."""

    def message(self, lang: str | None = None) -> str:
        """Return the message in `lang` (default: the UI language)."""
        return format_message(self.code, self.params, lang)


@dataclass(frozen=True, slots=True)
class CompiledExpr:
    """One compiled expression with where it lives, for the checker."""

    path: Path
    """YAML path of the string."""
    owner: str
    """`round`, `inject`, `decision`, `option`, `number` (a number decision's effects),
    `card` (a card's condition) or `figures` (a lägesbild reveal's condition)."""
    round_index: int
    """Index of the round it belongs to (for a card or a reveal: of its `available_from`)."""
    owner_id: str
    """Round id, inject id, decision key, `DECISION_KEY/OPTION`, card id, or the reveal's
    index."""
    condition: Condition | None = None
    """The condition, for condition strings."""
    effect: Effect | None = None
    """The effect, for effect strings (None when it had problems)."""
    delay: int = 0
    """For a delayed effect: how many rounds after its own round it applies."""


@dataclass(slots=True)
class CompiledScenario:
    """A scenario's conditions and effects, parsed and checked once, with look-ups by id."""

    namespace: Namespace
    """The names the scenario's expressions may use."""
    round_ids: tuple[str, ...]
    """Round ids in playing order."""
    initial_indicators: dict[str, float]
    """Indicator start values by id."""
    initial_flags: dict[str, bool]
    """Flag start values by id."""
    initial_model: dict[str, float]
    """Model assumptions and company figures by field name."""
    bounds: dict[str, Bounds]
    """Clamping bounds by indicator id and by `model.<field>`."""
    expressions: tuple[CompiledExpr, ...] = ()
    """Every expression of the scenario in document order."""
    _rounds: dict[str, Condition] = field(default_factory=dict)
    _injects: dict[str, Condition] = field(default_factory=dict)
    _inject_effects: dict[str, tuple[Effect, ...]] = field(default_factory=dict)
    _decisions: dict[str, Condition] = field(default_factory=dict)
    _options: dict[tuple[str, str], Condition] = field(default_factory=dict)
    _option_effects: dict[tuple[str, str], tuple[Effect, ...]] = field(default_factory=dict)
    _number_effects: dict[str, tuple[Effect, ...]] = field(default_factory=dict)
    _delayed: dict[str, tuple[Effect, ...]] = field(default_factory=dict)
    _cards: dict[str, Condition] = field(default_factory=dict)
    _reveals: dict[int, Condition] = field(default_factory=dict)

    def round_condition(self, round_id: str) -> Condition:
        """Condition for playing the round (always true when empty or unknown)."""
        return self._rounds.get(round_id, _ALWAYS)

    def inject_condition(self, inject_id: str) -> Condition:
        """Condition for the inject to appear."""
        return self._injects.get(inject_id, _ALWAYS)

    def inject_effects(self, inject_id: str) -> tuple[Effect, ...]:
        """Effects applied when the inject reaches a group."""
        return self._inject_effects.get(inject_id, ())

    def decision_condition(self, decision_key: str) -> Condition:
        """Condition for the decision (`ROUND.DECISION`) to be put to the group."""
        return self._decisions.get(decision_key, _ALWAYS)

    def option_condition(self, decision_key: str, option_id: str) -> Condition:
        """Condition for the option to be available."""
        return self._options.get((decision_key, option_id), _ALWAYS)

    def option_effects(self, decision_key: str, option_id: str) -> tuple[Effect, ...]:
        """Effects applied when a group chooses the option."""
        return self._option_effects.get((decision_key, option_id), ())

    def number_effects(self, decision_key: str) -> tuple[Effect, ...]:
        """Effects applied when a group answers a number decision."""
        return self._number_effects.get(decision_key, ())

    def delayed_effects(self, source: str) -> tuple[Effect, ...]:
        """Effects of one list of delayed effects, by its `delayed_source` id."""
        return self._delayed.get(source, ())

    def card_condition(self, card_id: str) -> Condition:
        """Condition for a card to become available."""
        return self._cards.get(card_id, _ALWAYS)

    def reveal_condition(self, index: int) -> Condition:
        """Condition of `setting.reveal[index]` for its figures to be shown."""
        return self._reveals.get(index, _ALWAYS)

    def new_env(
        self,
        choices: dict[str, Choice] | None = None,
        chance: Chance | None = None,
        roles: frozenset[str] = frozenset(),
    ) -> EvalEnv:
        """Return a fresh environment with the start values (dicts are copies)."""
        return EvalEnv(
            dict(self.initial_indicators),
            dict(self.initial_flags),
            dict(self.initial_model),
            dict(choices or {}),
            chance or no_chance,
            self.bounds,
            roles,
        )

    @staticmethod
    def apply(effects: tuple[Effect, ...], env: EvalEnv) -> None:
        """Apply `effects` to `env` in order."""
        apply_effects(effects, env)


def model_values(scenario: Scenario) -> dict[str, float]:
    """Return the start values of every `model.<field>` of `scenario`."""
    assumptions = scenario.setting.assumptions.model_dump()
    company = scenario.setting.company.model_dump(include=set(COMPANY_FIELDS))
    values = {name: float(assumptions[name]) for name in ImpactAssumptions.model_fields}
    values.update({name: float(company[name]) for name in COMPANY_FIELDS})
    return values


def namespace_of(scenario: Scenario) -> Namespace:
    """Return the names `scenario`'s expressions may use."""
    decisions: dict[str, tuple[str, ...]] = {}
    numbers: set[str] = set()
    for round_ in scenario.rounds:
        for decision in round_.decisions:
            key = decision_key(round_.id, decision.id)
            if key in decisions:
                continue
            decisions[key] = tuple(option.id for option in decision.options)
            if decision.number is not None and not decision.options:
                numbers.add(key)
    return Namespace(
        indicators=frozenset(i.id for i in scenario.indicators),
        flags=frozenset(f.id for f in scenario.flags),
        model_fields=frozenset(MODEL_FIELDS),
        decisions=decisions,
        numbers=frozenset(numbers),
        roles=frozenset(entry.role for entry in scenario.roles),
    )


def _uses_chance(node: Node | None) -> bool:
    """True when the expression calls `chans`, whose draw depends on where it is written."""
    return node is not None and any(
        isinstance(sub, Call) and sub.func == "chans" for sub in walk(node)
    )


class _Compiler:
    """Walks a scenario once and fills a CompiledScenario."""

    def __init__(self, scenario: Scenario) -> None:
        self.ns = namespace_of(scenario)
        self.problems: list[ExprProblem] = []
        self.expressions: list[CompiledExpr] = []
        # Scenarios repeat the same texts (`fortroende += 5`), so each distinct text is checked once.
        self._conditions: dict[str, tuple[Node | None, list[ExprError]]] = {}
        self._effects: dict[str, tuple[EffectParts | None, list[ExprError]]] = {}
        self._shared_conditions: dict[str, Condition] = {}
        self._shared_effects: dict[str, Effect] = {}

    def delayed(
        self, compiled: CompiledScenario, items: Any, path: Path, owner: str, index: int, oid: str
    ) -> None:
        """Compile an owner's delayed effects, each list under its `delayed_source` id."""
        for n, item in enumerate(items):
            effects = self.effects(
                item.effects,
                (*path, "delayed_effects", n, "effects"),
                owner,
                index,
                oid,
                delay=item.after_rounds,
            )
            compiled._delayed.setdefault(delayed_source(oid, n), effects)

    def condition(self, text: str, path: Path, owner: str, index: int, owner_id: str) -> Condition:
        place = f"{owner}:{owner_id}:condition"
        checked = self._conditions.get(text)
        if checked is None:
            checked = self._conditions[text] = check_condition(text, self.ns)
        node, errors = checked
        shared = self._shared_conditions.get(text)
        if shared is not None:
            condition = Condition(text, node, place, shared.valid, shared._fn)
        else:
            condition = Condition.make(text, node, place, valid=not errors)
            if not _uses_chance(node):
                # Without `chans` the place plays no part, so one evaluator serves every copy.
                self._shared_conditions[text] = condition
        for error in errors:
            self.problems.append(
                ExprProblem(path, error.offset, error.code, error.message_params, text)
            )
        if text.strip():
            self.expressions.append(CompiledExpr(path, owner, index, owner_id, condition=condition))
        return condition

    def effects(
        self,
        texts: list[str],
        path: Path,
        owner: str,
        index: int,
        owner_id: str,
        delay: int = 0,
    ) -> tuple[Effect, ...]:
        compiled: list[Effect] = []
        for number, text in enumerate(texts):
            item_path = (*path, number)
            checked = self._effects.get(text)
            if checked is None:
                checked = self._effects[text] = check_effect(text, self.ns)
            parts, errors = checked
            place = f"{owner}:{owner_id}:effect{number}"
            if delay:
                place = f"{owner}:{owner_id}:{path[-2]}{path[-3]}:effect{number}"
            shared = self._shared_effects.get(text)
            if parts is None:
                effect = None
            elif shared is not None:
                effect = Effect(text, *parts, place, shared._apply)
            else:
                effect = Effect.make(text, *parts, place)
                if not _uses_chance(parts[2]):
                    self._shared_effects[text] = effect
            for error in errors:
                self.problems.append(
                    ExprProblem(item_path, error.offset, error.code, error.message_params, text)
                )
            self.expressions.append(
                CompiledExpr(item_path, owner, index, owner_id, effect=effect, delay=delay)
            )
            if effect is not None:
                compiled.append(effect)
        return tuple(compiled)


def _first_wins(pairs: Iterable[tuple[str, _V]]) -> dict[str, _V]:
    # Duplicate ids are the checker's to report; the first definition is the one used.
    result: dict[str, _V] = {}
    for key, value in pairs:
        result.setdefault(key, value)
    return result


_last: list[tuple[Scenario, CompiledScenario, list[ExprProblem]]] = []


def compile_scenario(scenario: Scenario) -> tuple[CompiledScenario, list[ExprProblem]]:
    """Parse and check every condition and effect of `scenario` once.

    The last result is remembered, so the checker and the bundle loader compiling the same
    (immutable) scenario object one after the other pay only once.
    """
    if _last and _last[0][0] is scenario:
        return _last[0][1], list(_last[0][2])
    compiled, problems = _compile(scenario)
    _last[:] = [(scenario, compiled, problems)]
    return compiled, list(problems)


def _compile(scenario: Scenario) -> tuple[CompiledScenario, list[ExprProblem]]:
    c = _Compiler(scenario)
    bounds: dict[str, Bounds] = dict(MODEL_BOUNDS)
    for indicator in scenario.indicators:
        bounds.setdefault(indicator.id, (indicator.min, indicator.max))
    compiled = CompiledScenario(
        namespace=c.ns,
        round_ids=tuple(r.id for r in scenario.rounds),
        initial_indicators=_first_wins((i.id, float(i.start)) for i in scenario.indicators),
        initial_flags=_first_wins((f.id, f.start) for f in scenario.flags),
        initial_model=model_values(scenario),
        bounds=bounds,
    )
    for ri, round_ in enumerate(scenario.rounds):
        base: Path = ("rounds", ri)
        cond = c.condition(round_.condition, (*base, "condition"), "round", ri, round_.id)
        compiled._rounds.setdefault(round_.id, cond)
        for ii, inject in enumerate(round_.injects):
            path: Path = (*base, "injects", ii)
            cond = c.condition(inject.condition, (*path, "condition"), "inject", ri, inject.id)
            effects = c.effects(inject.effects, (*path, "effects"), "inject", ri, inject.id)
            compiled._injects.setdefault(inject.id, cond)
            compiled._inject_effects.setdefault(inject.id, effects)
            c.delayed(compiled, inject.delayed_effects, path, "inject", ri, inject.id)
        for di, decision in enumerate(round_.decisions):
            path = (*base, "decisions", di)
            key = decision_key(round_.id, decision.id)
            cond = c.condition(decision.condition, (*path, "condition"), "decision", ri, key)
            compiled._decisions.setdefault(key, cond)
            for oi, option in enumerate(decision.options):
                opath: Path = (*path, "options", oi)
                okey = f"{key}/{option.id}"
                cond = c.condition(option.condition, (*opath, "condition"), "option", ri, okey)
                effects = c.effects(option.effects, (*opath, "effects"), "option", ri, okey)
                compiled._options.setdefault((key, option.id), cond)
                compiled._option_effects.setdefault((key, option.id), effects)
                c.delayed(compiled, option.delayed_effects, opath, "option", ri, okey)
            number = decision.number
            if number is not None:
                npath: Path = (*path, "number")
                effects = c.effects(number.effects, (*npath, "effects"), "number", ri, key)
                compiled._number_effects.setdefault(key, effects)
                c.delayed(compiled, number.delayed_effects, npath, "number", ri, key)
    round_index = {r.id: i for i, r in reversed(list(enumerate(scenario.rounds)))}
    for kind, cards in scenario.cards.by_kind():
        for ci, card in enumerate(cards):
            gate = round_index.get(card.available_from or "", 0)
            cpath: Path = ("cards", kind, ci, "condition")
            cond = c.condition(card.condition, cpath, "card", gate, card.id)
            compiled._cards.setdefault(card.id, cond)
    for fi, reveal in enumerate(scenario.setting.reveal):
        gate = round_index.get(reveal.available_from or "", 0)
        rpath: Path = ("setting", "reveal", fi, "condition")
        compiled._reveals[fi] = c.condition(reveal.condition, rpath, "figures", gate, str(fi))
    compiled.expressions = tuple(c.expressions)
    return compiled, c.problems
