"""Noticing that a session changed, through this process or another, and telling who listens.

A session file may be written by several processes (the facilitator's app, a web server for the
groups' devices, a second terminal). Every change is an appended event, so the session's seq is
the one thing to watch: `poll` folds in what the journal gained since the last look (an indexed
query that returns nothing when nothing changed) and tells the listeners when the seq moved.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from varselspel.engine import Session

POLL_INTERVAL = 1.0
"""Seconds between two looks at the session file: a change shows within about a second."""


@dataclass(frozen=True, slots=True)
class SessionChange:
    """The session moved from one seq to a later one."""

    seq: int
    """The session's seq after the change."""
    previous: int
    """The seq the listeners saw before."""
    outside: bool
    """True when events came from the journal (another process or another session object)."""


Listener = Callable[[SessionChange], None]
"""Called once for every change noticed."""


class SessionWatcher:
    """Tells listeners when a session gained events; not thread-safe, use it on one loop."""

    def __init__(self, session: Session) -> None:
        """Watch `session`, taking its current seq as seen."""
        self.session = session
        self.seen = session.seq
        """The seq the listeners were last told about."""
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` on every change from now on; return a function that stops that."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def changed(self) -> SessionChange | None:
        """Tell the listeners if the session moved since they last heard (call after a command)."""
        return self._announce(outside=False)

    def poll(self) -> SessionChange | None:
        """Fold in events other processes appended, then tell the listeners if the session moved."""
        pulled = self.session.refresh()
        return self._announce(outside=pulled > 0)

    def _announce(self, *, outside: bool) -> SessionChange | None:
        """Tell every listener about the move from the seen seq to the current one, if any."""
        seq = self.session.seq
        if seq == self.seen:
            return None
        change = SessionChange(seq=seq, previous=self.seen, outside=outside)
        self.seen = seq
        for listener in list(self._listeners):
            listener(change)
        return change

    async def run(
        self,
        interval: float = POLL_INTERVAL,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Poll every `interval` seconds until cancelled; report errors to `on_error` if given."""
        while True:
            try:
                self.poll()
            except Exception as error:
                if on_error is None:
                    raise
                on_error(error)
            await asyncio.sleep(interval)

    async def wait_beyond(self, seq: int) -> int:
        """Wait until the session's seq is above `seq` and return it (a stream's next event id).

        Something must poll meanwhile (`run`, or the app's timer) for outside changes to arrive.
        """
        arrived = asyncio.Event()
        unsubscribe = self.subscribe(lambda _change: arrived.set())
        try:
            while self.session.seq <= seq:
                arrived.clear()
                await arrived.wait()
        finally:
            unsubscribe()
        return self.session.seq
