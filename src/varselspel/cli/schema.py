"""`varselspel schema [--out DIR]`: write JSON Schema files for editors' YAML language servers."""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import sys
import typing
from pathlib import Path
from typing import Any

from varselspel.cli.authoring_strings import STRINGS, os_reason
from varselspel.cli.common import add_subcommand
from varselspel.i18n import get_lang, tr

SCENARIO_SCHEMA = "scenario.schema.json"
"""File name of the scenario schema."""
ROLE_SCHEMA = "role.schema.json"
"""File name of the role-card schema."""
# Draft-07: the YAML Language Server (VS Code, Neovim, Helix ...) validates with draft-07 and
# flags newer dialects as "not yet fully supported"; the models need nothing newer.
_DIALECT = "http://json-schema.org/draft-07/schema#"


def register(subparsers: Any, lang: str) -> None:
    """Add the `schema` subcommand."""
    parser = add_subcommand(subparsers, "schema", tr(STRINGS, "schema.help", lang))
    parser.add_argument(
        "--out", type=Path, default=Path("."), metavar="DIR", help=tr(STRINGS, "schema.out", lang)
    )
    parser.set_defaults(handler=run)
    parser.epilog = tr(STRINGS, "schema.lang", lang)


def build_schemas(lang: str = "en") -> dict[str, dict[str, Any]]:
    """Return the JSON Schemas by file name, described in `lang` (`sv` or `en`).

    English comes from the models' docstrings, Swedish from `schema_strings.SV`.
    """
    from varselspel.model import RoleCard, Scenario

    result: dict[str, dict[str, Any]] = {}
    for name, model in ((SCENARIO_SCHEMA, Scenario), (ROLE_SCHEMA, RoleCard)):
        schema = model.model_json_schema(mode="validation")
        classes = _model_classes(model)
        _describe(schema, model, classes)
        for def_name, definition in schema.get("$defs", {}).items():
            if def_name in classes:
                _describe(definition, classes[def_name], classes)
        if lang == "sv":
            _swedish(schema, model)
        result[name] = {"$schema": _DIALECT, **_draft7(schema)}
    return result


def _type_texts() -> dict[str, str]:
    """Return the Swedish text of each shared id type's English description."""
    from varselspel.cli.schema_strings import SV
    from varselspel.model.common import Identifier, NameId

    texts: dict[str, str] = {}
    for type_name, annotation in (("Identifier", Identifier), ("NameId", NameId)):
        for meta in typing.get_args(annotation)[1:]:
            description = getattr(meta, "description", None)
            if description:
                texts[description] = SV[f"type.{type_name}"]
    return texts


def _swedish(schema: dict[str, Any], root: type) -> None:
    """Replace every description by its Swedish text (models, fields, enums, id types).

    The Swedish texts do not need the models' source, unlike the English docstrings.
    """
    from varselspel.cli.schema_strings import SV

    types = _type_texts()

    def types_in(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                types_in(item)
        elif isinstance(node, dict):
            text = node.get("description")
            if isinstance(text, str) and text in types:
                node["description"] = types[text]
            for value in node.values():
                types_in(value)

    def one(definition: dict[str, Any], name: str) -> None:
        if name in SV:
            definition["description"] = SV[name]
        for field, prop in definition.get("properties", {}).items():
            own = SV.get(f"{name}.{field}")
            if own is None:
                continue
            # The field's own text, then (as in English) the text of its id type.
            english_type = _type_description(prop, types)
            prop["description"] = f"{own} {types[english_type]}" if english_type else own

    one(schema, root.__name__)
    for def_name, definition in schema.get("$defs", {}).items():
        one(definition, def_name)
    types_in(schema)


def _type_description(prop: dict[str, Any], types: dict[str, str]) -> str | None:
    """Return the English id-type text a property's description ends with, if any."""
    description = prop.get("description")
    if not isinstance(description, str):
        return None
    return next((text for text in types if description.endswith(text)), None)


def _draft7(node: Any) -> Any:
    """Rewrite pydantic's 2020-12 output as draft-07: `definitions`, and `$ref` without siblings.

    In draft-07 a `$ref` hides the keywords beside it, so a field's description next to a
    reference to its model would be lost in editors' hovers; `allOf` keeps both.
    """
    if isinstance(node, list):
        return [_draft7(item) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _draft7(value) for key, value in node.items()}
    if "$defs" in result:
        result["definitions"] = result.pop("$defs")
    ref = result.get("$ref")
    if isinstance(ref, str):
        target = {"$ref": ref.replace("#/$defs/", "#/definitions/")}
        del result["$ref"]
        result = {"allOf": [target], **result} if result else target
    return result


def _model_classes(root: type) -> dict[str, type]:
    """Return every model class reachable from `root`'s fields, by class name."""
    from pydantic import BaseModel

    found: dict[str, type] = {}

    def visit(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation.__name__ in found:
                return
            found[annotation.__name__] = annotation
            for field in annotation.model_fields.values():
                visit(field.annotation)
            return
        for arg in typing.get_args(annotation):
            visit(arg)

    visit(root)
    return found


def field_docstrings(cls: type) -> dict[str, str]:
    """Return the docstrings written under a class's annotated fields, by field name.

    The models do not extract these at import time (it costs every start-up); the schema is the
    one place that needs them.
    """
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        module = sys.modules.get(klass.__module__)
        if module is None or not klass.__module__.startswith("varselspel."):
            continue
        try:
            tree = ast.parse(inspect.getsource(module))
        except (OSError, TypeError, SyntaxError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name == klass.__name__:
                body = node.body
                for index, item in enumerate(body[:-1]):
                    following = body[index + 1]
                    if (
                        isinstance(item, ast.AnnAssign)
                        and isinstance(item.target, ast.Name)
                        and isinstance(following, ast.Expr)
                        and isinstance(following.value, ast.Constant)
                        and isinstance(following.value.value, str)
                    ):
                        docs[item.target.id] = inspect.cleandoc(following.value.value)
    return docs


def _describe(schema: dict[str, Any], cls: type, classes: dict[str, type]) -> None:
    """Put each field's docstring into its property's description, keeping a type's own text."""
    properties = schema.get("properties", {})
    for name, text in field_docstrings(cls).items():
        prop = properties.get(name)
        if prop is None:
            continue
        existing = prop.get("description")
        prop["description"] = f"{text} {existing}" if existing and existing != text else text
    if cls.__doc__ and "description" not in schema:
        schema["description"] = inspect.cleandoc(cls.__doc__)


def run(args: argparse.Namespace) -> int:
    """Write both schema files into the output folder."""
    lang = get_lang()
    out: Path = args.out
    for name, schema in build_schemas(lang).items():
        path = out / name
        try:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(
                json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
        except OSError as exc:
            print(tr(STRINGS, "schema.failed", lang, path=path, reason=os_reason(exc, lang)))
            return 1
        print(tr(STRINGS, "schema.wrote", lang, path=path))
    return 0
