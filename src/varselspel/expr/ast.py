"""The syntax tree of conditions and effects: small frozen dataclasses."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class ValueType(StrEnum):
    """The type of a value in the expression language."""

    NUMBER = "number"
    BOOL = "bool"
    STRING = "string"


class VarKind(StrEnum):
    """What a name refers to; `UNRESOLVED` until names are checked against a scenario."""

    UNRESOLVED = "unresolved"
    INDICATOR = "indicator"
    FLAG = "flag"
    MODEL = "model"


@dataclass(frozen=True, slots=True)
class Number:
    """A number literal such as `300` or `0.5`."""

    value: float
    offset: int = field(default=0, compare=False)
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Bool:
    """The literal `true` or `false`."""

    value: bool
    offset: int = field(default=0, compare=False)
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class String:
    """A string in double quotes; only allowed as a function argument."""

    value: str
    offset: int = field(default=0, compare=False)
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Var:
    """A name: an indicator, a flag, or `model.<field>` (then `name` is the field)."""

    name: str
    kind: VarKind = VarKind.UNRESOLVED
    offset: int = field(default=0, compare=False)
    depth: int = field(default=1, compare=False, repr=False)

    @property
    def source_name(self) -> str:
        """The name as written in the expression."""
        return f"model.{self.name}" if self.kind is VarKind.MODEL else self.name


@dataclass(frozen=True, slots=True)
class Unary:
    """`not X` or `-X`."""

    op: str
    operand: Node
    offset: int = field(default=0, compare=False)
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Binary:
    """Arithmetic: `+ - * /`."""

    op: str
    left: Node
    right: Node
    offset: int = field(default=0, compare=False)
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Logic:
    """`and` or `or` over two or more operands written in a row."""

    op: str
    operands: tuple[Node, ...]
    offset: int = field(default=0, compare=False)
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Compare:
    """A comparison, possibly chained like `0 < x <= 10`."""

    first: Node
    ops: tuple[str, ...]
    rest: tuple[Node, ...]
    offset: int = field(default=0, compare=False)
    depth: int = field(default=1, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Call:
    """A call of a built-in function: `valt`, `beslutat` or `chans`."""

    func: str
    args: tuple[Node, ...]
    offset: int = field(default=0, compare=False)
    depth: int = field(default=1, compare=False, repr=False)


Node = Number | Bool | String | Var | Unary | Binary | Logic | Compare | Call
"""Any node of an expression."""


def children(node: Node) -> tuple[Node, ...]:
    """Return the direct children of `node`."""
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Logic):
        return node.operands
    if isinstance(node, Compare):
        return (node.first, *node.rest)
    if isinstance(node, Call):
        return node.args
    return ()


def walk(node: Node) -> Iterator[Node]:
    """Yield `node` and every node below it, parents first."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(children(current)))
