"""Fixtures for the app tests: a fixed clock, no animations, no blinking cursor, a private store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
"""Scenario files used only by the app tests."""

MINI = str(DATA / "mini.yaml")
"""The small two-group scenario most app tests open."""

FIXED_NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
"""The engine's clock in every app test, so timers and titles never move."""


@pytest.fixture(autouse=True)
def _quiet_textual(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Switch off animations and the blinking cursor so every frame is reproducible."""
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    from textual.widgets import Input

    # The reactive's default decides every new Input's blinking; tests want a steady cursor.
    monkeypatch.setattr(Input.__dict__["cursor_blink"], "_default", False)
    yield


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., Any]:
    """Return a factory building the app as the command line does, with test settings."""

    def build(**kwargs: Any) -> Any:
        from varselspel.tui.app import create_app

        kwargs.setdefault("store_dir", tmp_path / "sessions")
        kwargs.setdefault("clock", lambda: FIXED_NOW)
        kwargs.setdefault("live_timer", False)
        app = create_app(**kwargs)
        app.animation_level = "none"
        # Toasts expire after a few seconds; a test on a busy machine reads them later than that.
        # They are recorded as Textual receives them, after the app made their text safe.
        shown: list[str] = []
        add = app._notifications.add

        def record(notification: Any) -> Any:
            shown.append(str(notification.message))
            if notification.title:
                shown.append(str(notification.title))
            return add(notification)

        app._notifications.add = record
        app.toasts_shown = shown
        return app

    return build
