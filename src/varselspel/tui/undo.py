"""Undo as a facilitator sees it: the step named in words, and a question before a phase change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from varselspel.i18n import tr
from varselspel.tui.strings import STRINGS

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.tui.screens.base import BaseScreen

PHASE_STEPS: frozenset[str] = frozenset(
    {"start_session", "start_round", "close_round", "start_debrief", "end_session"}
)
"""Steps whose undo moves the whole workshop back, so the app asks first."""


def describe_command(session: Session, command: Any) -> str:
    """Return a step as a facilitator reads it: what was done, to which group, about what."""
    kind = str(getattr(command, "type", ""))
    key = f"step.{kind}"
    text = tr(STRINGS, key) if key in STRINGS else kind
    details: list[str] = []
    scenario = session.scenario
    inject_id = getattr(command, "inject", None)
    if kind == "release_inject" and inject_id in session.index.injects:
        details.append(f"”{session.index.injects[inject_id][1].title}”")
    decision_key = getattr(command, "decision", None)
    if kind in {"choose_option", "clear_choice"} and decision_key:
        decision = session.index.decision(str(decision_key))
        if decision is not None:
            details.append(f"”{decision.question}”")
    round_id = getattr(command, "round", None)
    if kind in {"start_round", "close_round"}:
        ids = [r.id for r in scenario.rounds]
        index = ids.index(round_id) if round_id in ids else session.state.round_index
        details.append(tr(STRINGS, "step.round_n", n=index + 1))
    name = getattr(command, "name", None)
    if kind in {"add_group", "add_participant"} and name:
        details.append(f"”{name}”")
    group_id = getattr(command, "group", None)
    group = session.state.groups.get(group_id) if isinstance(group_id, str) else None
    if group is not None:
        details.append(f"({group.name})")
    return " ".join([text, *details])


def undo_step(screen: BaseScreen, redraw: Any) -> None:
    """Undo the last step after a question when it changes the phase; say what was undone."""
    from varselspel.tui.screens.confirm import ConfirmScreen

    session = screen.vapp.session
    if session is None:
        return
    last = session.last_undoable()
    if last is None:
        screen.notify(tr(STRINGS, "proj.nothing_to_undo"))
        return
    what = describe_command(session, last.command)

    def run() -> None:
        result = session.undo()
        if result.ok:
            screen.notify(tr(STRINGS, "proj.undone", what=what), markup=False)
        else:
            from varselspel.messages import describe

            screen.vapp.refused(describe(result.message, screen.vapp.lang, session.bundle))
        if not screen.follow_phase():
            redraw()

    if last.command.type not in PHASE_STEPS:
        run()
        return

    def answer(yes: bool | None) -> None:
        if yes:
            run()

    screen.app.push_screen(ConfirmScreen(tr(STRINGS, "undo.confirm", what=what)), answer)
