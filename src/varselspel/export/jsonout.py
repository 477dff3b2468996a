"""Render an action plan as versioned JSON and describe it with a JSON Schema."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from varselspel.export.text import clean_data
from varselspel.plan.model import SCHEMA_VERSION, ActionPlan

SCHEMA_ID = f"https://varselspel.example/schema/plan-{SCHEMA_VERSION}.json"
"""Identifier of the plan's JSON Schema (a name, not a place the file is fetched from)."""


def render_json(plan: ActionPlan) -> str:
    """Render the plan as pretty-printed UTF-8 JSON with stable field order, its texts cleaned."""
    data = clean_data(plan.model_dump(mode="json"))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def build_schema() -> dict[str, Any]:
    """Generate the JSON Schema of the plan from the pydantic model."""
    schema = ActionPlan.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


@cache
def plan_schema() -> dict[str, Any]:
    """Return the JSON Schema shipped with the package (`plan.schema.json`)."""
    text = files("varselspel.export").joinpath("plan.schema.json").read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def schema_text() -> str:
    """Return the generated schema as the text the shipped file holds."""
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"
