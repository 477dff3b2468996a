"""Every wrong command gets a clear message in the UI language and an exit code, never a traceback."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from varselspel.cli import main
from varselspel.resources import bundled_scenarios_dir


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process; argparse's exits become exit codes."""
    try:
        code = main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize(
    ("lang", "usage", "required"),
    [
        (
            "sv",
            "användning: varselspel validate",
            "varselspel validate: fel: följande argument krävs: PATH",
        ),
        (
            "en",
            "usage: varselspel validate",
            "varselspel validate: error: the following arguments are required: PATH",
        ),
    ],
)
def test_validate_without_paths(
    lang: str, usage: str, required: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`validate` with no PATH is bad usage (2) with argparse's text in the UI language."""
    code, _out, err = run(["--lang", lang, "validate"], capsys)
    assert code == 2
    assert err.startswith(usage)
    assert err.splitlines()[-1] == required


def test_unknown_format_in_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    """`--format xml` names the allowed choices in Swedish."""
    code, _out, err = run(["validate", "--format", "xml", "x.yaml"], capsys)
    assert code == 2
    assert err.splitlines()[-1] == (
        "varselspel validate: fel: argumentet --format: ogiltigt val: 'xml' (välj bland 'text', 'json')"
    )


def test_help_headings_follow_the_language(capsys: pytest.CaptureFixture[str]) -> None:
    """`-h` shows Swedish headings and help texts by default, English with --lang en."""
    assert run(["validate", "-h"], capsys)[1].count("visa den här hjälpen och avsluta") == 1
    english = run(["--lang", "en", "validate", "-h"], capsys)[1]
    assert "show this help message and exit" in english and "positional arguments:" in english


def test_argparse_is_left_as_it_was(capsys: pytest.CaptureFixture[str]) -> None:
    """The translation applies only while our parser runs (other argparse users keep English)."""
    before = (vars(argparse)["_"], vars(argparse)["ngettext"])
    run(["validate"], capsys)
    run(["validate", str(bundled_scenarios_dir() / "demo.yaml")], capsys)
    assert (vars(argparse)["_"], vars(argparse)["ngettext"]) == before


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_wrong_paths(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Missing paths, empty folders, binary files, devices and a file as --roles: exit 1, codes."""
    (tmp_path / "tom").mkdir()
    binary = tmp_path / "bild.yaml"
    binary.write_bytes(bytes(range(256)) * 4)
    code, out, _err = run(
        [
            "--lang",
            lang,
            "validate",
            "--roles",
            str(binary),
            str(tmp_path / "saknas"),
            str(tmp_path / "tom"),
            str(binary),
            os.devnull,
        ],
        capsys,
    )
    assert code == 1
    codes = [line.split(": ", 2)[1].split()[-1] for line in out.splitlines()[:-1]]
    assert sorted(codes) == ["V001", "V002", "V003", "V004", "Y001"]
    sv = lang == "sv"
    assert (
        f"{os.devnull}: {'fel' if sv else 'error'} V003: "
        + (
            "sökvägen är varken en vanlig fil eller en mapp"
            if sv
            else "the path is neither a regular file nor a folder"
        )
        in out.splitlines()
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_new_and_schema_failures(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad id is exit 2, an existing file and an unwritable folder exit 1, all explained."""
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    code, out, _ = run(["--lang", lang, "new", "Fel-Id", "--out", str(tmp_path)], capsys)
    assert code == 2 and out.startswith("Ogiltigt id" if lang == "sv" else "Invalid id")
    reason = (
        "en del av sökvägen är en fil, inte en mapp"
        if lang == "sv"
        else "part of the path is a file, not a folder"
    )
    failed = "Kunde inte skriva" if lang == "sv" else "Could not write"
    # A file where the folder should be is a failure to write, not "the scenario exists".
    code, out, _ = run(["--lang", lang, "new", "fil", "--out", str(blocker)], capsys)
    assert (code, out) == (1, f"{failed} {blocker / 'fil.yaml'}: {reason}\n")
    code, out, _ = run(["--lang", lang, "schema", "--out", str(blocker / "x")], capsys)
    assert (code, out) == (1, f"{failed} {blocker / 'x' / 'scenario.schema.json'}: {reason}\n")
    code, _, err = run(["--lang", lang, "new"], capsys)
    assert code == 2 and ("SCENARIO_ID" in err.splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_unencodable_output_is_no_traceback(encoding: str, tmp_path: Path) -> None:
    """A file name that is not UTF-8, or a terminal that is not, still gives plain output."""
    folder = tmp_path / "p"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/\xff.yaml", "wb") as handle:
        handle.write(b"a: [\n")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    done = subprocess.run(
        [sys.executable, "-m", "varselspel", "validate", str(folder), str(tmp_path / "saknas")],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert b"Traceback" not in done.stderr, done.stderr
    assert b"V001" in done.stdout and b"Y003" in done.stdout
