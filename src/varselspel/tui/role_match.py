"""Sharing out a group's roles: who fits a role by organisation, and a fair plan for the setup.

A plan gives every role nobody holds to a participant so that the participants' loads differ by
at most one (counting the roles they already hold), prefers people from the role's own
organisation within that, and never lets one person sit on both sides of a negotiation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from varselspel.engine.commands import FACILITATOR
from varselspel.model import RoleCard

STOP = frozenset(
    {"och", "i", "på", "för", "med", "av", "ab", "the", "of", "and", "avd", "avdelning"}
)
"""Words that say nothing about which organisation someone is from."""

ENDINGS = (
    "",
    "s",
    "n",
    "t",
    "en",
    "et",
    "ens",
    "ets",
    "ns",
    "ts",
    "na",
    "ar",
    "er",
    "arna",
    "erna",
)
"""Swedish endings that leave a word naming the same thing (`Regionen` is `Region`)."""

SIDES: dict[str, str] = {"fack": "union", "företag": "employer"}
"""Role kinds that are the two sides of a negotiation (MBL): never both held by one person."""

ALIAS, ORGANISATION, KIND = 3, 2, 1
"""How well an organisation fits a role: by an alias, by its organisation or label, by its kind."""


def words(text: str) -> tuple[str, ...]:
    """Return the lower-case words of a name, split at spaces, hyphens and punctuation."""
    return tuple(w for w in re.findall(r"[0-9a-zåäöéü]+", text.casefold()) if w not in STOP)


def same_word(a: str, b: str) -> bool:
    """True when two words name the same thing: equal, or one is the other with an ending."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in ENDINGS and len(short) >= 2


def names(phrase: str, organisation: Sequence[str]) -> bool:
    """True when every word of `phrase` is among the words of an organisation's name."""
    wanted = words(phrase)
    return bool(wanted) and all(any(same_word(w, o) for o in organisation) for w in wanted)


def fit(organisation: str, card: RoleCard | None, in_scenario: str = "", company: str = "") -> int:
    """Return how well a participant's organisation fits a role: 0 (not) to `ALIAS` (best)."""
    org = words(organisation)
    if card is None or not org:
        return 0
    if any(names(alias, org) for alias in card.aliases):
        return ALIAS
    own = [card.organisation, card.short, in_scenario]
    if SIDES.get(card.kind) == "employer":
        own.append(company)
    if any(names(name, org) for name in own if name):
        return ORGANISATION
    return KIND if card.kind and names(card.kind, org) else 0


@dataclass(frozen=True, slots=True)
class Person:
    """A participant as the plan sees them."""

    id: str
    """Participant id."""
    organisation: str
    """Their real organisation (untrusted text)."""
    holds: tuple[str, ...] = ()
    """Role ids they hold already."""


@dataclass(frozen=True, slots=True)
class Seat:
    """A role to give out."""

    role: str
    """Role id."""
    card: RoleCard | None
    """Its role card."""
    organisation: str = ""
    """The organisation the scenario gives the role (`roles[].organisation`)."""
    required: bool = True
    """True when the scenario needs the role held."""


class Why(StrEnum):
    """Why a role goes where the plan puts it."""

    ORGANISATION = "organisation"
    """The participant is from the role's organisation."""
    EVEN = "even"
    """Nobody fits better; the roles are spread evenly."""
    OPPOSING = "opposing"
    """Left open: the only people left sit on the other side of the negotiation."""


@dataclass(frozen=True, slots=True)
class Placement:
    """One role of the plan and who gets it."""

    role: str
    """Role id."""
    participant: str | None
    """Participant id; None when the role is left open."""
    why: Why
    """Why it goes there (or stays open)."""


BALANCE = 1000
"""Cost of one more role on a person's load; outweighs any fit, so loads stay even."""
FIT = 10
"""Saving per point of fit."""
FORBIDDEN = 10**7
"""Cost of a placement that must not happen; the solver uses it only when nothing else is left."""


def side(card: RoleCard | None) -> str | None:
    """Return the side of a negotiation a role stands on, if any."""
    return SIDES.get(card.kind) if card is not None else None


def plan_roles(
    seats: Sequence[Seat], people: Sequence[Person], cards: dict[str, RoleCard], company: str = ""
) -> tuple[Placement, ...]:
    """Return who gets each seat: loads even, organisations matched, sides of a negotiation apart.

    `cards` are the role cards of the roles people hold already, to know their sides.
    """
    if not seats:
        return ()
    if not people:
        return tuple(Placement(s.role, None, Why.EVEN) for s in seats)
    scores = [[fit(p.organisation, s.card, s.organisation, company) for p in people] for s in seats]
    stands = [_stands(p, cards, seats, scores, i) for i, p in enumerate(people)]
    forbidden: set[tuple[int, int]] = {
        (r, i)
        for r, s in enumerate(seats)
        for i in range(len(people))
        if side(s.card) is not None and stands[i] - {side(s.card)}
    }
    best = _solve(seats, people, scores, forbidden)
    for _ in range(len(seats)):
        clash = _clash(seats, best, forbidden)
        if clash is None:
            break
        person, roles = clash
        # Try each way of keeping the person on one side; keep the cheaper plan.
        tries = [forbidden | {(r, person)} for r in roles]
        plans = [(_solve(seats, people, scores, f), f) for f in tries]
        best, forbidden = min(plans, key=lambda p: _cost(p[0], seats, people, scores, p[1]))
    out: list[Placement] = []
    for r, seat in enumerate(seats):
        i = best[r]
        if i is None or (r, i) in forbidden:
            out.append(Placement(seat.role, None, Why.OPPOSING))
        else:
            why = Why.ORGANISATION if scores[r][i] else Why.EVEN
            out.append(Placement(seat.role, people[i].id, why))
    return tuple(out)


