"""`varselspel validate`: exit codes, text and JSON output, folders, roles, languages, imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BAD_YAML_DIR
from varselspel.cli import main
from varselspel.cli.new_template import render
from varselspel.resources import bundled_roles_dir

ROLE = "id: {id}\ntitle: {title}\norganisation: Kommunen\nmandate: []\n"


def write(path: Path, text: str) -> Path:
    """Write a UTF-8 file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Run the command line in-process; return the exit code and the output lines."""
    code = main(args)
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out.splitlines()


def test_clean_scenario_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid scenario gives only the summary line and exit 0."""
    path = write(tmp_path / "s.yaml", render("s", "varsel", 2026, "s.yaml"))
    code, lines = run_cli(["validate", str(path)], capsys)
    assert code == 0
    assert lines == ["Kontrollerade 1 fil: 0 fel, 0 varningar."]


def test_errors_exit_one_with_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Errors print as `file:line:col: fel CODE: message` and exit 1."""
    text = render("s", "varsel", 2026, "s.yaml").replace(
        "    game_time: Dag 0", "    gametime: Dag 0"
    )
    path = write(tmp_path / "s.yaml", text)
    code, lines = run_cli(["validate", str(path)], capsys)
    assert code == 1
    number = text.splitlines().index("    gametime: Dag 0") + 1
    assert f"{path}:{number}:5: fel S002: okänd nyckel `gametime`; menade du `game_time`?" in lines
    assert lines[-1] == "Kontrollerade 1 fil: 2 fel, 0 varningar."


def test_english_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--lang en` switches labels, messages and the summary."""
    path = BAD_YAML_DIR / "empty.yaml"
    code, lines = run_cli(["--lang", "en", "validate", str(path)], capsys)
    assert code == 1
    assert lines == [
        f"{path}: error Y002: the file is empty",
        "1 file checked: 1 error, 0 warnings.",
    ]


def test_env_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """VARSELSPEL_LANG=en works like --lang en."""
    monkeypatch.setenv("VARSELSPEL_LANG", "en")
    _code, lines = run_cli(["validate", str(BAD_YAML_DIR / "empty.yaml")], capsys)
    assert lines[-1] == "1 file checked: 1 error, 0 warnings."


def test_warnings_are_shown_but_exit_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scenario with only warnings exits 0 and prints them as `varning`."""
    text = render("s", "varsel", 2026, "s.yaml").replace("        cards: [egf]\n", "")
    path = write(tmp_path / "s.yaml", text)
    code, lines = run_cli(["validate", str(path)], capsys)
    assert code == 0
    warnings = [line for line in lines if ": varning " in line]
    assert warnings, lines
    assert any("egf" in line for line in warnings)
    assert lines[-1].startswith("Kontrollerade 1 fil: 0 fel, ")


def test_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json` has stable fields for every diagnostic, file and the summary."""
    good = write(tmp_path / "a" / "good.yaml", render("good", "varsel", 2026, "good.yaml"))
    code = main(
        ["validate", "--format", "json", str(tmp_path), str(BAD_YAML_DIR / "duplicate-key.yaml")]
    )
    payload = json.loads(capsys.readouterr().out)
    assert code == 1
    assert payload["version"] == 1
    assert payload["summary"] == {"files": 2, "errors": 1, "warnings": 0}
    assert {f["file"]: (f["kind"], f["errors"]) for f in payload["files"]} == {
        str(good): ("scenario", 0),
        str(BAD_YAML_DIR / "duplicate-key.yaml"): ("scenario", 1),
    }
    (diag,) = payload["diagnostics"]
    assert diag == {
        "severity": "error",
        "code": "Y006",
        "message": "nyckeln `title` finns två gånger i samma mappning (rad 2 och rad 4)",
        "file": str(BAD_YAML_DIR / "duplicate-key.yaml"),
        "line": 4,
        "column": 1,
        "path": [],
    }


