"""No command writes a control code or bidi control taken from a file, a name or an argument.

Every subcommand runs as `python -m varselspel` with its output piped, on hostile files in a
folder whose own name is hostile: titles, group names, YAML keys, file names, store errors and
argparse's echo of a bad argument. Whatever is printed must hold no ESC byte, no C1 control, no
DEL and no bidi control, and never a traceback.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import HOSTILE, hostile_bundle, hostile_session, unsafe_in, write_hostile_scenario

EVIL = "evil\x1b]0;T\x07\u202e"
"""A fragment for folder and file names: an OSC 0 title and a right-to-left override."""


def run(*args: str, cwd: Path) -> tuple[int, str]:
    """Run the command line with piped output; return the exit code and stdout + stderr."""
    env = {**os.environ, "VARSELSPEL_LANG": "en"}
    env.pop("VARSELSPEL_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "varselspel", *args],
        capture_output=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )
    raw = result.stdout + result.stderr
    assert b"\x1b" not in raw, raw[:400]
    text = raw.decode("utf-8", errors="surrogateescape")
    assert not unsafe_in(text), unsafe_in(text)[:5]
    assert "Traceback" not in text
    return result.returncode, text


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Hostile scenario, role cards, sessions and YAML keys in folders with hostile names."""
    root = tmp_path_factory.mktemp("hostile") / EVIL
    scenario = write_hostile_scenario(root / "scen")
    named = scenario.with_name(f"hostile-{EVIL}.yaml")
    scenario.rename(named)
    sessions = root / "sessions"
    played = hostile_session(sessions, "debrief")
    keys = root / "keys" / f"keys-{EVIL}.yaml"
    keys.parent.mkdir(parents=True)
    keys.write_text('id: keys\ntitle: x\n"unknown\\e]0;T\\a\u202e": 1\n', encoding="utf-8")
    keys.with_name("dup.yaml").write_text('id: d\n"dup\\e[2J": 1\n"dup\\e[2J": 2\n', "utf-8")
    # A session whose stored scenario no longer loads: the store's error quotes its YAML key.
    from varselspel.store import create_session

    bundle = hostile_bundle()
    broken = dataclasses.replace(
        bundle, scenario_text=bundle.scenario_text + '"\\e]0;PWNED\\a": 1\n'
    )
    store_error = root / "broken" / "broken.varselspel"
    store_error.parent.mkdir()
    create_session(broken, ["A"], seed=1, path=store_error).close()
    return {
        "root": root,
        "scenario": named,
        "sessions": sessions,
        "played": played,
        "keys": keys,
        "broken": store_error,
    }


def test_sessions_table_and_json(world: dict[str, Path]) -> None:
    """Titles and group names are listed made safe; JSON keeps them, escaped."""
    code, text = run("sessions", "--folder", str(world["sessions"]), cwd=world["root"])
    assert code == 0 and "Övning␛]52;c;" in text and "Grupp 1␛" in text
    code, text = run(
        "sessions", "--folder", str(world["sessions"]), "--format", "json", cwd=world["root"]
    )
    assert code == 0
    data = json.loads(text)
    assert data[0]["title"] == f"Övning{HOSTILE}"


def test_validate_echoes_keys_and_file_names_safely(world: dict[str, Path]) -> None:
    """S002, Y006 and C040 name hostile keys, files and texts without their control codes."""
    code, text = run(
        "validate", str(world["keys"].parent), str(world["scenario"]), cwd=world["root"]
    )
    assert code == 1
    assert "S002" in text and "Y006" in text and "C040" in text
    code, text = run("validate", "--format", "json", str(world["keys"]), cwd=world["root"])
    assert code == 1
    assert any("\x1b" in d["message"] for d in json.loads(text)["diagnostics"])


def test_simulate_and_role_cards_refuse_the_hostile_scenario_safely(
    world: dict[str, Path],
) -> None:
    """Both name the file and its problems, made safe, and exit 1."""
    for args in (
        ("simulate", str(world["scenario"]), "--runs", "5"),
        ("simulate", str(world["scenario"]), "--runs", "5", "--format", "json"),
        ("role-cards", str(world["scenario"]), "--out", str(world["root"] / "cards")),
    ):
        code, text = run(*args, cwd=world["root"])
        assert code == 1 and "hostile-evil" in text, args


def test_export_prints_safe_file_names(world: dict[str, Path]) -> None:
    """The exported files' names carry no control or bidi character, nor does the listing."""
    out = world["root"] / "out"
    code, text = run("export", str(world["played"]), "--out", str(out), cwd=world["root"])
    assert code == 0, text
    names = [path.name for path in out.iterdir()]
    assert len(names) == 12
    assert not [name for name in names if unsafe_in(name)]


def test_store_errors_quote_file_content_safely(world: dict[str, Path]) -> None:
    """A session whose stored scenario is broken is refused with its YAML key made safe."""
    code, text = run("export", str(world["broken"]), "--out", str(world["root"]), cwd=world["root"])
    assert code == 1 and "S002" in text and "␛]0;PWNED" in text


def test_new_schema_and_argument_errors(world: dict[str, Path]) -> None:
    """Paths and rejected arguments are echoed made safe."""
    code, text = run("new", f"bad{EVIL}", cwd=world["root"])
    assert code == 2 and "bad" in text
    code, text = run("new", "ny", "--out", str(world["root"] / f"new-{EVIL}"), cwd=world["root"])
    assert code == 0 and "new-evil" in text
    code, text = run("schema", "--out", str(world["root"] / f"schema-{EVIL}"), cwd=world["root"])
    assert code == 0 and "schema-evil" in text
    code, text = run("validate", "--format", f"x{EVIL}", "a.yaml", cwd=world["root"])
    assert code == 2 and "invalid choice" in text
    code, text = run("simulate", f"missing-{EVIL}", cwd=world["root"])
    assert code == 1 and "missing-evil" in text


def test_an_unforeseen_error_is_one_safe_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug deep inside a command ends in one line and exit 70; the debug switch shows more."""
    import varselspel.cli.sessions as sessions
    from varselspel.cli import main

    def broken(args: object) -> int:
        raise ValueError(f"boom{HOSTILE}")

    monkeypatch.setattr(sessions, "run", broken)
    monkeypatch.delenv("VARSELSPEL_DEBUG", raising=False)
    assert main(["--lang", "en", "sessions"]) == 70
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith("varselspel: an unexpected error (ValueError: boom␛]52;c;")
    assert "Traceback" not in captured.err and not unsafe_in(captured.err)
    monkeypatch.setenv("VARSELSPEL_DEBUG", "1")
    with pytest.raises(ValueError):
        main(["sessions"])
