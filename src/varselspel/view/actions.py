"""A group's own actions as its draft action plan lists them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from varselspel.model.common import Level
from varselspel.view.refs import RoleRef, role_ref

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.engine.commands import ActionFields


@dataclass(frozen=True, slots=True)
class ActionRow:
    """One of a group's own actions."""

    id: str
    """Action id."""
    title: str
    """What is done (untrusted text)."""
    responsible: RoleRef | None
    """The responsible role, if any."""
    level: Level
    """Lokal, regional or nationell."""
    timeframe: str
    """When (untrusted text); may be empty."""
    financing: str
    """Name of the financing card, its id when the scenario lacks it, or empty."""
    fields: ActionFields
    """Every field as recorded, for a form that edits the action."""


def group_actions(session: Session, group: str) -> tuple[ActionRow, ...]:
    """Return a group's own actions in the order they were added."""
    financing = {card.id: card.name for card in session.scenario.cards.financing}
    rows: list[ActionRow] = []
    for aid, action in session.state.groups[group].actions.items():
        f = action.fields
        rows.append(
            ActionRow(
                id=aid,
                title=f.title,
                responsible=role_ref(session, f.responsible) if f.responsible else None,
                level=f.level,
                timeframe=f.timeframe,
                financing=financing.get(f.financing, f.financing) if f.financing else "",
                fields=f,
            )
        )
    return tuple(rows)
