"""The UI's one path for sending commands reports what the engine says and announces changes."""

from __future__ import annotations

from typing import Any

from varselspel.engine import ClearChoice
from varselspel.engine.result import CommandResult, Message
from varselspel.tui.guard import send


class _Session:
    """A stand-in session that answers every command with the result it was given."""

    bundle = None

    def __init__(self, result: CommandResult) -> None:
        self.result = result

    def execute(self, command: Any, actor: str | None = None) -> CommandResult:
        return self.result


class _App:
    """A stand-in app that records notifications and change announcements."""

    def __init__(self, result: CommandResult, lang: str = "sv") -> None:
        self.session = _Session(result)
        self.lang = lang
        self.notes: list[tuple[str, str]] = []
        self.changes = 0

    def notify(self, message: str, *, severity: str = "information", **_: Any) -> None:
        self.notes.append((message, severity))

    def session_changed(self) -> None:
        self.changes += 1


def test_notices_of_an_accepted_command_are_shown_for_every_command() -> None:
    """Clearing a choice that another choice depended on tells the group so, and redraws once."""
    notice = Message(code="choice_withdrawn", params={"decision": "r1.b"})
    app = _App(CommandResult(ok=True, notices=[notice]))
    result = send(app, ClearChoice(group="g1", decision="r1.a"), actor="g1")  # type: ignore[arg-type]
    assert result is not None and result.ok
    assert app.notes == [
        (
            'Valet för "r1.b" togs bort: det går inte längre att välja efter ändringen.',
            "warning",
        )
    ]
    assert app.changes == 1


def test_refusals_are_put_into_words_in_the_apps_language_and_change_nothing() -> None:
    """The engine's code and parameters become a sentence in the app's language, phase too."""
    app = _App(CommandResult(ok=False, code="wrong_phase", params={"phase": "debrief"}), "en")
    result = send(app, ClearChoice(group="g1", decision="r1.a"))  # type: ignore[arg-type]
    assert result is not None and not result.ok
    assert len(app.notes) == 1
    message, severity = app.notes[0]
    assert "Not possible now: the session is in phase debrief." in message
    assert severity == "warning"
    assert app.changes == 0


def test_a_refusal_is_one_sentence_not_said_twice() -> None:
    """The toast is the engine's sentence alone: never "Går inte: Det går inte just nu…"."""
    app = _App(CommandResult(ok=False, code="wrong_phase", params={"phase": "setup"}))
    send(app, ClearChoice(group="g1", decision="r1.a"))  # type: ignore[arg-type]
    [(message, severity)] = app.notes
    assert message.startswith("Det går inte just nu: övningen är i läget ")
    assert message.count("går inte") + message.count("Går inte") == 1
    assert severity == "warning"
