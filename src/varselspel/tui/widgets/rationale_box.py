"""The field for a group's reasons; Enter saves them with the choice."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Input

from varselspel.tui.widgets.text_input import TextInput


class RationaleBox(TextInput):
    """A one-line field for the rationale; Enter says the group wants it recorded."""

    class Saved(Message):
        """The group pressed Enter in the field."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text
            """The rationale, without surrounding spaces."""

    @property
    def text(self) -> str:
        """The rationale as typed, without surrounding spaces."""
        return self.value.strip()

    def show(self, text: str) -> None:
        """Show `text`, unless the group is typing in the field."""
        if not self.has_focus and self.value != text:
            # The screen keeps drafts from the group's typing, not from what it shows itself.
            with self.prevent(Input.Changed):
                self.value = text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: ask the screen to record the rationale."""
        event.stop()
        self.post_message(self.Saved(self.text))
