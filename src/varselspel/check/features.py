"""Rules for the richer parts of the format: revealed cards and figures, delayed effects,
multi-select and number decisions, indicators that follow the model, inline role cards."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping

from varselspel.check.report import Reporter
from varselspel.diagnostics import Path, Severity
from varselspel.expr import CompiledScenario, VarKind
from varselspel.model import RoleCard, Scenario
from varselspel.model.figures import figure_codes, follow_codes

_ROLE_ID = re.compile(r"^[a-z][a-z0-9_\-]*$")


def _suggest(name: str, candidates: Iterable[str]) -> list[str]:
    return difflib.get_close_matches(name, sorted(set(candidates)), n=3, cutoff=0.6)


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def check_decisions(scenario: Scenario, report: Reporter) -> None:
    """Report decisions without an answer, with two kinds of answer, or with a useless max."""
    for ri, round_ in enumerate(scenario.rounds):
        for di, decision in enumerate(round_.decisions):
            base: Path = ("rounds", ri, "decisions", di)
            number = decision.number
            if number is None and not decision.options:
                report.error("C026", (*base, "id"), id=decision.id)
                continue
            if number is not None and decision.options:
                report.error("C027", (*base, "number"), id=decision.id)
                continue
            if number is not None:
                if number.min > number.max:
                    report.error(
                        "C028",
                        (*base, "number", "min"),
                        min=_number(number.min),
                        max=_number(number.max),
                    )
                if decision.max_choices > 1:
                    report.warning("C116", (*base, "max_choices"), id=decision.id, variant="number")
            elif decision.max_choices > len(decision.options):
                report.warning(
                    "C116",
                    (*base, "max_choices"),
                    id=decision.id,
                    max=decision.max_choices,
                    count=len(decision.options),
                )


def check_figures(scenario: Scenario, compiled: CompiledScenario, report: Reporter) -> None:
    """Report unknown figure names, and effects that write to an indicator following the model."""
    kind = scenario.kind
    shown = figure_codes(kind)
    for ri, reveal in enumerate(scenario.setting.reveal):
        for fi, code in enumerate(reveal.figures):
            if code not in shown:
                report.error(
                    "C029",
                    ("setting", "reveal", ri, "figures", fi),
                    id=code,
                    kind=kind.value,
                    suggestions=_suggest(code, shown),
                )
    follows: dict[str, str] = {}
    followable = follow_codes(kind)
    for index, indicator in enumerate(scenario.indicators):
        if indicator.follows is None:
            continue
        follows.setdefault(indicator.id, indicator.follows)
        if indicator.follows not in followable:
            report.error(
                "C029",
                ("indicators", index, "follows"),
                id=indicator.follows,
                kind=kind.value,
                suggestions=_suggest(indicator.follows, followable),
            )
    if not follows:
        return
    for expr in compiled.expressions:
        effect = expr.effect
        if effect is None or effect.target.kind is not VarKind.INDICATOR:
            continue
        figure = follows.get(effect.target.name)
        if figure is not None:
            report.at_offset(
                Severity.ERROR,
                "C032",
                expr.path,
                effect.source,
                effect.target.offset,
                id=effect.target.name,
                figure=figure,
            )


def _round_refs(scenario: Scenario) -> Iterable[tuple[int, Path, list[str]]]:
    """Yield each card list of an inject, a decision, an option or a number, with its round."""
    for ri, round_ in enumerate(scenario.rounds):
        for ii, inject in enumerate(round_.injects):
            yield ri, ("rounds", ri, "injects", ii, "cards"), inject.cards
        for di, decision in enumerate(round_.decisions):
            base: Path = ("rounds", ri, "decisions", di)
            yield ri, (*base, "cards"), decision.cards
            for oi, option in enumerate(decision.options):
                yield ri, (*base, "options", oi, "cards"), option.cards
            if decision.number is not None:
                yield ri, (*base, "number", "cards"), decision.number.cards


def check_timing(scenario: Scenario, compiled: CompiledScenario, report: Reporter) -> None:
    """Report unknown `available_from` rounds, cards used before they are available, and
    delayed effects that would apply after the last round."""
    rounds = {r.id: i for i, r in reversed(list(enumerate(scenario.rounds)))}
    gated: dict[str, int] = {}
    cards = scenario.cards
    for kind, items in cards.by_kind():
        for index, card in enumerate(items):
            start = card.available_from
            if start is None:
                continue
            if start not in rounds:
                report.error(
                    "C033",
                    ("cards", kind, index, "available_from"),
                    id=start,
                    suggestions=_suggest(start, rounds),
                )
            else:
                gated.setdefault(card.id, rounds[start])
    for index, reveal in enumerate(scenario.setting.reveal):
        start = reveal.available_from
        if start is not None and start not in rounds:
            report.error(
                "C033",
                ("setting", "reveal", index, "available_from"),
                id=start,
                suggestions=_suggest(start, rounds),
            )
    for ri, path, ids in _round_refs(scenario):
        for n, card_id in enumerate(ids):
            gate = gated.get(card_id)
            if gate is not None and gate > ri:
                report.warning(
                    "C118",
                    (*path, n),
                    id=card_id,
                    start=scenario.rounds[gate].id,
                    round=scenario.rounds[ri].id,
                )
    count = len(scenario.rounds)
    seen: set[Path] = set()
    for expr in compiled.expressions:
        if not expr.delay or expr.round_index + expr.delay < count:
            continue
        # One warning per list of delayed effects, at its `after_rounds`.
        where = (*expr.path[:-2], "after_rounds")
        if where in seen:
            continue
        seen.add(where)
        report.warning("C117", where, after=expr.delay, round=scenario.rounds[expr.round_index].id)


def check_inline_roles(
    scenario: Scenario, library: Mapping[str, RoleCard], report: Reporter
) -> None:
    """Report inline role cards: repeated, replacing a library card, unused, or clashing mandates."""
    listed = {entry.role for entry in scenario.roles}
    inline: dict[str, int] = {}
    holders: dict[str, tuple[str, bool]] = {}
    for role_id, card in library.items():
        for item in card.mandate:
            holders.setdefault(item.id, (role_id, item.exclusive))
    known = {*library, *(card.id for card in scenario.role_cards)}
    for index, card in enumerate(scenario.role_cards):
        base: Path = ("role_cards", index)
        if card.id in inline:
            report.error("C034", (*base, "id"), id=card.id)
            continue
        inline[card.id] = index
        if card.id in library:
            report.warning("C119", (*base, "id"), id=card.id)
        if card.id not in listed:
            report.warning("C120", (*base, "id"), id=card.id)
        seen: set[str] = set()
        for mi, item in enumerate(card.mandate):
            path: Path = (*base, "mandate", mi, "id")
            if item.id in seen:
                report.error("C031", path, id=item.id)
                continue
            seen.add(item.id)
            other = holders.get(item.id)
            if other is not None and other[0] != card.id and (other[1] or item.exclusive):
                report.error("C030", path, id=item.id, other=other[0])
            else:
                holders[item.id] = (card.id, item.exclusive)
        for ci, contact in enumerate(card.contacts):
            text = contact.strip()
            if _ROLE_ID.match(text) and text not in known:
                report.warning("C112", (*base, "contacts", ci), id=text)


def check_format_features(
    scenario: Scenario,
    library: Mapping[str, RoleCard],
    compiled: CompiledScenario,
    report: Reporter,
) -> None:
    """Run the rules of revealed cards and figures, delayed effects, decisions, inline roles.

    `library` is the role library without the scenario's own cards.
    """
    check_decisions(scenario, report)
    check_figures(scenario, compiled, report)
    check_timing(scenario, compiled, report)
    if scenario.role_cards:
        check_inline_roles(scenario, library, report)
