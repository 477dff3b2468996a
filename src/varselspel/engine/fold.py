"""Evolving: state + fact -> state. Pure data: no expression, impact model or checker is used.

State objects are built with `model_construct`: every value comes from a validated fact, so
validating again would only cost time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import assert_never

from varselspel.engine import facts as f
from varselspel.engine.events import Event
from varselspel.engine.facts import Fact
from varselspel.engine.state import (
    ChoiceRecord,
    GroupState,
    HistoryPoint,
    InjectDelivery,
    Lesson,
    Note,
    OwnAction,
    Participant,
    PendingEffects,
    Phase,
    Rating,
    RoundRecord,
    SessionState,
    TimerState,
    built,
)


class FoldError(Exception):
    """An event in a log cannot be applied to the state its predecessors produce."""

    def __init__(self, seq: int, cause: BaseException) -> None:
        """Keep the event's seq and what went wrong (its kind, never the data)."""
        super().__init__(f"event {seq}: {type(cause).__name__}")
        self.seq = seq


def undone_seqs(events: Sequence[Event]) -> set[int]:
    """Return the seqs of events that an undo took out of effect."""
    return {
        fact.target for e in events if is_undo(e) for fact in e.facts if isinstance(fact, f.Undone)
    }


def is_undo(event: Event) -> bool:
    """Return True for an undo event (its one fact is `Undone`)."""
    return len(event.facts) == 1 and event.facts[0].type == "undone"


def undo_target(events: Sequence[Event]) -> int | None:
    """Return the seq of the last event still in effect that is not itself an undo."""
    undone = undone_seqs(events)
    for event in reversed(events):
        if is_undo(event) or event.seq in undone:
            continue
        return event.seq
    return None


def fold(events: Sequence[Event], round_index: dict[str, int]) -> SessionState:
    """Fold events from scratch, skipping undo events and the events they undid."""
    undone = undone_seqs(events)
    state = SessionState()
    for event in events:
        if event.seq in undone or is_undo(event):
            state.last_seq = event.seq
            continue
        apply_event(state, event, round_index)
    state.undone = sorted(undone)
    return state


def apply_event(state: SessionState, event: Event, round_index: dict[str, int]) -> None:
    """Fold one event's facts into the state in place; FoldError when they do not fit it."""
    state.last_seq = event.seq
    try:
        for fact in event.facts:
            evolve(state, fact, event.seq, event.at, round_index)
    except (KeyError, AssertionError, IndexError, TypeError, ValueError, AttributeError) as error:
        # Only a damaged or foreign log can hold a fact that does not fit.
        raise FoldError(event.seq, error) from error


def point(group: GroupState, round_id: str | None) -> HistoryPoint:
    """Return the group's values now, as a history point."""
    return built(
        HistoryPoint,
        dict(
            round=round_id,
            indicators=dict(group.indicators),
            model=dict(group.model),
            flags=dict(group.flags),
        ),
    )


def _bump(state: SessionState, prefix: str, assigned: str) -> None:
    """Advance an id counter past an id that was assigned (or given)."""
    if assigned.startswith(prefix) and assigned[len(prefix) :].isdigit():
        n = int(assigned[len(prefix) :])
        if n > state.next_ids.get(prefix, 0):
            state.next_ids[prefix] = n


def _set(group: GroupState, values: f.Values) -> None:
    """Set the values a fact recorded, and add the cards and figures it revealed."""
    group.indicators.update(values.indicators)
    group.flags.update(values.flags)
    group.model.update(values.model)
    if values.revealed_cards:
        group.revealed_cards.extend(values.revealed_cards)
    if values.revealed_figures:
        group.revealed_figures.extend(values.revealed_figures)


def _set_all(state: SessionState, changes: dict[str, f.Values]) -> None:
    """Set the values a fact recorded for each group."""
    for gid, values in changes.items():
        _set(state.groups[gid], values)


