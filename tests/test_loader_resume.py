"""A stored session's scenario copy reopens even when a newer checker finds fault with it."""

from __future__ import annotations

from varselspel.diagnostics import Severity
from varselspel.loader import load_bundle_from_texts, load_role_library
from varselspel.resources import bundled_roles_dir, bundled_scenarios_dir


def _texts(change: tuple[str, str] | None = None) -> tuple[str, dict[str, str]]:
    """Return the demo's text (optionally with one edit) and the library's role texts."""
    text = (bundled_scenarios_dir() / "demo.yaml").read_text(encoding="utf-8")
    if change is not None:
        assert change[0] in text
        text = text.replace(change[0], change[1], 1)
    return text, load_role_library([bundled_roles_dir()]).texts


def test_checker_error_blocks_a_new_bundle_but_not_a_stored_session() -> None:
    """An indicator starting below its minimum is a checker error the engine can play around."""
    text, roles = _texts(("    start: 283\n    min: 0\n", "    start: -5\n    min: 0\n"))
    strict = load_bundle_from_texts(text, roles, "demo.yaml")
    assert strict.bundle is None
    assert any(d.severity is Severity.ERROR for d in strict.diagnostics)
    resumed = load_bundle_from_texts(text, roles, "demo.yaml", strict=False)
    assert resumed.bundle is not None
    assert resumed.bundle.scenario.id == "demo"


def test_schema_error_blocks_a_stored_session_too() -> None:
    """A copy the models cannot read is never played."""
    text, roles = _texts(("    start: 283\n", "    start: många\n"))
    assert load_bundle_from_texts(text, roles, "demo.yaml", strict=False).bundle is None


def test_unknown_name_in_an_expression_blocks_a_stored_session_too() -> None:
    """Expressions that do not compile would change how the game plays, so they still block."""
    text, roles = _texts(("fortroende -= 2", "fortroendet -= 2"))
    assert load_bundle_from_texts(text, roles, "demo.yaml", strict=False).bundle is None
