"""The workshop app and the one factory that the command line and the tests use."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from varselspel.i18n import Lang, set_lang, tr
from varselspel.tui.bindings import localise_bindings
from varselspel.tui.changes import SessionChanged
from varselspel.tui.commands import ScreenActionsProvider
from varselspel.tui.strings import STRINGS
from varselspel.tui.text import safe
from varselspel.tui.themes import THEMES
from varselspel.view.live import POLL_INTERVAL, SessionChange, SessionWatcher

if TYPE_CHECKING:
    from varselspel.engine import Session


@dataclass
class AppConfig:
    """What the app was started with."""

    scenario_dirs: list[Path] = field(default_factory=list)
    """Extra folders of scenario files to list beside the bundled ones."""
    open_target: str | None = None
    """A scenario file, a bundled scenario's name or a session file to open directly."""
    session_path: Path | None = None
    """Where to keep a new session's file; the store's default folder when None."""
    store_dir: Path | None = None
    """Folder of saved sessions; the store's default when None."""
    clock: Callable[[], datetime] | None = None
    """The engine's clock; tests pass a fixed one so timers do not move."""
    live_timer: bool = True
    """Redraw the countdown every second; off in snapshot tests."""
    watch_interval: float = POLL_INTERVAL
    """Seconds between two looks at the session file for events other processes appended."""


