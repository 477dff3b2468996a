"""The examples in docs/scenario-format.md are valid, and every loader code is documented."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO_ROOT
from varselspel.diagnostics import Severity
from varselspel.loader import load_role_text, load_scenario_text
from varselspel.loader.bundle import cached_role_library, check_loaded
from varselspel.loader.strings import STRINGS
from varselspel.resources import bundled_roles_dir

DOC = REPO_ROOT / "docs" / "scenario-format.md"


def yaml_blocks() -> list[str]:
    """Return the YAML code blocks of the format document."""
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_annotated_scenario_is_clean() -> None:
    """The complete annotated example passes the loader and the checker without any diagnostic."""
    scenario = next(block for block in yaml_blocks() if "\nrounds:" in block)
    load = load_scenario_text(scenario, "docs-example.yaml")
    result = check_loaded(load, cached_role_library([bundled_roles_dir()]))
    assert [d.format() for d in result.diagnostics] == []
    assert result.bundle is not None


def test_annotated_scenario_uses_every_field() -> None:
    """Every field of every model appears in the example, so the example stays complete."""
    from pydantic import BaseModel

    from varselspel.model import Scenario

    text = next(block for block in yaml_blocks() if "\nrounds:" in block)
    missing: list[str] = []
    seen: set[type[BaseModel]] = set()

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        for name, field in model.model_fields.items():
            if not re.search(rf"(^|\s|-\s){re.escape(name)}:", text, flags=re.MULTILINE):
                missing.append(f"{model.__name__}.{name}")
            for sub in _models_in(field.annotation):
                visit(sub)

    visit(Scenario)
    assert missing == []


def _models_in(annotation: object) -> list[type]:
    """Return the pydantic models inside an annotation (through lists and optionals)."""
    import typing

    from pydantic import BaseModel

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type] = []
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    return found


def test_role_card_example_is_valid() -> None:
    """The role-card example is a valid role card."""
    role = next(
        block for block in yaml_blocks() if "organisation:" in block and "rounds:" not in block
    )
    result = load_role_text(role, "docs-role.yaml")
    assert result.diagnostics == []
    assert result.role is not None and result.role.id == "exempel-kso"


def test_every_code_is_documented() -> None:
    """Each Y/S/R/B code of the loader and each V code of `validate` appears in the codes table."""
    from varselspel.cli.authoring_strings import STRINGS as AUTHORING

    text = DOC.read_text(encoding="utf-8")
    codes = sorted(key for key in STRINGS if re.fullmatch(r"[YSRB]\d{3}", key))
    codes += sorted(key for key in AUTHORING if re.fullmatch(r"V\d{3}", key))
    assert "V004" in codes and "Y017" in codes
    assert [code for code in codes if f"| {code} |" not in text] == []


def test_cli_doc_has_a_section_per_command() -> None:
    """docs/cli.md documents every subcommand the dispatcher knows, including play."""
    from varselspel.cli import SUBCOMMANDS

    text = (REPO_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    sections = {line[3:].strip() for line in text.splitlines() if line.startswith("## ")}
    assert {name.replace("_", "-") for name in SUBCOMMANDS} <= sections


def test_play_script_opens_the_demo() -> None:
    """`./play.sh` with no arguments plays the bundled demo, as the README says."""
    script = (REPO_ROOT / "play.sh").read_text(encoding="utf-8")
    assert '[ "$#" -gt 0 ] || set -- demo' in script
    assert 'play "$@"' in script
    from varselspel.cli.common import find_scenario

    assert find_scenario("demo") is not None


def test_error_severity_of_loader_codes(tmp_path: Path) -> None:
    """Loader diagnostics are errors, never warnings."""
    result = load_scenario_text("a: [", "x.yaml")
    assert result.diagnostics and all(d.severity is Severity.ERROR for d in result.diagnostics)
