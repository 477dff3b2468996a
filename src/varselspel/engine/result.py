"""The answer to a command: accepted with its event, or refused with a localised reason."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from varselspel.engine.events import Event


class CommandResult(BaseModel):
    """Whether a command was accepted; a refused command changed nothing."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    ok: bool
    """True when the command was accepted and recorded."""
    code: str = "ok"
    """Stable code: `ok`, or why it was refused (e.g. `round_not_open`)."""
    reason: str = ""
    """The reason in the UI language; empty when accepted."""
    params: dict[str, Any] = Field(default_factory=dict)
    """Values filled into the reason, for callers that re-localise it."""
    event: Event | None = None
    """The recorded event when accepted."""
    notices: list[str] = Field(default_factory=list)
    """Localised remarks on an accepted command, e.g. `outside mandate: anchor with KSO`."""

    def __bool__(self) -> bool:
        """Truthy when accepted."""
        return self.ok
