"""Role library, scenario-vs-role classification, bundles from files and from texts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from varselspel.cli.new_template import render
from varselspel.loader import (
    ScenarioBundle,
    classify_file,
    load_bundle,
    load_bundle_from_texts,
    load_role_library,
    load_scenario_file,
    looks_like_role,
    role_dirs_for,
)
from varselspel.resources import bundled_roles_dir, bundled_scenarios_dir

ROLE = "id: {id}\ntitle: {title}\norganisation: Kommunen\nmandate: []\n"


def write(path: Path, text: str) -> Path:
    """Write a UTF-8 file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_role_library_loads_clean() -> None:
    """Every bundled role card is valid and keyed by its id."""
    library = load_role_library([bundled_roles_dir()])
    assert library.diagnostics == []
    assert "kso" in library.roles
    assert set(library.roles) == set(library.texts) == set(library.files) == set(library.positions)
    assert library.roles["kso"].id == "kso"


def test_later_folder_overrides_by_id(tmp_path: Path) -> None:
    """A role in a later folder replaces the bundled one with the same id."""
    write(tmp_path / "mine" / "kso.yaml", ROLE.format(id="kso", title="Min KSO"))
    library = load_role_library([bundled_roles_dir(), tmp_path / "mine"])
    assert library.roles["kso"].title == "Min KSO"
    assert library.files["kso"] == str(tmp_path / "mine" / "kso.yaml")


def test_duplicate_id_in_one_folder_is_an_error(tmp_path: Path) -> None:
    """Two cards with one id in the same folder give R001 at the second card's id."""
    write(tmp_path / "roles" / "a.yaml", ROLE.format(id="dubbel", title="A"))
    write(tmp_path / "roles" / "b.yaml", ROLE.format(id="dubbel", title="B"))
    library = load_role_library([tmp_path / "roles"])
    assert [(d.code, d.file, d.line, d.column) for d in library.diagnostics] == [
        ("R001", str(tmp_path / "roles" / "b.yaml"), 1, 5)
    ]
    assert library.roles["dubbel"].title == "A"


def test_role_dirs_for_scenario(tmp_path: Path) -> None:
    """Role folders: bundled, then beside the parent folder, then beside the file, then extras."""
    scenario = tmp_path / "proj" / "scen" / "x.yaml"
    dirs = role_dirs_for(scenario, [tmp_path / "extra"])
    assert dirs == [
        bundled_roles_dir(),
        (tmp_path / "proj" / "roles").resolve(),
        (tmp_path / "proj" / "scen" / "roles").resolve(),
        tmp_path / "extra",
    ]


def test_classify_by_folder_and_content(tmp_path: Path) -> None:
    """A file under a `roles` folder, or one that looks like a role card, is a role."""
    in_roles = write(tmp_path / "roles" / "x.yaml", "id: x\n")
    by_content = write(tmp_path / "a" / "x.yaml", ROLE.format(id="x", title="X"))
    scenario = write(tmp_path / "a" / "s.yaml", render("s", "varsel", 2026, "s.yaml"))
    broken = write(tmp_path / "a" / "b.yaml", "organisation: x\nmandate: []\nrounds: []\n")
    assert classify_file(in_roles) == "role"
    assert classify_file(by_content) == "role"
    assert classify_file(scenario) == "scenario"
    assert classify_file(broken) == "scenario"
    assert looks_like_role({"organisation": 1, "mandate": 2})
    assert not looks_like_role({"organisation": 1, "mandate": 2, "rounds": 3})
    assert not looks_like_role(["organisation", "mandate"])


def test_bundle_of_new_scenario(tmp_path: Path) -> None:
    """A valid scenario gives a frozen bundle with only the roles it uses."""
    path = write(tmp_path / "s.yaml", render("s", "varsel", 2026, "s.yaml"))
    result = load_bundle(path)
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    bundle = result.bundle
    assert isinstance(bundle, ScenarioBundle)
    assert set(bundle.roles) == {"kso", "naringslivschef", "arbetsformedlingen", "facket"}
    assert set(bundle.role_texts) == set(bundle.roles)
    assert bundle.scenario.id == "s"
    assert bundle.file == str(path)
    assert bundle.sha256 == load_scenario_file(path).sha256
    assert bundle.scenario_text == path.read_text(encoding="utf-8")
    with pytest.raises(dataclasses.FrozenInstanceError):
        bundle.file = "x"  # type: ignore[misc]


def test_local_roles_folder_overrides(tmp_path: Path) -> None:
    """A `roles/` folder beside the scenario can define roles the scenario uses."""
    text = render("s", "varsel", 2026, "s.yaml").replace("role: facket", "role: lokalfacket")
    text = text.replace("partners: [arbetsformedlingen, facket]", "partners: [arbetsformedlingen]")
    path = write(tmp_path / "s.yaml", text)
    missing = load_bundle(path)
    assert missing.bundle is None
    assert any("lokalfacket" in d.message for d in missing.diagnostics)
    write(tmp_path / "roles" / "lokalfacket.yaml", ROLE.format(id="lokalfacket", title="Facket"))
    found = load_bundle(path)
    assert found.bundle is not None, found.diagnostics
    assert found.bundle.roles["lokalfacket"].title == "Facket"


