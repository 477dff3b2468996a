"""The UI's one path for sending commands reports what the engine says."""

from __future__ import annotations

from typing import Any

from varselspel.engine import ClearChoice
from varselspel.engine.result import CommandResult, Message
from varselspel.tui.guard import send


class _Session:
    """A stand-in session that accepts every command with one remark, or refuses it."""

    bundle = None

    def __init__(self, ok: bool = True) -> None:
        self.ok = ok

    def execute(self, command: Any, actor: str | None = None) -> CommandResult:
        if not self.ok:
            return CommandResult(ok=False, code="wrong_phase", params={"phase": "debrief"})
        notice = Message(code="choice_withdrawn", params={"decision": "r1.b"})
        return CommandResult(ok=True, notices=[notice])


class _App:
    """A stand-in app that records notifications."""

    def __init__(self, lang: str = "sv", ok: bool = True) -> None:
        self.session = _Session(ok)
        self.lang = lang
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
    assert app.notes == [
        (
            'Valet för "r1.b" togs bort: det går inte längre att välja efter ändringen.',
            "warning",
        )
    ]


def test_refusals_are_put_into_words_in_the_apps_language() -> None:
    """The engine's code and parameters become a sentence in the app's language, phase too."""
    app = _App(lang="en", ok=False)
    assert send(app, ClearChoice(group="g1", decision="r1.a")) is not None  # type: ignore[arg-type]
    assert app.notes == [("Not possible now: the session is in phase debrief.", "error")]
