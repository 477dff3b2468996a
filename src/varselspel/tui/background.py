"""Reading files off the app's thread without ever keeping the app from quitting."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def in_daemon_thread(work: Callable[[], T], name: str = "varselspel-read") -> T:
    """Run `work` in a daemon thread and wait for its result without blocking the event loop.

    Textual's thread workers run in asyncio's default executor, which the event loop waits for
    when the app quits: a read that never returns (a named pipe, a network share that went
    away) would keep the process alive after the window closed. Awaited from an async worker,
    this wait is cancelled when the app quits, and the daemon thread is simply left behind.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: Callable[[], None]) -> None:
        if not future.done():
            outcome()

    def run() -> None:
        try:
            result = work()
        except BaseException as error:  # handed to the waiting coroutine, raised there
            failure = error
            with contextlib.suppress(RuntimeError):  # the loop closed: nobody waits any more
                loop.call_soon_threadsafe(settle, lambda: future.set_exception(failure))
            return
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, lambda: future.set_result(result))

    threading.Thread(target=run, name=name, daemon=True).start()
    return await future
