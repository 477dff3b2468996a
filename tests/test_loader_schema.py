"""Pydantic errors become plain-language diagnostics at the offending node, in both languages."""

from __future__ import annotations

import pytest

from varselspel.cli.new_template import render
from varselspel.diagnostics import Diagnostic
from varselspel.loader import load_role_text, load_scenario_text
from varselspel.loader.schema_errors import model_at
from varselspel.model import Inject, Option, RoleCard, Scenario

BASE = render("prov", "varsel", 2026, "prov.yaml")


def lines_of(text: str) -> list[str]:
    """Split into lines for finding line numbers."""
    return text.splitlines()


def line_no(text: str, needle: str) -> int:
    """Return the 1-based number of the first line containing `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def load_changed(old: str, new: str, lang: str = "sv") -> tuple[str, list[Diagnostic]]:
    """Load the base scenario with one text replaced; return the text and its diagnostics."""
    assert old in BASE
    text = BASE.replace(old, new, 1)
    return text, load_scenario_text(text, "prov.yaml", lang=lang).diagnostics


def only(diagnostics: list[Diagnostic]) -> Diagnostic:
    """Return the single diagnostic."""
    assert len(diagnostics) == 1, diagnostics
    return diagnostics[0]


def test_base_scenario_is_valid() -> None:
    """The starting scenario loads without diagnostics and positions its fields."""
    result = load_scenario_text(BASE, "prov.yaml")
    assert result.diagnostics == []
    assert result.scenario is not None
    assert result.scenario.id == "prov"
    assert result.positions.values[("rounds", 0, "id")].line == line_no(BASE, "  - id: r1")
    assert len(result.sha256) == 64


def test_unknown_key_points_at_key_with_suggestion() -> None:
    """A misspelt key is S002 at the key, suggesting the closest field."""
    text, diags = load_changed("    game_time: Dag 0", "    gametime: Dag 0")
    codes = sorted(d.code for d in diags)
    assert codes == ["S001", "S002"]
    extra = next(d for d in diags if d.code == "S002")
    assert extra.message == "okänd nyckel `gametime`; menade du `game_time`?"
    assert (extra.line, extra.column) == (line_no(text, "gametime"), 5)
    assert extra.path == ("rounds", 0, "gametime")
    missing = next(d for d in diags if d.code == "S001")
    assert missing.message == "fältet `game_time` saknas men måste finnas"
    assert missing.line == line_no(text, "  - id: r1")


def test_unknown_key_without_close_match_lists_allowed_keys() -> None:
    """Without a close match the message lists the keys allowed there."""
    _text, diags = load_changed(
        "    population: 280000", "    population: 280000\n    zzz: 1", "en"
    )
    diag = only(diags)
    assert diag.message == "unknown key `zzz`; keys allowed here: name, population, description"


@pytest.mark.parametrize(
    ("old", "new", "code", "sv", "en"),
    [
        (
            "id: prov",
            "id: Prov",
            "S009",
            "`Prov` är inte giltigt för `id`: ett id skrivs med små bokstäver: en bokstav a-z först, sedan a-z, siffror, `_` eller `-`",
            "`Prov` is not valid for `id`: an id is lower case: a letter a-z first, then a-z, digits, `_` or `-`",
        ),
        (
            "  - id: arbetslosa",
            "  - id: arbets-losa",
            "S009",
            "`arbets-losa` är inte giltigt för `indicators[0].id`: ett namn som används i uttryck skrivs med små bokstäver: en bokstav a-z först, sedan a-z, siffror eller `_` (inget `-`)",
            "`arbets-losa` is not valid for `indicators[0].id`: a name used in expressions is lower case: a letter a-z first, then a-z, digits or `_` (no `-`)",
        ),
        (
            "good: down ",
            "good: ner  ",
            "S010",
            "`ner` är inte giltigt för `indicators[0].good`: välj en av `up`, `down`",
            "`ner` is not valid for `indicators[0].good`: choose one of `up`, `down`",
        ),
        (
            "kind: varsel ",
            "kind: varsl  ",
            "S010",
            "`varsl` är inte giltigt för `kind`: välj en av `varsel`, `etablering`",
            "`varsl` is not valid for `kind`: choose one of `varsel`, `etablering`",
        ),
        (
            "year: 2026",
            "year: 1900",
            "S011",
            "`year` måste vara minst 1990, inte 1900",
            "`year` must be at least 1990, not 1900",
        ),
        (
            "    population: 14000 ",
            "    population: 0     ",
            "S011",
            "`setting.municipality.population` måste vara större än 0, inte 0",
            "`setting.municipality.population` must be greater than 0, not 0",
        ),
        (
            "    minutes: 25                  # diskussionstid",
            "    minutes: 500",
            "S011",
            "`rounds[0].minutes` måste vara högst 240, inte 500",
            "`rounds[0].minutes` must be at most 240, not 500",
        ),
        (
            "duration_minutes: 90",
            "duration_minutes: nittio",
            "S004",
            "`duration_minutes` ska vara ett heltal, inte `nittio`",
            "`duration_minutes` must be a whole number, not `nittio`",
        ),
        (
            "duration_minutes: 90",
            "duration_minutes: 90.5",
            "S004",
            "`duration_minutes` ska vara ett heltal, inte `90.5`",
            "`duration_minutes` must be a whole number, not `90.5`",
        ),
        (
            "    tax_rate: 0.3237",
            "    tax_rate: 0,3237",
            "S005",
            "`setting.municipality.tax_rate` ska vara ett tal, inte `0,3237` (använd decimalpunkt, t.ex. 0.5)",
            "`setting.municipality.tax_rate` must be a number, not `0,3237` (use a decimal point, e.g. 0.5)",
        ),
        (
            "        backup: true",
            "        backup: kanske",
            "S006",
            "`rounds[0].injects[1].backup` ska vara true eller false, inte `kanske`",
            "`rounds[0].injects[1].backup` must be true or false, not `kanske`",
        ),
        (
            'version: "0.1"',
            "version: 0.1  ",
            "S003",
            "`version` ska vara text (skriv `0.1` inom citattecken)",
            "`version` must be text (write `0.1` in quotes)",
        ),
        (
            "      - Visa att kommunen tar ledningen utan att lova pengar som inte finns.",
            "      - Mål: visa att kommunen tar ledningen.",
            "S003",
            "`roles[0].private_goals[0]` ska vara text (texten innehåller `: ` och blev därför en mappning; sätt citattecken runt hela texten)",
            "`roles[0].private_goals[0]` must be text (the text contains `: ` and so became a mapping; put quotes around the whole text)",
        ),
        (
            "title: Prov ",
            "title: ''",
            "S007",
            "`title` får inte vara tom",
            "`title` must not be empty",
        ),
        (
            "authors: [Ditt namn]",
            "authors: Ditt namn",
            "S013",
            "`authors` ska vara en lista (rader som börjar med `- `)",
            "`authors` must be a list (lines starting with `- `)",
        ),
        (
            "  region:\n    name: Region Mellanå\n    population: 280000",
            "  region: Region Mellanå",
            "S014",
            "`setting.region` ska vara en mappning (nyckel: värde)",
            "`setting.region` must be a mapping (key: value)",
        ),
    ],
)
def test_error_types_in_plain_language(old: str, new: str, code: str, sv: str, en: str) -> None:
    """Each common pydantic error type has its own code and plain message at the value."""
    text, diags = load_changed(old, new, "sv")
    diag = only(diags)
    assert (diag.code, diag.message) == (code, sv)
    number = line_no(text, new.splitlines()[0])
    line = text.splitlines()[number - 1]
    assert diag.line == number
    value_start = line.index("- ") + 2 if isinstance(diag.path[-1], int) else line.index(": ") + 2
    assert diag.column == value_start + 1 + (1 if line[value_start] in "'\"" else 0)
    _text, diags_en = load_changed(old, new, "en")
    assert only(diags_en).message == en


def test_empty_list_where_items_are_required() -> None:
    """`can_do: []` is S007 with the minimum count."""
    text = BASE.replace(
        "      can_do:\n        - Rusta och matcha dem som sägs upp.",
        "      can_do: []",
    )
    diags = load_scenario_text(text, "prov.yaml").diagnostics
    s007 = [d for d in diags if d.code == "S007"]
    assert [d.message for d in s007] == ["`cards.network[0].can_do` måste ha minst 1 element"]


def test_empty_options_are_the_checkers_to_report() -> None:
    """A decision may do without options (a number decision), so `options: []` reads as valid."""
    text = BASE.replace(
        "        options:\n          - id: utbildning",
        "        options: []\n        unused:\n          - id: utbildning",
    )
    diags = load_scenario_text(text, "prov.yaml").diagnostics
    assert [d.code for d in diags if d.code == "S007"] == []


def test_many_errors_are_sorted_by_position() -> None:
    """All errors come back at once, in file order."""
    text = BASE.replace("year: 2026", "year: x").replace(
        "duration_minutes: 90", "duration_minutes: y"
    )
    diags = load_scenario_text(text, "prov.yaml").diagnostics
    assert [d.code for d in diags] == ["S004", "S004"]
    assert diags[0].line is not None and diags[1].line is not None
    assert diags[0].line < diags[1].line


def test_role_card_errors() -> None:
    """Role cards get the same treatment as scenarios."""
    text = "id: kso\ntitle: KSO\norganisation: Kommunen\nmandat: []\n"
    diags = load_role_text(text, "kso.yaml").diagnostics
    assert [(d.code, d.line, d.column, d.message) for d in diags] == [
        ("S002", 4, 1, "okänd nyckel `mandat`; menade du `mandate`?")
    ]
    good = load_role_text("id: kso\ntitle: KSO\norganisation: Kommunen\n", "kso.yaml")
    assert good.role is not None and good.diagnostics == []


def test_model_at_follows_lists_and_optionals() -> None:
    """The model at a path is found through lists and optional fields."""
    assert model_at(Scenario, ("rounds", 3, "injects", 0)) is Inject
    assert model_at(Scenario, ("rounds", 0, "decisions", 1, "options", 2)) is Option
    assert model_at(Scenario, ("title",)) is None
    assert model_at(RoleCard, ()) is RoleCard


def test_too_long_text_is_s008() -> None:
    """An id over 64 characters is S008 at the value, in both languages."""
    text, diags = load_changed("id: prov", "id: " + "a" * 65)
    diag = only(diags)
    assert (diag.code, diag.line, diag.column) == ("S008", line_no(text, "id: aaa"), 5)
    assert diag.message == "`id` får ha högst 64 tecken"
    assert only(load_changed("id: prov", "id: " + "a" * 65, "en")[1]).message == (
        "`id` may have at most 64 characters"
    )


def test_unmapped_error_types_fall_back_to_s099() -> None:
    """An error type without its own code still gets a diagnostic at its node (S099)."""
    from varselspel.diagnostics import Position, PositionMap
    from varselspel.loader.schema_errors import _one

    positions = PositionMap(values={("title",): Position(2, 8)})
    error = {"type": "something_new", "loc": ("title",), "msg": "Something new", "input": 1}
    diag = _one(error, ("title",), Scenario, positions, "s.yaml", "sv")
    assert (diag.code, diag.line, diag.column) == ("S099", 2, 8)
    assert diag.message == "`title` är ogiltigt: Something new"


def test_key_dedented_out_of_its_option_says_where_it_belongs() -> None:
    """`outcome` at the decision's level is unknown there; it belongs to the option above."""
    old = "            outcome: Medierna frågar varför ingen tar ansvar."
    text, diags = load_changed(old, old.replace("            ", "        "))
    diag = only(diags)
    line = line_no(text, "        outcome: Medierna")
    assert (diag.code, diag.line, diag.column) == ("S002", line, 9)
    option_line = line_no(text, "          - id: vanta")
    assert diag.message == (
        f"okänd nyckel `outcome`; den hör till `options` ovanför (rad {option_line})"
        " och ska stå 4 blanksteg längre in"
    )
    _text, diags = load_changed(old, old.replace("            ", "        "), "en")
    assert only(diags).message == (
        f"unknown key `outcome`; it belongs to `options` above (line {option_line})"
        " and should stand 4 spaces further in"
    )


def test_key_of_a_missing_child_mapping_says_under_which_key() -> None:
    """A field of a nested mapping the author left out: name the key it belongs under."""
    _text, diags = load_changed(
        "    own_actions_prompt:", "    notes: Låt grupperna prata.\n    own_actions_prompt:", "en"
    )
    assert only(diags).message == "unknown key `notes`; it belongs under `facilitator:`"
