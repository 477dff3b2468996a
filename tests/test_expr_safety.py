"""The expression package never hands user text to Python: no eval, exec, compile or getattr.

Two kinds of proof: the sources of `expr` and `check` are read as syntax trees and may not name
anything that reaches Python's dynamic evaluation or arbitrary attributes (and the detector is
itself tested on the ways around a simple call check); and expressions that try dunder names,
attribute syntax, subscripts or string escapes only ever read and write the plain dicts of
`EvalEnv`.
"""

from __future__ import annotations

import ast
import math
from pathlib import Path

import pytest

import varselspel.check
import varselspel.expr

DYNAMIC = frozenset(
    {
        "eval",
        "exec",
        "compile",
        "getattr",
        "setattr",
        "delattr",
        "__import__",
        "__builtins__",
        "builtins",
        "globals",
        "locals",
        "vars",
        "breakpoint",
        "literal_eval",
        "attrgetter",
        "methodcaller",
        "import_module",
    }
)
"""Names that evaluate code, import modules or reach attributes by a string."""

FORBIDDEN_MODULES = frozenset(
    {"builtins", "importlib", "pickle", "marshal", "shelve", "ctypes", "code", "codeop", "runpy"}
)
"""Modules the two packages may not import at all."""

ALLOWED_DUNDERS = frozenset({"__init__", "__name__", "__doc__", "__future__"})
"""Dunder attributes that reach nothing dynamic (`super().__init__`, a type's name)."""

SOURCES = sorted(
    [
        *Path(varselspel.expr.__file__).parent.glob("*.py"),
        *Path(varselspel.check.__file__).parent.glob("*.py"),
    ]
)


def dynamic_evaluation(source: str) -> set[str]:
    """Return every way `source` could reach dynamic evaluation or arbitrary attributes."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id in DYNAMIC:
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            regex = isinstance(node.value, ast.Name) and node.value.id == "re"
            if (node.attr in DYNAMIC and not (regex and node.attr == "compile")) or (
                node.attr.startswith("__") and node.attr not in ALLOWED_DUNDERS
            ):
                found.add(f".{node.attr}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in FORBIDDEN_MODULES:
                    found.add(f"import {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.split(".")[0] in FORBIDDEN_MODULES:
                found.add(f"from {module}")
            found.update(f"import {a.name}" for a in node.names if a.name in DYNAMIC)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in DYNAMIC - {"compile"}
        ):
            # A name kept as text, to be looked up later (`vars(builtins)["eval"]`).
            found.add(repr(node.value))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_dynamic_evaluation(path: Path) -> None:
    """No module of `expr` or `check` can reach eval, exec, compile, getattr or an import."""
    assert dynamic_evaluation(path.read_text(encoding="utf-8")) == set()


@pytest.mark.parametrize(
    "snippet",
    [
        "import builtins as _b\n_b.eval('1')",
        "from builtins import eval as run\nrun('1')",
        "f = eval\nf('1')",
        "__builtins__['exec']('1')",
        "globals()['__builtins__']",
        "vars(object)",
        "import importlib\nimportlib.import_module('os')",
        "from importlib import import_module",
        "import operator\noperator.attrgetter('x')(y)",
        "().__class__.__bases__[0].__subclasses__()",
        "x.__dict__['y']",
        "compile('1', 'f', 'eval')",
        "import pickle",
        "getattr(x, 'y')",
        "d = {'eval': 1}",
    ],
)
def test_the_detector_sees_the_ways_around_a_call_check(snippet: str) -> None:
    """Aliases, attributes, stored references and subscripts are all caught, not only calls."""
    assert dynamic_evaluation(snippet)


def test_the_sources_were_found() -> None:
    names = {p.name for p in SOURCES}
    assert {"lexer.py", "parser.py", "evaluate.py", "flow.py", "characters.py"} <= names


def _env() -> object:
    from varselspel.expr import EvalEnv

    return EvalEnv(indicators={"x": 1.0}, flags={"f": True}, model={"m": 2.0})


@pytest.mark.parametrize(
    "text",
    [
        "__class__ > 0",
        "__builtins__ != 0",
        "__import__ != 0",
        "x.__class__ > 0",
        "x.__class__.__bases__ > 0",
        "x.__dict__ > 0",
        "model.__class__.__mro__ > 0",
        "model.__init__.__globals__ > 0",
        "x.real > 0",
        "x.imag == 0 and x.real == 0",
        'valt("__import__", "os")',
        'valt("r1.\\u005f\\u005fclass\\u005f\\u005f", "\\x5f\\x5fdict\\x5f\\x5f")',
        'beslutat("__class__")',
    ],
)
def test_names_cannot_reach_python_objects(text: str) -> None:
    """Dunder names and attribute syntax are names in the game's dicts (unknown, so 0), never
    attributes of Python objects: `x.real` is 0 although the float 1.0 has `.real` 1.0."""
    from varselspel.expr import parse_condition

    env = _env()
    before = repr(env)
    result = parse_condition(text).evaluate(env)
    assert result is False or result is True
    assert repr(env) == before


def test_attribute_syntax_reads_a_name_not_an_attribute() -> None:
    """`x.real` names the indicator `x.real`, so it reads that value when one exists."""
    from varselspel.expr import EvalEnv, parse_condition

    env = EvalEnv(indicators={"x": 1.0, "x.real": 7.0})
    assert parse_condition("x.real == 7").evaluate(env) is True
    assert parse_condition("x.real == 1").evaluate(env) is False


@pytest.mark.parametrize(
    "text",
    [
        "x[0] > 0",
        "x.__dict__['a'] > 0",
        "(1).__class__ > 0",
        "getattr(x, 1) > 0",
        "eval(1) > 0",
        "__import__(1) > 0",
        "valt('__import__', 'os')",
        '"__class__" == "__class__"',
        "x if x else x",
        "lambda: 1",
        "x; y",
    ],
)
def test_python_syntax_is_refused(text: str) -> None:
    """Subscripts, calls of unknown functions, other quotes and Python keywords do not parse."""
    from varselspel.expr import parse_condition
    from varselspel.expr.errors import ExprError

    with pytest.raises(ExprError):
        parse_condition(text)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("model.__class__ = 5", "model"),
        ("__class__ = 1", "indicators"),
        ("x.__dict__ = 1", "indicators"),
        ("__builtins__ += 1", "indicators"),
        ("f.__class__ = true", "indicators"),
    ],
)
def test_effects_write_only_plain_dict_entries(text: str, where: str) -> None:
    """An effect on a dunder name adds a key to one of the environment's dicts, nothing else."""
    from varselspel.expr import parse_effect

    env = _env()
    parse_effect(text).apply(env)  # type: ignore[arg-type]
    target = getattr(env, where)
    added = {k: v for k, v in target.items() if k not in {"x", "f", "m"}}
    assert len(added) == 1
    (value,) = added.values()
    assert value is True or (isinstance(value, float) and math.isfinite(value))
    assert type(env).__name__ == "EvalEnv"
