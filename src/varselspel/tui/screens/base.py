"""Base classes for screens: localised bindings and engine command helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen, Screen

from varselspel.i18n import tr
from varselspel.tui.bindings import localise_bindings
from varselspel.tui.changes import SessionChanged
from varselspel.tui.commands import PaletteEntry
from varselspel.tui.strings import STRINGS
from varselspel.tui.text import safe

if TYPE_CHECKING:
    from varselspel.tui.app import VarselApp


def t(key: str, **params: object) -> str:
    """Translate a message key of the app's catalog, making scenario or session text safe."""
    return safe(tr(STRINGS, key, **params))


class SafeTitles:
    """A screen whose title and sub-title, shown in the header, never carry a control code."""

    def validate_title(self, title: Any) -> str | None:
        """Make the title terminal-safe."""
        return None if title is None else safe(title)

    def validate_sub_title(self, sub_title: Any) -> str | None:
        """Make the sub-title terminal-safe."""
        return None if sub_title is None else safe(sub_title)


class BaseScreen(SafeTitles, Screen[Any]):
    """A full screen whose binding descriptions are message keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localise_bindings(self)
        self.stale = False
        """True when the session changed while this screen was hidden; it redraws when shown."""

    @property
    def vapp(self) -> VarselApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]

    def refresh_view(self) -> None:
        """Redraw what this screen shows of the session; screens that show one override this."""

    def on_session_changed(self, message: SessionChanged) -> None:
        """Follow the session: switch screens if its phase moved on, else redraw when visible."""
        if not self.is_attached or self not in self.app.screen_stack:
            return
        if not self.in_view():
            self.stale = True
        elif not self.follow_phase():
            self.stale = False
            self.refresh_view()

    def in_view(self) -> bool:
        """True when the screen is on top, or only dialogs (which show it behind them) are above."""
        stack = self.app.screen_stack
        return self in stack and all(s.is_modal for s in stack[stack.index(self) + 1 :])

    def on_screen_resume(self) -> None:
        """Redraw a screen shown again after the session changed beneath it (or move on)."""
        if self.stale:
            self.stale = False
            if not self.follow_phase():
                self.refresh_view()

    def palette_commands(self) -> list[PaletteEntry]:
        """Return the main actions of this screen for the command palette."""
        entries: list[PaletteEntry] = []
        for _key, binding in self._bindings:
            if binding.show and binding.description:
                action = binding.action
                entries.append(
                    (binding.description, binding.key_display or binding.key, self._runner(action))
                )
        return entries

    def action_launcher(self) -> None:
        """Go back to the launcher; the session is saved all along and can be resumed there."""
        from varselspel.tui.screens.launcher import LauncherScreen

        while len(self.app.screen_stack) > 1 and not isinstance(self.app.screen, LauncherScreen):
            self.app.pop_screen()
        self.vapp.set_session(None)

    PHASES: frozenset[str] = frozenset()
    """The session phases this screen shows; empty for screens outside a session."""

    def follow_phase(self) -> bool:
        """Switch to the screen for the session's phase if this one no longer fits (after an undo)."""
        session = self.vapp.session
        if session is None or not self.PHASES or session.state.phase.value in self.PHASES:
            return False
        from varselspel.tui import flow

        flow.show_phase(self.vapp)
        return True

    def _runner(self, action: str) -> Any:
        """Return a callback that runs `action` on this screen."""

        def run() -> None:
            self.call_later(self.run_action, action)

        return run


class BaseModal(SafeTitles, ModalScreen[Any]):
    """A modal screen whose binding descriptions are message keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localise_bindings(self)

    @property
    def vapp(self) -> VarselApp:
        """The app, typed."""
        return self.app  # type: ignore[return-value]
