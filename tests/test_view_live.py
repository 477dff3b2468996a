"""The session watcher: changes made here, and events another process appended to the file."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from varselspel.engine import MemoryJournal, Session, StartSession, WriteNote
from varselspel.store import create_session, open_session
from varselspel.view.live import SessionChange, SessionWatcher
from viewhelp import FakeClock, load, ok


def stored(tmp_path: Path) -> tuple[Session, Session]:
    """Return two sessions on one file, as two processes would hold it."""
    first = create_session(load(), ["Grupp 1"], seed=3, path=tmp_path / "s.varselspel")
    second = open_session(tmp_path / "s.varselspel")
    return first, second


def test_changed_tells_listeners_once_per_move() -> None:
    """A command recorded here is announced once, with the seqs before and after."""
    session = Session.create(load(), ["Grupp 1"], seed=1, clock=FakeClock())
    watcher = SessionWatcher(session)
    heard: list[SessionChange] = []
    watcher.subscribe(heard.append)
    assert watcher.changed() is None
    before = session.seq
    ok(session, WriteNote(text="en"))
    change = watcher.changed()
    assert change == SessionChange(seq=before + 1, previous=before, outside=False)
    assert heard == [change]
    assert watcher.changed() is None and watcher.poll() is None
    assert heard == [change]


def test_poll_folds_in_what_another_process_appended(tmp_path: Path) -> None:
    """Events the other handle wrote reach this session through `poll`, marked as outside."""
    here, there = stored(tmp_path)
    watcher = SessionWatcher(here)
    heard: list[SessionChange] = []
    watcher.subscribe(heard.append)
    ok(there, StartSession())
    ok(there, WriteNote(text="från andra processen"))
    change = watcher.poll()
    assert change is not None and change.outside and change.seq == there.seq
    assert heard == [change]
    assert here.state.notes[-1].text == "från andra processen"
    assert watcher.poll() is None
    here.close()
    there.close()


def test_unsubscribe_stops_the_notices() -> None:
    """A listener that unsubscribed hears nothing more."""
    session = Session.create(load(), ["Grupp 1"], seed=1, clock=FakeClock())
    watcher = SessionWatcher(session)
    heard: list[SessionChange] = []
    stop = watcher.subscribe(heard.append)
    stop()
    stop()
    ok(session, WriteNote(text="en"))
    assert watcher.changed() is not None and heard == []


def test_wait_beyond_returns_when_another_process_writes(tmp_path: Path) -> None:
    """An asyncio waiter (a web page's event stream) wakes up when the polling sees a change."""
    here, there = stored(tmp_path)
    watcher = SessionWatcher(here)
    start = here.seq

    async def scenario() -> int:
        poller = asyncio.create_task(watcher.run(interval=0.01))
        waiter = asyncio.create_task(watcher.wait_beyond(start))
        await asyncio.sleep(0)
        assert not waiter.done()
        ok(there, WriteNote(text="ny"))
        try:
            # A bound against hanging, not a wait for time to pass.
            return await asyncio.wait_for(waiter, timeout=30)
        finally:
            poller.cancel()

    assert asyncio.run(scenario()) == start + 1
    here.close()
    there.close()


def test_wait_beyond_returns_at_once_when_already_past() -> None:
    """A stream that reconnects with an old event id catches up without waiting."""
    session = Session.create(load(), ["Grupp 1"], seed=1, clock=FakeClock())
    watcher = SessionWatcher(session)
    assert asyncio.run(watcher.wait_beyond(0)) == session.seq


class BrokenJournal(MemoryJournal):
    """A journal whose reads fail, as a vanished or damaged file would."""

    def events_after(self, seq: int) -> list:  # type: ignore[override]
        raise OSError("borta")


def test_run_reports_errors_and_keeps_polling() -> None:
    """With `on_error`, a failing read is reported and polling goes on; without, it raises."""
    session = Session.create(load(), ["Grupp 1"], seed=1, clock=FakeClock())
    session.journal = BrokenJournal()
    watcher = SessionWatcher(session)
    errors: list[Exception] = []

    async def scenario() -> None:
        def report(error: Exception) -> None:
            errors.append(error)
            if len(errors) == 3:
                task.cancel()

        task = asyncio.create_task(watcher.run(interval=0, on_error=report))
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(scenario())
    assert [str(e) for e in errors] == ["borta"] * 3
    with pytest.raises(OSError):
        asyncio.run(watcher.run(interval=0))
