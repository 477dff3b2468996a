"""The boundary where untrusted text becomes something the screen shows: literal and inert.

Scenario, role and session text is never parsed as markup and never reaches the terminal with a
control code or bidi control in it (see `varselspel.safe_text`). Screens build their texts with
`Text` from here (never Rich's own), `lit`, `labelled` and `join_lines`, and give Textual's
plain-string APIs (titles, toasts, input values, option prompts) `safe(...)` or a `Text`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text as RichText

from varselspel.safe_text import is_terminal_safe, terminal_safe


def safe(value: object) -> str:
    """Return `value` as a string with every control character and bidi control made visible."""
    return terminal_safe("" if value is None else str(value))


def _clean(text: RichText) -> RichText:
    """Return `text` itself when it is safe, else a copy whose characters are made safe."""
    if is_terminal_safe(text.plain):
        return text
    copy = text.copy()
    # `terminal_safe` replaces one character by one, so every styled span stays in place.
    copy.plain = terminal_safe(text.plain)
    return copy


class Text(RichText):
    """Rich's Text, made terminal-safe on every construction and append; the one screens use."""

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(terminal_safe(text), *args, **kwargs)

    @property
    def plain(self) -> str:
        """The text without styles."""
        return RichText.plain.fget(self)  # type: ignore[attr-defined,no-any-return]

    @plain.setter
    def plain(self, new_text: str) -> None:
        RichText.plain.fset(self, terminal_safe(new_text))  # type: ignore[attr-defined]

    def append(self, text: str | RichText, style: Any = None) -> Text:
        """Append a string or a Text, made terminal-safe."""
        if isinstance(text, str):
            text = terminal_safe(text)
        elif isinstance(text, RichText):
            text = _clean(text)
        super().append(text, style)
        return self

    def append_text(self, text: RichText) -> Text:
        """Append a Text, made terminal-safe."""
        super().append_text(_clean(text))
        return self

    def append_tokens(self, tokens: Iterable[tuple[str, Any]]) -> Text:
        """Append (text, style) pairs, each made terminal-safe."""
        super().append_tokens((terminal_safe(content), style) for content, style in tokens)
        return self

    def copy(self) -> Text:
        """Return a copy that stays a safe Text."""
        copied = Text(
            self.plain,
            style=self.style,
            justify=self.justify,
            overflow=self.overflow,
            no_wrap=self.no_wrap,
            end=self.end,
            tab_size=self.tab_size,
        )
        copied._spans[:] = self._spans
        return copied

    def blank_copy(self, plain: str = "") -> Text:
        """Return a Text with the same settings and no spans, that stays a safe Text."""
        return Text(
            plain,
            style=self.style,
            justify=self.justify,
            overflow=self.overflow,
            no_wrap=self.no_wrap,
            end=self.end,
            tab_size=self.tab_size,
        )

    def __add__(self, other: Any) -> Text:
        """Return this text followed by `other`, made terminal-safe."""
        if isinstance(other, str | RichText):
            result = self.copy()
            result.append(other)
            return result
        return NotImplemented


def lit(value: object, style: str = "") -> Text:
    """Return `value` as a Text that is never parsed as markup and carries no control code."""
    return Text("" if value is None else str(value), style=style)


def join_lines(parts: list[RichText | str]) -> Text:
    """Join pieces into one Text, one per line, keeping every piece literal."""
    result = Text()
    for index, part in enumerate(parts):
        if index:
            result.append("\n")
        result.append(part)
    return result


def labelled(label: str, value: object, label_style: str = "bold") -> Text:
    """Return `label: value` with a styled label and a literal value."""
    text = Text()
    text.append(label, style=label_style)
    text.append(": ")
    text.append("" if value is None else str(value))
    return text
