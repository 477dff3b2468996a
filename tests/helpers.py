"""Helpers shared by several test modules (imported like conftest: `from helpers import ...`)."""

from __future__ import annotations

EXPR_GRAMMAR_TOKENS = [
    "valt",
    "beslutat",
    "chans",
    "and",
    "or",
    "not",
    "true",
    "false",
    "(",
    ")",
    ",",
    "<",
    "<=",
    ">",
    ">=",
    "==",
    "!=",
    "=",
    "+=",
    "-=",
    "*=",
    "+",
    "-",
    "*",
    "/",
]
"""The expression language's functions, words, punctuation and operators, for token-soup fuzzing.

Each fuzz test adds the names and literals of its own fixture; a new operator goes here once.
"""
