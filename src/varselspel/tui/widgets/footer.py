"""A footer that rebuilds its keys only when the keys shown actually change."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer, minus the rebuild after every key press when nothing changed."""

    _signature: tuple[Any, ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Recompose only when the shown keys, their texts or their enabled state changed."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        signature = tuple(
            (key, active.binding.action, active.binding.description, active.enabled)
            for key, active in screen.active_bindings.items()
            if active.binding.show
        )
        if signature != self._signature:
            self._signature = signature
            self.call_after_refresh(self.recompose)
