"""Shared building blocks of the scenario and role models."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

Identifier = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_\-]*$",
        max_length=64,
        description="Lower-case id: a letter, then letters a-z, digits, '_' or '-'.",
    ),
]
"""An id that scenario text, expressions and the engine use to refer to a thing."""

NameId = Annotated[
    str,
    Field(
        pattern=r"^[a-z][a-z0-9_]*$",
        max_length=64,
        description="Lower-case name usable in expressions: a letter, then a-z, digits or '_'.",
    ),
]
"""An id of an indicator or flag, which expressions use as a bare name."""


def _whole(value: Any) -> Any:
    """Take `30.0` as the whole number 30, as JSON Schema's `integer` does; leave all else."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole)]
"""A whole number; `30.0` counts (JSON Schema agrees), `"30"` and `true` do not."""


class StrictModel(BaseModel):
    """Base model that forbids unknown keys; its field docstrings describe the JSON Schema."""

    # `strict`: a value must already have its field's type, as the JSON Schema editors use says:
    # `yes`, `"no"` or `"30"` are text, never a truth value or a number (an int is still a fine
    # float). Enum fields opt out, since YAML gives them as text.
    # Field docstrings are not extracted at import: that costs about 50 ms of every start-up
    # (`varselspel validate` must finish in 0.3 s). `varselspel schema` reads them instead.
    # `defer_build`: a validator is built on first use, so `Scenario` builds its whole tree once
    # instead of every nested model building its own at import (about 10 ms of each start-up).
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=True,
        use_attribute_docstrings=False,
        str_strip_whitespace=False,
        defer_build=True,
    )


def empty_list() -> list[Any]:
    """Return a new empty list: the default of every list field.

    A Python function rather than the builtin `list`, because pydantic inspects each default
    factory's signature and a builtin's is parsed from text (about 4 ms of every start-up).
    """
    return []


class Level(StrEnum):
    """The level of society an action belongs to."""

    LOKAL = "lokal"
    REGIONAL = "regional"
    NATIONELL = "nationell"
