"""Loading one scenario or role-card file: read safely, validate with pydantic, map errors back."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from varselspel.diagnostics import Diagnostic, PositionMap, Severity
from varselspel.diagnostics import Path as YamlPath
from varselspel.i18n import tr
from varselspel.loader.strings import STRINGS
from varselspel.loader.yamlread import MAX_FILE_BYTES, decode, read_yaml

if TYPE_CHECKING:
    from pydantic import BaseModel

    from varselspel.model import RoleCard, Scenario


@dataclass(slots=True)
class LoadResult:
    """A scenario file after loading: the model when valid, and what was wrong otherwise."""

    file: str
    text: str = ""
    sha256: str = ""
    scenario: Scenario | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    positions: PositionMap = field(default_factory=PositionMap)


@dataclass(slots=True)
class RoleLoadResult:
    """A role-card file after loading."""

    file: str
    text: str = ""
    sha256: str = ""
    role: RoleCard | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    positions: PositionMap = field(default_factory=PositionMap)


@dataclass(slots=True)
class _Parsed:
    """What reading a text produced before validation against a model."""

    text: str
    sha256: str
    data: Any
    positions: PositionMap
    diagnostics: list[Diagnostic]


def _error(
    code: str,
    file: str,
    lang: str | None,
    at_line: int | None = None,
    at_column: int | None = None,
    **params: object,
) -> Diagnostic:
    """Build an error diagnostic from the catalog."""
    return Diagnostic(
        Severity.ERROR, code, tr(STRINGS, code, lang, **params), file, at_line, at_column
    )


def error_at(
    code: str, file: str, lang: str | None, positions: PositionMap, path: YamlPath, **params: object
) -> Diagnostic:
    """Build an error diagnostic from the catalog at the YAML node at `path` (or its ancestor)."""
    pos = positions.find(path)
    return Diagnostic(
        Severity.ERROR,
        code,
        tr(STRINGS, code, lang, **params),
        file,
        pos.line if pos else None,
        pos.column if pos else None,
        path,
    )


def _digest(text: str) -> str:
    """Return the SHA-256 hex digest of a text encoded as UTF-8."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def _os_reason(exc: OSError, lang: str | None) -> str:
    """Say why a file cannot be read, in the UI language for the common reasons."""
    import errno

    key = {
        errno.EACCES: "os.EACCES",
        errno.EPERM: "os.EACCES",
        errno.EISDIR: "os.EISDIR",
        errno.ENOENT: "os.ENOENT",
        errno.ENOTDIR: "os.ENOENT",
    }.get(exc.errno or 0)
    return tr(STRINGS, key, lang) if key else str(exc.strerror or exc)


def _irregular(mode: int, lang: str | None) -> str:
    """Say what a path is when it is not a regular file."""
    return tr(STRINGS, "os.EISDIR" if stat.S_ISDIR(mode) else "os.not_regular", lang)


def read_file_bytes(path: Path, lang: str | None = None) -> tuple[bytes | None, Diagnostic | None]:
    """Read a regular file's bytes within the size limit, or explain why it cannot be read.

    A named pipe, a device or a socket is refused without being read: opening a pipe for
    reading waits for a writer forever. The file is opened without blocking and checked again
    on the open descriptor, so a pipe swapped in after the first look cannot hang the reader.
    """
    file = str(path)
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            return None, _error("Y000", file, lang, reason=_irregular(mode, lang))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None, _error("Y000", file, lang, reason=_irregular(info.st_mode, lang))
            if info.st_size > MAX_FILE_BYTES:
                return None, _error("Y010", file, lang, size=info.st_size, limit=MAX_FILE_BYTES)
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, _error("Y000", file, lang, reason=_os_reason(exc, lang))
    if len(raw) > MAX_FILE_BYTES:
        return None, _error("Y010", file, lang, size=len(raw), limit=MAX_FILE_BYTES)
    return raw, None


