"""`varselspel schema` and `varselspel new`: files written, schemas usable, templates clean."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from varselspel.cli import main
from varselspel.cli.new_template import render


def test_schema_writes_both_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both schema files are written, are valid JSON Schema and carry field docstrings."""
    out = tmp_path / "schema"
    assert main(["schema", "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"Skrev {out / 'scenario.schema.json'}", f"Skrev {out / 'role.schema.json'}"]
    scenario = json.loads((out / "scenario.schema.json").read_text(encoding="utf-8"))
    role = json.loads((out / "role.schema.json").read_text(encoding="utf-8"))
    for schema in (scenario, role):
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["additionalProperties"] is False
    assert scenario["title"] == "Scenario"
    assert "Rounds in playing order." in scenario["properties"]["rounds"]["description"]
    assert role["properties"]["mandate"]["description"] == "The decisions the role may take alone."


@pytest.mark.parametrize("kind", ["varsel", "etablering"])
def test_template_matches_schema(kind: str, tmp_path: Path) -> None:
    """The starting scenario passes the JSON Schema editors use, and a typo fails it."""
    main(["schema", "--out", str(tmp_path)])
    schema = json.loads((tmp_path / "scenario.schema.json").read_text(encoding="utf-8"))
    data = yaml.safe_load(render("prov", kind, 2026, "prov.yaml"))
    jsonschema.validate(data, schema)
    data["titel"] = data.pop("title")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_schema_reports_unwritable_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder that cannot be created gives exit 1 and a message, no traceback."""
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    assert main(["schema", "--out", str(blocker / "under")]) == 1
    assert capsys.readouterr().out.startswith("Kunde inte skriva ")


@pytest.mark.parametrize("kind", ["varsel", "etablering"])
def test_new_writes_a_clean_scenario(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`new` writes SCENARIO_ID.yaml that `validate` passes with no errors and no warnings."""
    assert main(["new", "min-ort", "--kind", kind, "--out", str(tmp_path)]) == 0
    path = tmp_path / "min-ort.yaml"
    assert capsys.readouterr().out.startswith(f"Skrev {path}.")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Ett nytt scenario för varselspel.")
    assert "\nid: min-ort\n" in text
    assert f"\nkind: {kind} " in text
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == ["1 fil kontrollerade: 0 fel, 0 varningar."]


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An existing file is left untouched and the command exits 1."""
    path = tmp_path / "finns.yaml"
    path.write_text("mitt arbete\n", encoding="utf-8")
    assert main(["new", "finns", "--out", str(tmp_path)]) == 1
    assert "finns redan" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == "mitt arbete\n"


@pytest.mark.parametrize("bad", ["Stor", "1abc", "med mellanslag", "a" * 65, "å-ort"])
def test_new_rejects_bad_ids(bad: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An id the scenario format would reject is bad usage (exit 2) and writes nothing."""
    assert main(["--lang", "en", "new", bad, "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().out.startswith(f"Invalid id `{bad}`")
    assert list(tmp_path.iterdir()) == []


def test_field_docstrings_are_read_from_source() -> None:
    """The schema command finds field docstrings itself (the models skip them at import)."""
    from varselspel.cli.schema import field_docstrings
    from varselspel.model import ActionItem, Scenario

    docs = field_docstrings(ActionItem)
    assert docs["responsible"] == "Role id of the responsible actor."
    assert set(docs) == set(ActionItem.model_fields)
    assert set(field_docstrings(Scenario)) == set(Scenario.model_fields)


def test_every_schema_property_has_a_description(tmp_path: Path) -> None:
    """Every property of every model in both schemas carries a description for editor hovers."""
    from varselspel.cli.schema import build_schemas

    missing: list[str] = []
    for file_name, schema in build_schemas().items():
        for def_name, definition in [("", schema), *schema.get("$defs", {}).items()]:
            for prop_name, prop in definition.get("properties", {}).items():
                if not prop.get("description"):
                    missing.append(f"{file_name}:{def_name}.{prop_name}")
    assert missing == []