def _schedule(state: SessionState, scheduled: dict[str, list[f.Scheduled]], round_id: str) -> None:
    """Add the delayed effects a fact set off to each group's pending list."""
    for gid, items in scheduled.items():
        state.groups[gid].pending.extend(
            built(PendingEffects, dict(source=item.source, due=item.due, round=round_id))
            for item in items
        )


def _close(state: SessionState, fact: f.RoundClosed, at: datetime) -> None:
    """Close the open round: the recorded effects, history points, and back to `ready`."""
    for gid, group in state.groups.items():
        for key in fact.applied.get(gid, ()):
            group.choices[key].applied = True
        changes = fact.changes.get(gid)
        if changes is not None:
            _set(group, changes)
        for item in fact.scheduled.get(gid, ()):
            group.pending.append(
                built(PendingEffects, dict(source=item.source, due=item.due, round=fact.round))
            )
        record = group.rounds.get(fact.round)
        if record is not None:
            record.closed_at = at
        group.history.append(point(group, fact.round))
    state.round_open = False
    state.timer = None
    state.phase = Phase.READY


def evolve(
    state: SessionState, fact: Fact, seq: int, at: datetime, round_index: dict[str, int]
) -> None:
    """Apply one fact of the event `seq` (accepted at `at`) to the state in place."""
    match fact:
        # The facts a workshop records most often come first: each case is an isinstance check.
        case f.NoteWritten():
            note = built(
                Note, dict(seq=seq, at=at, group=fact.group, round=state.round_id, text=fact.text)
            )
            if fact.group is None:
                state.notes.append(note)
            else:
                state.groups[fact.group].notes.append(note)
        case f.OptionChosen():
            group = state.groups[fact.group]
            previous = group.choices.get(fact.decision)
            group.choices[fact.decision] = built(
                ChoiceRecord,
                dict(
                    decision=fact.decision,
                    round=fact.round,
                    option=fact.option,
                    options=list(fact.options),
                    value=fact.value,
                    rationale=fact.rationale,
                    agreed_roles=list(fact.agreed_roles),
                    mandate=fact.mandate,
                    owners=list(fact.mandate_basis),
                    outside_mandate=fact.outside_mandate,
                    anchor_with=list(fact.anchor_with),
                    seq=seq,
                    at=at,
                    revisions=0 if previous is None else previous.revisions + 1,
                    applied=False,
                ),
            )
        case f.ActionAdded():
            state.groups[fact.group].actions[fact.action] = built(
                OwnAction,
                dict(
                    id=fact.action,
                    fields=fact.fields,
                    round=state.round_id,
                    seq=seq,
                    updated_seq=seq,
                ),
            )
            _bump(state, "a", fact.action)
        case f.ActionEdited():
            action = state.groups[fact.group].actions[fact.action]
            action.fields = fact.fields
            action.updated_seq = seq
        case f.InjectReleased():
            for gid, delivered in [(g, True) for g in fact.reached] + [
                (g, False) for g in fact.withheld
            ]:
                state.groups[gid].injects.append(
                    built(
                        InjectDelivery,
                        dict(
                            inject=fact.inject,
                            round=fact.round,
                            seq=seq,
                            at=at,
                            delivered=delivered,
                            backup=fact.backup,
                        ),
                    )
                )
            _set_all(state, fact.changes)
            _schedule(state, fact.scheduled, fact.round)
        case f.ChoiceCleared() | f.ChoiceWithdrawn():
            del state.groups[fact.group].choices[fact.decision]
        case f.ParticipantAdded():
            state.groups[fact.group].participants[fact.participant] = built(
                Participant,
                dict(id=fact.participant, name=fact.name, organisation=fact.organisation),
            )
            _bump(state, "p", fact.participant)
        case f.RoleAssigned():
            state.groups[fact.group].roles[fact.role] = fact.holder
        case f.GroupAdded():
            group = built(
                GroupState,
                dict(
                    id=fact.group,
                    name=fact.name,
                    participants={},
                    roles={},
                    indicators=dict(fact.start.indicators),
                    flags=dict(fact.start.flags),
                    model=dict(fact.start.model),
                    choices={},
                    injects=[],
                    actions={},
                    notes=[],
                    rounds={},
                    history=[],
                    ratings={},
                    lessons=[],
                    revealed_cards=list(fact.start.revealed_cards),
                    revealed_figures=list(fact.start.revealed_figures),
                    pending=[],
                ),
            )
            group.history.append(point(group, None))
            state.groups[fact.group] = group
            _bump(state, "g", fact.group)
        case f.GroupRenamed():
            state.groups[fact.group].name = fact.name
        case f.GroupRemoved():
            del state.groups[fact.group]
        case f.ParticipantRemoved():
            group = state.groups[fact.group]
            del group.participants[fact.participant]
            for role in fact.roles:
                del group.roles[role]
        case f.ParticipantMoved():
            group = state.groups[fact.group]
            person = group.participants.pop(fact.participant)
            for role in fact.roles:
                del group.roles[role]
            state.groups[fact.to_group].participants[fact.participant] = person
        case f.RoleUnassigned():
            del state.groups[fact.group].roles[fact.role]
        case f.SessionStarted():
            state.phase = Phase.READY
            state.started_at = at
            _set_all(state, fact.changes)
        case f.RoundSkipped():
            state.round_index = round_index[fact.round]
            for group in state.groups.values():
                group.rounds[fact.round] = built(
                    RoundRecord, dict(round=fact.round, played=False, started_at=at, closed_at=at)
                )
                group.history.append(point(group, fact.round))
        case f.RoundStarted():
            state.round_index = round_index[fact.round]
            for gid, group in state.groups.items():
                group.rounds[fact.round] = built(
                    RoundRecord,
                    dict(round=fact.round, played=fact.played[gid], started_at=at, closed_at=None),
                )
            for gid, sources in fact.delayed.items():
                group = state.groups[gid]
                done = set(sources)
                group.pending = [p for p in group.pending if p.source not in done]
            _set_all(state, fact.changes)
            state.round_id = fact.round
            state.round_open = True
            state.phase = Phase.ROUND
            state.timer = built(
                TimerState,
                dict(duration_s=fact.minutes * 60.0, started_at=at, paused_at=None, paused_s=0.0),
            )
        case f.RoundClosed():
            _close(state, fact, at)
        case f.TimerPaused():
            assert state.timer is not None
            state.timer.paused_at = at
        case f.TimerResumed():
            timer = state.timer
            assert timer is not None and timer.paused_at is not None
            timer.paused_s += max(0.0, (at - timer.paused_at).total_seconds())
            timer.paused_at = None
        case f.TimerExtended():
            assert state.timer is not None
            state.timer.duration_s = max(0.0, state.timer.duration_s + fact.minutes * 60.0)
        case f.ActionRemoved():
            del state.groups[fact.group].actions[fact.action]
        case f.DebriefStarted():
            state.phase = Phase.DEBRIEF
        case f.ObjectiveRated():
            state.groups[fact.group].ratings[fact.objective] = built(
                Rating,
                dict(objective=fact.objective, rating=fact.rating, comment=fact.comment, seq=seq),
            )
        case f.LessonRecorded():
            lesson = built(Lesson, dict(seq=seq, group=fact.group, kind=fact.kind, text=fact.text))
            if fact.group is None:
                state.lessons.append(lesson)
            else:
                state.groups[fact.group].lessons.append(lesson)
        case f.SessionEnded():
            state.phase = Phase.ENDED
            state.ended_at = at
        case f.Undone():
            # `fold` skips the target; an undo cannot be applied to a state in place.
            raise ValueError("undone")
        case _:
            assert_never(fact)
