"""The debrief: every group's choices side by side, the objective ratings and the lessons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from varselspel.engine.commands import LessonKind, RatingValue
from varselspel.view.decisions import ChoiceView, choice_view
from varselspel.view.refs import GroupRef, group_ref

if TYPE_CHECKING:
    from varselspel.engine import Session


@dataclass(frozen=True, slots=True)
class ChoiceRow:
    """One decision of the scenario with every group's choice."""

    key: str
    """Decision key `ROUND.DECISION`."""
    game_time: str
    """Game time of its round (untrusted text)."""
    question: str
    """The question (untrusted text)."""
    choices: tuple[tuple[GroupRef, ChoiceView | None], ...]
    """Each group with its choice, None when it made none."""


@dataclass(frozen=True, slots=True)
class RatingCell:
    """How one group met one objective, if rated."""

    group: GroupRef
    """The group."""
    rating: RatingValue | None
    """The rating, or None before it is rated."""
    comment: str
    """Why (untrusted text); may be empty."""


@dataclass(frozen=True, slots=True)
class ObjectiveRow:
    """One debrief objective with every group's rating."""

    id: str
    """Objective id."""
    text: str
    """The objective (untrusted text)."""
    cells: tuple[RatingCell, ...]
    """One cell per group, in the groups' order."""


@dataclass(frozen=True, slots=True)
class LessonRow:
    """A lesson recorded in the debrief."""

    seq: int
    """Seq of the event that recorded it (the order they were said in)."""
    group: GroupRef | None
    """The group, or None for the whole session."""
    kind: LessonKind
    """`strength` or `improvement`."""
    text: str
    """The lesson (untrusted text)."""


def choice_rows(session: Session) -> tuple[ChoiceRow, ...]:
    """Return every decision of the scenario, round by round, with each group's choice."""
    groups = list(session.state.groups.values())
    rows: list[ChoiceRow] = []
    for rnd in session.scenario.rounds:
        for decision in rnd.decisions:
            key = f"{rnd.id}.{decision.id}"
            cells: list[tuple[GroupRef, ChoiceView | None]] = []
            for group in groups:
                record = group.choices.get(key)
                view = choice_view(session, decision, record) if record is not None else None
                cells.append((group_ref(group), view))
            rows.append(ChoiceRow(key, rnd.game_time, decision.question, tuple(cells)))
    return tuple(rows)


def objective_rows(session: Session) -> tuple[ObjectiveRow, ...]:
    """Return every debrief objective with each group's rating."""
    groups = list(session.state.groups.values())
    rows: list[ObjectiveRow] = []
    for objective in session.scenario.debrief.objectives:
        cells: list[RatingCell] = []
        for group in groups:
            rating = group.ratings.get(objective.id)
            cells.append(
                RatingCell(
                    group_ref(group),
                    rating.rating if rating is not None else None,
                    rating.comment if rating is not None else "",
                )
            )
        rows.append(ObjectiveRow(objective.id, objective.text, tuple(cells)))
    return tuple(rows)


def lesson_rows(session: Session) -> tuple[LessonRow, ...]:
    """Return the lessons for the whole session and for each group, in the order recorded."""
    state = session.state
    lessons = [*state.lessons, *[lesson for g in state.groups.values() for lesson in g.lessons]]
    return tuple(
        LessonRow(
            seq=lesson.seq,
            group=group_ref(state.groups[lesson.group]) if lesson.group in state.groups else None,
            kind=lesson.kind,
            text=lesson.text,
        )
        for lesson in sorted(lessons, key=lambda item: item.seq)
    )
