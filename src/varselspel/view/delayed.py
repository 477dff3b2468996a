"""Delayed effects a group has set off that wait for a later round (for the facilitator)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from varselspel.engine import Session


class DelayedOrigin(StrEnum):
    """What set the delayed effects off."""

    INJECT = "inject"
    """An inject that reached the group."""
    OPTION = "option"
    """An option the group chose."""
    NUMBER = "number"
    """The number the group answered a decision with."""


@dataclass(frozen=True, slots=True)
class PendingView:
    """One list of delayed effects waiting for its round."""

    origin: DelayedOrigin
    """What set it off."""
    inject: str | None
    """Inject id, for an inject."""
    decision: str | None
    """Decision key `ROUND.DECISION`, for an option or a number."""
    option: str | None
    """Option id, for an option."""
    set_in: str
    """Round id in which it was set off."""
    due: str
    """Round id at whose opening it applies (or the next round opened after it)."""
    effects: tuple[str, ...]
    """The effects as the scenario writes them (untrusted text)."""


def parse_source(source: str) -> tuple[DelayedOrigin, str, str | None, int]:
    """Split a delayed-effects source into its origin, owner id, option id and list index."""
    owner, _, number = source.rpartition("@")
    index = int(number) if number.isdigit() else 0
    if "/" in owner:
        key, _, option = owner.partition("/")
        return DelayedOrigin.OPTION, key, option, index
    if "." in owner:
        return DelayedOrigin.NUMBER, owner, None, index
    return DelayedOrigin.INJECT, owner, None, index


def pending_effects(session: Session, group: str) -> tuple[PendingView, ...]:
    """Return the group's delayed effects that wait for a later round, in the order set off."""
    index = session.index
    out: list[PendingView] = []
    for pending in session.state.groups[group].pending:
        origin, owner, option, number = parse_source(pending.source)
        effects: tuple[str, ...] = ()
        if origin is DelayedOrigin.INJECT:
            found = index.injects.get(owner)
            items = found[1].delayed_effects if found else []
        elif origin is DelayedOrigin.OPTION:
            chosen = index.option(owner, option or "")
            items = chosen.delayed_effects if chosen else []
        else:
            decision = index.decision(owner)
            items = decision.number.delayed_effects if decision and decision.number else []
        if number < len(items):
            effects = tuple(items[number].effects)
        out.append(
            PendingView(
                origin=origin,
                inject=owner if origin is DelayedOrigin.INJECT else None,
                decision=None if origin is DelayedOrigin.INJECT else owner,
                option=option,
                set_in=pending.round,
                due=pending.due,
                effects=effects,
            )
        )
    return tuple(out)
