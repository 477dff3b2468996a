"""Session files written by earlier releases open with today's code unchanged in meaning.

`tests/fixtures/sessions/make_sessions.py` made each file with the release named in its docstring,
together with the state it showed and every plan it exported. Reopening must give the same state
and the same exports, byte for byte (a Word file's parts, since its zip stamps the clock).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from varselspel.export import export_session
from varselspel.store import open_session

FIXTURES = Path(__file__).parent / "fixtures" / "sessions"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.varselspel"))
EXPORT_DAY = date(2026, 3, 12)
"""The date the golden plans carry."""


def digest(path: Path) -> str:
    """Return the sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def docx_parts(path: Path) -> dict[str, bytes]:
    """Return the members of a .docx (zip) by name."""
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


LATER_GROUP_FIELDS = {"revealed_cards": [], "revealed_figures": [], "pending": []}
"""Group state fields added after 0.1.0, with the value every older session must have."""
LATER_CHOICE_FIELDS = {"options": [], "value": None}
"""Choice fields added after 0.1.0 (multi-select and number decisions), with their values."""


def as_of_old_release(state: dict[str, Any]) -> dict[str, Any]:
    """Return a state dump without the fields a later release added, checking they are unused."""
    for group in state["groups"].values():
        for name, default in LATER_GROUP_FIELDS.items():
            assert group.pop(name) == default, name
        for choice in group["choices"].values():
            for name, default in LATER_CHOICE_FIELDS.items():
                assert choice.pop(name) == default, name
    return state


def same_file(made: Path, golden: Path) -> bool:
    """Return True when an export equals its golden file (a Word file: every part)."""
    if made.suffix == ".docx":
        return docx_parts(made) == docx_parts(golden)
    return made.read_bytes() == golden.read_bytes()


def test_there_are_fixtures() -> None:
    """The fixture folder holds the session files the other tests open."""
    assert len(NAMES) >= 3


@pytest.fixture(params=NAMES)
def copied(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, Path]:
    """A fixture session copied to a temporary folder (opening may upgrade the copy)."""
    name: str = request.param
    target = tmp_path / f"{name}.varselspel"
    shutil.copyfile(FIXTURES / f"{name}.varselspel", target)
    return name, target


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_fixture_opens_with_the_same_state_and_exports(
    copied: tuple[str, Path], tmp_path: Path, read_only: bool
) -> None:
    """The state and every exported plan, in both languages, equal what the old release made."""
    name, path = copied
    golden = FIXTURES / name
    for attempt in range(2):  # the second open reads what the first may have written
        session = open_session(path, read_only=read_only)
        try:
            state = as_of_old_release(session.state.model_dump(mode="json"))
            expected = json.loads((golden / "state.json").read_text(encoding="utf-8"))
            assert state == expected
            assert session.rebuild() == session.state
            for lang in ("sv", "en"):
                out = tmp_path / f"out-{attempt}-{lang}"
                written = export_session(session, "all", out, lang=lang, today=EXPORT_DAY)
                wanted = sorted(p.name for p in (golden / f"export-{lang}").iterdir())
                assert sorted(p.name for p in written) == wanted
                for made in written:
                    assert same_file(made, golden / f"export-{lang}" / made.name), made.name
        finally:
            session.close()


def test_opening_a_fixture_read_only_leaves_it_unchanged(copied: tuple[str, Path]) -> None:
    """A read-only open of a fixture changes no byte of it."""
    _name, path = copied
    before = digest(path)
    session = open_session(path, read_only=True)
    session.close()
    assert digest(path) == before
