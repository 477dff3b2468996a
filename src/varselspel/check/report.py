"""Turning findings into diagnostics with file:line:column positions."""

from __future__ import annotations

from dataclasses import dataclass, field

from varselspel.check.strings import message
from varselspel.diagnostics import Diagnostic, Path, PositionMap, Severity
from varselspel.expr import ExprProblem


@dataclass(slots=True)
class Reporter:
    """Collects diagnostics for one file."""

    positions: PositionMap
    file: str
    lang: str | None = None
    text: str | None = None
    """The file's text; when given, expression offsets are verified against it."""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _lines: list[str] | None = None

    def add(self, severity: Severity, code: str, path: Path, **params: object) -> None:
        """Record a diagnostic at the node at `path` (or its nearest ancestor with a position)."""
        pos = self.positions.find(path)
        self.diagnostics.append(
            Diagnostic(
                severity,
                code,
                message(code, self.lang, params),
                self.file,
                pos.line if pos else None,
                pos.column if pos else None,
                path,
            )
        )

    def error(self, code: str, path: Path, **params: object) -> None:
        """Record an error."""
        self.add(Severity.ERROR, code, path, **params)

    def warning(self, code: str, path: Path, **params: object) -> None:
        """Record a warning."""
        self.add(Severity.WARNING, code, path, **params)

    def at_offset(
        self,
        severity: Severity,
        code: str,
        path: Path,
        source: str,
        offset: int,
        **params: object,
    ) -> None:
        """Record a diagnostic at a character offset inside the expression string at `path`."""
        self._at_offset(severity, code, message(code, self.lang, params), path, source, offset)

    def expr_problem(self, problem: ExprProblem) -> None:
        """Record an expression problem at the column of the offending character."""
        self._at_offset(
            Severity.ERROR,
            problem.code,
            problem.message(self.lang),
            problem.path,
            problem.source,
            problem.offset,
        )

    def _at_offset(
        self, severity: Severity, code: str, text: str, path: Path, source: str, offset: int
    ) -> None:
        """Record a message at `offset` in `source`, when it stands literally in the file."""
        pos = self.positions.find(path)
        line = pos.line if pos else None
        column = pos.column if pos else None
        if pos is not None and self._same_line(pos.line, pos.column, source, offset):
            column = pos.column + offset
        self.diagnostics.append(Diagnostic(severity, code, text, self.file, line, column, path))

    def _same_line(self, line: int, column: int, source: str, offset: int) -> bool:
        """True when the expression text up to `offset` stands literally at line:column."""
        prefix = source[: offset + 1]
        if "\n" in prefix:
            return False
        if self.text is None:
            # Without the text, trust that single-line plain or quoted scalars are the norm.
            return True
        if self._lines is None:
            self._lines = self.text.splitlines()
        if not 0 < line <= len(self._lines):
            return False
        start = column - 1
        return self._lines[line - 1][start : start + len(prefix)] == prefix

    def sorted(self) -> list[Diagnostic]:
        """Return the diagnostics ordered by position, then code."""
        return sorted(
            self.diagnostics,
            key=lambda d: (d.line or 0, d.column or 0, d.code),
        )
