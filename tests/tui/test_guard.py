"""The UI's one path for sending commands reports what the engine says."""

from __future__ import annotations

from typing import Any

from varselspel.engine import ClearChoice
from varselspel.engine.result import CommandResult
from varselspel.tui.guard import send


class _Session:
    """A stand-in session that accepts every command with one remark."""

    def execute(self, command: Any, actor: str | None = None) -> CommandResult:
        return CommandResult(
            ok=True, notices=["Valet i r1.b togs bort eftersom det byggde på r1.a."]
        )


class _App:
    """A stand-in app that records notifications."""

    def __init__(self) -> None:
        self.session = _Session()
        self.notes: list[tuple[str, str]] = []

    def notify(self, message: str, *, severity: str = "information", **_: Any) -> None:
        self.notes.append((message, severity))

    def refused(self, reason: str) -> None:
        self.notes.append((reason, "error"))


def test_notices_of_an_accepted_command_are_shown_for_every_command() -> None:
    """Clearing a choice that another choice depended on tells the group so."""
    app = _App()
    result = send(app, ClearChoice(group="g1", decision="r1.a"), actor="g1")  # type: ignore[arg-type]
    assert result is not None and result.ok
    assert app.notes == [("Valet i r1.b togs bort eftersom det byggde på r1.a.", "warning")]
