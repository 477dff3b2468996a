"""Static rules for one scenario: duplicates, references, mandates, agenda, unused things."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any

from varselspel.check.features import check_format_features
from varselspel.check.flow import check_flow, constant, flag_usage, number_text
from varselspel.check.report import Reporter
from varselspel.check.strings import STRINGS
from varselspel.diagnostics import Path, Severity
from varselspel.expr import CompiledScenario, walk
from varselspel.expr.ast import Call
from varselspel.expr.parser import KEYWORDS
from varselspel.i18n import tr
from varselspel.model import RoleCard, Scenario

RESERVED = KEYWORDS | {"model"}
"""Words an indicator or flag may not be called, since expressions could not name it."""


def _suggest(name: str, candidates: Iterable[str]) -> list[str]:
    return difflib.get_close_matches(name, sorted(set(candidates)), n=3, cutoff=0.6)


def _known(report: Reporter, code: str, path: Path, name: str, known: Collection[str]) -> bool:
    """Return True when `name` is among `known`; else report `code` with close matches."""
    if name in known:
        return True
    report.error(code, path, id=name, suggestions=_suggest(name, known))
    return False


def _duplicates(
    report: Reporter, code: str, items: Iterable[tuple[str, Path]], **extra: object
) -> None:
    """Report every id after its first use."""
    seen: dict[str, int] = {}
    for number, (item_id, path) in enumerate(items, start=1):
        if item_id in seen:
            report.error(code, path, id=item_id, first=seen[item_id], **extra)
        else:
            seen[item_id] = number


def check_duplicates(scenario: Scenario, report: Reporter) -> None:
    """Report duplicate ids of rounds, injects, decisions, options, cards, indicators, flags."""
    rounds = scenario.rounds
    _duplicates(report, "C001", ((r.id, ("rounds", i, "id")) for i, r in enumerate(rounds)))
    _duplicates(
        report,
        "C002",
        (
            (inj.id, ("rounds", ri, "injects", ii, "id"))
            for ri, r in enumerate(rounds)
            for ii, inj in enumerate(r.injects)
        ),
    )
    _duplicates(
        report,
        "C003",
        (
            (d.id, ("rounds", ri, "decisions", di, "id"))
            for ri, r in enumerate(rounds)
            for di, d in enumerate(r.decisions)
        ),
    )
    for ri, r in enumerate(rounds):
        for di, d in enumerate(r.decisions):
            _duplicates(
                report,
                "C004",
                (
                    (o.id, ("rounds", ri, "decisions", di, "options", oi, "id"))
                    for oi, o in enumerate(d.options)
                ),
                decision=d.id,
            )
    seen_cards: dict[str, str] = {}
    for kind, cards in _card_lists(scenario):
        for index, card_id in enumerate(cards):
            if card_id in seen_cards:
                report.error(
                    "C005", ("cards", kind, index, "id"), id=card_id, kind=seen_cards[card_id]
                )
            else:
                seen_cards[card_id] = kind
    indicators = [(ind.id, ("indicators", i, "id")) for i, ind in enumerate(scenario.indicators)]
    flags = [(flag.id, ("flags", i, "id")) for i, flag in enumerate(scenario.flags)]
    _duplicates(report, "C006", indicators)
    _duplicates(report, "C007", flags)
    indicator_ids = {i for i, _ in indicators}
    for flag_id, path in flags:
        if flag_id in indicator_ids:
            report.error("C008", path, id=flag_id)
    for name, path in (*indicators, *flags):
        if name in RESERVED:
            report.error("C025", path, id=name)
    themes = scenario.action_plan.themes
    _duplicates(
        report, "C009", ((t.id, ("action_plan", "themes", i, "id")) for i, t in enumerate(themes))
    )
    objectives = scenario.debrief.objectives
    _duplicates(
        report,
        "C010",
        ((o.id, ("debrief", "objectives", i, "id")) for i, o in enumerate(objectives)),
    )


def _card_lists(scenario: Scenario) -> list[tuple[str, list[str]]]:
    cards = scenario.cards
    return [
        ("knowledge", [c.id for c in cards.knowledge]),
        ("network", [c.id for c in cards.network]),
        ("financing", [c.id for c in cards.financing]),
    ]


def check_indicators(scenario: Scenario, report: Reporter) -> None:
    """Report indicators whose start lies outside min/max, or whose min exceeds max."""
    for index, ind in enumerate(scenario.indicators):
        low = "-∞" if ind.min is None else f"{ind.min:g}"
        high = "∞" if ind.max is None else f"{ind.max:g}"
        if ind.min is not None and ind.max is not None and ind.min > ind.max:
            report.error("C022", ("indicators", index, "min"), id=ind.id, min=low, max=high)
        elif (ind.min is not None and ind.start < ind.min) or (
            ind.max is not None and ind.start > ind.max
        ):
            report.error(
                "C021",
                ("indicators", index, "start"),
                id=ind.id,
                start=f"{ind.start:g}",
                min=low,
                max=high,
            )


def _holders(mandate: str, role_ids: Iterable[str], roles: Mapping[str, RoleCard]) -> list[str]:
    return [
        role_id
        for role_id in role_ids
        if role_id in roles and any(item.id == mandate for item in roles[role_id].mandate)
    ]


def _scenario_roles(
    scenario: Scenario, roles: Mapping[str, RoleCard], report: Reporter
) -> tuple[list[str], dict[str, str]]:
    """Report unknown and repeated scenario roles; return the roles and each typo's intended id.

    A role missing from the library whose id is close to a library role is taken to mean that
    role, so later references to the intended id are not reported again against the typo.
    """
    listed: list[str] = []
    intended: dict[str, str] = {}
    for index, entry in enumerate(scenario.roles):
        path: Path = ("roles", index, "role")
        if entry.role not in roles:
            suggestions = _suggest(entry.role, roles)
            report.error("C011", path, id=entry.role, suggestions=suggestions)
            if suggestions:
                intended.setdefault(entry.role, suggestions[0])
        if entry.role in listed:
            report.error("C012", path, id=entry.role)
        listed.append(entry.role)
    return listed, intended


def _scenario_role(
    report: Reporter,
    code: str,
    path: Path,
    role_id: str,
    playable: Collection[str],
    roles: Mapping[str, RoleCard],
) -> None:
    """Report `role_id` unless it is one of the scenario's roles (or what a typo among them meant)."""
    if role_id in playable:
        return
    if role_id in roles:
        # A library role the scenario does not list: adding it is the fix, not a look-alike.
        report.error(code, path, id=role_id, hint=tr(STRINGS, "hint.add_role", report.lang))
        return
    report.error(code, path, id=role_id, suggestions=_suggest(role_id, playable))


