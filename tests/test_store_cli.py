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
    assert "Inga sparade sessioner" in capsys.readouterr().out
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
    assert "unreadable" in capsys.readouterr().out
