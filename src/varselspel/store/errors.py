"""The store's one error type: a stable code and a localised message."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import Any

from varselspel.i18n import tr
from varselspel.store.strings import STRINGS


class StoreError(Exception):
    """A session file could not be read or written; `str()` is the localised message."""

    def __init__(self, code: str, path: Path | str, **params: Any) -> None:
        """Keep the code, the file and the message parameters."""
        self.code = code
        self.path = Path(path)
        self.params = {"path": str(path), **params}
        super().__init__(self.message())

    def message(self, lang: str | None = None) -> str:
        """Return the message in `lang` (default: the UI language)."""
        return tr(STRINGS, f"store.{self.code}", lang, **self.params)

    def __str__(self) -> str:
        """The message in the current UI language."""
        return self.message()


def classify(error: BaseException, path: Path | str) -> StoreError:
    """Turn an sqlite3 or OS error into a StoreError with a code a user understands."""
    if isinstance(error, StoreError):
        return error
    text = str(error)
    lowered = text.lower()
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(error, OSError):
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return StoreError("read_only", path)
        if error.errno == errno.ENOSPC:
            return StoreError("disk_full", path)
        return StoreError("cannot_open", path, detail=text)
    if (
        code == sqlite3.SQLITE_FULL
        or "disk is full" in lowered
        or "database or disk is full" in lowered
    ):
        return StoreError("disk_full", path)
    if code == sqlite3.SQLITE_READONLY or "readonly" in lowered or "read-only" in lowered:
        return StoreError("read_only", path)
    if code == sqlite3.SQLITE_BUSY or "database is locked" in lowered:
        return StoreError("busy", path)
    if (
        code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
        or "not a database" in lowered
        or "malformed" in lowered
    ):
        return StoreError("corrupt", path, detail=text)
    if code == sqlite3.SQLITE_CANTOPEN or "unable to open" in lowered:
        folder = Path(path).parent
        if folder.exists() and not _writable(folder):
            return StoreError("read_only", path)
        return StoreError("cannot_open", path, detail=text)
    if code == sqlite3.SQLITE_IOERR or "disk i/o" in lowered:
        return StoreError("failed", path, detail=text)
    return StoreError("failed", path, detail=text)


def _writable(folder: Path) -> bool:
    """Return True when files can be created in `folder`."""
    import os

    return os.access(folder, os.W_OK)
