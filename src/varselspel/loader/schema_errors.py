"""Turning pydantic validation errors into plain-language diagnostics at file:line:column."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from varselspel.diagnostics import Diagnostic, Path, PositionMap, Severity
from varselspel.i18n import tr
from varselspel.loader.strings import STRINGS

_IDENTIFIER_PATTERN = r"^[a-z][a-z0-9_\-]*$"
_NAMEID_PATTERN = r"^[a-z][a-z0-9_]*$"
_CHOICES_PATTERN = re.compile(r"^\^\(([A-Za-z0-9_|\-]+)\)\$$")


def model_at(root: type[BaseModel], path: Sequence[str | int]) -> type[BaseModel] | None:
    """Return the model class that describes the mapping at `path`, if any."""
    current: Any = root
    for step in path:
        current = _unwrap(current, step)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any, step: str | int) -> Any:
    """Follow one path step through a model field or a list's item type."""
    if isinstance(step, str):
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(step)
            return _strip_optional(field.annotation) if field is not None else None
        return None
    origin = typing.get_origin(annotation)
    if origin in (list, tuple, set, frozenset, Sequence):
        args = typing.get_args(annotation)
        return _strip_optional(args[0]) if args else None
    return None


def _strip_optional(annotation: Any) -> Any:
    """Return `X` for `X | None`, and the annotation itself otherwise."""
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _strip_optional(args[0])
    if origin is typing.Annotated:
        return _strip_optional(typing.get_args(annotation)[0])
    return annotation


def _field_name(loc: Sequence[str | int], lang: str | None) -> str:
    """Return a readable name for the place an error is at, e.g. `rounds[0].title`."""
    parts: list[str] = []
    for step in loc:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        else:
            parts.append(("." if parts else "") + step)
    return "".join(parts) or tr(STRINGS, "top", lang)


