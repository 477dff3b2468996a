"""A question with a few named answers, each on its own key, and Esc to leave it unanswered."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from varselspel.tui.screens.base import BaseModal, t
from varselspel.tui.text import lit, safe


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: what it returns, its words and its key."""

    value: str
    """What the dialog returns for it."""
    label: str
    """Its words on the button."""
    key: str
    """The key that gives it."""


class AskScreen(BaseModal):
    """Asks `question`; dismisses with the answer's value, or None on Esc."""

    BINDINGS = [Binding("escape", "answer('')", "key.cancel", key_display="Esc")]

    def __init__(self, title: str, question: str, answers: Sequence[Answer]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.question = question
        self.answers = tuple(answers)
        for answer in self.answers:
            self._bindings.bind(answer.key, f"answer({answer.value!r})", answer.label)

    def compose(self) -> ComposeResult:
        """The question and one button per answer, plus cancel."""
        with Vertical(classes="dialog"):
            yield Label(lit(self.title_text), classes="dialog-title")
            yield Static(lit(self.question), markup=False, id="question")
            with Horizontal(classes="buttons"):
                for index, answer in enumerate(self.answers):
                    yield Button(
                        safe(f"{answer.label} ({answer.key})"),
                        id=f"answer-{index}",
                        variant="primary" if index == 0 else "default",
                    )
                yield Button(t("key.cancel") + " (Esc)", id="cancel")

    def on_mount(self) -> None:
        """Focus the first answer."""
        self.query_one("#answer-0", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button pressed."""
        event.stop()
        button = event.button.id or ""
        index = int(button.removeprefix("answer-")) if button.startswith("answer-") else -1
        self.action_answer(self.answers[index].value if index >= 0 else "")

    def action_answer(self, value: str) -> None:
        """Answer by key; an empty value is no answer."""
        self.dismiss(value or None)
