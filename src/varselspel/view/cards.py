"""The scenario's cards as one group sees them: which are available now, and from when."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.engine.index import Card


class CardKind(StrEnum):
    """The three kinds of card."""

    KNOWLEDGE = "knowledge"
    """A fact or a lesson from an earlier case."""
    NETWORK = "network"
    """An actor and what it can do."""
    FINANCING = "financing"
    """A source of money."""


@dataclass(frozen=True, slots=True)
class CardRef:
    """A card as a decision, an option or an inject points to it."""

    id: str
    """Card id."""
    kind: CardKind | None
    """Its kind; None when the scenario has no card with that id."""
    title: str
    """Its heading: a knowledge card's title, a network card's actor, a financing card's name
    (untrusted text); the id when the card is missing."""
    available: bool
    """True when the group has the card now (a card revealed later is not yet shown)."""


@dataclass(frozen=True, slots=True)
class CardItem:
    """One card of the scenario with whether the group has it yet."""

    ref: CardRef
    """The card, with its availability."""
    available_from: str | None
    """Round id from whose start it may come (None: from the start)."""
    conditional: bool
    """True when a condition must also hold before it comes."""


def _title(card: Card) -> str:
    """Return a card's heading, whatever its kind."""
    for name in ("title", "actor", "name"):
        text = getattr(card, name, None)
        if isinstance(text, str):
            return text
    return card.id


def card_available(session: Session, group: str, card_id: str) -> bool:
    """Return True when a card is available to the group now.

    A card without `available_from` and `condition` always is; any other once the engine has
    revealed it to the group (recorded in the session, never worked out here).
    """
    index = session.index
    if card_id not in index.cards:
        return False
    gated = {cid for cid, _gate in index.gated_cards}
    return card_id not in gated or card_id in session.state.groups[group].revealed_cards


def card_ref(session: Session, group: str, card_id: str) -> CardRef:
    """Return a reference to a card, with whether the group has it now."""
    found = session.index.cards.get(card_id)
    if found is None:
        return CardRef(id=card_id, kind=None, title=card_id, available=False)
    kind, card = found
    return CardRef(
        id=card_id,
        kind=CardKind(kind),
        title=_title(card),
        available=card_available(session, group, card_id),
    )


def card_refs(session: Session, group: str, card_ids: Iterable[str]) -> tuple[CardRef, ...]:
    """Return references to several cards, keeping their order."""
    return tuple(card_ref(session, group, card_id) for card_id in card_ids)


def group_cards(session: Session, group: str) -> tuple[CardItem, ...]:
    """Return every card of the scenario, in its order, with whether the group has it now."""
    return tuple(
        CardItem(
            ref=card_ref(session, group, card_id),
            available_from=card.available_from,
            conditional=bool(card.condition.strip()),
        )
        for card_id, (_kind, card) in session.index.cards.items()
    )


def available_cards(session: Session, group: str) -> tuple[CardRef, ...]:
    """Return the cards the group has now, in the scenario's order."""
    return tuple(item.ref for item in group_cards(session, group) if item.ref.available)
