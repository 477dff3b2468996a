"""Undo as a facilitator sees it: the step named in words, and a question before a phase change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from varselspel.engine.commands import Undo
from varselspel.i18n import tr
from varselspel.tui.guard import send
from varselspel.tui.strings import STRINGS
from varselspel.view.undo import UndoTarget, undo_target

if TYPE_CHECKING:
    from varselspel.tui.screens.base import BaseScreen


def describe_step(target: UndoTarget) -> str:
    """Return a step as a facilitator reads it: what was done, to which group, about what."""
    key = f"step.{target.kind}"
    text = tr(STRINGS, key) if key in STRINGS else target.kind
    details: list[str] = []
    for quoted in (target.inject_title, target.decision_question):
        if quoted:
            details.append(f"”{quoted}”")
    if target.round_number is not None:
        details.append(tr(STRINGS, "step.round_n", n=target.round_number))
    if target.name:
        details.append(f"”{target.name}”")
    if target.group is not None:
        details.append(f"({target.group.name})")
    return " ".join([text, *details])


def undo_step(screen: BaseScreen) -> None:
    """Undo the last step after a question when it changes the phase; say what was undone.

    The screens follow the change (and the phase, if it moved back) through `SessionChanged`.
    """
    from varselspel.tui.screens.confirm import ConfirmScreen

    session = screen.vapp.session
    if session is None:
        return
    target = undo_target(session)
    if target is None:
        screen.notify(tr(STRINGS, "proj.nothing_to_undo"))
        return
    what = describe_step(target)

    def run() -> None:
        result = send(screen.vapp, Undo())
        if result is not None and result.ok:
            screen.notify(tr(STRINGS, "proj.undone", what=what), markup=False)

    if not target.phase_step:
        run()
        return

    def answer(yes: bool | None) -> None:
        if yes:
            run()

    screen.app.push_screen(ConfirmScreen(tr(STRINGS, "undo.confirm", what=what)), answer)
