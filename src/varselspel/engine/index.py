"""The scenario index: one shared look-up of rounds, decisions, options, injects and owners."""

from __future__ import annotations

from collections.abc import Mapping

from varselspel.engine.impact import setting_values
from varselspel.expr import decision_key
from varselspel.expr.compile import delayed_source
from varselspel.expr.evaluate import Choice
from varselspel.model import (
    AnyCard,
    Decision,
    DelayedEffects,
    Indicator,
    Inject,
    Option,
    RoleCard,
    Round,
    Scenario,
)

__all__ = ["Card", "ScenarioIndex", "decision_key", "model_defaults"]

Card = AnyCard
"""Any card of a scenario."""


def model_defaults(scenario: Scenario) -> dict[str, float]:
    """Return the starting `model.*` values: the assumptions plus the company figures."""
    return setting_values(scenario.setting)


class ScenarioIndex:
    """Everything about a scenario found by id: built once, read by the engine, plans and UI."""

    def __init__(self, scenario: Scenario, roles: Mapping[str, RoleCard]) -> None:
        """Index the scenario and the role cards it uses."""
        self.scenario = scenario
        self.roles = roles
        self.rounds: list[Round] = list(scenario.rounds)
        """The rounds in playing order."""
        self.round_index: dict[str, int] = {r.id: i for i, r in enumerate(self.rounds)}
        """Round id -> position in `rounds`."""
        self.decisions: dict[str, tuple[Round, Decision]] = {}
        """Decision key -> its round and the decision, in playing order."""
        self.options: dict[str, dict[str, Option]] = {}
        """Decision key -> option id -> option."""
        self.injects: dict[str, tuple[Round, Inject]] = {}
        """Inject id -> its round and the inject."""
        for rnd in self.rounds:
            for dec in rnd.decisions:
                key = decision_key(rnd.id, dec.id)
                self.decisions[key] = (rnd, dec)
                self.options[key] = {o.id: o for o in dec.options}
            for inj in rnd.injects:
                self.injects[inj.id] = (rnd, inj)
        self.order: dict[str, int] = {key: n for n, key in enumerate(self.decisions)}
        """Decision key -> position in playing order."""
        self.role_ids: list[str] = [r.role for r in scenario.roles]
        """The scenario's role ids in the scenario's order."""
        self.role_set: frozenset[str] = frozenset(self.role_ids)
        self.objectives: frozenset[str] = frozenset(o.id for o in scenario.debrief.objectives)
        self.financing: frozenset[str] = frozenset(f.id for f in scenario.cards.financing)
        self.indicator_ids: frozenset[str] = frozenset(i.id for i in scenario.indicators)
        self.themes: frozenset[str] = frozenset(t.id for t in scenario.action_plan.themes)
        self._owners: dict[str, tuple[str, ...]] = {
            key: self._find_owners(dec) for key, (_, dec) in self.decisions.items()
        }
        self.numbers: frozenset[str] = frozenset(
            key for key, (_, dec) in self.decisions.items() if dec.number and not dec.options
        )
        """Keys of the decisions answered with a number."""
        cards = scenario.cards
        self.cards: dict[str, tuple[str, Card]] = {}
        """Card id -> its kind (`knowledge`, `network`, `financing`) and the card."""
        for kind, items in cards.by_kind():
            for card in items:
                self.cards.setdefault(card.id, (kind, card))
        self.gated_cards: tuple[tuple[str, int], ...] = tuple(
            (card_id, self.gate(card.available_from))
            for card_id, (_, card) in self.cards.items()
            if card.available_from or card.condition.strip()
        )
        """Cards available only from a round on or once a condition holds, with the round index
        from which they may be revealed (-1: from the start)."""
        self.reveals: tuple[tuple[int, tuple[str, ...], int], ...] = tuple(
            (n, tuple(reveal.figures), self.gate(reveal.available_from))
            for n, reveal in enumerate(scenario.setting.reveal)
            if reveal.available_from or reveal.condition.strip()
        )
        """`setting.reveal` entries that hide figures: index, figure codes, first round index."""
        self.hidden_figures: frozenset[str] = frozenset(
            code for _, figures, _ in self.reveals for code in figures
        )
        """Figures hidden until one of the reveals that name them is revealed."""
        self.followers: tuple[Indicator, ...] = tuple(
            ind for ind in scenario.indicators if ind.follows is not None
        )
        """Indicators derived from the consequence model, in the scenario's order."""

    def gate(self, round_id: str | None) -> int:
        """Return the index of the round from which something may appear (-1: from the start)."""
        if round_id is None:
            return -1
        # A round id the scenario lacks (the checker's C033) never comes.
        return self.round_index.get(round_id, len(self.rounds))

    def due_round(self, origin: str, after: int) -> str | None:
        """Return the round `after` rounds after round `origin`, or None past the last."""
        index = self.round_index[origin] + after
        return self.rounds[index].id if index < len(self.rounds) else None

    @staticmethod
    def _delayed(owner: str, items: list[DelayedEffects]) -> list[tuple[str, int]]:
        return [(delayed_source(owner, n), item.after_rounds) for n, item in enumerate(items)]

    def delayed_of_inject(self, inject_id: str) -> list[tuple[str, int]]:
        """Return the sources of an inject's delayed effects with their `after_rounds`."""
        found = self.injects.get(inject_id)
        return self._delayed(inject_id, found[1].delayed_effects) if found else []

    def delayed_of_choice(self, key: str, choice: Choice) -> list[tuple[str, int]]:
        """Return the sources of a choice's delayed effects with their `after_rounds`."""
        decision = self.decision(key)
        if decision is None:
            return []
        if isinstance(choice, float | int):
            number = decision.number
            return self._delayed(key, number.delayed_effects) if number else []
        out: list[tuple[str, int]] = []
        for option_id in choice if isinstance(choice, tuple) else (choice,):
            option = self.option(key, option_id)
            if option is not None:
                out += self._delayed(f"{key}/{option_id}", option.delayed_effects)
        return out

    def _find_owners(self, decision: Decision) -> tuple[str, ...]:
        """Return the decision's owners, or the scenario roles whose card holds its mandate."""
        if decision.owners:
            return tuple(decision.owners)
        if decision.mandate is None:
            return ()
        found = []
        for role_id in self.role_ids:
            card = self.roles.get(role_id)
            if card is not None and any(m.id == decision.mandate for m in card.mandate):
                found.append(role_id)
        return tuple(found)

    def round_decisions(self, rnd: Round) -> list[tuple[str, Decision]]:
        """Return a round's decisions with their keys, in scenario order."""
        return [(decision_key(rnd.id, dec.id), dec) for dec in rnd.decisions]

    def owners(self, key: str) -> list[str]:
        """Return the role ids that own a decision (empty: anyone may decide)."""
        return list(self._owners.get(key, ()))

    def decision(self, key: str) -> Decision | None:
        """Return the decision with a key, or None."""
        found = self.decisions.get(key)
        return found[1] if found is not None else None

    def option(self, key: str, option_id: str) -> Option | None:
        """Return an option of a decision, or None when the scenario has no such option."""
        return self.options.get(key, {}).get(option_id)

    def round_at(self, index: int) -> Round | None:
        """Return the round at a position, or None."""
        return self.rounds[index] if 0 <= index < len(self.rounds) else None

    def role_label(self, role: str) -> str:
        """Return a role's short label (the id when the card is missing)."""
        card = self.roles.get(role)
        return card.label if card is not None else role
