"""The one error type exports raise, with a message ready to show the user."""

from __future__ import annotations


class ExportError(Exception):
    """An export failed; `str(error)` is a localised message that says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
