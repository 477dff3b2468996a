"""Injects: what was released to whom in the round, what each group received, and what is left."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from varselspel.view.refs import GroupRef, RoleRef, group_ref, role_refs

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.model import Inject


@dataclass(frozen=True, slots=True)
class InjectItem:
    """An inject of the scenario as it reads."""

    id: str
    """Inject id."""
    round: str
    """Round id it belongs to."""
    title: str
    """Headline (untrusted text)."""
    text: str
    """The message (untrusted text)."""
    sender: str
    """Who it comes from (untrusted text); may be empty."""
    channel: str
    """How it arrives (untrusted text); may be empty."""
    backup: bool
    """True for an on-demand backup inject."""
    to: tuple[RoleRef, ...]
    """Roles it is addressed to; empty means every role."""


@dataclass(frozen=True, slots=True)
class Delivery:
    """An inject that reached one group."""

    inject: InjectItem
    """The inject."""
    seq: int
    """Seq of the release event."""
    at: datetime
    """When it was released."""


@dataclass(frozen=True, slots=True)
class InjectRelease:
    """An inject released in the round, with the groups it reached and those it did not."""

    inject: InjectItem
    """The inject."""
    seq: int
    """Seq of its first release event (the order the room saw them in)."""
    recipients: tuple[GroupRef, ...]
    """Groups it reached."""
    withheld: tuple[GroupRef, ...]
    """Groups it was released to but did not reach, because its condition was false for them."""
    waiting: tuple[GroupRef, ...]
    """Groups it has not been released to."""

    @property
    def reached_all(self) -> bool:
        """True when every group of the session received it."""
        return not self.withheld and not self.waiting

    @property
    def reached_none(self) -> bool:
        """True when no group received it (it stays with the facilitator)."""
        return not self.recipients


@dataclass(frozen=True, slots=True)
class PendingInject:
    """A scheduled inject of the open round that some group has not had yet."""

    inject: InjectItem
    """The inject."""
    waiting: tuple[GroupRef, ...]
    """Groups the open round applies to that have not had it."""


@dataclass(frozen=True, slots=True)
class BackupInject:
    """A backup inject of the open round, which the facilitator may release to a stalled group."""

    inject: InjectItem
    """The inject."""
    released_to: tuple[GroupRef, ...]
    """Groups it has been released to (reached or not)."""


def inject_item(session: Session, inject: Inject, round_id: str) -> InjectItem:
    """Return an inject of the scenario as a view model."""
    return InjectItem(
        id=inject.id,
        round=round_id,
        title=inject.title,
        text=inject.text,
        sender=inject.sender,
        channel=inject.channel,
        backup=inject.backup,
        to=role_refs(session, inject.to),
    )


def _current_injects(session: Session) -> dict[str, InjectItem]:
    """Return the current round's injects by id, in the scenario's order."""
    current = session.current_round()
    if current is None:
        return {}
    return {i.id: inject_item(session, i, current.id) for i in current.injects}


def _release(session: Session, item: InjectItem, seqs: set[int] | None) -> InjectRelease | None:
    """Return where an inject went (only through the release events `seqs` when given)."""
    recipients: list[GroupRef] = []
    withheld: list[GroupRef] = []
    waiting: list[GroupRef] = []
    first: int | None = None
    for group in session.state.groups.values():
        delivery = next(
            (d for d in group.injects if d.inject == item.id and (seqs is None or d.seq in seqs)),
            None,
        )
        if delivery is None:
            waiting.append(group_ref(group))
            continue
        first = delivery.seq if first is None else min(first, delivery.seq)
        (recipients if delivery.delivered else withheld).append(group_ref(group))
    if first is None:
        return None
    return InjectRelease(
        inject=item,
        seq=first,
        recipients=tuple(recipients),
        withheld=tuple(withheld),
        waiting=tuple(waiting),
    )


def round_releases(session: Session) -> tuple[InjectRelease, ...]:
    """Return the current round's released injects in the order they were first released."""
    found = [_release(session, item, None) for item in _current_injects(session).values()]
    return tuple(sorted((r for r in found if r is not None), key=lambda r: r.seq))


def release_of(session: Session, seq: int) -> InjectRelease | None:
    """Return what one release event did: the inject, whom it reached and whom it did not."""
    for group in session.state.groups.values():
        for delivery in group.injects:
            if delivery.seq != seq:
                continue
            rnd = next((r for r in session.scenario.rounds if r.id == delivery.round), None)
            inject = (
                next((i for i in rnd.injects if i.id == delivery.inject), None) if rnd else None
            )
            if inject is None:
                return None
            return _release(session, inject_item(session, inject, delivery.round), {seq})
    return None


def group_inbox(session: Session, group: str) -> tuple[Delivery, ...]:
    """Return the injects of the current round that reached a group, in the order they came."""
    items = _current_injects(session)
    current = session.current_round()
    return tuple(
        Delivery(inject=items[d.inject], seq=d.seq, at=d.at)
        for d in session.state.groups[group].injects
        if d.delivered and current is not None and d.round == current.id and d.inject in items
    )


def pending_injects(session: Session) -> tuple[PendingInject, ...]:
    """Return the open round's scheduled injects some group has not had, in release order."""
    items = _current_injects(session)
    waiting: dict[str, list[GroupRef]] = {}
    for gid, group in session.state.groups.items():
        for inject in session.pending_injects(gid):
            waiting.setdefault(inject.id, []).append(group_ref(group))
    return tuple(
        PendingInject(inject=item, waiting=tuple(waiting[iid]))
        for iid, item in items.items()
        if iid in waiting
    )


def next_inject(session: Session) -> InjectItem | None:
    """Return the inject the next release sends: the first scheduled one some group lacks."""
    pending = pending_injects(session)
    return pending[0].inject if pending else None


def unsent_injects(session: Session) -> tuple[InjectItem, ...]:
    """Return the open round's scheduled injects that have not been released to any group."""
    if not session.state.round_open:
        return ()
    sent = {d.inject for g in session.state.groups.values() for d in g.injects}
    return tuple(
        item
        for item in _current_injects(session).values()
        if not item.backup and item.id not in sent
    )


def backup_injects(session: Session) -> tuple[BackupInject, ...]:
    """Return the open round's backup injects with the groups each has been released to."""
    current = session.current_round()
    if current is None:
        return ()
    groups = session.state.groups.values()
    return tuple(
        BackupInject(
            inject=inject_item(session, inject, current.id),
            released_to=tuple(
                group_ref(g) for g in groups if any(d.inject == inject.id for d in g.injects)
            ),
        )
        for inject in session.backup_injects()
    )
