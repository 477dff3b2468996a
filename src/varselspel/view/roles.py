"""Who holds which role in a group, who is in it, and which needed roles nobody holds."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from varselspel.engine.commands import FACILITATOR
from varselspel.view.refs import GroupRef, RoleRef, group_ref, role_ref, role_refs

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.engine.state import GroupState


class HolderKind(StrEnum):
    """Who holds a role."""

    PARTICIPANT = "participant"
    """A participant of the group."""
    FACILITATOR = "facilitator"
    """The facilitator plays the role."""
    NOBODY = "nobody"
    """Nobody holds it."""


@dataclass(frozen=True, slots=True)
class Holder:
    """The holder of one role in a group."""

    kind: HolderKind
    """A participant, the facilitator, or nobody."""
    participant: str | None = None
    """Participant id when a participant holds it."""
    name: str = ""
    """The participant's name (untrusted text); empty for the facilitator and for nobody."""


@dataclass(frozen=True, slots=True)
class RoleHolder:
    """One scenario role in one group: who holds it and whether the scenario needs it."""

    role: RoleRef
    """The role."""
    holder: Holder
    """Who holds it."""
    required: bool
    """True when the scenario needs the role held in every group."""
    missing: bool
    """True when the role is needed and nobody (not even the facilitator) holds it."""


@dataclass(frozen=True, slots=True)
class ParticipantRow:
    """A person in a group with the roles they hold."""

    id: str
    """Participant id."""
    name: str
    """The person's name (untrusted text)."""
    organisation: str
    """The person's real organisation (untrusted text)."""
    roles: tuple[RoleRef, ...]
    """Roles the person holds, in the order they were given."""


@dataclass(frozen=True, slots=True)
class SetupGroupRow:
    """A group as setup lists it."""

    group: GroupRef
    """The group."""
    people: int
    """How many participants it has."""
    missing: tuple[RoleRef, ...]
    """Needed roles nobody in the group holds."""


def holder_of(group: GroupState, holder_id: str | None) -> Holder:
    """Return who a holder id (participant id, `facilitator`, or None) stands for."""
    if holder_id is None:
        return Holder(HolderKind.NOBODY)
    if holder_id == FACILITATOR:
        return Holder(HolderKind.FACILITATOR)
    person = group.participants.get(holder_id)
    return Holder(
        HolderKind.PARTICIPANT, holder_id, person.name if person is not None else holder_id
    )


def role_holders(session: Session, group: str) -> tuple[RoleHolder, ...]:
    """Return every scenario role with its holder in a group, in the scenario's order."""
    g = session.state.groups[group]
    missing = set(session.missing_roles(group))
    return tuple(
        RoleHolder(
            role=role_ref(session, entry.role),
            holder=holder_of(g, g.holders(entry.role)),
            required=entry.required,
            missing=entry.role in missing,
        )
        for entry in session.scenario.roles
    )


def held_roles(session: Session, group: str) -> tuple[RoleRef, ...]:
    """Return the roles someone in the group (or the facilitator for it) holds, as given out."""
    g = session.state.groups[group]
    return role_refs(session, [r for r, holder in g.roles.items() if holder])


def participants(session: Session, group: str) -> tuple[ParticipantRow, ...]:
    """Return the group's participants with their roles, in the order they were added."""
    g = session.state.groups[group]
    return tuple(
        ParticipantRow(
            id=pid,
            name=person.name,
            organisation=person.organisation,
            roles=role_refs(session, g.roles_of(pid)),
        )
        for pid, person in g.participants.items()
    )


def missing_roles(session: Session, group: str) -> tuple[RoleRef, ...]:
    """Return the needed roles nobody in the group holds."""
    return role_refs(session, session.missing_roles(group))


def setup_groups(session: Session) -> tuple[SetupGroupRow, ...]:
    """Return every group with its head count and missing roles."""
    return tuple(
        SetupGroupRow(
            group=group_ref(g), people=len(g.participants), missing=missing_roles(session, gid)
        )
        for gid, g in session.state.groups.items()
    )
