"""The tokenizer: expression text to a list of tokens with offsets."""

from __future__ import annotations

from dataclasses import dataclass

from varselspel.expr.errors import ExprError

MAX_LENGTH = 2000
"""Longest expression accepted; real conditions are far shorter."""

NUM = "num"
STR = "str"
NAME = "name"
OP = "op"
EOF = "eof"

_TWO_CHAR_OPS = frozenset({"<=", ">=", "==", "!=", "+=", "-=", "*=", "/="})
_ONE_CHAR_OPS = frozenset("<>+-*/=(),")
_DIGITS = frozenset("0123456789")

_LOOKALIKES = {
    "=>": ">=",
    "=<": "<=",
    "<>": "!=",
    "&&": "and",
    "||": "or",
    "&": "and",
    "|": "or",
    "!": "not",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00bb": '"',
    "\u00ab": '"',
    "'": '"',
    "\u2212": "-",
    "\u2013": "-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2260": "!=",
}
"""Operators and quotes authors write by habit (or a word processor wrote), and what to use."""


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind, its text and where it starts in the expression."""

    kind: str
    text: str
    offset: int


def _is_name_start(char: str) -> bool:
    # Non-ASCII letters are read as names so `arbetslösa` gets "did you mean arbetslosa".
    return char == "_" or char.isalpha()


def _is_name_char(char: str) -> bool:
    return char == "_" or char.isalnum()


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens, ending with an EOF token; raise ExprError on bad input."""
    if len(text) > MAX_LENGTH:
        raise ExprError("X104", {"limit": MAX_LENGTH}, MAX_LENGTH)
    tokens: list[Token] = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char in " \t\r\n":
            i += 1
        elif char in _DIGITS:
            start = i
            while i < n and text[i] in _DIGITS:
                i += 1
            if i < n and text[i] == ".":
                i += 1
                if i >= n or text[i] not in _DIGITS:
                    raise ExprError("X103", {"text": text[start:i]}, start)
                while i < n and text[i] in _DIGITS:
                    i += 1
            if i + 1 < n and text[i] == "," and text[i + 1] in _DIGITS and "." not in text[start:i]:
                # `0,5` is a Swedish decimal; no call takes two numbers, so say so.
                end = i + 1
                while end < n and text[end] in _DIGITS:
                    end += 1
                raise ExprError("X103", {"text": text[start:end]}, start)
            if i < n and (_is_name_char(text[i]) or text[i] == "."):
                end = i
                while end < n and (_is_name_char(text[end]) or text[end] == "."):
                    end += 1
                raise ExprError("X103", {"text": text[start:end]}, start)
            tokens.append(Token(NUM, text[start:i], start))
        elif _is_name_start(char):
            start = i
            i += 1
            while i < n:
                if _is_name_char(text[i]):
                    i += 1
                elif text[i] == "." and i + 1 < n and _is_name_start(text[i + 1]):
                    # Dotted names (`model.x`, or a mistaken bare `r1.ledning`) are one token.
                    i += 2
                else:
                    break
            tokens.append(Token(NAME, text[start:i], start))
        elif char == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise ExprError("X102", {}, i)
            tokens.append(Token(STR, text[i + 1 : end], i))
            i = end + 1
        elif text[i : i + 2] in _LOOKALIKES:
            wrong = text[i : i + 2]
            raise ExprError("X117", {"wrong": wrong, "right": _LOOKALIKES[wrong]}, i)
        elif text[i : i + 2] in _TWO_CHAR_OPS:
            tokens.append(Token(OP, text[i : i + 2], i))
            i += 2
        elif char in _ONE_CHAR_OPS:
            tokens.append(Token(OP, char, i))
            i += 1
        elif char in _LOOKALIKES:
            raise ExprError("X117", {"wrong": char, "right": _LOOKALIKES[char]}, i)
        else:
            raise ExprError("X101", {"char": char}, i)
    tokens.append(Token(EOF, "", n))
    return tokens
