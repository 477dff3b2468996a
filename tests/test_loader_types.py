"""One rule for values, shared by the validator and the editor's JSON Schema: text stays text."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from varselspel.cli.new_template import render
from varselspel.cli.schema import build_schemas
from varselspel.loader import load_bundle_from_texts, load_scenario_text, read_yaml
from varselspel.resources import bundled_roles_dir

BASE = render("prov", "varsel", 2026, "prov.yaml")
SCHEMA = build_schemas()["scenario.schema.json"]


def changed(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "code", "sv", "en"),
    [
        (
            "backup: true ",
            "backup: yes  ",
            "S006",
            "`rounds[0].injects[1].backup` ska vara true eller false, inte `yes`"
            " (`yes` och `no` är text i YAML 1.2; skriv true eller false)",
            "`rounds[0].injects[1].backup` must be true or false, not `yes`"
            " (`yes` and `no` are text in YAML 1.2; write true or false)",
        ),
        (
            "backup: true ",
            'backup: "true"',
            "S006",
            "`rounds[0].injects[1].backup` ska vara true eller false, inte `true`"
            " (inom citattecken är det text; ta bort citattecknen)",
            "`rounds[0].injects[1].backup` must be true or false, not `true`"
            " (in quotes it is text; remove the quotes)",
        ),
        (
            "    minutes: 25 ",
            '    minutes: "25"',
            "S004",
            "`rounds[0].minutes` ska vara ett heltal, inte `25`"
            " (talet står inom citattecken och är därför text; ta bort citattecknen)",
            "`rounds[0].minutes` must be a whole number, not `25`"
            " (the number is in quotes and so is text; remove the quotes)",
        ),
        (
            "    population: 14000",
            '    population: "14000"',
            "S004",
            "`setting.municipality.population` ska vara ett heltal, inte `14000`"
            " (talet står inom citattecken och är därför text; ta bort citattecknen)",
            "`setting.municipality.population` must be a whole number, not `14000`"
            " (the number is in quotes and so is text; remove the quotes)",
        ),
    ],
    ids=["yes", "quoted-true", "quoted-int", "quoted-population"],
)
def test_text_is_never_read_as_a_number_or_truth_value(
    old: str, new: str, code: str, sv: str, en: str
) -> None:
    text = changed(old, new)
    value = new.split(":", 1)[1].strip()
    for lang, message in (("sv", sv), ("en", en)):
        (diag,) = load_scenario_text(text, "prov.yaml", lang=lang).diagnostics
        assert diag.code == code
        # A quoted value is positioned at its first character inside the quotes.
        column = text.splitlines()[line_of(text, new) - 1].index(value) + 1
        assert (diag.line, diag.column) == (line_of(text, new), column + value.startswith('"'))
        assert diag.message == message


def test_required_no_in_quotes_is_refused_like_the_schema_does() -> None:
    text = changed("  - role: facket\n", '  - role: facket\n    required: "no"\n')
    (diag,) = load_scenario_text(text, "prov.yaml", lang="en").diagnostics
    assert (diag.code, diag.path) == ("S006", ("roles", 3, "required"))
    assert diag.message.endswith("(`yes` and `no` are text in YAML 1.2; write true or false)")


# a line of the template -> values to put in its place
VARIANTS: dict[str, list[str]] = {
    "        backup: true ": ["true", "false", "yes", "no", '"no"', '"true"', "1", "on"],
    "    minutes: 25 ": ["25", '"25"', "25.5", "25.0", "true", "0"],
    "    unemployment_rate: 0.06": ["0.06", '"0.06"', "1", "2", "yes"],
    "    good: up": ["up", "down", "higher", "UP", "1"],
    "                level: lokal": ["lokal", "regional", "kommunal", "2"],
}


@pytest.mark.parametrize(
    ("line", "value"), [(line, value) for line, values in VARIANTS.items() for value in values]
)
def test_editor_schema_and_validator_agree(line: str, value: str) -> None:
    """Every value the JSON Schema accepts loads, and every value it rejects is refused.

    The editor's YAML Language Server reads YAML 1.2 like the loader, so both see the same data.
    """
    key = line.split(":", 1)[0]
    assert line in BASE
    text = BASE.replace(line, f"{key}: {value} ", 1)
    data = read_yaml(text, "prov.yaml").data
    editor_ok = jsonschema.Draft7Validator(SCHEMA).is_valid(data)
    loaded = load_scenario_text(text, "prov.yaml", lang="en")
    assert editor_ok == (loaded.scenario is not None), [d.format() for d in loaded.diagnostics]


MANDATE = "        mandate: sammankalla-lokal-samverkan"


@pytest.mark.parametrize(
    ("old", "new", "choices"),
    [
        ("    good: up", "    good: higher", "`up`, `down`"),
        ("                level: lokal", "                level: kommunal", "`lokal`, `regional`"),
        (MANDATE, MANDATE + "\n        outside_mandate: vägra", "`anchor`, `refuse`"),
    ],
    ids=["pattern-good", "enum-level", "pattern-outside-mandate"],
)
def test_a_value_outside_the_choices_is_always_s010(old: str, new: str, choices: str) -> None:
    """Fields with a fixed set of values share one code, whatever the model checks them with."""
    (diag,) = load_scenario_text(BASE.replace(old, new, 1), "prov.yaml", lang="en").diagnostics
    assert diag.code == "S010"
    assert choices in diag.message


def test_channel_is_free_text_with_suggestions() -> None:
    """`channel` is free text: any words load, and the schema only suggests the usual ones."""
    text = changed("        channel: samtal", "        channel: brev från en granne")
    assert load_scenario_text(text, "prov.yaml").diagnostics == []
    channel = SCHEMA["definitions"]["Inject"]["properties"]["channel"]
    assert channel["type"] == "string"
    assert "enum" not in channel
    assert channel["examples"] == ["artikel", "samtal", "mejl", "sms", "möte", "sociala medier"]


def test_saved_sessions_from_before_strict_types_still_load() -> None:
    """A session's copy of a scenario accepted by an older version (`backup: yes`) still plays."""
    text = changed("backup: true ", "backup: yes  ")
    roles = {
        path.stem: path.read_text(encoding="utf-8")
        for path in Path(bundled_roles_dir()).glob("*.yaml")
    }
    assert load_bundle_from_texts(text, roles).bundle is None
    result = load_bundle_from_texts(text, roles, strict=False)
    assert result.bundle is not None
    assert result.bundle.scenario.rounds[0].injects[1].backup is True
