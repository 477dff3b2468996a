"""How well a participant's organisation fits a role, for sharing out roles automatically."""

from __future__ import annotations

import re

from varselspel.model import RoleCard

STOP = {"och", "med", "för", "the", "t.ex", "tex", "kommunens", "lokala", "det", "den"}
"""Words too common to say anything about an organisation."""


def _words(text: str) -> set[str]:
    """Return the lower-case words of at least three letters in `text`."""
    return {w for w in re.findall(r"[a-zåäöé]{3,}", text.lower()) if w not in STOP}


def fit(organisation: str, card: RoleCard | None, company: str = "") -> int:
    """Return how many of the role's organisation words appear in the participant's organisation."""
    if card is None or not organisation.strip():
        return 0
    org = organisation.lower()
    words = _words(card.organisation) | _words(card.kind) | _words(card.short)
    if card.kind.lower().startswith("företag") and company:
        words |= _words(company)
    return sum(1 for word in words if word in org)
