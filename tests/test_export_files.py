"""Safe file names, atomic writes and refusing to overwrite."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from varselspel.export import ExportError
from varselspel.export.files import (
    MAX_STEM_BYTES,
    atomic_write,
    ensure_folder,
    safe_filename,
    safe_stem,
)

FORBIDDEN = set('<>:"/\\|?*')
RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(10)),
    *(f"LPT{i}" for i in range(10)),
}


@given(st.text(max_size=400))
def test_any_text_gives_a_safe_stem(text: str) -> None:
    """Whatever the text, the stem has no separators, forbidden or control characters."""
    stem = safe_stem(text)
    assert stem
    assert not FORBIDDEN & set(stem)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in stem)
    assert not stem.startswith(".") and not stem.endswith((".", " "))
    assert stem.split(".")[0].upper() not in RESERVED
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES + 1
    assert unicodedata.is_normalized("NFC", stem)
    assert Path(stem).name == stem and ".." not in stem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grupp Älvsby Östra", "Grupp-Älvsby-Östra"),
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\windows\\system32", "windows-system32"),
        ("CON", "CON_"),
        ("nul", "nul_"),
        ("com1.txt", "com1_.txt"),
        ("LPT9", "LPT9_"),
        ('a<b>c:d"e|f?g*h', "a-b-c-d-e-f-g-h"),
        ("trailing dots...  ", "trailing-dots"),
        ("...", "export"),
        ("", "export"),
        ("tab\tand\nnewline\x00nul", "tab-and-newline-nul"),
        ("A\u030angström", "Ångström"),
    ],
)
def test_examples(text: str, expected: str) -> None:
    """Known hostile names become these stems; Swedish letters survive, composed (NFC)."""
    assert safe_stem(text) == expected


def test_long_names_are_cut_on_a_character_boundary() -> None:
    """A very long name is capped in bytes without splitting a multi-byte letter."""
    stem = safe_stem("å" * 500)
    assert len(stem.encode("utf-8")) <= MAX_STEM_BYTES
    assert set(stem) == {"å"}
    assert safe_filename("x" * 500, ".docx").endswith(".docx")


def test_atomic_write_creates_and_refuses_to_overwrite(tmp_path: Path) -> None:
    """A new file is written whole; an existing one is kept unless forced."""
    target = tmp_path / "plan.md"
    atomic_write(target, b"first")
    assert target.read_bytes() == b"first"
    with pytest.raises(ExportError) as info:
        atomic_write(target, b"second", lang="en")
    assert "already exists" in str(info.value) and "--force" in str(info.value)
    assert target.read_bytes() == b"first"
    atomic_write(target, b"second", force=True)
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md"], "no temp files left behind"


def test_crash_mid_write_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the final rename fails, neither a partial target nor a temp file remains."""
    target = tmp_path / "plan.docx"

    def broken_replace(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportError) as info:
        atomic_write(target, b"x" * 10_000, force=True, lang="sv")
    assert "Kan inte skriva" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_file_open_in_another_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A target another program locks (Windows) gives a message to close it; the old file stays."""
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")

    def locked(src: str, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as info:
        atomic_write(target, b"new", force=True, lang="sv")
    assert "Word" in str(info.value) and str(target) in str(info.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_existing_target_survives_a_failed_forced_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed overwrite keeps the old file intact."""
    target = tmp_path / "plan.html"
    target.write_bytes(b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(ExportError):
        atomic_write(target, b"new", force=True)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.html"]


def test_file_mode_follows_umask(tmp_path: Path) -> None:
    """Exports are ordinary readable documents, not private temp files."""
    target = atomic_write(tmp_path / "a.md", b"x")
    if os.name == "posix":
        mask = os.umask(0)
        os.umask(mask)
        assert target.stat().st_mode & 0o777 == 0o666 & ~mask


def test_folder_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    """Pointing --out at a file says so instead of crashing."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as info:
        ensure_folder(blocker, "en")
    assert "is not a folder" in str(info.value)
    with pytest.raises(ExportError) as info:
        ensure_folder(blocker / "sub", "sv")
    assert "--out" in str(info.value)


def test_unwritable_folder_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder the system refuses to write in gives a localised message naming it; nothing is left.

    The refusal is simulated (EACCES from creating the temp file, then from mkdir) so the test
    also bites when it runs as root, who may write into a chmod 0500 folder.
    """
    folder = tmp_path / "ro"
    folder.mkdir()

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as info:
        atomic_write(folder / "plan.md", b"x", lang="sv")
    message = str(info.value)
    assert str(folder) in message and "Kan inte skriva" in message and "--out" in message
    assert list(folder.iterdir()) == []
    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(ExportError) as info:
        ensure_folder(folder / "new", "en")
    assert "Cannot write to the folder" in str(info.value)
    assert str(folder / "new") in str(info.value)


def test_folder_below_a_regular_file(tmp_path: Path) -> None:
    """An --out path below a regular file (unwritable even for root) is refused clearly."""
    blocker = tmp_path / "hostname"
    blocker.write_text("x")
    with pytest.raises(ExportError) as info:
        ensure_folder(blocker / "x", "en")
    assert "Cannot write to the folder" in str(info.value) and "--out" in str(info.value)


def test_unwritable_folder_via_access_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The access check turns a folder the process may not write into a clear message (any user)."""
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(ExportError) as info:
        ensure_folder(tmp_path, "en")
    assert "Cannot write to the folder" in str(info.value)


@given(st.text(alphabet="abcåäöÅÄÖéü ", min_size=1, max_size=40))
def test_letters_survive(text: str) -> None:
    """Letters, Swedish ones included, are kept in order; only spaces turn into dashes."""
    stem = safe_stem(text)
    letters = "".join(text.split())
    if letters:
        assert stem.replace("-", "") == letters
