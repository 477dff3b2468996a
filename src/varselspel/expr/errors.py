"""Errors of the expression language: a stable code, parameters and an offset in the text."""

from __future__ import annotations

from collections.abc import Mapping


class ExprError(Exception):
    """A syntax, name or type error at a character offset (0-based) inside an expression."""

    def __init__(self, code: str, message_params: Mapping[str, object], offset: int) -> None:
        self.code = code
        self.message_params: dict[str, object] = dict(message_params)
        self.offset = offset
        super().__init__(code, self.message_params, offset)

    def message(self, lang: str | None = None) -> str:
        """Return the message in `lang` (default: the UI language)."""
        from varselspel.expr.strings import format_message

        return format_message(self.code, self.message_params, lang)

    def __str__(self) -> str:
        return f"{self.code} at {self.offset}: {self.message('en')}"
