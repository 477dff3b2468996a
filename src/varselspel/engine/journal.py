"""What the engine needs from a place that keeps events: the store implements it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from varselspel.engine.events import Event, StoredEvent
from varselspel.model import RoleCard, Scenario


class SessionInfo(BaseModel):
    """Facts about a session that never change after it is created."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    id: str
    """Session id (32 hex digits)."""
    title: str
    """Title shown in the session list, e.g. the scenario title and a date."""
    scenario_id: str
    """Id of the scenario played."""
    scenario_title: str
    """Title of the scenario played."""
    seed: int
    """Seed of all randomness (`chans`), so the session replays exactly."""
    created_at: datetime
    """When the session was created (UTC)."""
    sha256: str = ""
    """sha256 of the scenario text the session was created from."""


@runtime_checkable
class BundleLike(Protocol):
    """What a session needs of a loaded scenario bundle (`varselspel.loader.ScenarioBundle`)."""

    @property
    def scenario(self) -> Scenario:
        """The scenario."""

    @property
    def roles(self) -> Mapping[str, RoleCard]:
        """The role cards the scenario uses, by id."""

    @property
    def compiled(self) -> Any:
        """The compiled expressions (`varselspel.expr.CompiledScenario`)."""

    @property
    def scenario_text(self) -> str:
        """The scenario YAML text."""

    @property
    def role_texts(self) -> Mapping[str, str]:
        """Role YAML texts by role id."""

    @property
    def sha256(self) -> str:
        """sha256 of the scenario text."""


class Journal(Protocol):
    """An append-only event log that several processes may share."""

    def initialize(self, info: SessionInfo, bundle: BundleLike) -> None:
        """Record the session's facts and a copy of its scenario and role texts."""

    def write_lock(self) -> AbstractContextManager[None]:
        """Hold the exclusive right to append until the block ends (then commit durably)."""

    def events_after(self, seq: int) -> Sequence[StoredEvent]:
        """Return the events with a seq above `seq`, in order (including other processes').

        An event of an older schema comes back as it was stored; the session upcasts it.
        """

    def append(self, event: Event) -> None:
        """Append one event; only inside `write_lock`."""

    def saved_state(self) -> tuple[int, str] | None:
        """Return (seq, state JSON) saved at a clean close, when it still fits the log, else None."""

    def save_state(self, seq: int, state_json: str) -> None:
        """Keep the state after event `seq`, so the next open need not fold every event again."""

    def close(self) -> None:
        """Release the log."""


class MemoryJournal:
    """A journal that keeps events in memory only (tests, simulation)."""

    def __init__(self) -> None:
        """Start empty."""
        self.events: list[Event] = []
        self.info: SessionInfo | None = None

    def initialize(self, info: SessionInfo, bundle: BundleLike) -> None:
        """Remember the session's facts."""
        self.info = info

    def write_lock(self) -> AbstractContextManager[None]:
        """No lock is needed within one process."""
        return nullcontext()

    def events_after(self, seq: int) -> Sequence[Event]:
        """Return the events after `seq`."""
        return self.events[seq:] if seq < len(self.events) else []

    def append(self, event: Event) -> None:
        """Keep the event."""
        self.events.append(event)

    def saved_state(self) -> tuple[int, str] | None:
        """Memory keeps no saved state."""
        return None

    def save_state(self, seq: int, state_json: str) -> None:
        """Nothing to keep: the events are in memory anyway."""

    def close(self) -> None:
        """Nothing to release."""
