"""The step an undo would cancel, described by what it did, so the facilitator can be asked first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from varselspel.engine import commands as c
from varselspel.view.decisions import find_decision
from varselspel.view.refs import GroupRef, group_ref

if TYPE_CHECKING:
    from varselspel.engine import Session

PHASE_STEPS: frozenset[str] = frozenset(
    {"start_session", "start_round", "close_round", "start_debrief", "end_session"}
)
"""Command types whose undo moves the whole workshop back."""


@dataclass(frozen=True, slots=True)
class UndoTarget:
    """The last step still in effect: what it was, and what it was about."""

    seq: int
    """Seq of the event an undo would cancel."""
    kind: str
    """Its command type, e.g. `choose_option`; the caller words it."""
    phase_step: bool
    """True when undoing it moves the workshop back a phase or a round (ask first)."""
    group: GroupRef | None
    """The group it concerned, if any."""
    inject_title: str | None
    """Title of the inject it released (untrusted text), if it released one."""
    decision_question: str | None
    """Question of the decision it chose or cleared for (untrusted text), if any."""
    round_number: int | None
    """Number of the round it opened or closed (1 for the first), if any."""
    name: str | None
    """Name it gave a new group or participant (untrusted text), if any."""


def _inject_title(session: Session, inject_id: str | None) -> str | None:
    """Return an inject's title by id, or None."""
    for rnd in session.scenario.rounds:
        for inject in rnd.injects:
            if inject.id == inject_id:
                return inject.title
    return None


def describe(session: Session, seq: int, command: c.Command) -> UndoTarget:
    """Return a step (an event's command) as an undo target."""
    state = session.state
    inject_title = None
    if isinstance(command, c.ReleaseInject):
        inject_title = _inject_title(session, command.inject)
    question = None
    if isinstance(command, c.ChooseOption | c.ClearChoice):
        decision = find_decision(session, command.decision)
        question = decision.question if decision is not None else None
    number = None
    if isinstance(command, c.StartRound | c.CloseRound):
        ids = [r.id for r in session.scenario.rounds]
        round_id = command.round if isinstance(command, c.StartRound) else None
        number = (ids.index(round_id) if round_id in ids else state.round_index) + 1
    name = command.name if isinstance(command, c.AddGroup | c.AddParticipant) else None
    group_id = getattr(command, "group", None)
    group = state.groups.get(group_id) if isinstance(group_id, str) else None
    return UndoTarget(
        seq=seq,
        kind=command.type,
        phase_step=command.type in PHASE_STEPS,
        group=group_ref(group) if group is not None else None,
        inject_title=inject_title,
        decision_question=question,
        round_number=number,
        name=name,
    )


def undo_target(session: Session) -> UndoTarget | None:
    """Return the step an undo would cancel now, or None when there is nothing to undo."""
    last = session.last_undoable()
    return describe(session, last.seq, last.command) if last is not None else None
