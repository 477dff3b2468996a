"""Moving between screens: opening scenarios and sessions and showing the screen for a phase."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from varselspel.diagnostics import Severity
from varselspel.i18n import tr
from varselspel.tui.catalog import find_scenario
from varselspel.tui.strings import STRINGS

if TYPE_CHECKING:
    from varselspel.engine import Session
    from varselspel.tui.app import VarselApp


@dataclass(frozen=True)
class SessionEntry:
    """A saved session as the launcher lists it."""

    path: Path
    """The session's file."""
    title: str
    """The session's title."""
    status: str
    """Where the session stopped, in words."""
    updated: str
    """When it last changed."""


def list_sessions(app: VarselApp) -> list[SessionEntry]:
    """Return the saved sessions, newest first; an unreadable store gives an empty list."""
    try:
        from varselspel import store
    except ImportError:
        return []
    lister = getattr(store, "list_sessions", None)
    if lister is None:
        return []
    try:
        found = lister(app.config.store_dir)
    except Exception:
        return []
    entries: list[SessionEntry] = []
    for item in found:
        path = Path(getattr(item, "path", ""))
        title = str(getattr(item, "title", path.stem))
        phase = str(getattr(item, "phase", "") or "")
        updated = (
            getattr(item, "updated_at", None)
            or getattr(item, "last_change", None)
            or getattr(item, "created_at", None)
        )
        updated_text = updated.strftime("%Y-%m-%d %H:%M") if updated is not None else ""
        status = tr(STRINGS, f"phase.{phase}") if phase else ""
        if getattr(item, "error", ""):
            status = str(item.error)
        entries.append(SessionEntry(path=path, title=title, status=status, updated=updated_text))
    return entries


def _error(app: VarselApp, key: str, error: object) -> None:
    """Show an error message in a notification, literally."""
    app.notify(tr(STRINGS, key, error=str(error)), severity="error", markup=False, timeout=10)


def new_session(app: VarselApp, path: Path) -> None:
    """Load a scenario and open the setup of a new session with two groups."""
    from varselspel.loader import load_bundle

    try:
        result = load_bundle(path)
    except Exception as exc:
        _error(app, "launcher.broken_open", exc)
        return
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if result.bundle is None or errors:
        first = errors[0] if errors else None
        _error(
            app, "launcher.broken_open", f"{first.location()}: {first.message}" if first else path
        )
        return
    groups = [tr(STRINGS, "setup.default_group", n=n) for n in (1, 2)]
    try:
        session = _create(app, result.bundle, groups)
    except Exception as exc:
        _error(app, "launcher.session_failed", exc)
        return
    app.set_session(session)
    show_phase(app)


def _create(app: VarselApp, bundle: Any, groups: list[str]) -> Session:
    """Create a session kept by the store, or in memory when no store is available."""
    from varselspel.engine import Session

    try:
        from varselspel.store import create_session
    except ImportError:
        return Session.create(bundle, groups=groups, clock=app.config.clock)
    return create_session(
        bundle,
        groups,
        folder=app.config.store_dir,
        path=app.config.session_path,
        clock=app.config.clock,
    )


def resume_session(app: VarselApp, path: Path) -> None:
    """Reopen a saved session exactly where it stopped."""
    try:
        from varselspel.store import open_session

        session: Session = open_session(path, clock=app.config.clock)
    except Exception as exc:
        _error(app, "launcher.session_failed", exc)
        return
    app.set_session(session)
    show_phase(app)
    from varselspel.view.status import timer_view

    timer = timer_view(session)
    if timer is not None and not timer.paused:
        # The countdown is wall-clock time; say so rather than let a resumed room be surprised.
        from varselspel.tui.view import clock_text

        app.notify(
            tr(STRINGS, "proj.clock_ran", clock=clock_text(timer.remaining)),
            markup=False,
            timeout=10,
        )


def open_target(app: VarselApp, target: str) -> None:
    """Open a scenario by path or name in setup, or a session file where it stopped."""
    candidate = Path(target)
    if candidate.suffix in {".sqlite", ".db", ".varselspel"} and candidate.is_file():
        resume_session(app, candidate)
        return
    found = find_scenario(target, app.config.scenario_dirs)
    if found is None:
        _error(app, "launcher.broken_open", target)
        return
    new_session(app, found)


def show_phase(app: VarselApp) -> None:
    """Show the screen that fits where the session is: setup, projector view or debrief.

    Nothing happens when that screen is already on top, so following a change twice is harmless.
    """
    from varselspel.engine.state import Phase
    from varselspel.tui.screens.launcher import LauncherScreen

    session = app.session
    if session is None:
        return
    phase = session.state.phase
    screen_class: Any
    if phase is Phase.SETUP:
        from varselspel.tui.screens.setup import SetupScreen as screen_class
    elif phase in (Phase.READY, Phase.ROUND):
        from varselspel.tui.screens.projector import ProjectorScreen as screen_class
    else:
        from varselspel.tui.screens.debrief import DebriefScreen as screen_class
    if type(app.screen) is screen_class and phase.value in app.screen.PHASES:
        return
    # Keep the launcher at the bottom of the stack and one session screen above it.
    while len(app.screen_stack) > 1 and not isinstance(app.screen, LauncherScreen):
        app.pop_screen()
    app.push_screen(screen_class())
