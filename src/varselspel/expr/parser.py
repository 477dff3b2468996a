"""The recursive-descent parser: tokens to a syntax tree, with offsets for every error."""

from __future__ import annotations

import difflib

from varselspel.expr.ast import (
    Binary,
    Bool,
    Call,
    Compare,
    Logic,
    Node,
    Number,
    String,
    Unary,
    Var,
    VarKind,
    children,
)
from varselspel.expr.errors import ExprError
from varselspel.expr.lexer import EOF, NAME, NUM, OP, STR, Token, tokenize

MAX_DEPTH = 40
"""Deepest nesting accepted, so evaluation never comes near Python's recursion limit."""

FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "valt": (2, 2),
    "beslutat": (1, 1),
    "chans": (1, 1),
    "har_roll": (1, 1),
    "varde": (1, 1),
    "antal": (1, 1),
    "min": (2, None),
    "max": (2, None),
    "round": (1, 2),
    "abs": (1, 1),
}
"""Built-in functions and the fewest and most arguments each takes (None: no limit)."""

STRING_FUNCTIONS = frozenset({"valt", "beslutat", "har_roll", "varde", "antal"})
"""Functions whose arguments are strings in double quotes."""

NUMBER_FUNCTIONS = frozenset({"min", "max", "round", "abs"})
"""Functions of numbers that return a number."""


def arity_text(func: str) -> str:
    """Return how many arguments a function takes, as `2`, `1–2` or `≥ 2`."""
    least, most = FUNCTIONS[func]
    if most is None:
        return f"≥ {least}"
    return str(least) if least == most else f"{least}–{most}"


KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
"""Words that cannot be names."""

COMPARE_OPS = frozenset({"<", "<=", ">", ">=", "==", "!="})
"""Comparison operators; they may be chained as in Python."""

ASSIGN_OPS = frozenset({"=", "+=", "-=", "*="})
"""Operators an effect may use."""

MODEL_PREFIX = "model."
"""Prefix of the consequence model's assumptions and company figures."""


def _found(token: Token) -> str:
    return token.text if token.kind != STR else f'"{token.text}"'


