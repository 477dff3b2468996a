"""A one-line text field that keeps a whole pasted text and says when it is too long."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from varselspel.i18n import tr
from varselspel.tui.strings import STRINGS
from varselspel.tui.text import safe


class TextInput(Input):
    """Textual's Input, but a paste keeps every line (joined by spaces) instead of the first.

    A paste that would pass `max_length` is refused with a message naming the limit, so the
    user knows why nothing happened and still has the whole text on the clipboard. Control
    characters and bidi controls, whether pasted or in a value from a file, show as visible
    placeholders and never reach the terminal.
    """

    def validate_value(self, value: str) -> str:
        """Make the value terminal-safe (one character for one, so the cursor stays put)."""
        return safe(value)

    def _on_paste(self, event: events.Paste) -> None:
        """Insert the pasted lines as one line, or say why the paste does not fit."""
        event.stop()
        event.prevent_default()
        text = " ".join(line.strip() for line in event.text.splitlines() if line.strip())
        if not text:
            return
        selection = self.selection
        start, end = sorted((selection.start, selection.end))
        length = len(self.value) - (end - start) + len(text)
        if self.max_length and length > self.max_length:
            self.notify(
                tr(STRINGS, "error.paste_too_long", n=self.max_length, got=length),
                severity="warning",
                markup=False,
                timeout=8,
            )
            return
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, start, end)
