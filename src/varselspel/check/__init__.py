"""The static checker: problems a compiler would catch, as diagnostics with codes and positions.

Errors (codes C0xx and the expression codes X1xx/X2xx) stop a scenario from loading; warnings
(C1xx) are shown but do not. Every code is listed in docs/checker.md.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from varselspel.check.characters import check_characters, check_role_characters
from varselspel.check.report import Reporter
from varselspel.check.roles import check_role_library as check_role_rules
from varselspel.check.scenario import check_scenario_rules
from varselspel.check.strings import STRINGS
from varselspel.diagnostics import Diagnostic, PositionMap
from varselspel.expr import compile_scenario
from varselspel.model import RoleCard, Scenario, with_inline_roles


def check_scenario(
    scenario: Scenario,
    roles: Mapping[str, RoleCard],
    positions: PositionMap,
    file: str,
    lang: str | None = None,
    *,
    text: str | None = None,
) -> list[Diagnostic]:
    """Check `scenario` against the role library `roles`; return errors and warnings by position.

    The scenario's own `role_cards` join the library (replacing a card with the same id).

    `text` is the file's YAML text; when given, expression columns are verified against it so a
    problem inside a block scalar points at the scalar instead of a wrong column.
    """
    report = Reporter(positions, file, lang, text)
    compiled, problems = compile_scenario(scenario)
    for problem in problems:
        report.expr_problem(problem)
    check_scenario_rules(scenario, with_inline_roles(scenario, roles), compiled, report, roles)
    report.diagnostics.extend(check_characters(scenario, positions, file, lang, text))
    return report.sorted()


def check_role_library(
    roles: Mapping[str, RoleCard],
    positions: Mapping[str, PositionMap] | None = None,
    files: Mapping[str, str] | None = None,
    lang: str | None = None,
    known: Collection[str] = (),
) -> list[Diagnostic]:
    """Check role cards together (mandates, contacts) and each card's characters.

    A contact may name any of `roles` or of `known` (e.g. the bundled library).
    """
    return [
        *check_role_rules(roles, positions, files, lang, known),
        *check_role_characters(roles, positions, files, lang),
    ]


__all__ = ["STRINGS", "check_role_library", "check_scenario"]
