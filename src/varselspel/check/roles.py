"""Static rules for a role library: mandates held twice, contacts naming unknown roles."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from varselspel.check.report import Reporter
from varselspel.diagnostics import Diagnostic, PositionMap
from varselspel.model import RoleCard

_ROLE_ID = re.compile(r"^[a-z][a-z0-9_\-]*$")
"""A contact that looks like this is taken as a role id; anything else is free text."""


def check_role_library(
    roles: Mapping[str, RoleCard],
    positions: Mapping[str, PositionMap] | None = None,
    files: Mapping[str, str] | None = None,
    lang: str | None = None,
    known: Collection[str] = (),
) -> list[Diagnostic]:
    """Check role cards together: exclusive mandates held twice, repeated mandates, contacts.

    A contact may name any of `roles` or of `known` (the other roles a scenario using these cards
    would see, such as the bundled library). Duplicate role ids within one folder are reported by
    the loader (R001), since a dict by id cannot hold them.
    """
    known = {*roles, *known}
    positions = positions or {}
    files = files or {}
    diagnostics: list[Diagnostic] = []
    holders: dict[str, tuple[str, bool]] = {}
    for role_id in sorted(roles):
        card = roles[role_id]
        report = Reporter(positions.get(role_id, PositionMap()), files.get(role_id, role_id), lang)
        seen: set[str] = set()
        for index, item in enumerate(card.mandate):
            path = ("mandate", index, "id")
            if item.id in seen:
                report.error("C031", path, id=item.id)
                continue
            seen.add(item.id)
            other = holders.get(item.id)
            if other is not None and (other[1] or item.exclusive):
                report.error("C030", path, id=item.id, other=other[0])
            else:
                holders.setdefault(item.id, (role_id, item.exclusive))
        for index, contact in enumerate(card.contacts):
            text = contact.strip()
            if _ROLE_ID.match(text) and text not in known:
                report.warning("C112", ("contacts", index), id=text)
        diagnostics.extend(report.sorted())
    return diagnostics
