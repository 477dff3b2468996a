"""The app's words for widgets: a catalog key in the UI language, made terminal-safe."""

from __future__ import annotations

from varselspel.i18n import tr
from varselspel.tui.strings import STRINGS
from varselspel.tui.text import safe


def t(key: str, **params: object) -> str:
    """Translate a key of the app's catalog; parameters may carry scenario or session text."""
    return safe(tr(STRINGS, key, **params))
