"""Reading files off the app's thread without ever keeping the app from quitting."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def in_background(
    app: Any, work: Callable[[], T], done: Callable[[T], None], name: str = "varselspel-read"
) -> None:
    """Run `work` in a daemon thread and hand its result to `done` on the app's thread.

    Textual's thread workers run in asyncio's default executor, which the event loop waits for
    when the app quits: a read that never returns (a named pipe, a network share that went
    away) would keep the process alive after the window closed. A daemon thread is left behind.
    """

    def run() -> None:
        try:
            result = work()
        except Exception as error:  # a reader's bug must not print a traceback over the screen
            with contextlib.suppress(RuntimeError):
                app.call_from_thread(
                    app.notify, f"{type(error).__name__}: {error}", severity="error"
                )
            return
        # The app may have quit while the files were read; then there is nobody to tell.
        with contextlib.suppress(RuntimeError):
            app.call_from_thread(done, result)

    threading.Thread(target=run, name=name, daemon=True).start()
