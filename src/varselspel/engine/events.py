"""Events: one accepted command with its sequence number, time and actor."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, TypeAdapter

from varselspel.engine.commands import Command


class Event(BaseModel):
    """One accepted command, as stored; the session state is a fold over these."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    seq: int
    """Position in the session's log, 1, 2, 3 ... without gaps."""
    at: datetime
    """When it was accepted (UTC); the timer reads time only from here."""
    actor: str
    """`facilitator` or the id of the group that sent it."""
    command: Command
    """The command, with engine-assigned ids filled in."""


EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
"""Validates an event from a dict or JSON."""