def _show(value: Any) -> str:
    """Show an input value briefly, the way an author would have typed it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    try:
        text = str(value)
    except ValueError:  # an int too long for Python to print; the reader refuses most of them
        return type(value).__name__
    return text if len(text) <= 60 else text[:57] + "…"


def diagnostics_from_validation(
    exc: ValidationError,
    model: type[BaseModel],
    positions: PositionMap,
    file: str,
    lang: str | None = None,
) -> list[Diagnostic]:
    """Map each pydantic error to a diagnostic pointing at the offending node."""
    result: list[Diagnostic] = []
    for error in exc.errors(include_url=False, include_context=True):
        loc = tuple(step for step in error["loc"] if isinstance(step, str | int))
        result.append(_one(error, loc, model, positions, file, lang))
    result.sort(key=lambda d: (d.line or 0, d.column or 0))
    return result


def _one(
    error: Any,
    loc: Path,
    model: type[BaseModel],
    positions: PositionMap,
    file: str,
    lang: str | None,
) -> Diagnostic:
    """Translate one pydantic error into a diagnostic."""
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    field = _field_name(loc, lang)
    leaf = str(loc[-1]) if loc and isinstance(loc[-1], str) else field
    at_key = False
    params: dict[str, object] = {"field": field, "value": _show(value)}
    if kind == "missing":
        code = "S001"
        params["field"] = leaf
        parent_pos = positions.find(loc[:-1])
        where = parent_pos
        message = tr(STRINGS, code, lang, **params)
        return _diag(code, message, file, where, loc)
    if kind == "extra_forbidden":
        import difflib

        code = "S002"
        at_key = True
        owner = model_at(model, loc[:-1])
        names = list(owner.model_fields) if owner is not None else []
        close = difflib.get_close_matches(leaf, names, n=1, cutoff=0.6)
        deeper = _one_level_deeper(owner, loc, positions, lang) if owner is not None else None
        if deeper is not None:
            hint = deeper
        elif close:
            hint = tr(STRINGS, "S002.hint", lang, suggestion=close[0])
        elif names:
            hint = tr(STRINGS, "S002.allowed", lang, allowed=", ".join(names))
        else:
            hint = ""
        message = tr(STRINGS, code, lang, field=leaf, hint=hint)
    elif kind == "string_type":
        code = "S003"
        hint = ""
        if isinstance(value, int | float | bool) or value is None:
            hint = tr(STRINGS, "S003.hint", lang, value=_show(value))
        elif isinstance(value, dict) and len(value) == 1:
            hint = tr(STRINGS, "S003.colon", lang)
        message = tr(STRINGS, code, lang, field=field, hint=hint)
    elif kind in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        code = "S004"
        message = tr(STRINGS, code, lang, hint=_quoted_hint(value, lang), **params)
    elif kind in ("float_parsing", "float_type", "finite_number"):
        code = "S005"
        hint = tr(STRINGS, "S005.hint", lang) if isinstance(value, str) and "," in value else ""
        message = tr(STRINGS, code, lang, hint=hint or _quoted_hint(value, lang), **params)
    elif kind in ("bool_parsing", "bool_type"):
        code = "S006"
        hint = ""
        if isinstance(value, str) and value.strip().lower() in _YES_NO:
            hint = tr(STRINGS, "S006.yesno", lang)
        elif isinstance(value, str) and value.strip().lower() in ("true", "false"):
            hint = tr(STRINGS, "S006.quoted", lang)
        message = tr(STRINGS, code, lang, hint=hint, **params)
    elif kind in ("too_short", "string_too_short"):
        code = "S007"
        minimum = ctx.get("min_length", 1)
        if kind == "string_too_short":
            key = "S007.text" if minimum == 1 else "S007.textmin"
            message = tr(STRINGS, key, lang, field=field, min=minimum)
        else:
            message = tr(STRINGS, code, lang, field=field, min=minimum)
    elif kind in ("too_long", "string_too_long"):
        code = "S008"
        unit = tr(STRINGS, "unit.chars" if kind == "string_too_long" else "unit.items", lang)
        message = tr(STRINGS, code, lang, field=field, max=ctx.get("max_length"), unit=unit)
    elif kind == "string_pattern_mismatch" and _CHOICES_PATTERN.match(str(ctx.get("pattern", ""))):
        # A text field with a fixed set of values: the same mistake as a wrong enum value.
        code = "S010"
        match = _CHOICES_PATTERN.match(str(ctx.get("pattern", "")))
        assert match is not None
        choices = ", ".join(f"`{c}`" for c in match.group(1).split("|"))
        message = tr(STRINGS, code, lang, choices=choices, **params)
    elif kind == "string_pattern_mismatch":
        code = "S009"
        pattern = str(ctx.get("pattern", ""))
        message = tr(STRINGS, code, lang, rule=_pattern_rule(pattern, lang), **params)
    elif kind in ("enum", "literal_error"):
        code = "S010"
        expected = str(ctx.get("expected", "")).replace("'", "")
        choices = ", ".join(
            f"`{c.strip()}`" for c in expected.replace(" or ", ", ").split(",") if c.strip()
        )
        message = tr(STRINGS, code, lang, choices=choices, **params)
    elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        code = "S011"
        relation, limit_key = {
            "greater_than": ("rel.gt", "gt"),
            "greater_than_equal": ("rel.ge", "ge"),
            "less_than": ("rel.lt", "lt"),
            "less_than_equal": ("rel.le", "le"),
        }[kind]
        message = tr(
            STRINGS,
            code,
            lang,
            relation=tr(STRINGS, relation, lang),
            limit=ctx.get(limit_key),
            **params,
        )
    elif kind in ("list_type", "tuple_type", "set_type"):
        code = "S013"
        message = tr(STRINGS, code, lang, field=field)
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        code = "S014"
        message = tr(STRINGS, code, lang, field=field)
    else:
        code = "S099"
        message = tr(STRINGS, code, lang, field=field, detail=error.get("msg", kind))
    where = positions.keys.get(loc) if at_key else None
    if where is None:
        where = positions.find(loc)
    return _diag(code, message, file, where, loc)


def _one_level_deeper(
    owner: type[BaseModel], loc: Path, positions: PositionMap, lang: str | None
) -> str | None:
    """Say where an unknown key belongs when it is a field one level further in.

    A key dedented out of its mapping (`outcome` written at the level of the decision instead of
    inside its option) lands in the parent, where it is unknown.
    """
    leaf = loc[-1]
    parent = loc[:-1]
    key_pos = positions.keys.get(loc)
    best: tuple[int, str, Any] | None = None
    fallback: str | None = None
    for name, field in owner.model_fields.items():
        annotation = _strip_optional(field.annotation)
        is_list = typing.get_origin(annotation) is list
        child = _unwrap(annotation, 0) if is_list else annotation
        if not (isinstance(child, type) and issubclass(child, BaseModel)):
            continue
        if leaf not in child.model_fields:
            continue
        fallback = fallback or name
        if key_pos is None:
            continue
        # The child mapping nearest above the key: the last list item, or the mapping itself.
        places = [(*parent, name)]
        if is_list:
            index = 0
            while (*parent, name, index) in positions.values:
                places.append((*parent, name, index))
                index += 1
        for place in places:
            pos = positions.values.get(place)
            if pos is None or pos.line >= key_pos.line or pos.column <= key_pos.column:
                continue
            if best is None or pos.line > best[0]:
                best = (pos.line, name, pos)
    if best is not None and key_pos is not None:
        line, name, pos = best
        spaces = pos.column - key_pos.column
        return tr(STRINGS, "S002.deeper", lang, parent=name, line=line, spaces=spaces)
    if fallback is not None:
        return tr(STRINGS, "S002.under", lang, parent=fallback)
    return None


def _diag(code: str, message: str, file: str, where: Any, loc: Path) -> Diagnostic:
    """Build an error diagnostic at `where` (a Position or None)."""
    line = where.line if where is not None else None
    column = where.column if where is not None else None
    return Diagnostic(Severity.ERROR, code, message, file, line, column, loc)


_YES_NO = frozenset({"yes", "no", "y", "n", "on", "off", "ja", "nej"})
_NUMBER_TEXT = re.compile(r"\s*[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*\Z")


def _quoted_hint(value: Any, lang: str | None) -> str:
    """Explain a number written in quotes (text in YAML), or nothing."""
    if isinstance(value, str) and _NUMBER_TEXT.match(value):
        return tr(STRINGS, "S004.quoted", lang)
    return ""


def _pattern_rule(pattern: str, lang: str | None) -> str:
    """Explain a field's pattern in words."""
    if pattern == _IDENTIFIER_PATTERN:
        return tr(STRINGS, "rule.identifier", lang)
    if pattern == _NAMEID_PATTERN:
        return tr(STRINGS, "rule.nameid", lang)
    match = _CHOICES_PATTERN.match(pattern)
    if match:
        choices = ", ".join(f"`{c}`" for c in match.group(1).split("|"))
        return tr(STRINGS, "rule.choices", lang, choices=choices)
    return tr(STRINGS, "rule.pattern", lang, pattern=pattern)
