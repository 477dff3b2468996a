"""Does an action fit the financing it names? Timing, what the source pays for, and its share.

One check for every front end: the action form warns with it while a group types, and the plan
carries the same remarks. Game time is counted in days after day 0; calendar dates are not
compared with game time (a scenario has no calendar day 0), so they get no timing remark.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from varselspel.i18n import tr
from varselspel.model.timepoint import DAYS_PER_WEEK, UNIT_DAYS, game_day, parse_timepoint
from varselspel.plan.strings import STRINGS

if TYPE_CHECKING:
    from varselspel.model import FinancingCard

# Simple time frames in words that say when an action must be done (the whole text, no more).
_WITHIN = re.compile(
    r"^(?:inom|within) ([0-9]{1,4}) (timmar|timme|hours?|dygn|dagar|dag|days?|veckor|vecka|"
    r"weeks?|månader|månad|months?)$",
    re.IGNORECASE,
)
_SPAN = re.compile(
    r"^(dag|day|vecka|week|månad|month) ([0-9]{1,4})(?:\s*[–-]\s*([0-9]{1,4}))?$", re.IGNORECASE
)
_WITHIN_UNITS: dict[str, float] = {
    "timmar": 1 / 24,
    "timme": 1 / 24,
    "hour": 1 / 24,
    "hours": 1 / 24,
    "dygn": 1,
    "dagar": 1,
    "dag": 1,
    "day": 1,
    "days": 1,
    "veckor": DAYS_PER_WEEK,
    "vecka": DAYS_PER_WEEK,
    "week": DAYS_PER_WEEK,
    "weeks": DAYS_PER_WEEK,
    "månader": UNIT_DAYS["månad"],
    "månad": UNIT_DAYS["månad"],
    "month": UNIT_DAYS["månad"],
    "months": UNIT_DAYS["månad"],
}


FitCode = Literal["too_late", "prefinance", "theme", "share"]
"""How an action does not fit its financing: due before the money can come, starting before it,
a kind of action the source does not pay for, or a larger share than the source pays."""


class ActionTerms(Protocol):
    """What the check reads of an action: a scenario's `ActionItem` or a group's `ActionFields`."""

    @property
    def start(self) -> str: ...
    @property
    def end(self) -> str: ...
    @property
    def timeframe(self) -> str: ...
    @property
    def theme(self) -> str | None: ...
    @property
    def financing_share(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class Span:
    """When an action runs, in days after day 0; None where it is not known."""

    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class FitRemark:
    """A way an action does not fit its financing: a code and the values its sentence needs."""

    code: FitCode
    """`too_late`, `prefinance`, `theme` or `share`."""
    params: Mapping[str, str | int | float] = field(default_factory=dict)
    """Values for the sentence (source name, weeks, theme titles, shares)."""


def action_span(action: ActionTerms, known_day: int | None) -> Span:
    """Return when an action runs: its start and end, else a simple time frame such as `inom 2 veckor`.

    `known_day` is the day the action was decided (its round's game time): `inom` counts from it.
    """
    start, end = parse_timepoint(action.start), parse_timepoint(action.end)
    if start is not None or end is not None:
        return Span(
            start=start.day if start is not None else None,
            end=end.day if end is not None else None,
        )
    text = " ".join(action.timeframe.split())
    within = _WITHIN.match(text)
    if within is not None and known_day is not None:
        length = int(within.group(1)) * _WITHIN_UNITS[within.group(2).lower()]
        return Span(start=known_day, end=known_day + math.ceil(length))
    span = _SPAN.match(text)
    if span is not None:
        unit = UNIT_DAYS[span.group(1).lower()]
        first = int(span.group(2)) * unit
        last = int(span.group(3)) * unit if span.group(3) else first
        return Span(start=first, end=last)
    return Span()


def check_fit(
    action: ActionTerms,
    card: FinancingCard,
    *,
    known_day: int | None,
    themes: Mapping[str, str],
) -> list[FitRemark]:
    """Return the remarks on how an action fits the financing card it names (empty: it fits).

    `themes` maps the scenario's theme ids to their titles, for the sentence.
    """
    remarks: list[FitRemark] = []
    if card.lead_time_weeks is not None and known_day is not None:
        arrives = known_day + card.lead_time_weeks * DAYS_PER_WEEK
        span = action_span(action, known_day)
        params: dict[str, str | int | float] = {
            "source": card.name,
            "weeks": card.lead_time_weeks,
            "arrives": _week(arrives),
        }
        if span.end is not None and span.end < arrives:
            remarks.append(FitRemark("too_late", {**params, "due": _week(span.end)}))
        elif span.start is not None and span.start < arrives:
            remarks.append(FitRemark("prefinance", {**params, "begins": _week(span.start)}))
    if card.pays_for and action.theme and action.theme not in card.pays_for:
        allowed = [themes.get(theme, theme) for theme in card.pays_for]
        remarks.append(
            FitRemark(
                "theme",
                {
                    "source": card.name,
                    "theme": themes.get(action.theme, action.theme),
                    "allowed": "; ".join(allowed),
                },
            )
        )
    share = action.financing_share
    if share is not None and card.covers_share is not None and share > card.covers_share + 1e-9:
        remarks.append(
            FitRemark("share", {"source": card.name, "share": share, "covers": card.covers_share})
        )
    return remarks


def known_day_of(game_time: str) -> int | None:
    """Return the day an action is decided on: the start of its round's game time."""
    return game_day(game_time)


def _week(day: int) -> int:
    """Return the game week a day falls in (day 0-6: week 0)."""
    return day // DAYS_PER_WEEK


def _share(value: float, lang: str) -> str:
    """Write a share as a percentage, `60 %` in Swedish and `60%` in English."""
    number = f"{value * 100:.1f}".rstrip("0").rstrip(".")
    if lang == "sv":
        return number.replace(".", ",") + " %"
    return number + "%"


def describe_fit(remark: FitRemark, lang: str) -> str:
    """Return a remark as a sentence in `lang`."""
    params = dict(remark.params)
    for name in ("share", "covers"):
        if name in params:
            params[name] = _share(float(params[name]), lang)
    return tr(STRINGS, f"fit.{remark.code}", lang, **params)
