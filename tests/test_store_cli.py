"""`varselspel sessions`: the list as a table and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from varselspel.cli import main
from varselspel.engine import StartSession
from varselspel.loader import load_bundle
from varselspel.store import SUFFIX, create_session

FIXTURE = Path(__file__).parent / "fixtures" / "engine" / "scenario.yaml"


def test_sessions_lists_default_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sessions"]) == 0
    assert "Inga sparade övningar" in capsys.readouterr().out
    bundle = load_bundle(FIXTURE).bundle
    assert bundle is not None
    session = create_session(bundle, ["Norr", "Syd"], seed=1, title="[bold]Workshop[/]")
    assert session.execute(StartSession()).ok
    session.close()
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    assert "[bold]Workshop[/]" in out and "Norr, Syd" in out and "mellan omgångar" in out
    assert main(["--lang", "en", "sessions", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["groups"] == ["Norr", "Syd"] and data[0]["phase"] == "ready"
    assert data[0]["path"].endswith(SUFFIX)


def test_sessions_folder_option(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["sessions", "--folder", str(tmp_path / "missing")]) == 1
    (tmp_path / f"broken{SUFFIX}").write_bytes(b"junk")
    assert main(["--lang", "en", "sessions", "--folder", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    _header, _rule, row, *rest = out.splitlines()
    # The long reason goes below the table, so the phase column stays narrow.
    assert "unreadable (see below)" in row and "damaged" not in row
    assert len(row) - len(str(tmp_path)) < 100
    assert any("Unreadable:" in line and "damaged" in line for line in rest)


def test_sessions_folder_that_is_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("x", encoding="utf-8")
    assert main(["--lang", "en", "sessions", "--folder", str(afile)]) == 1
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "Traceback" not in err
    assert main(["--lang", "en", "sessions", "--folder", str(tmp_path / "missing")]) == 1
    assert "does not exist" in capsys.readouterr().err