def _stands(
    person: Person,
    cards: dict[str, RoleCard],
    seats: Sequence[Seat],
    scores: list[list[int]],
    index: int,
) -> set[str]:
    """Return the sides a person stands on: by the roles they hold or the organisation they are from."""
    sides = {s for s in (side(cards.get(r)) for r in person.holds) if s is not None}
    for r, seat in enumerate(seats):
        seat_side = side(seat.card)
        if seat_side is not None and scores[r][index] >= ORGANISATION:
            sides.add(seat_side)
    return sides


def _clash(
    seats: Sequence[Seat], plan: list[int | None], forbidden: set[tuple[int, int]]
) -> tuple[int, list[int]] | None:
    """Return a person the plan puts on both sides of a negotiation, with those seats."""
    by_person: dict[int, list[int]] = {}
    for r, i in enumerate(plan):
        if i is not None and (r, i) not in forbidden and side(seats[r].card) is not None:
            by_person.setdefault(i, []).append(r)
    for i, roles in by_person.items():
        if len({side(seats[r].card) for r in roles}) > 1:
            return i, roles
    return None


def _cost(
    plan: list[int | None],
    seats: Sequence[Seat],
    people: Sequence[Person],
    scores: list[list[int]],
    forbidden: set[tuple[int, int]],
) -> int:
    """Return what a plan costs: uneven loads first, then poor fits, then forbidden seats."""
    load = [len(p.holds) for p in people]
    cost = 0
    for r, i in enumerate(plan):
        if i is None:
            continue
        cost += BALANCE * load[i] - FIT * scores[r][i] + (FORBIDDEN if (r, i) in forbidden else 0)
        load[i] += 1
    return cost


def _solve(
    seats: Sequence[Seat],
    people: Sequence[Person],
    scores: list[list[int]],
    forbidden: set[tuple[int, int]],
) -> list[int | None]:
    """Return the cheapest plan as a person index per seat (an optimal assignment to slots).

    Each person offers one slot per seat; the k-th slot costs `BALANCE` times the load it brings,
    so filling slots in order spreads the seats evenly.
    """
    columns = [(i, k) for i in range(len(people)) for k in range(len(seats))]
    cost = [
        [
            BALANCE * (len(people[i].holds) + k)
            - FIT * scores[r][i]
            + (FORBIDDEN if (r, i) in forbidden else 0)
            for i, k in columns
        ]
        for r in range(len(seats))
    ]
    return [columns[c][0] for c in assignment(cost)]


def assignment(cost: Sequence[Sequence[int]]) -> list[int]:
    """Return the column of each row in a cheapest assignment of rows to distinct columns.

    The Hungarian method with potentials; `cost` has no more rows than columns.
    """
    n, m = len(cost), len(cost[0]) if cost else 0
    infinity = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)
    way = [0] * (m + 1)
    for row in range(1, n + 1):
        owner[0] = row
        col0 = 0
        least = [infinity] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[col0] = True
            r0, delta, col1 = owner[col0], infinity, 0
            for col in range(1, m + 1):
                if used[col]:
                    continue
                reduced = cost[r0 - 1][col - 1] - u[r0] - v[col]
                if reduced < least[col]:
                    least[col], way[col] = reduced, col0
                if least[col] < delta:
                    delta, col1 = least[col], col
            for col in range(m + 1):
                if used[col]:
                    u[owner[col]] += delta
                    v[col] -= delta
                else:
                    least[col] -= delta
            col0 = col1
            if owner[col0] == 0:
                break
        while col0:
            col1 = way[col0]
            owner[col0] = owner[col1]
            col0 = col1
    result = [0] * n
    for col in range(1, m + 1):
        if owner[col]:
            result[owner[col] - 1] = col - 1
    return result


def seats_to_fill(
    roles: Iterable[tuple[str, bool, str]], held: dict[str, str | None], cards: dict[str, RoleCard]
) -> list[Seat]:
    """Return the seats a plan fills: roles no participant holds, the needed ones first.

    `roles` are (role id, required, scenario organisation); `held` maps a role to its holder.
    """
    open_roles = [
        Seat(role, cards.get(role), organisation, required)
        for role, required, organisation in roles
        if held.get(role) in (None, FACILITATOR)
    ]
    return sorted(open_roles, key=lambda s: not s.required)
