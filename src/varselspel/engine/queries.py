"""Read-only questions about a session's state, answered as small immutable view models."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from varselspel.model import Decision, Option

if TYPE_CHECKING:
    from varselspel.engine.decide import Rules
    from varselspel.engine.state import SessionState


@dataclass(frozen=True, slots=True)
class DecisionView:
    """A decision as one group sees it in the open round."""

    key: str
    """Decision key `ROUND.DECISION`."""
    decision: Decision
    """The decision from the scenario."""
    available: tuple[Option, ...]
    """Options whose condition is true for the group now."""
    owners: tuple[str, ...]
    """Role ids that own the decision."""
    chosen: str | None
    """Option id the group has chosen, if any."""


def decisions_for(rules: Rules, state: SessionState, group: str) -> list[DecisionView]:
    """Return the open round's decisions put to a group, with the options open to it now."""
    rnd = rules.round_at(state.round_index)
    g = state.groups[group]
    if rnd is None or not state.round_open:
        return []
    views = []
    for dec in rnd.decisions:
        key = f"{rnd.id}.{dec.id}"
        if not rules.decision_open(state, g, key):
            continue
        choice = g.choices.get(key)
        views.append(
            DecisionView(
                key=key,
                decision=dec,
                available=tuple(rules.available_options(state, group, key)),
                owners=tuple(rules.owners(key)),
                chosen=choice.option if choice else None,
            )
        )
    return views
