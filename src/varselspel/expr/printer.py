"""The printer: a syntax tree back to canonical expression text."""

from __future__ import annotations

from decimal import Decimal

from varselspel.expr.ast import Binary, Bool, Compare, Logic, Node, Number, String, Unary, Var

_OR, _AND, _NOT, _COMPARE, _SUM, _PRODUCT, _UNARY, _ATOM = range(8)


def _precedence(node: Node) -> int:
    if isinstance(node, Logic):
        return _OR if node.op == "or" else _AND
    if isinstance(node, Unary):
        return _NOT if node.op == "not" else _UNARY
    if isinstance(node, Compare):
        return _COMPARE
    if isinstance(node, Binary):
        return _SUM if node.op in "+-" else _PRODUCT
    return _ATOM


def _number(value: float) -> str:
    # Plain digits only: the tokenizer accepts no exponent notation.
    text = format(Decimal(repr(value)), "f")
    return text[:-2] if text.endswith(".0") else text


def _wrap(node: Node, minimum: int) -> str:
    text = to_source(node)
    return f"({text})" if _precedence(node) < minimum else text


def to_source(node: Node) -> str:
    """Return canonical text that parses back to an equal tree."""
    if isinstance(node, Number):
        return _number(node.value)
    if isinstance(node, Bool):
        return "true" if node.value else "false"
    if isinstance(node, String):
        return f'"{node.value}"'
    if isinstance(node, Var):
        return node.source_name
    if isinstance(node, Unary):
        if node.op == "not":
            return f"not {_wrap(node.operand, _NOT)}"
        return f"-{_wrap(node.operand, _UNARY)}"
    if isinstance(node, Binary):
        level = _precedence(node)
        return f"{_wrap(node.left, level)} {node.op} {_wrap(node.right, level + 1)}"
    if isinstance(node, Logic):
        level = _precedence(node)
        return f" {node.op} ".join(_wrap(operand, level + 1) for operand in node.operands)
    if isinstance(node, Compare):
        parts = [_wrap(node.first, _SUM)]
        for op, term in zip(node.ops, node.rest, strict=True):
            parts.append(f"{op} {_wrap(term, _SUM)}")
        return " ".join(parts)
    return f"{node.func}({', '.join(to_source(arg) for arg in node.args)})"
