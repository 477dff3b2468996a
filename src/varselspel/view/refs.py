"""References to groups and roles as a front end shows them: the id and the words for it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.engine.state import GroupState


@dataclass(frozen=True, slots=True)
class GroupRef:
    """A group by id and name."""

    id: str
    """Group id, e.g. `g1`."""
    name: str
    """The group's name (untrusted text)."""


@dataclass(frozen=True, slots=True)
class RoleRef:
    """A scenario role by id, with the short label and the full title of its role card."""

    id: str
    """Role id, e.g. `kso`."""
    label: str
    """Short label (`KSO`); the id when the role card is missing."""
    title: str
    """Full title (`Kommunstyrelsens ordförande`); the id when the role card is missing."""


def group_ref(group: GroupState) -> GroupRef:
    """Return a reference to a group."""
    return GroupRef(id=group.id, name=group.name)


def group_refs(session: Session) -> tuple[GroupRef, ...]:
    """Return every group of the session, in the order they were added."""
    return tuple(group_ref(g) for g in session.state.groups.values())


def role_ref(session: Session, role_id: str) -> RoleRef:
    """Return a reference to a role, worded by its role card."""
    card = session.bundle.roles.get(role_id)
    if card is None:
        return RoleRef(id=role_id, label=role_id, title=role_id)
    return RoleRef(id=role_id, label=card.label, title=card.title)


def role_refs(session: Session, role_ids: Iterable[str]) -> tuple[RoleRef, ...]:
    """Return references to several roles, keeping their order."""
    return tuple(role_ref(session, r) for r in role_ids)