def test_bundle_from_texts_round_trips(tmp_path: Path) -> None:
    """A bundle rebuilt from its own texts equals the original in content."""
    path = write(tmp_path / "s.yaml", render("s", "etablering", 2026, "s.yaml"))
    first = load_bundle(path).bundle
    assert first is not None
    again = load_bundle_from_texts(first.scenario_text, first.role_texts, "sparad").bundle
    assert again is not None
    assert again.scenario == first.scenario
    assert again.roles == first.roles
    assert again.sha256 == first.sha256
    assert again.file == "sparad"


def test_bundle_from_texts_reports_bad_text() -> None:
    """Broken saved texts come back as diagnostics, not exceptions."""
    result = load_bundle_from_texts("- a\n", {}, "sparad")
    assert result.bundle is None
    assert [d.code for d in result.diagnostics] == ["Y012"]


@pytest.mark.parametrize(
    "path", sorted(bundled_scenarios_dir().glob("*.yaml")), ids=lambda p: p.name
)
def test_bundled_scenarios_read_as_yaml(path: Path) -> None:
    """Every bundled scenario at least passes the YAML layer (content helpers own the rest)."""
    result = load_scenario_file(path)
    assert not [d for d in result.diagnostics if d.code.startswith("Y")]


def test_broken_card_is_shown_when_its_role_is_missing(tmp_path: Path) -> None:
    """A role card that fails to load explains why the scenario's role is missing."""
    text = render("s", "varsel", 2026, "s.yaml").replace("role: facket", "role: lokalfacket")
    text = text.replace("partners: [arbetsformedlingen, facket]", "partners: [arbetsformedlingen]")
    path = write(tmp_path / "s.yaml", text)
    write(tmp_path / "roles" / "lokalfacket.yaml", "id: lokalfacket\ntitle: Facket\n")
    result = load_bundle(path)
    assert result.bundle is None
    assert any(
        d.code == "S001" and d.file == str(tmp_path / "roles" / "lokalfacket.yaml")
        for d in result.diagnostics
    )


def test_unrelated_broken_card_does_not_block(tmp_path: Path) -> None:
    """A broken card nobody uses does not stop a scenario whose roles all load."""
    path = write(tmp_path / "s.yaml", render("s", "varsel", 2026, "s.yaml"))
    write(tmp_path / "roles" / "trasig.yaml", "id: trasig\n")
    assert load_bundle(path).bundle is not None


def test_fallbacks_when_the_checker_is_absent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without `varselspel.check`, missing roles (B001) and bad expressions (B002) still stop a bundle."""
    from varselspel.loader import bundle as bundle_module

    monkeypatch.setattr(bundle_module, "optional_checker", lambda name: None)
    text = render("s", "varsel", 2026, "s.yaml").replace("role: facket", "role: faket")
    text = text.replace("condition: samverkan_startad ", "condition: samverkan_startat ")
    path = write(tmp_path / "s.yaml", text)
    result = load_bundle(path, lang="en")
    assert result.bundle is None
    lines = text.splitlines()
    role_line = next(i for i, line in enumerate(lines, 1) if "role: faket" in line)
    expr_line = next(i for i, line in enumerate(lines, 1) if "samverkan_startat" in line)
    expr_column = lines[expr_line - 1].index("samverkan_startat") + 1
    found = {(d.code, d.line, d.column): d.message for d in result.diagnostics}
    assert found[("B001", role_line, 11)] == (
        "the role `faket` is not in the role library; did you mean `facket`?"
    )
    message = found[("B002", expr_line, expr_column)]
    assert message.startswith("the expression could not be compiled: X")
    assert "samverkan_startad" in message


def test_a_scenario_names_the_organisation_a_role_stands_for(tmp_path: Path) -> None:
    """`roles[].organisation` replaces the card's generic one in the bundle, not in the library."""
    text = render("x", "varsel", 2026, "x.yaml")
    assert "  - role: facket\n" in text
    cast = text.replace("  - role: facket\n", "  - role: facket\n    organisation: Pappers\n", 1)
    bundle = load_bundle(write(tmp_path / "scenarios" / "x.yaml", cast)).bundle
    assert bundle is not None
    assert bundle.roles["facket"].organisation == "Pappers"
    generic = load_role_library([bundled_roles_dir()]).roles["facket"].organisation
    assert generic != "Pappers"
    # A resumed session rebuilds the bundle from its saved texts and keeps the cast.
    again = load_bundle_from_texts(bundle.scenario_text, bundle.role_texts).bundle
    assert again is not None and again.roles["facket"].organisation == "Pappers"
    plain = load_bundle(write(tmp_path / "scenarios" / "y.yaml", text)).bundle
    assert plain is not None and plain.roles["facket"].organisation == generic
