"""The safe expression language of conditions and effects: parse once, check names, evaluate.

Conditions and effects are parsed by a hand-written tokenizer and recursive-descent parser into
small frozen dataclasses; evaluation runs closures built from that tree over plain dicts. Nothing
here uses `eval`, `exec`, `compile` or attribute look-up on user text.
"""

from __future__ import annotations

from varselspel.expr.ast import Node, ValueType, Var, VarKind, walk
from varselspel.expr.compile import (
    MODEL_FIELDS,
    CompiledExpr,
    CompiledScenario,
    ExprProblem,
    compile_scenario,
    decision_key,
    model_values,
    namespace_of,
)
from varselspel.expr.errors import ExprError
from varselspel.expr.evaluate import Chance, EvalEnv, clamp, no_chance
from varselspel.expr.printer import to_source
from varselspel.expr.program import Condition, Effect, apply_effects, parse_condition, parse_effect
from varselspel.expr.resolve import Namespace, resolve_condition, resolve_effect
from varselspel.expr.strings import format_message

__all__ = [
    "MODEL_FIELDS",
    "Chance",
    "CompiledExpr",
    "CompiledScenario",
    "Condition",
    "Effect",
    "EvalEnv",
    "ExprError",
    "ExprProblem",
    "Namespace",
    "Node",
    "ValueType",
    "Var",
    "VarKind",
    "apply_effects",
    "clamp",
    "compile_scenario",
    "decision_key",
    "format_message",
    "model_values",
    "namespace_of",
    "no_chance",
    "parse_condition",
    "parse_effect",
    "resolve_condition",
    "resolve_effect",
    "to_source",
    "walk",
]
