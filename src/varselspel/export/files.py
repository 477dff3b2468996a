"""Safe file names and atomic, never-silently-overwriting writes."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import pathvalidate

from varselspel.export.errors import ExportError
from varselspel.export.strings import STRINGS
from varselspel.i18n import tr

MAX_STEM_BYTES = 100
"""Longest file-name stem in UTF-8 bytes; leaves room for suffixes under the common 255 limit."""

# Forbidden on Windows (and ':' on macOS), path separators, controls, and characters that make
# names awkward in a shell; each run becomes one '-'.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\s]+')
_DASHES = re.compile(r"-{2,}")
_RESERVED = re.compile(
    r"^(CON|PRN|AUX|NUL|CLOCK\$|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])$", re.IGNORECASE
)


def _invisible(char: str) -> bool:
    """True for a character a file name must not hide: controls and format characters.

    Format characters (category Cf) are the bidi embeddings, overrides and isolates that make
    `plan-\u202etxt.exe.md` display as `plan-dm.exe.txt`, and zero-width characters; private-use
    and unassigned code points and line or paragraph separators cannot be read either.
    """
    return unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def safe_stem(text: str, fallback: str = "export") -> str:
    """Turn any text into a file-name stem that is safe on Windows, macOS and Linux.

    pathvalidate does the platform rules; ours come first (every invisible character becomes
    `-`, see `_invisible`) and last (no dot runs, no leading dot, a byte limit, reserved names).
    """
    stem = unicodedata.normalize("NFC", text)
    stem = "".join("-" if _invisible(char) else char for char in stem)
    stem = _UNSAFE.sub("-", stem)
    stem = pathvalidate.sanitize_filename(stem, replacement_text="-", platform="universal")
    # Runs of dots ('..') are harmless without separators but read like traversal; drop them.
    stem = re.sub(r"\.{2,}", "-", stem)
    stem = re.sub(r"-\.|\.-", "-", stem)
    stem = _DASHES.sub("-", stem)
    # Leading dots would hide the file or spell '..'; trailing dots and spaces vanish on Windows.
    stem = stem.strip(" .-")
    encoded = stem.encode("utf-8")
    if len(encoded) > MAX_STEM_BYTES:
        stem = encoded[:MAX_STEM_BYTES].decode("utf-8", errors="ignore").rstrip(" .-")
    if not stem:
        stem = fallback
    base, dot, rest = stem.partition(".")
    if _RESERVED.match(base.rstrip(" ")):
        # Windows reserves the name whatever extension follows, so mark the base itself.
        stem = f"{base}_{dot}{rest}"
    if not pathvalidate.is_valid_filename(stem, platform="universal"):
        return fallback
    return stem


def safe_filename(text: str, suffix: str, fallback: str = "export") -> str:
    """Return a safe file name made of `text` and `suffix` (e.g. `.md`)."""
    return safe_stem(text, fallback) + suffix


def ensure_folder(folder: Path, lang: str | None = None) -> Path:
    """Create `folder` if needed and check that it is a writable folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise ExportError(tr(STRINGS, "error.not_a_folder", lang, path=str(folder))) from exc
    except OSError as exc:
        raise ExportError(
            tr(STRINGS, "error.unwritable", lang, path=str(folder), reason=_reason(exc))
        ) from exc
    if not folder.is_dir():
        raise ExportError(tr(STRINGS, "error.not_a_folder", lang, path=str(folder)))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(
            tr(
                STRINGS,
                "error.unwritable",
                lang,
                path=str(folder),
                reason=os.strerror(errno.EACCES),
            )
        )
    return folder


def existing(paths: Iterable[Path]) -> list[Path]:
    """Return the paths that already exist (they would be overwritten)."""
    return [path for path in paths if path.exists()]


def check_overwrite(paths: Iterable[Path], force: bool, lang: str | None = None) -> None:
    """Refuse, before anything is written, when a target exists and `force` is not set."""
    if force:
        return
    clash = existing(paths)
    if clash:
        raise ExportError(tr(STRINGS, "error.exists", lang, path=str(clash[0])))


def atomic_write(path: Path, data: bytes, *, force: bool = False, lang: str | None = None) -> Path:
    """Write `data` to `path` through a synced temp file in the same folder and an atomic rename."""
    folder = path.parent
    if not force and path.exists():
        raise ExportError(tr(STRINGS, "error.exists", lang, path=str(path)))
    tmp_name: str | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".varselspel-", suffix=".tmp", dir=folder)
        if hasattr(os, "fchmod"):
            # mkstemp creates 0600; an export is an ordinary document the user shares.
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            try:
                os.replace(tmp_name, path)
            except PermissionError as exc:
                if not path.is_file():
                    raise
                # Windows refuses to replace a file another program (often Word) holds open.
                raise ExportError(tr(STRINGS, "error.locked", lang, path=str(path))) from exc
        else:
            _move_no_clobber(tmp_name, path, lang)
        tmp_name = None
        _sync_folder(folder)
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(
            tr(STRINGS, "error.unwritable", lang, path=str(folder), reason=_reason(exc))
        ) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return path


def _move_no_clobber(tmp_name: str, path: Path, lang: str | None) -> None:
    """Move the temp file into place, failing if another writer created `path` meanwhile."""
    try:
        # A hard link fails atomically when the target exists, which closes the check/replace race.
        os.link(tmp_name, path)
    except FileExistsError as exc:
        raise ExportError(tr(STRINGS, "error.exists", lang, path=str(path))) from exc
    except OSError:
        # File systems without hard links (FAT, some network shares): fall back to rename.
        if path.exists():
            raise ExportError(tr(STRINGS, "error.exists", lang, path=str(path))) from None
        os.replace(tmp_name, path)
        return
    os.unlink(tmp_name)


@functools.cache
def _umask() -> int:
    """Return the process umask (read once; setting it back restores it unchanged)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of the renamed file to disk where the platform allows it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _reason(exc: OSError) -> str:
    """Return the operating system's short reason for an error."""
    return exc.strerror or str(exc)