def check_references(
    scenario: Scenario, roles: Mapping[str, RoleCard], report: Reporter
) -> set[str]:
    """Report references to missing roles, cards, indicators and themes; return used card ids."""
    listed, intended = _scenario_roles(scenario, roles, report)
    # Ids in error are never suggested; the ids their typos stand for count as the scenario's.
    playable = {role for role in listed if role in roles} | set(intended.values())
    in_scenario = playable | set(listed)
    scenario_roles = [intended.get(role, role) for role in listed]
    knowledge = {c.id for c in scenario.cards.knowledge}
    network = {c.id for c in scenario.cards.network}
    financing = {c.id for c in scenario.cards.financing}
    all_cards = knowledge | network | financing
    indicators = {i.id for i in scenario.indicators}
    themes = {t.id for t in scenario.action_plan.themes}
    all_mandates = {item.id for card in roles.values() for item in card.mandate}
    partners = {*roles, *network}
    used_cards: set[str] = set()

    def cards(ids: list[str], base: Path) -> None:
        for index, card_id in enumerate(ids):
            used_cards.add(card_id)
            _known(report, "C015", (*base, index), card_id, all_cards)

    def role_ref(code: str, path: Path, role_id: str) -> None:
        if role_id not in in_scenario:
            _scenario_role(report, code, path, role_id, playable, roles)

    for ri, round_ in enumerate(scenario.rounds):
        for ii, inject in enumerate(round_.injects):
            base: Path = ("rounds", ri, "injects", ii)
            for index, role_id in enumerate(inject.to):
                role_ref("C013", (*base, "to", index), role_id)
            cards(inject.cards, (*base, "cards"))
        for di, decision in enumerate(round_.decisions):
            base = ("rounds", ri, "decisions", di)
            for index, role_id in enumerate(decision.owners):
                role_ref("C014", (*base, "owners", index), role_id)
            cards(decision.cards, (*base, "cards"))
            if decision.mandate is not None:
                mandate_path: Path = (*base, "mandate")
                known = _known(report, "C023", mandate_path, decision.mandate, all_mandates)
                holders = _holders(decision.mandate, scenario_roles, roles)
                if known and not decision.owners and not holders:
                    report.warning("C106", mandate_path, id=decision.id, mandate=decision.mandate)
            elif not decision.owners and decision.outside_mandate == "refuse":
                report.warning("C115", (*base, "outside_mandate"), id=decision.id)
            sources: list[tuple[Path, Any]] = [
                ((*base, "options", oi), option) for oi, option in enumerate(decision.options)
            ]
            if decision.number is not None:
                sources.append(((*base, "number"), decision.number))
            for spath, source in sources:
                cards(source.cards, (*spath, "cards"))
                for ai, action in enumerate(source.actions):
                    apath: Path = (*spath, "actions", ai)
                    responsible = action.responsible
                    if _known(report, "C016", (*apath, "responsible"), responsible, roles) and (
                        responsible not in in_scenario
                    ):
                        report.warning("C113", (*apath, "responsible"), id=responsible)
                    for pi, partner in enumerate(action.partners):
                        if partner in network:
                            used_cards.add(partner)
                        else:
                            _known(report, "C017", (*apath, "partners", pi), partner, partners)
                    if action.financing is not None:
                        used_cards.add(action.financing)
                        _known(report, "C018", (*apath, "financing"), action.financing, financing)
                    if action.indicator is not None:
                        _known(report, "C019", (*apath, "indicator"), action.indicator, indicators)
                    if action.theme is not None:
                        _known(report, "C020", (*apath, "theme"), action.theme, themes)
    for index, card in enumerate(scenario.cards.network):
        if card.role is not None:
            _known(report, "C024", ("cards", "network", index, "role"), card.role, roles)
    return used_cards


