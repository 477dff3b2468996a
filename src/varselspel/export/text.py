"""Cleaning of untrusted text before it goes into any export format."""

from __future__ import annotations

import re
import unicodedata

# XML 1.0 (docx, HTML parsed as XML) forbids most C0 controls; DEL and C1 controls are noise.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Return `text` in NFC with control characters removed and line ends unified."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def one_line(text: str) -> str:
    """Return `text` cleaned and folded onto one line, for table cells and headings."""
    return " ".join(clean(text).split())


def paragraphs(text: str) -> list[str]:
    """Split `text` into paragraphs at blank lines, each folded onto one line."""
    parts = re.split(r"\n\s*\n", clean(text))
    return [folded for part in parts if (folded := " ".join(part.split()))]
