"""Diagnostics: errors and warnings about an authored file, each with a code and a position."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

PathPart = str | int
"""One step into a YAML document: a mapping key or a list index."""

Path = tuple[PathPart, ...]
"""A path into a YAML document, as pydantic reports locations (e.g. `("rounds", 0, "title")`)."""


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(slots=True)
class PositionMap:
    """Positions of the YAML nodes of one file, by their path."""

    values: dict[Path, Position] = field(default_factory=dict)
    """Where the value at each path starts."""
    keys: dict[Path, Position] = field(default_factory=dict)
    """Where the key of each mapping entry starts (for unknown or duplicate keys)."""

    def find(self, path: Sequence[PathPart], *, key: bool = False) -> Position | None:
        """Return the position at `path`, or at its nearest ancestor that has one."""
        probe: Path = tuple(path)
        table: Mapping[Path, Position] = self.keys if key else self.values
        while True:
            found = table.get(probe) or self.values.get(probe)
            if found is not None:
                return found
            if not probe:
                return None
            probe = probe[:-1]


class Severity(StrEnum):
    """How bad a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in a file, with a stable code and a message in the UI language."""

    severity: Severity
    code: str
    message: str
    file: str
    line: int | None = None
    column: int | None = None
    path: Path = ()

    def location(self) -> str:
        """Return `file:line:column`, leaving out what is unknown."""
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self, severity_label: str | None = None) -> str:
        """Return a one-line human form: `file:line:col: error CODE: message`."""
        label = severity_label or self.severity.value
        return f"{self.location()}: {label} {self.code}: {self.message}"

    def to_json(self) -> dict[str, object]:
        """Return a JSON-ready dict with stable field names."""
        return {
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": list(self.path),
        }


def has_errors(diagnostics: Sequence[Diagnostic]) -> bool:
    """Return True when any diagnostic is an error."""
    return any(d.severity is Severity.ERROR for d in diagnostics)