class VarselApp(App[int]):
    """The varselspel workshop app: launcher, setup, projector view, group play and debrief."""

    CSS_PATH = "app.tcss"
    TITLE = "Varselspelet"
    COMMANDS = App.COMMANDS | {ScreenActionsProvider}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        # Priority, so F1 also answers inside dialogs (a modal screen hides the app's own keys).
        Binding("f1", "help", "key.help", key_display="F1", priority=True),
        Binding("question_mark", "help", "key.help", show=False, key_display="?"),
        Binding(
            "ctrl+p", "command_palette", "key.palette", show=False, key_display="^p", priority=True
        ),
        Binding("ctrl+q", "request_quit", "key.quit", key_display="^q", priority=True),
        Binding("ctrl+t", "toggle_theme", "key.theme", show=False, key_display="^t"),
    ]

    def __init__(self, config: AppConfig, lang: Lang, theme: str) -> None:
        super().__init__()
        self.config = config
        self.lang: Lang = lang
        self.session: Session | None = None
        self.watcher: SessionWatcher | None = None
        """Tells the screens when the session changed, here or in another process."""
        self._watch_error = ""
        self._group_screen: Any = None
        self.first_frame_shown = False
        """True once Textual has drawn the first frame (the launcher waits for it to read files)."""
        self.title = tr(STRINGS, "app.title")
        localise_bindings(self)
        for theme_obj in THEMES.values():
            self.register_theme(theme_obj)
        self.theme = THEMES.get(theme, THEMES["normal"]).name

    def get_default_screen(self) -> Screen[Any]:
        """Start on the launcher, which stays at the bottom of the screen stack."""
        from varselspel.tui.screens.launcher import LauncherScreen

        return LauncherScreen()

    def on_ready(self) -> None:
        """Fill the launcher's lists once the first frame is on screen, so start-up stays quick."""
        from varselspel.tui.screens.launcher import LauncherScreen

        self.first_frame_shown = True
        launcher = self.screen_stack[0] if self.screen_stack else None
        # A launcher mounted after this reads its lists itself; reading twice races two workers.
        if isinstance(launcher, LauncherScreen) and launcher.is_mounted:
            launcher.action_refresh()

    def on_mount(self) -> None:
        """Open what the command line asked for, if anything, and start watching the session."""
        if self.config.open_target:
            self.call_after_refresh(self.open_target, self.config.open_target)
        if self.config.watch_interval > 0:
            self.set_interval(self.config.watch_interval, self.poll_session)

    # --- opening things -------------------------------------------------------------------------

    def open_target(self, target: str) -> None:
        """Open a scenario (file or bundled name) in setup, or a saved session where it stopped."""
        from varselspel.tui import flow

        flow.open_target(self, target)

    def set_session(self, session: Session | None) -> None:
        """Make `session` the one the screens show, closing the previous one."""
        if self.session is not None and self.session is not session:
            with contextlib.suppress(Exception):
                self.session.close()
        self.session = session
        self.watcher = SessionWatcher(session) if session is not None else None
        if self.watcher is not None:
            self.watcher.subscribe(self._announce)
        if self._group_screen is not None and self._group_screen not in self.screen_stack:
            old = self._group_screen
            self._group_screen = None
            self.uninstall_screen(old)
            # An uninstalled screen stays mounted on the app; remove it, or the next seat's id clashes.
            if old.is_attached:
                old.remove()

    # --- noticing changes ------------------------------------------------------------------------

    def session_changed(self) -> None:
        """Tell the screens about a change made in this process (a command was just recorded)."""
        if self.watcher is not None:
            self.watcher.changed()

    def poll_session(self) -> None:
        """Fold in events another process appended to the session file and tell the screens."""
        from varselspel.store import StoreError

        if self.watcher is None:
            return
        try:
            self.watcher.poll()
        except StoreError as error:
            # Said once per distinct problem, not every second.
            if str(error) != self._watch_error:
                self._watch_error = str(error)
                self.notify(
                    tr(STRINGS, "error.store", error=str(error)),
                    severity="error",
                    markup=False,
                    timeout=15,
                )
            return
        self._watch_error = ""

    def _announce(self, change: SessionChange) -> None:
        """Post one `SessionChanged` to each screen in view; mark the hidden ones to redraw later.

        A hidden screen that handled the message would make Textual repaint the whole screen
        on top, so it is only told to redraw when it is shown again.
        """
        from varselspel.tui.screens.base import BaseScreen

        for screen in self.screen_stack:
            if isinstance(screen, BaseScreen) and not screen.in_view():
                screen.stale = True
            else:
                screen.post_message(SessionChanged(change))

    def group_screen(self, group_id: str) -> str:
        """Return the name of the installed group-play screen, showing `group_id`."""
        from varselspel.tui.screens.group import GroupScreen

        if self._group_screen is None:
            self._group_screen = GroupScreen(group_id)
            self.install_screen(self._group_screen, name="group-seat")
        else:
            self._group_screen.show_group(group_id)
        return "group-seat"

    # --- app-wide actions -----------------------------------------------------------------------

    def key_rows(self, screen: Screen[Any]) -> list[tuple[str, str]]:
        """Return every key of `screen` and of the app with what it does, for the help screen."""
        own = {
            key.strip()
            for b in type(screen).BINDINGS
            if isinstance(b, Binding)
            for key in b.key.split(",")
        }
        screen_bindings = [b for _key, b in screen._bindings]
        ordered = [
            *[b for b in screen_bindings if b.key in own],
            *[b for _key, b in self._bindings],
            *[b for b in screen_bindings if b.key not in own],
        ]
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        digits: dict[str, list[str]] = {}
        for binding in ordered:
            # super+c duplicates Ctrl+C and means nothing on most keyboards.
            if not binding.description or binding.key.startswith("super+"):
                continue
            if binding.key.isdigit():
                digits.setdefault(binding.description, []).append(binding.key)
                if len(digits[binding.description]) > 1:
                    continue
            row = (self.get_key_display(binding), binding.description)
            if f"{row[0]}\0{row[1]}" not in seen:
                seen.add(f"{row[0]}\0{row[1]}")
                rows.append(row)
        # Number keys that do the same thing share one row: `1–8`.
        merged: list[tuple[str, str]] = []
        for key, description in rows:
            keys = digits.get(description, [])
            if key.isdigit() and len(keys) > 1:
                key = f"{min(keys)}–{max(keys)}"
            merged.append((key, description))
        return merged

    def action_command_palette(self) -> None:
        """Show the command palette, with its prompt in the UI language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(
                    id="--command-palette", placeholder=tr(STRINGS, "palette.placeholder")
                )
            )

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        from varselspel.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            # F1 is a priority key, so the help screen's own F1 never sees it: close here.
            self.screen.dismiss(None)
            return
        self.push_screen(HelpScreen(self.key_rows(self.screen)))

    def action_toggle_theme(self) -> None:
        """Switch between the normal and the projector theme."""
        self.theme = (
            THEMES["normal"].name
            if self.theme == THEMES["projektor"].name
            else THEMES["projektor"].name
        )

    def action_request_quit(self) -> None:
        """Quit after a confirmation (the session is saved all along)."""
        from varselspel.tui.screens.confirm import ConfirmScreen

        def answer(yes: bool | None) -> None:
            if yes:
                self.set_session(None)
                self.exit(0)

        self.push_screen(ConfirmScreen(tr(STRINGS, "confirm.quit")), answer)

    def action_people(self) -> None:
        """Change participants and roles during a running workshop (latecomers, people leaving)."""
        from varselspel.tui.screens.setup import SetupScreen

        self.push_screen(SetupScreen(running=True))

    def action_screenshot_svg(self) -> None:
        """Save an SVG screenshot in the current folder and say where, as a full path."""
        path = str(Path(self.save_screenshot(path=str(Path.cwd()))).resolve())
        self.notify(tr(STRINGS, "cmd.screenshot_saved", path=path), markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Offer the app-wide commands in the UI language."""
        yield SystemCommand(tr(STRINGS, "cmd.help"), "F1", self.action_help)
        yield SystemCommand(
            tr(STRINGS, "cmd.theme_normal"),
            "",
            lambda: setattr(self, "theme", THEMES["normal"].name),
        )
        yield SystemCommand(
            tr(STRINGS, "cmd.theme_projektor"),
            "^t",
            lambda: setattr(self, "theme", THEMES["projektor"].name),
        )
        yield SystemCommand(tr(STRINGS, "cmd.screenshot"), "", self.action_screenshot_svg)
        if self.session is not None and type(screen).__name__ == "ProjectorScreen":
            yield SystemCommand(tr(STRINGS, "cmd.people"), "", self.action_people)
        if hasattr(screen, "action_launcher"):
            yield SystemCommand(tr(STRINGS, "cmd.launcher"), "Esc", screen.action_launcher)
        yield SystemCommand(tr(STRINGS, "cmd.quit"), "^q", self.action_request_quit)

    def validate_title(self, title: Any) -> str:
        """Keep control codes out of the title the header shows."""
        return safe(title)

    def validate_sub_title(self, sub_title: Any) -> str:
        """Keep control codes out of the sub-title the header shows."""
        return safe(sub_title)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a toast; its words may name scenario or session text, so never as markup or raw."""
        super().notify(
            safe(message), title=safe(title), severity=severity, timeout=timeout, markup=False
        )


def create_app(
    *,
    scenario_dirs: Sequence[Path | str] = (),
    lang: str | None = None,
    theme: str = "normal",
    open_target: str | None = None,
    session_path: Path | str | None = None,
    store_dir: Path | str | None = None,
    clock: Callable[[], datetime] | None = None,
    live_timer: bool = True,
    watch_interval: float = POLL_INTERVAL,
) -> VarselApp:
    """Build the app; the command line and the tests both start it through here."""
    chosen: Lang = set_lang(lang)
    config = AppConfig(
        scenario_dirs=[Path(d) for d in scenario_dirs],
        open_target=open_target,
        session_path=Path(session_path) if session_path else None,
        store_dir=Path(store_dir) if store_dir else None,
        clock=clock,
        live_timer=live_timer,
        watch_interval=watch_interval,
    )
    return VarselApp(config, chosen, theme)
