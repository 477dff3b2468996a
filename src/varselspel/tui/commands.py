"""Command-palette provider offering the current screen's main actions."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

PaletteEntry = tuple[str, str, Callable[[], object]]
"""A palette entry: title, help text and the callback that runs it."""


class ScreenActionsProvider(Provider):
    """Offers the main actions of the screen the palette was opened from."""

    def _entries(self) -> list[PaletteEntry]:
        """Return the entries the screen offers, if it offers any."""
        getter = getattr(self.screen, "palette_commands", None)
        return list(getter()) if callable(getter) else []

    async def discover(self) -> Hits:
        """Show every main action when the search is empty."""
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(title, partial(callback), help=help_text)

    async def search(self, query: str) -> Hits:
        """Return the actions whose title matches the query."""
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(callback), help=help_text)
