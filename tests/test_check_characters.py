"""C040: control characters and bidi controls in scenario and role texts are positioned errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import write_hostile_scenario
from varselspel.check.characters import strings_of
from varselspel.cli import main
from varselspel.loader import load_bundle
from varselspel.resources import bundled_roles_dir, bundled_scenarios_dir

DEMO = bundled_scenarios_dir() / "demo.yaml"


def demo_with_title(tmp_path: Path, title_line: str) -> tuple[Path, int]:
    """Write the demo scenario with its title line replaced; return the file and that line."""
    lines = DEMO.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[number] = title_line
    path = tmp_path / "demo.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, number + 1


def test_escape_sequences_in_a_title_are_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The issue's OSC 52 and OSC 0 title fails validation, at the title's line and column."""
    path, line = demo_with_title(tmp_path, r'title: "Demo\e]52;c;cHduZWQ=\e\\\e]0;PWNED\e\\"')
    assert main(["--lang", "en", "validate", str(path)]) == 1
    out = capsys.readouterr().out.splitlines()
    (found,) = [row for row in out if " C040: " in row]
    assert found == (
        f"{path}:{line}:9: error C040: the text contains control characters (U+001B (ESC)), "
        "which can drive the terminal it is shown in; remove them"
    )
    assert out[-1].endswith("1 error, 0 warnings.")
    result = load_bundle(path)
    assert result.bundle is None


def test_a_literal_bidi_override_is_placed_at_its_own_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A right-to-left override written as it is gets its exact column, in Swedish by default."""
    path, line = demo_with_title(tmp_path, "title: Plan för txt\u202eexe.md")
    assert main(["validate", str(path)]) == 1
    (row,) = [row for row in capsys.readouterr().out.splitlines() if " C040: " in row]
    column = len("title: Plan för txt") + 1
    assert row == (
        f"{path}:{line}:{column}: fel C040: texten innehåller riktningstecken (U+202E (RLO)), "
        "som ändrar i vilken ordning texten visas; ta bort dem"
    )


def test_every_text_of_a_hostile_scenario_and_its_roles_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each poisoned text of the scenario and of its role cards gets C040 errors with positions."""
    path = write_hostile_scenario(tmp_path)
    assert main(["--lang", "en", "validate", str(tmp_path)]) == 1
    rows = [row for row in capsys.readouterr().out.splitlines() if " C040: " in row]
    files = {row.split(":", 1)[0] for row in rows}
    assert str(path) in files
    assert {f"{tmp_path / 'roles' / name}.yaml" for name in ("kso", "naringslivschef")} <= files
    assert all(row.split(":")[1].isdigit() and row.split(":")[2].isdigit() for row in rows)
    assert any(
        "bidirectional controls (U+202E (RLO), U+2066 (LRI), U+2069 (PDI))" in row for row in rows
    )
    assert any("U+009B (CSI)" in row for row in rows)


def test_clean_bundled_texts_have_none(capsys: pytest.CaptureFixture[str]) -> None:
    """The bundled scenarios and roles, with their tabs and newlines, validate without C040."""
    assert main(["validate", str(bundled_scenarios_dir()), str(bundled_roles_dir())]) == 0
    assert "C040" not in capsys.readouterr().out


def test_strings_of_walks_models_lists_and_mappings() -> None:
    """Every string is found with its path, mapping keys included."""
    result = load_bundle(DEMO)
    assert result.bundle is not None
    paths = dict(strings_of(result.bundle.scenario))
    assert paths[("title",)] == result.bundle.scenario.title
    assert any(path[:2] == ("rounds", 0) for path in paths)
    assert list(strings_of({"a\x1b": ["b"]})) == [(("a\x1b",), "a\x1b"), (("a\x1b", 0), "b")]
