"""Cleaning of untrusted text before it goes into any export format: one rule for all four.

Every string of an export (Markdown, Word, HTML and JSON alike) passes through `clean`: NFC, line
ends unified to `\n`, and removed are the C0 controls but tab and newline (XML 1.0, and so
docx and HTML read as XML, forbids most of them), DEL and the C1 controls, lone surrogates, the
noncharacters U+FFFE/U+FFFF, and the bidirectional embeddings, overrides and isolates (U+202A to
U+202E, U+2066 to U+2069), which make a text read differently from what it says.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def clean(text: str) -> str:
    """Return `text` in NFC with control characters and bidi controls removed, line ends unified."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def clean_data(value: Any) -> Any:
    """Return JSON-ready data with `clean` applied to every string, mapping keys included."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_data(key): clean_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [clean_data(item) for item in value]
    return value


def one_line(text: str) -> str:
    """Return `text` cleaned and folded onto one line, for table cells and headings."""
    return " ".join(clean(text).split())


def paragraphs(text: str) -> list[str]:
    """Split `text` into paragraphs at blank lines, each folded onto one line."""
    parts = re.split(r"\n\s*\n", clean(text))
    return [folded for part in parts if (folded := " ".join(part.split()))]