def test_folder_is_searched_recursively(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Folders are searched for .yaml and .yml at any depth; other files are ignored."""
    write(tmp_path / "x" / "y" / "a.yml", "- lista\n")
    write(tmp_path / "x" / "b.yaml", "")
    write(tmp_path / "x" / "notes.txt", "inte yaml")
    code, lines = run_cli(["validate", str(tmp_path / "x")], capsys)
    assert code == 1
    assert [line.split(": ", 2)[1] for line in lines[:-1]] == ["fel Y002", "fel Y012"]
    assert lines[-1] == "Kontrollerade 2 filer: 2 fel, 0 varningar."


def test_missing_path_and_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A path that does not exist, or a folder without YAML, is an error with its own code."""
    (tmp_path / "tom").mkdir()
    code, lines = run_cli(["validate", str(tmp_path / "finns-inte"), str(tmp_path / "tom")], capsys)
    assert code == 1
    assert f"{tmp_path / 'finns-inte'}: fel V001: sökvägen finns inte" in lines
    assert f"{tmp_path / 'tom'}: fel V002: inga YAML-filer (*.yaml, *.yml) hittades" in lines


def test_bundled_roles_folder_validates_clean(capsys: pytest.CaptureFixture[str]) -> None:
    """The bundled role library is checked as role cards and is clean."""
    code, lines = run_cli(["validate", str(bundled_roles_dir())], capsys)
    assert lines[-1].endswith(": 0 fel, 0 varningar."), lines
    assert code == 0


def test_roles_folder_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Role cards are validated as role cards: schema errors and duplicate ids in one folder."""
    write(tmp_path / "roles" / "a.yaml", ROLE.format(id="a", title="A"))
    write(tmp_path / "roles" / "b.yaml", ROLE.format(id="a", title="B"))
    write(tmp_path / "roles" / "c.yaml", "id: c\ntitle: C\nmandate: []\n")
    code, lines = run_cli(["validate", str(tmp_path / "roles")], capsys)
    assert code == 1
    assert any(": fel R001: rollen `a` finns redan i " in line for line in lines)
    assert (
        f"{tmp_path / 'roles' / 'c.yaml'}:1:1: fel S001: fältet `organisation` saknas men måste finnas"
        in lines
    )


def test_extra_roles_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--roles DIR` adds a role folder for the scenarios being checked."""
    text = render("s", "varsel", 2026, "s.yaml").replace("role: facket", "role: eget-fack")
    text = text.replace("partners: [arbetsformedlingen, facket]", "partners: [arbetsformedlingen]")
    path = write(tmp_path / "scen" / "s.yaml", text)
    write(tmp_path / "extra" / "fack.yaml", ROLE.format(id="eget-fack", title="Facket"))
    code, _lines = run_cli(["validate", str(path)], capsys)
    assert code == 1
    code, lines = run_cli(["validate", "--roles", str(tmp_path / "extra"), str(path)], capsys)
    assert code == 0, lines


def test_validate_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Validating leaves the folder exactly as it was."""
    write(tmp_path / "s.yaml", render("s", "varsel", 2026, "s.yaml"))
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    run_cli(["validate", str(tmp_path)], capsys)
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before


@pytest.mark.slow
def test_validate_imports_neither_textual_nor_docx(tmp_path: Path) -> None:
    """A full `validate` run in a fresh interpreter never loads Textual or python-docx."""
    path = write(tmp_path / "s.yaml", render("s", "varsel", 2026, "s.yaml"))
    code = (
        "import sys\n"
        "from varselspel.cli import main\n"
        f"rc = main(['validate', {str(path)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'docx'})\n"
        "print('BAD=' + ','.join(bad))\n"
        "print('RC=' + str(rc))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "RC=0" in done.stdout, done.stdout + done.stderr
    bad = [line for line in done.stdout.splitlines() if line.startswith("BAD=")]
    assert bad == ["BAD="], bad


def test_expression_errors_point_into_the_string(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A misspelt name in a condition is reported at its own column with a suggestion."""
    text = render("s", "varsel", 2026, "s.yaml").replace(
        "condition: samverkan_startad ", "condition: samverkan_startat "
    )
    path = write(tmp_path / "s.yaml", text)
    code, lines = run_cli(["validate", str(path)], capsys)
    assert code == 1
    number = next(i for i, line in enumerate(text.splitlines(), 1) if "samverkan_startat" in line)
    column = text.splitlines()[number - 1].index("samverkan_startat") + 1
    matching = [line for line in lines if line.startswith(f"{path}:{number}:{column}: fel X")]
    assert len(matching) == 1, lines
    assert "samverkan_startad" in matching[0]


def test_hidden_folders_are_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Folders such as `.venv` or `.git` under a given folder are not searched."""
    write(tmp_path / "p" / ".venv" / "lib" / "x.yaml", "- inte ett scenario\n")
    write(tmp_path / "p" / ".hidden.yaml", "- inte heller\n")
    write(tmp_path / "p" / "s.yaml", render("s", "varsel", 2026, "s.yaml"))
    code, lines = run_cli(["validate", str(tmp_path / "p")], capsys)
    assert code == 0
    assert lines == ["Kontrollerade 1 fil: 0 fel, 0 varningar."]


def test_missing_roles_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `--roles` folder that does not exist is V001, not silently ignored."""
    path = write(tmp_path / "s.yaml", render("s", "varsel", 2026, "s.yaml"))
    code, lines = run_cli(["validate", "--roles", str(tmp_path / "saknas"), str(path)], capsys)
    assert code == 1
    assert f"{tmp_path / 'saknas'}: fel V001: sökvägen finns inte" in lines


def test_json_lists_other_paths_with_their_kind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing path and a broken role card reached through a scenario are listed too."""
    text = render("s", "varsel", 2026, "s.yaml").replace("role: facket", "role: eget-fack")
    text = text.replace("partners: [arbetsformedlingen, facket]", "partners: [arbetsformedlingen]")
    scenario = write(tmp_path / "p" / "s.yaml", text)
    card = write(tmp_path / "p" / "roles" / "fack.yaml", "id: eget-fack\ntitle: Facket\n")
    code = main(["validate", "--format", "json", str(scenario), str(tmp_path / "saknas")])
    payload = json.loads(capsys.readouterr().out)
    assert code == 1
    kinds = {f["file"]: f["kind"] for f in payload["files"]}
    assert kinds == {
        str(scenario): "scenario",
        str(card): "role",
        str(tmp_path / "saknas"): "unknown",
    }
    assert payload["summary"]["files"] == 1


def test_local_role_cards_may_name_bundled_roles_as_contacts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A local card's contact that is a bundled role is no C112; an unknown one still is."""
    card = ROLE.format(id="miljo", title="Miljö") + "contacts: [kso, naringslivschef, kso-typ]\n"
    path = write(tmp_path / "projekt" / "roles" / "miljo.yaml", card)
    code, lines = run_cli(["--lang", "en", "validate", str(tmp_path / "projekt")], capsys)
    assert code == 0
    assert lines == [
        f"{path}:5:34: warning C112: contact `kso-typ` looks like a role id but is not in the"
        " role library",
        "1 file checked: 0 errors, 1 warning.",
    ]


def test_contacts_may_name_roles_of_a_roles_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Roles in a `--roles` folder count as known contacts too."""
    write(tmp_path / "extra" / "fack.yaml", ROLE.format(id="eget-fack", title="Facket"))
    card = ROLE.format(id="miljo", title="Miljö") + "contacts: [eget-fack]\n"
    write(tmp_path / "projekt" / "roles" / "miljo.yaml", card)
    args = ["validate", "--roles", str(tmp_path / "extra"), str(tmp_path / "projekt")]
    code, lines = run_cli(args, capsys)
    assert (code, lines[-1]) == (0, "Kontrollerade 1 fil: 0 fel, 0 varningar.")
