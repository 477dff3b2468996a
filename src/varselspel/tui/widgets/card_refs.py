"""The cards an option or a number rests on, in one line: the titles of those the group has."""

from __future__ import annotations

from collections.abc import Sequence

from varselspel.tui.text import Text
from varselspel.tui.widgets.words import t
from varselspel.view.cards import CardRef


def cards_line(refs: Sequence[CardRef]) -> Text | None:
    """Return `Bygger på: A, B (+1 kort senare)`, or None when it rests on no card.

    A card the group does not have yet is only counted: its title would give it away.
    """
    if not refs:
        return None
    have = [ref.title for ref in refs if ref.available]
    later = len(refs) - len(have)
    text = Text(t("cards.rests_on") + ": ", style="italic")
    text.append(", ".join(have) if have else "–", style="italic")
    if later:
        text.append(" " + t("cards.later", n=later), style="dim italic")
    return text
