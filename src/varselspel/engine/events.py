"""Events: one accepted command with its seq, time, actor and the facts it recorded."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter

from varselspel.engine.commands import Command
from varselspel.engine.facts import Fact

EVENT_VERSION: Literal[2] = 2
"""The schema version of the events this release writes (the `v` of every payload)."""


class Event(BaseModel):
    """One accepted command and what it did, as stored; the state is a fold of the facts."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    v: Literal[2]
    """Schema version of this event (`EVENT_VERSION`); a payload without it is schema 1."""
    seq: int
    """Position in the session's log, 1, 2, 3 ... without gaps."""
    at: datetime
    """When it was accepted (UTC); the timer reads time only from here."""
    actor: str
    """`facilitator` or the id of the group that sent it."""
    command: Command
    """The command, with engine-assigned ids filled in: the audit trail, never re-decided."""
    facts: tuple[Fact, ...]
    """What the command did; folding these alone gives the state."""

    def compact_json(self) -> str:
        """Return the event as JSON without the values left at their defaults, as stored.

        Reads back into an equal event; every command and fact keeps its `type`.
        """
        data = self.model_dump(mode="json", exclude_defaults=True)
        data["command"]["type"] = self.command.type
        for fact, out in zip(self.facts, data["facts"], strict=True):
            out["type"] = fact.type
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class LegacyEvent(BaseModel):
    """An event of schema version 1 (varselspel 0.1.0): the command only, no facts."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    seq: int
    """Position in the log."""
    at: datetime
    """When it was accepted (UTC)."""
    actor: str
    """`facilitator` or a group id."""
    command: Command
    """The command, with engine-assigned ids filled in."""


StoredEvent = Event | LegacyEvent
"""An event as a log holds it: current, or of an older schema still to be upcast."""

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
"""Validates an event from a dict or JSON."""
