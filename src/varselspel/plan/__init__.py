"""The draft action plan (handlingsplan): a pure model and its builder from a session."""

from __future__ import annotations

from varselspel.plan.build import (
    build_group_plan,
    build_synthesis,
    find_group,
    merge_actions,
    normalise_title,
)
from varselspel.plan.model import SCHEMA_VERSION, ActionPlan, PlanAction

__all__ = [
    "SCHEMA_VERSION",
    "ActionPlan",
    "PlanAction",
    "build_group_plan",
    "build_synthesis",
    "find_group",
    "merge_actions",
    "normalise_title",
]
