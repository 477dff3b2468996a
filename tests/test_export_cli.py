"""`varselspel export` and `varselspel role-cards` from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exporthelp import play
from varselspel.cli import main
from varselspel.resources import bundled_scenarios_dir

DEMO = bundled_scenarios_dir() / "demo.yaml"


@pytest.fixture(scope="module")
def session_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stored session of the demo played by two groups (exports only read it)."""
    path = tmp_path_factory.mktemp("session") / "demo.varselspel"
    play(DEMO, store_path=path).close()
    return path


def test_export_all_prints_where_files_went(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """All formats for every group plus a synthesis; each written path is printed."""
    out = tmp_path / "out"
    assert main(["export", str(session_file), "--format", "all", "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "Skrev 12 filer:"
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 12
    assert {line.strip() for line in printed[1:]} == {str(out / name) for name in files}


def test_export_refuses_overwrite_without_force(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second run fails with a message naming --force; with --force it succeeds."""
    args = [
        "--lang",
        "en",
        "export",
        str(session_file),
        "--format",
        "json",
        "--group",
        "Grupp Norr",
        "--out",
        str(tmp_path),
    ]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "--force" in err and "Traceback" not in err
    assert main([*args, "--force"]) == 0
    data = json.loads((tmp_path / "action-plan-demo-Grupp-Norr.json").read_text(encoding="utf-8"))
    assert data["kind"] == "group" and data["language"] == "en"


def test_export_finds_a_listed_session_by_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SESSION may be a name from `varselspel sessions` instead of a path."""
    from varselspel.store import default_sessions_dir

    folder = default_sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "workshop-mars.varselspel"
    play(DEMO, groups=("Ett",), store_path=path).close()
    assert main(["export", "workshop-mars", "--format", "md", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "handlingsplan-demo-Ett.md").is_file()
    from varselspel.store import open_session

    session = open_session(path, read_only=True)
    session_id = session.info.id
    session.close()
    out = tmp_path / "by-id"
    assert main(["export", session_id[:8], "--format", "json", "--out", str(out)]) == 0
    assert (out / "handlingsplan-demo-Ett.json").is_file()


def test_ambiguous_session_title_asks_for_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    """Two listed sessions with the same title are not guessed between."""
    from varselspel.store import default_sessions_dir, list_sessions

    folder = default_sessions_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("a", "b"):
        play(DEMO, groups=("Ett",), store_path=folder / f"{name}.varselspel").close()
    titles = {s.title for s in list_sessions()}
    assert len(titles) == 1
    assert main(["export", titles.pop(), "--format", "md"]) == 1
    err = capsys.readouterr().err
    assert "Flera övningar" in err and "a.varselspel" in err and "b.varselspel" in err


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["export", "ingen-sådan-session"], "Hittar ingen övning"),
        (["export", str(DEMO)], "Kan inte öppna övningen"),
        (["role-cards", "finns-inte"], "Hittar inget scenario"),
    ],
)
def test_bad_input_gives_a_message_not_a_traceback(
    argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unknown sessions and scenarios exit 1 with a Swedish message."""
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err


def test_bundled_name_never_leaves_the_scenarios_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name with '..' is not looked up beside the bundled scenarios."""
    monkeypatch.chdir(tmp_path)
    assert (bundled_scenarios_dir() / "../roles/kso.yaml").is_file()
    assert main(["role-cards", "../roles/kso.yaml"]) == 1
    assert "Hittar inget scenario" in capsys.readouterr().err


def test_unknown_group_lists_the_groups(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--group with a name no group has exits 1 and names the groups."""
    assert main(["export", str(session_file), "--group", "Väst", "--out", str(tmp_path)]) == 1
    assert "Grupp Norr, Grupp Syd" in capsys.readouterr().err


def test_out_pointing_at_a_file(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--out naming a file, not a folder, is a clear error."""
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    assert main(["export", str(session_file), "--out", str(blocker)]) == 1
    assert "inte en mapp" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_role_cards_command(tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Role cards of a bundled scenario, by id, go to one file."""
    assert main(["role-cards", "demo", "--format", fmt, "--out", str(tmp_path)]) == 0
    assert (tmp_path / f"rollkort-demo.{fmt}").stat().st_size > 1000
    assert "rollkort-demo" in capsys.readouterr().out
    assert main(["role-cards", str(DEMO), "--format", fmt, "--out", str(tmp_path)]) == 1


@pytest.mark.slow
def test_export_command_does_not_import_textual(session_file: Path, tmp_path: Path) -> None:
    """Running `varselspel export` end to end never loads Textual."""
    code = (
        "import sys, runpy; sys.argv = ['varselspel', 'export', sys.argv[1], '--out', sys.argv[2]];"
        "from varselspel.cli import main; rc = main(sys.argv[1:]);"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual');"
        "print('TEXTUAL:' + ','.join(bad)); sys.exit(rc)"
    )
    env = {**os.environ, "VARSELSPEL_LANG": "sv"}
    result = subprocess.run(
        [sys.executable, "-c", code, str(session_file), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "TEXTUAL:\n" in result.stdout or result.stdout.rstrip().endswith("TEXTUAL:")


def test_unwritable_out_and_partial_clash(
    session_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--out below a regular file, and one existing target among twelve, write nothing at all."""
    blocker = tmp_path / "hostname"
    blocker.write_text("x")
    assert main(["export", str(session_file), "--out", str(blocker / "x")]) == 1
    err = capsys.readouterr().err
    assert "Kan inte skriva i mappen" in err and "--out" in err and "Traceback" not in err
    out = tmp_path / "out"
    out.mkdir()
    clash = out / "handlingsplan-demo-sammanställning.html"
    clash.write_text("keep")
    assert main(["export", str(session_file), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert str(clash) in err and "--force" in err
    assert [p.name for p in out.iterdir()] == [clash.name], "refused before anything is written"
    assert clash.read_text() == "keep"
