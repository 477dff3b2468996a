"""The expression package never hands user text to Python: no eval, exec, compile or getattr."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import varselspel.check
import varselspel.expr

FORBIDDEN = {"eval", "exec", "compile", "getattr", "setattr", "__import__", "literal_eval"}

SOURCES = sorted(
    [
        *Path(varselspel.expr.__file__).parent.glob("*.py"),
        *Path(varselspel.check.__file__).parent.glob("*.py"),
    ]
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_dynamic_evaluation(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                called.add(func.id)
            elif isinstance(func, ast.Attribute) and func.attr == "literal_eval":
                called.add(func.attr)
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [alias.name for alias in node.names]
            module = getattr(node, "module", None) or ""
            assert "importlib" not in (module, *names)
            assert "pickle" not in (module, *names)
    assert called.isdisjoint(FORBIDDEN), called & FORBIDDEN


def test_the_sources_were_found() -> None:
    names = {p.name for p in SOURCES}
    assert {"lexer.py", "parser.py", "evaluate.py", "flow.py"} <= names


def test_names_cannot_reach_python_objects() -> None:
    from varselspel.expr import EvalEnv, parse_condition, parse_effect

    env = EvalEnv(indicators={"x": 1.0})
    # Unknown names read as 0 (a checked scenario has none); they never reach an attribute.
    for text in ("__class__ > 0", "x.__class__ > 0", "model.__dict__ > 0", "__import__ != 0"):
        assert parse_condition(text).evaluate(env) is False
    parse_effect("model.__class__ = 5").apply(env)
    assert env.model == {"__class__": 5.0}
