"""`varselspel schema` and `varselspel new`: files written, schemas usable, templates clean."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from varselspel.cli import main
from varselspel.cli.new_template import render
from varselspel.model import Scenario
from varselspel.resources import bundled_roles_dir, bundled_scenarios_dir


def test_schema_writes_both_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Both schema files are written, are valid JSON Schema and describe fields in Swedish."""
    out = tmp_path / "schema"
    assert main(["schema", "--out", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"Skrev {out / 'scenario.schema.json'}", f"Skrev {out / 'role.schema.json'}"]
    scenario = json.loads((out / "scenario.schema.json").read_text(encoding="utf-8"))
    role = json.loads((out / "role.schema.json").read_text(encoding="utf-8"))
    for schema in (scenario, role):
        # Draft-07 is what the YAML Language Server implements.
        jsonschema.Draft7Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert schema["additionalProperties"] is False
        text = json.dumps(schema)
        assert "$defs" not in text and '"#/definitions/' in text
    assert scenario["title"] == "Scenario"
    assert scenario["description"] == "Ett komplett scenario för en workshop."
    assert scenario["properties"]["rounds"]["description"] == "Omgångarna i spelordning."
    assert role["properties"]["mandate"]["description"] == (
        "Besluten som rollen får fatta på egen hand."
    )
    assert scenario["properties"]["id"]["description"] == (
        "Scenariots id, t.ex. `bruket-i-alvsby`."
        " Id med små bokstäver: en bokstav, sedan a-z, siffror, '_' eller '-'."
    )
    # A field of a model type keeps its own description beside the reference (draft-07 hovers).
    assert scenario["properties"]["setting"] == {
        "allOf": [{"$ref": "#/definitions/Setting"}],
        "description": "Orten, företaget och siffrorna i lägesbilden.",
    }


def test_schema_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--lang en` writes the models' own English docstrings."""
    assert main(["--lang", "en", "schema", "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("Wrote ")
    scenario = json.loads((tmp_path / "scenario.schema.json").read_text(encoding="utf-8"))
    role = json.loads((tmp_path / "role.schema.json").read_text(encoding="utf-8"))
    assert "Rounds in playing order." in scenario["properties"]["rounds"]["description"]
    assert role["properties"]["mandate"]["description"] == "The decisions the role may take alone."
    assert scenario["definitions"]["Level"]["description"] == (
        "The level of society an action belongs to."
    )
    assert scenario["properties"]["setting"]["description"] == (
        "The place, the company and the numbers of the lägesbild."
    )


def _descriptions(node: object) -> list[str]:
    """Return every description text in a schema."""
    if isinstance(node, list):
        return [text for item in node for text in _descriptions(item)]
    if not isinstance(node, dict):
        return []
    found = [node["description"]] if isinstance(node.get("description"), str) else []
    return found + [
        text
        for key, value in node.items()
        if not (key == "description" and isinstance(value, str))
        for text in _descriptions(value)
    ]


def test_swedish_schema_has_a_swedish_text_for_every_description() -> None:
    """Every English description has its own Swedish one, and no Swedish text is left unused."""
    from varselspel.cli.schema import build_schemas
    from varselspel.cli.schema_strings import SV

    english = build_schemas("en")
    swedish = build_schemas("sv")
    en_texts = [t for s in english.values() for t in _descriptions(s)]
    sv_texts = [t for s in swedish.values() for t in _descriptions(s)]
    assert len(en_texts) == len(sv_texts)
    assert not set(en_texts) & set(sv_texts)
    joined = "\n".join(sv_texts)
    unused = [key for key, text in SV.items() if text not in joined]
    assert unused == []


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
    assert capsys.readouterr().out.splitlines() == ["Kontrollerade 1 fil: 0 fel, 0 varningar."]


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
        for def_name, definition in [("", schema), *schema.get("definitions", {}).items()]:
            for prop_name, prop in definition.get("properties", {}).items():
                if not prop.get("description"):
                    missing.append(f"{file_name}:{def_name}.{prop_name}")
    assert missing == []


def _yaml_data(path: Path) -> object:
    """Read a YAML file the way the loader does (YAML 1.2 core schema, like editors)."""
    from varselspel.loader import read_yaml

    result = read_yaml(path.read_text(encoding="utf-8-sig"), str(path))
    assert result.diagnostics == []
    return result.data


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict[str, object]]:
    """The two schemas `varselspel schema` writes."""
    from varselspel.cli.schema import build_schemas

    return build_schemas()


@pytest.mark.parametrize(
    "path", sorted(bundled_scenarios_dir().glob("*.yaml")), ids=lambda p: p.stem
)
def test_bundled_scenarios_pass_the_schema(path: Path, schemas: dict[str, Any]) -> None:
    """What an editor checks against the scenario schema agrees with the bundled scenarios."""
    validator = jsonschema.Draft7Validator(schemas["scenario.schema.json"])
    assert [e.message for e in validator.iter_errors(_yaml_data(path))] == []


def test_bundled_roles_pass_the_schema(schemas: dict[str, Any]) -> None:
    """Every bundled role card passes the role schema."""
    validator = jsonschema.Draft7Validator(schemas["role.schema.json"])
    paths = sorted(bundled_roles_dir().glob("*.yaml"))
    assert paths
    problems = {p.name: [e.message for e in validator.iter_errors(_yaml_data(p))] for p in paths}
    assert {name: errors for name, errors in problems.items() if errors} == {}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["rounds"][0].update(gametime="Dag 0"), "gametime"),
        (lambda d: d["rounds"][0].update(minutes="trettio"), "'trettio' is not of type"),
        (lambda d: d.pop("setting"), "'setting' is a required property"),
        (lambda d: d.update(kind="flytt"), "'flytt' is not one of"),
        (lambda d: d["indicators"][0].update(id="har-bindestreck"), "does not match"),
        (lambda d: d["indicators"][0].update(good="uppåt"), "'uppåt' is not one of"),
    ],
    ids=["unknown-key", "wrong-type", "missing", "bad-choice", "bad-id", "bad-direction"],
)
def test_broken_scenario_fails_the_schema(
    change: Any, expected: str, schemas: dict[str, Any]
) -> None:
    """The schema catches what an editor should mark: unknown keys, types, required, choices."""
    data = _yaml_data(bundled_scenarios_dir() / "demo.yaml")
    assert isinstance(data, dict)
    change(data)
    validator = jsonschema.Draft7Validator(schemas["scenario.schema.json"])
    messages = [e.message for e in validator.iter_errors(data)]
    assert any(expected in m for m in messages), messages


def test_schema_without_source_files_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An install without .py files (bytecode only) still writes valid schemas.

    English descriptions need the docstrings in the source; the Swedish ones do not.
    """
    import inspect

    def no_source(obj: object) -> str:
        raise OSError("could not get source code")

    monkeypatch.setattr(inspect, "getsource", no_source)
    from varselspel.cli.schema import field_docstrings

    assert field_docstrings(Scenario) == {}
    assert main(["schema", "--out", str(tmp_path)]) == 0
    scenario = json.loads((tmp_path / "scenario.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(scenario)
    assert scenario["properties"]["rounds"]["description"] == "Omgångarna i spelordning."
    jsonschema.validate(_yaml_data(bundled_scenarios_dir() / "demo.yaml"), scenario)
    assert main(["--lang", "en", "schema", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    scenario = json.loads((tmp_path / "scenario.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(scenario)
    assert scenario["description"] == "A complete workshop scenario."
    assert "description" not in scenario["properties"]["rounds"]


@pytest.mark.slow
def test_docstrings_come_from_installed_files(tmp_path: Path) -> None:
    """In a fresh interpreter the installed model sources give every field its description."""
    code = (
        "import varselspel.model as m, inspect\n"
        "from varselspel.cli.schema import build_schemas\n"
        "s = build_schemas()['scenario.schema.json']\n"
        "print(inspect.getsourcefile(m.Scenario))\n"
        "print(s['properties']['rounds']['description'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    source, description = done.stdout.splitlines()
    assert source.endswith(("model/scenario.py", "model\\scenario.py"))
    assert description.startswith("Rounds in playing order.")


def test_closed_sets_are_offered_as_choices(schemas: dict[str, Any]) -> None:
    """Fields with a fixed set of values carry an `enum`, so editors complete the values."""
    scenario = schemas["scenario.schema.json"]
    defs = scenario["definitions"]
    assert scenario["properties"]["language"]["enum"] == ["sv", "en"]
    assert defs["Indicator"]["properties"]["good"]["enum"] == ["up", "down"]
    assert defs["Decision"]["properties"]["outside_mandate"]["enum"] == ["anchor", "refuse"]
    assert defs["ScenarioKind"]["enum"] == ["varsel", "etablering"]
    assert defs["Level"]["enum"] == ["lokal", "regional", "nationell"]


@pytest.mark.slow
def test_bytecode_only_install_writes_schemas(tmp_path: Path) -> None:
    """A copy of the package holding only .pyc files still writes valid schemas (no docstrings)."""
    import compileall
    import shutil

    import varselspel

    site = tmp_path / "site"
    shutil.copytree(
        Path(varselspel.__file__).parent,
        site / "varselspel",
        ignore=shutil.ignore_patterns("__pycache__", "tui", "scenarios", "roles"),
    )
    assert compileall.compile_dir(site, quiet=1, legacy=True)
    for source in site.rglob("*.py"):
        source.unlink()
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "varselspel", "--lang", "en", "schema", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith(f"Wrote {out / 'scenario.schema.json'}")
    scenario = json.loads((out / "scenario.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(scenario)
    assert scenario["description"] == "A complete workshop scenario."
    assert "description" not in scenario["properties"]["title"]


@pytest.mark.parametrize(
    ("scenario_id", "title"),
    [
        ("min-kommun", "Min kommun"),
        ("fabriken-i-norrby", "Fabriken i Norrby"),
        ("varvet_pa_holmen", "Varvet på Holmen"),
        ("yes", '"Yes"'),
    ],
)
def test_new_derives_the_title_from_the_id(
    scenario_id: str, title: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`new min-kommun` is titled "Min kommun", not a title fixed in the template."""
    assert main(["new", scenario_id, "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    text = (tmp_path / f"{scenario_id}.yaml").read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("title: "))
    assert line.split("#")[0].strip() == f"title: {title}"
    assert main(["validate", str(tmp_path / f"{scenario_id}.yaml")]) == 0
    assert capsys.readouterr().out.endswith(": 0 fel, 0 varningar.\n")
    loaded = yaml.safe_load(text)
    assert loaded["title"] == title.strip('"')
