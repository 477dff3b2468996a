"""Where the workshop is: the round, its timer, each group's progress and the facilitator's notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from varselspel.view.refs import GroupRef, group_ref

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.engine.state import Phase


@dataclass(frozen=True, slots=True)
class RoundView:
    """The current round (open, or the last one closed)."""

    id: str
    """Round id."""
    number: int
    """Its number, 1 for the first round."""
    total: int
    """How many rounds the scenario has."""
    title: str
    """The round's title (untrusted text)."""
    game_time: str
    """Game time, e.g. `Dag 0` (untrusted text)."""
    briefing: str
    """What the round is about (untrusted text)."""
    own_actions_prompt: str
    """What the scenario asks groups to write own actions about (untrusted text); may be empty."""
    open: bool
    """True while the round is open."""
    last: bool
    """True for the scenario's last round."""


@dataclass(frozen=True, slots=True)
class TimerView:
    """The open round's time box."""

    remaining: float
    """Seconds left; negative when over time."""
    paused: bool
    """True while the timer is paused."""

    @property
    def overtime(self) -> bool:
        """True when the time box is exceeded."""
        return self.remaining < 0


@dataclass(frozen=True, slots=True)
class GroupStatusRow:
    """One group's progress with the open round's decisions."""

    group: GroupRef
    """The group."""
    round_open: bool
    """True while a round is open (otherwise there is nothing to decide)."""
    decided: int
    """Decisions put to the group that it has chosen an option for."""
    total: int
    """Decisions put to the group in the open round."""

    @property
    def all_decided(self) -> bool:
        """True when the group has chosen for every decision put to it."""
        return self.decided >= self.total


@dataclass(frozen=True, slots=True)
class FacilitatorView:
    """What only the facilitator sees for the current round."""

    notes: str
    """The scenario's notes for the facilitator (untrusted text); may be empty."""
    expected: tuple[str, ...]
    """Responses the scenario expects from the groups (untrusted text)."""
    own_notes: tuple[str, ...]
    """The facilitator's own notes, oldest first (untrusted text)."""


def phase(session: Session) -> Phase:
    """Return where the session is in the workshop."""
    return session.state.phase


def round_view(session: Session) -> RoundView | None:
    """Return the current round, or None before the first one."""
    state = session.state
    current = session.current_round()
    if current is None:
        return None
    total = len(session.scenario.rounds)
    return RoundView(
        id=current.id,
        number=state.round_index + 1,
        total=total,
        title=current.title,
        game_time=current.game_time,
        briefing=current.briefing,
        own_actions_prompt=current.own_actions_prompt,
        open=state.round_open,
        last=state.round_index >= total - 1,
    )


def timer_view(session: Session, now: datetime | None = None) -> TimerView | None:
    """Return the open round's timer at `now` (the session's clock by default), or None."""
    state = session.state
    if state.timer is None or not state.round_open:
        return None
    return TimerView(
        remaining=state.timer.remaining(now or session.clock()), paused=state.timer.paused
    )


def group_status(session: Session) -> tuple[GroupStatusRow, ...]:
    """Return each group's progress with the open round's decisions, in the groups' order."""
    state = session.state
    rows: list[GroupStatusRow] = []
    for gid, group in state.groups.items():
        if state.round_open:
            views = session.decisions_for(gid)
            decided = sum(1 for v in views if v.chosen)
            total = len(views)
        else:
            decided = total = 0
        rows.append(GroupStatusRow(group_ref(group), state.round_open, decided, total))
    return tuple(rows)


def undecided_groups(session: Session) -> tuple[GroupStatusRow, ...]:
    """Return the groups that have not chosen for every decision put to them in the open round."""
    return tuple(row for row in group_status(session) if row.round_open and not row.all_decided)


def facilitator_view(session: Session, own_notes: int = 5) -> FacilitatorView:
    """Return the facilitator's view of the current round, with the last `own_notes` notes."""
    current = session.current_round()
    notes = session.state.notes[-own_notes:] if own_notes > 0 else []
    return FacilitatorView(
        notes=current.facilitator.notes if current is not None else "",
        expected=tuple(current.facilitator.expected) if current is not None else (),
        own_notes=tuple(n.text for n in notes),
    )
