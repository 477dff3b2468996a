"""The bridge from the engine's group state to the compiled conditions and effects."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from varselspel.engine.facts import Values
from varselspel.engine.journal import BundleLike
from varselspel.engine.state import GroupState
from varselspel.expr import EvalEnv
from varselspel.expr.evaluate import Choice

V = TypeVar("V", float, bool)


def choice_values(group: GroupState) -> dict[str, Choice]:
    """Return the group's choices as expressions read them, by decision key."""
    return {key: choice.answer for key, choice in group.choices.items()}


def chance_draw(seed: int, group: str, place: str) -> float:
    """Return a stable number in [0, 100) for a session seed, a group and a place."""
    digest = hashlib.blake2b(f"{seed}\x1f{group}\x1f{place}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64 * 100.0


def changed(before: Mapping[str, V], after: Mapping[str, V]) -> dict[str, V]:
    """Return the entries of `after` that differ from `before` (-0.0 and 0.0 count as different)."""
    return {
        key: value
        for key, value in after.items()
        if key not in before or before[key] != value or repr(before[key]) != repr(value)
    }


class ExprRuntime:
    """Evaluates one scenario's compiled expressions against a group's state."""

    def __init__(self, bundle: BundleLike, seed: int) -> None:
        """Take the compiled expressions of the bundle (compiling them when missing)."""
        compiled = getattr(bundle, "compiled", None)
        if compiled is None:
            from varselspel.expr import compile_scenario

            compiled, _problems = compile_scenario(bundle.scenario)
        self.compiled: Any = compiled
        self.seed = seed
        self.bounds: dict[str, tuple[float | None, float | None]] = dict(compiled.bounds)
        self._chance_fns: dict[str, Any] = {}

    def _chance(self, group: str) -> Any:
        """Return the `chans` function of a group."""
        fn = self._chance_fns.get(group)
        if fn is None:
            seed = self.seed

            def fn(percent: float, place: str) -> bool:
                return chance_draw(seed, group, place) < percent

            self._chance_fns[group] = fn
        return fn

    def env(self, group: GroupState, choices: Mapping[str, Choice] | None = None) -> EvalEnv:
        """Return an environment whose dicts are the group's own (effects change them).

        `choices` replaces the group's choices, to ask what would hold after a change.
        """
        return EvalEnv(
            indicators=group.indicators,
            flags=group.flags,
            model=group.model,
            choices=dict(choices) if choices is not None else choice_values(group),
            chance=self._chance(group.id),
            bounds=self.bounds,
            roles=frozenset(group.roles),
        )

    def round_ok(self, group: GroupState, round_id: str) -> bool:
        """Return whether the round's condition holds for the group."""
        return bool(self.compiled.round_condition(round_id).evaluate(self.env(group)))

    def inject_ok(self, group: GroupState, inject_id: str) -> bool:
        """Return whether the inject's condition holds for the group."""
        return bool(self.compiled.inject_condition(inject_id).evaluate(self.env(group)))

    def decision_ok(
        self, group: GroupState, key: str, choices: Mapping[str, Choice] | None = None
    ) -> bool:
        """Return whether the decision's condition holds for the group."""
        env = self.env(group, choices)
        return bool(self.compiled.decision_condition(key).evaluate(env))

    def option_ok(
        self,
        group: GroupState,
        key: str,
        option: str,
        choices: Mapping[str, Choice] | None = None,
    ) -> bool:
        """Return whether the option's condition holds for the group."""
        env = self.env(group, choices)
        return bool(self.compiled.option_condition(key, option).evaluate(env))

    def inject_changes(self, group: GroupState, inject_id: str) -> Values:
        """Return the values the inject's effects would leave changed, leaving the group as is."""
        return self._changes(group, [self.compiled.inject_effects(inject_id)])

    def option_changes(self, group: GroupState, chosen: Iterable[tuple[str, Choice]]) -> Values:
        """Return the values the chosen options' effects, in order, would leave changed."""
        return self._changes(group, [e for k, c in chosen for e in self.choice_effects(k, c)])

    def choice_effects(self, key: str, choice: Choice) -> list[Any]:
        """Return the effect lists of a choice: its option's, each chosen option's, or the
        number's."""
        compiled = self.compiled
        if isinstance(choice, tuple):
            return [compiled.option_effects(key, option) for option in choice]
        if isinstance(choice, float | int):
            return [compiled.number_effects(key)]
        return [compiled.option_effects(key, choice)]

    def scratch(self, group: GroupState) -> EvalEnv:
        """Return an environment over copies of the group's values, for effects to change."""
        return self.env(group).copy()

    def apply(self, env: EvalEnv, effect_lists: Iterable[Any]) -> None:
        """Apply effect lists to an environment, in order."""
        for effects in effect_lists:
            for effect in effects:
                effect.apply(env)

    def holds(self, condition: Any, env: EvalEnv) -> bool:
        """Return whether a compiled condition holds in an environment."""
        return bool(condition.evaluate(env))

    @staticmethod
    def values(
        group: GroupState,
        env: EvalEnv,
        cards: Iterable[str] = (),
        figures: Iterable[str] = (),
    ) -> Values:
        """Return what an environment changed against the group, with what it revealed."""
        # Validated, so an effect's whole number is a float here just as after a round trip.
        return Values(
            indicators=changed(group.indicators, env.indicators),
            flags=changed(group.flags, env.flags),
            model=changed(group.model, env.model),
            revealed_cards=list(cards),
            revealed_figures=list(figures),
        )

    def _changes(self, group: GroupState, effect_lists: list[Any]) -> Values:
        """Apply effects to a copy of the group's values and return what changed."""
        env = self.scratch(group)
        self.apply(env, effect_lists)
        return self.values(group, env)

    def apply_inject(self, group: GroupState, inject_id: str) -> None:
        """Apply the inject's effects to the group."""
        env = self.env(group)
        for effect in self.compiled.inject_effects(inject_id):
            effect.apply(env)

    def apply_option(self, group: GroupState, key: str, option: str) -> None:
        """Apply the option's effects to the group."""
        env = self.env(group)
        for effect in self.compiled.option_effects(key, option):
            effect.apply(env)
