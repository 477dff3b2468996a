"""Literal rendering of untrusted scenario text."""

from __future__ import annotations

from rich.text import Text


def lit(value: object, style: str = "") -> Text:
    """Return `value` as a Rich Text that is never parsed as markup."""
    return Text("" if value is None else str(value), style=style)


def join_lines(parts: list[Text | str]) -> Text:
    """Join pieces into one Text, one per line, keeping every piece literal."""
    result = Text()
    for index, part in enumerate(parts):
        if index:
            result.append("\n")
        result.append(part if isinstance(part, Text) else Text(part))
    return result


def labelled(label: str, value: object, label_style: str = "bold") -> Text:
    """Return `label: value` with a styled label and a literal value."""
    text = Text()
    text.append(label, style=label_style)
    text.append(": ")
    text.append("" if value is None else str(value))
    return text
