"""The UI's one path for sending commands reports what the engine says and announces changes."""

from __future__ import annotations

from typing import Any

from varselspel.engine import ClearChoice
from varselspel.engine.result import CommandResult
from varselspel.tui.guard import send


class _Session:
    """A stand-in session that answers every command with the result it was given."""

    def __init__(self, result: CommandResult) -> None:
        self.result = result

    def execute(self, command: Any, actor: str | None = None) -> CommandResult:
        return self.result


class _App:
    """A stand-in app that records notifications and change announcements."""

    def __init__(self, result: CommandResult) -> None:
        self.session = _Session(result)
        self.notes: list[tuple[str, str]] = []
        self.changes = 0

    def notify(self, message: str, *, severity: str = "information", **_: Any) -> None:
        self.notes.append((message, severity))

    def session_changed(self) -> None:
        self.changes += 1


def test_notices_of_an_accepted_command_are_shown_for_every_command() -> None:
    """Clearing a choice that another choice depended on tells the group so."""
    app = _App(
        CommandResult(ok=True, notices=["Valet i r1.b togs bort eftersom det byggde på r1.a."])
    )
    result = send(app, ClearChoice(group="g1", decision="r1.a"), actor="g1")  # type: ignore[arg-type]
    assert result is not None and result.ok
    assert app.notes == [("Valet i r1.b togs bort eftersom det byggde på r1.a.", "warning")]
    assert app.changes == 1


def test_a_refusal_is_said_and_changes_nothing() -> None:
    """A refused command is reported with its reason and announces no change."""
    app = _App(CommandResult(ok=False, code="no_choice", reason="Inget val att ta bort."))
    result = send(app, ClearChoice(group="g1", decision="r1.a"), actor="g1")  # type: ignore[arg-type]
    assert result is not None and not result.ok
    assert app.notes == [("Går inte: Inget val att ta bort.", "warning")]
    assert app.changes == 0