class _Parser:
    """Parses one expression; one instance per text."""

    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.pos = 0

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def advance(self) -> Token:
        token = self.tokens[self.pos]
        if token.kind != EOF:
            self.pos += 1
        return token

    def at_word(self, word: str) -> bool:
        token = self.tokens[self.pos]
        return token.kind == NAME and token.text == word

    def at_op(self, op: str) -> bool:
        token = self.tokens[self.pos]
        return token.kind == OP and token.text == op

    def expect_op(self, op: str) -> Token:
        token = self.peek()
        if token.kind != OP or token.text != op:
            raise ExprError("X107", {"expected": op, "found": _found(token)}, token.offset)
        return self.advance()

    def expect_end(self) -> None:
        token = self.peek()
        if token.kind == EOF:
            return
        if token.kind == OP and token.text == "=":
            raise ExprError("X109", {}, token.offset)
        raise ExprError("X108", {"found": _found(token)}, token.offset)

    @staticmethod
    def deeper(*nodes: Node) -> int:
        depth = 1 + max(node.depth for node in nodes)
        if depth > MAX_DEPTH:
            raise ExprError("X105", {"limit": MAX_DEPTH}, nodes[0].offset)
        return depth

    def nest(self, nesting: int) -> int:
        if nesting >= MAX_DEPTH:
            raise ExprError("X105", {"limit": MAX_DEPTH}, self.peek().offset)
        return nesting + 1

    def parse_logic(self, word: str, nesting: int) -> Node:
        sub = self.parse_and if word == "or" else self.parse_not
        first = sub(nesting)
        if not self.at_word(word):
            return first
        operands = [first]
        while self.at_word(word):
            self.advance()
            operands.append(sub(nesting))
        return Logic(word, tuple(operands), first.offset, self.deeper(*operands))

    def parse_or(self, nesting: int) -> Node:
        return self.parse_logic("or", nesting)

    def parse_and(self, nesting: int) -> Node:
        return self.parse_logic("and", nesting)

    def parse_not(self, nesting: int) -> Node:
        if self.at_word("not"):
            token = self.advance()
            operand = self.parse_not(self.nest(nesting))
            return Unary("not", operand, token.offset, self.deeper(operand))
        return self.parse_compare(nesting)

    def parse_compare(self, nesting: int) -> Node:
        first = self.parse_sum(nesting)
        ops: list[str] = []
        rest: list[Node] = []
        while self.peek().kind == OP and self.peek().text in COMPARE_OPS:
            ops.append(self.advance().text)
            rest.append(self.parse_sum(nesting))
        if not ops:
            return first
        return Compare(first, tuple(ops), tuple(rest), first.offset, self.deeper(first, *rest))

    def parse_sum(self, nesting: int) -> Node:
        left = self.parse_product(nesting)
        while self.at_op("+") or self.at_op("-"):
            op = self.advance().text
            right = self.parse_product(nesting)
            left = Binary(op, left, right, left.offset, self.deeper(left, right))
        return left

    def parse_product(self, nesting: int) -> Node:
        left = self.parse_unary(nesting)
        while self.at_op("*") or self.at_op("/"):
            op = self.advance().text
            right = self.parse_unary(nesting)
            left = Binary(op, left, right, left.offset, self.deeper(left, right))
        return left

    def parse_unary(self, nesting: int) -> Node:
        if self.at_op("-"):
            token = self.advance()
            operand = self.parse_unary(self.nest(nesting))
            return Unary("-", operand, token.offset, self.deeper(operand))
        return self.parse_atom(nesting)

    def parse_atom(self, nesting: int) -> Node:
        token = self.peek()
        if token.kind == NUM:
            self.advance()
            return Number(float(token.text), token.offset)
        if token.kind == STR:
            self.advance()
            return String(token.text, token.offset)
        if token.kind == NAME and token.text not in KEYWORDS - {"true", "false"}:
            self.advance()
            if token.text in ("true", "false"):
                return Bool(token.text == "true", token.offset)
            if self.at_op("("):
                return self.parse_call(token, nesting)
            if token.text.startswith(MODEL_PREFIX):
                return Var(token.text[len(MODEL_PREFIX) :], VarKind.MODEL, token.offset)
            return Var(token.text, VarKind.UNRESOLVED, token.offset)
        if token.kind == OP and token.text == "(":
            self.advance()
            inner = self.parse_or(self.nest(nesting))
            self.expect_op(")")
            return inner
        raise ExprError("X106", {"found": _found(token)}, token.offset)

    def parse_call(self, name: Token, nesting: int) -> Node:
        func = name.text
        if func not in FUNCTIONS:
            suggestions = difflib.get_close_matches(func, list(FUNCTIONS), n=2, cutoff=0.5)
            raise ExprError("X111", {"name": func, "suggestions": suggestions}, name.offset)
        self.expect_op("(")
        inner = self.nest(nesting)
        args: list[Node] = []
        if not self.at_op(")"):
            args.append(self.parse_or(inner))
            while self.at_op(","):
                self.advance()
                args.append(self.parse_or(inner))
        self.expect_op(")")
        least, most = FUNCTIONS[func]
        if len(args) < least or (most is not None and len(args) > most):
            raise ExprError(
                "X112", {"func": func, "expected": arity_text(func), "got": len(args)}, name.offset
            )
        for number, arg in enumerate(args, start=1):
            if func in STRING_FUNCTIONS and not isinstance(arg, String):
                raise ExprError("X113", {"n": number, "func": func}, arg.offset)
        depth = self.deeper(*args) if args else 1
        return Call(func, tuple(args), name.offset, depth)


def _reject_stray_strings(root: Node) -> None:
    """Raise when a string stands anywhere but directly as a function argument."""
    if isinstance(root, String):
        raise ExprError("X110", {}, root.offset)
    stack = [root]
    while stack:
        node = stack.pop()
        for child in children(node):
            if isinstance(child, String):
                if not isinstance(node, Call) or node.func not in STRING_FUNCTIONS:
                    raise ExprError("X110", {}, child.offset)
            else:
                stack.append(child)


def parse_condition_node(text: str) -> Node | None:
    """Parse a condition to a syntax tree, or None when it is empty (always true)."""
    if not text.strip():
        return None
    parser = _Parser(text)
    node = parser.parse_or(0)
    parser.expect_end()
    _reject_stray_strings(node)
    return node


def parse_effect_parts(text: str) -> tuple[Var, str, Node]:
    """Parse an effect to its target, its operator and its value."""
    parser = _Parser(text)
    token = parser.peek()
    if token.kind == EOF:
        raise ExprError("X116", {}, token.offset)
    if token.kind != NAME or token.text in KEYWORDS:
        raise ExprError("X114", {"found": _found(token)}, token.offset)
    parser.advance()
    if token.text.startswith(MODEL_PREFIX):
        target = Var(token.text[len(MODEL_PREFIX) :], VarKind.MODEL, token.offset)
    else:
        target = Var(token.text, VarKind.UNRESOLVED, token.offset)
    op_token = parser.peek()
    if op_token.kind != OP or op_token.text not in ASSIGN_OPS:
        raise ExprError("X115", {"name": token.text, "found": _found(op_token)}, op_token.offset)
    parser.advance()
    value = parser.parse_or(0)
    parser.expect_end()
    _reject_stray_strings(value)
    return target, op_token.text, value