def check_unused_cards(scenario: Scenario, used: set[str], report: Reporter) -> None:
    """Warn about cards that nothing refers to."""
    for kind, ids in _card_lists(scenario):
        for index, card_id in enumerate(ids):
            if card_id not in used:
                report.warning("C111", ("cards", kind, index, "id"), id=card_id)


def check_round_coverage(
    scenario: Scenario,
    roles: Mapping[str, RoleCard],
    report: Reporter,
    unreachable: AbstractSet[int] = frozenset(),
) -> None:
    """Warn about roles that get neither an inject nor a decision of their own in a round."""
    # Roles missing from the library are already errors (C011); repeating them per round is noise.
    scenario_roles = list(
        dict.fromkeys(entry.role for entry in scenario.roles if entry.role in roles)
    )
    for ri, round_ in enumerate(scenario.rounds):
        if ri in unreachable:
            continue  # Already reported as never played (C105).
        reached: set[str] = set()
        for inject in round_.injects:
            reached.update(inject.to or scenario_roles)
        for decision in round_.decisions:
            if decision.owners:
                reached.update(decision.owners)
            elif decision.mandate is None:
                reached.update(scenario_roles)
            else:
                reached.update(_holders(decision.mandate, scenario_roles, roles))
        for role_id in scenario_roles:
            if role_id not in reached:
                report.warning("C107", ("rounds", ri, "id"), role=role_id, round=round_.id)


def check_agenda(scenario: Scenario, report: Reporter) -> None:
    """Warn when the rounds' time boxes and the debrief exceed the workshop's length."""
    rounds = sum(r.minutes for r in scenario.rounds)
    total = rounds + scenario.debrief_minutes
    if total > scenario.duration_minutes:
        report.warning(
            "C110",
            ("duration_minutes",),
            rounds=rounds,
            debrief=scenario.debrief_minutes,
            total=total,
            duration=scenario.duration_minutes,
        )


def check_flags(scenario: Scenario, compiled: CompiledScenario, report: Reporter) -> None:
    """Warn about flags set but never read, and flags read but never set."""
    read, written = flag_usage(scenario, compiled)
    seen: set[str] = set()
    for index, flag in enumerate(scenario.flags):
        if flag.id in seen:
            continue
        seen.add(flag.id)
        path: Path = ("flags", index, "id")
        if flag.id in written and flag.id not in read:
            report.warning("C108", path, id=flag.id)
        elif flag.id in read and flag.id not in written:
            start = tr(STRINGS, f"value.{'true' if flag.start else 'false'}", report.lang)
            report.warning("C109", path, id=flag.id, start=start)


def check_chances(compiled: CompiledScenario, report: Reporter) -> None:
    """Warn about `chans(P)` with a constant P outside 0-100 (P is a percentage)."""
    for expr in compiled.expressions:
        if expr.condition is not None:
            node, source = expr.condition.node, expr.condition.source
        elif expr.effect is not None:
            node, source = expr.effect.value, expr.effect.source
        else:
            continue
        if node is None:
            continue
        for sub in walk(node):
            if not (isinstance(sub, Call) and sub.func == "chans"):
                continue
            percent = constant(sub.args[0])
            if percent is None or 0 <= percent <= 100:
                continue
            meaning = tr(STRINGS, "chance.always" if percent > 100 else "chance.never", report.lang)
            report.at_offset(
                Severity.WARNING,
                "C114",
                expr.path,
                source,
                sub.offset,
                percent=number_text(percent),
                meaning=meaning,
            )


def check_scenario_rules(
    scenario: Scenario,
    roles: Mapping[str, RoleCard],
    compiled: CompiledScenario,
    report: Reporter,
    library: Mapping[str, RoleCard] | None = None,
) -> None:
    """Run every scenario rule except the expression problems themselves.

    `roles` includes the scenario's own role cards; `library` is the library without them.
    """
    check_duplicates(scenario, report)
    check_indicators(scenario, report)
    used_cards = check_references(scenario, roles, report)
    check_unused_cards(scenario, used_cards, report)
    unreachable = check_flow(scenario, compiled, report)
    check_round_coverage(scenario, roles, report, unreachable)
    check_agenda(scenario, report)
    check_flags(scenario, compiled, report)
    check_chances(compiled, report)
    check_format_features(scenario, roles if library is None else library, compiled, report)