def parse_text(
    text: str | bytes, file: str, lang: str | None = None, *, what: str = "scenario"
) -> _Parsed:
    """Decode and read YAML text into plain data and positions; `what` picks the top-level message."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            return _Parsed(
                "",
                "",
                None,
                PositionMap(),
                [_error("Y010", file, lang, size=len(text), limit=MAX_FILE_BYTES)],
            )
        decoded, problem = decode(text, file, lang)
        if problem is not None or decoded is None:
            return _Parsed("", "", None, PositionMap(), [problem] if problem else [])
        text = decoded
    else:
        if text.startswith("\ufeff"):
            text = text[1:]
        try:
            size = len(text.encode("utf-8"))
        except UnicodeEncodeError as exc:
            return _Parsed(
                text, _digest(text), None, PositionMap(), [_unencodable(text, exc, file, lang)]
            )
        if size > MAX_FILE_BYTES:
            return _Parsed(
                text,
                _digest(text),
                None,
                PositionMap(),
                [_error("Y010", file, lang, size=size, limit=MAX_FILE_BYTES)],
            )
    digest = _digest(text)
    if not text.strip():
        return _Parsed(text, digest, None, PositionMap(), [_error("Y002", file, lang)])
    read = read_yaml(text, file, lang)
    diagnostics = list(read.diagnostics)
    if not diagnostics:
        if read.empty:
            diagnostics.append(_error("Y002", file, lang))
        elif not isinstance(read.data, dict):
            found = tr(
                STRINGS, "found.list" if isinstance(read.data, list) else "found.scalar", lang
            )
            pos = read.positions.values.get(())
            diagnostics.append(
                _error(
                    "Y013" if what == "role" else "Y012",
                    file,
                    lang,
                    pos.line if pos else None,
                    pos.column if pos else None,
                    found=found,
                )
            )
    return _Parsed(
        text, digest, read.data if not diagnostics else None, read.positions, diagnostics
    )


def _unencodable(text: str, exc: UnicodeEncodeError, file: str, lang: str | None) -> Diagnostic:
    """Explain a text that holds characters UTF-8 cannot encode (lone surrogates)."""
    before = text[: exc.start]
    line = before.count("\n") + 1
    column = exc.start - (before.rfind("\n") + 1) + 1
    bad = f"U+{ord(text[exc.start]):04X}"
    return _error("Y001", file, lang, line, column, byte=bad, line=line, column=column)


def validate_data(
    model: type[BaseModel],
    data: Any,
    positions: PositionMap,
    file: str,
    lang: str | None,
    *,
    lenient: bool = False,
) -> tuple[Any, list[Diagnostic]]:
    """Validate plain data against `model` once, mapping every error to its node.

    `lenient` lets text stand for numbers and truth values (`"30"`, `yes`), as versions before
    strict types did; only copies of scenarios accepted back then (a saved session's) use it.
    """
    from pydantic import ValidationError

    from varselspel.loader.schema_errors import diagnostics_from_validation

    try:
        return model.model_validate(data, strict=False if lenient else None), []
    except ValidationError as exc:
        return None, diagnostics_from_validation(exc, model, positions, file, lang)


def _load_text(
    text: str | bytes, file: str, lang: str | None, what: str, lenient: bool = False
) -> tuple[_Parsed, Any]:
    """Read a text and validate it against the model `what` names; errors join the diagnostics."""
    parsed = parse_text(text, file, lang, what=what)
    value = None
    if parsed.data is not None:
        # The models (and pydantic) load only when there is something to validate.
        from varselspel.model import RoleCard, Scenario

        model = RoleCard if what == "role" else Scenario
        value, errors = validate_data(
            model, parsed.data, parsed.positions, file, lang, lenient=lenient
        )
        parsed.diagnostics.extend(errors)
    return parsed, value


_R = TypeVar("_R", LoadResult, RoleLoadResult)


def _load_file(
    path: str | os.PathLike[str],
    lang: str | None,
    empty: type[_R],
    load_text: Callable[..., _R],
) -> _R:
    """Read a file within the limits and load its bytes, or return an `empty` result saying why."""
    file = str(path)
    raw, problem = read_file_bytes(Path(path), lang)
    if raw is None:
        return empty(file, diagnostics=[problem] if problem else [])
    return load_text(raw, file, lang=lang)


def load_scenario_text(
    text: str | bytes, file: str = "<scenario>", *, lang: str | None = None, lenient: bool = False
) -> LoadResult:
    """Load a scenario from its YAML text (str or raw bytes); `lenient`: see `validate_data`."""
    parsed, scenario = _load_text(text, file, lang, "scenario", lenient)
    return LoadResult(
        file, parsed.text, parsed.sha256, scenario, parsed.diagnostics, parsed.positions
    )


def load_scenario_file(path: str | os.PathLike[str], *, lang: str | None = None) -> LoadResult:
    """Load a scenario file; problems come back as diagnostics, never as exceptions."""
    return _load_file(path, lang, LoadResult, load_scenario_text)


def load_role_text(
    text: str | bytes, file: str = "<role>", *, lang: str | None = None, lenient: bool = False
) -> RoleLoadResult:
    """Load one role card from its YAML text; `lenient`: see `validate_data`."""
    parsed, role = _load_text(text, file, lang, "role", lenient)
    return RoleLoadResult(
        file, parsed.text, parsed.sha256, role, parsed.diagnostics, parsed.positions
    )


def load_role_file(path: str | os.PathLike[str], *, lang: str | None = None) -> RoleLoadResult:
    """Load one role-card file."""
    return _load_file(path, lang, RoleLoadResult, load_role_text)


def looks_like_role(data: Any) -> bool:
    """True when plain data is a role card: a mapping with `organisation` and `mandate`, no `rounds`."""
    return (
        isinstance(data, dict)
        and "organisation" in data
        and "mandate" in data
        and "rounds" not in data
    )


def is_role_path(path: Path) -> bool:
    """True when the file sits in a folder named `roles` (at any depth)."""
    return any(part == "roles" for part in path.parent.parts)


def classify_file(path: Path, lang: str | None = None) -> str:
    """Return `role` or `scenario` for a YAML file, by folder first, then by content."""
    if is_role_path(path):
        return "role"
    raw, _problem = read_file_bytes(path, lang)
    if raw is None:
        return "scenario"
    # A cheap look at the top-level keys avoids a full parse of large scenarios.
    head = raw[:65536].decode("utf-8", errors="replace")
    top_keys = {
        line.split(":", 1)[0].strip()
        for line in head.splitlines()
        if line[:1].isalpha() and ":" in line
    }
    return "role" if looks_like_role(dict.fromkeys(top_keys)) else "scenario"
