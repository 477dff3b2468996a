"""The answer to a command: accepted with its event, or refused with a code and parameters."""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, Field

from varselspel.engine.events import Event

Param = str | int | float | list[str] | None
"""A message parameter: an id, a number, a list of ids, or a code (such as a phase)."""


class Message(BaseModel):
    """Something the engine says, as a stable code and its parameters; never a sentence.

    `varselspel.messages.describe(message, lang)` turns it into words in a language.
    """

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    code: str
    """Stable code, e.g. `round_not_open` or `choice_withdrawn`."""
    params: dict[str, Param] = Field(default_factory=dict)
    """Values the words are made of: ids, numbers and codes."""


class CommandResult(BaseModel):
    """Whether a command was accepted; a refused command changed nothing."""

    model_config = ConfigDict(frozen=True, use_attribute_docstrings=True)

    ok: bool
    """True when the command was accepted and recorded."""
    code: str = "ok"
    """Stable code: `ok`, or why it was refused (e.g. `round_not_open`)."""
    params: dict[str, Param] = Field(default_factory=dict)
    """The refusal's parameters: ids, numbers and codes."""
    event: Event | None = None
    """The recorded event when accepted."""
    notices: list[Message] = Field(default_factory=list)
    """Remarks on an accepted command, e.g. `outside_mandate_anchor` with the owners."""

    def __bool__(self) -> bool:
        """Truthy when accepted."""
        return self.ok

    @property
    def message(self) -> Message:
        """The refusal (or `ok`) as a message to translate."""
        return Message(code=self.code, params=self.params)

    @property
    def reason(self) -> str:
        """The code and parameters in one line, for logs and test output (not for people)."""
        if not self.params:
            return self.code
        return f"{self.code} {json.dumps(self.params, ensure_ascii=False, sort_keys=True)}"
