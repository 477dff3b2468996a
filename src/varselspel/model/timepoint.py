"""Points in time of an action: game time after day 0 (`vecka 3`) or a calendar date or month."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

DAYS_PER_WEEK = 7
DAYS_PER_MONTH = 30
"""A game month in days: timing remarks compare whole weeks, so a month is counted as 30 days."""

UNIT_DAYS: dict[str, int] = {
    "dag": 1,
    "day": 1,
    "vecka": DAYS_PER_WEEK,
    "week": DAYS_PER_WEEK,
    "månad": DAYS_PER_MONTH,
    "month": DAYS_PER_MONTH,
}
"""Days per unit of game time, in the words a time point may use (Swedish and English)."""

_GAME = re.compile(r"^(dag|day|vecka|week|månad|month) ([0-9]{1,4})$")
_CALENDAR = re.compile(r"^([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?$")
_FIRST_GAME = re.compile(r"(dag|day|vecka|week|månad|month)\s+([0-9]{1,4})", re.IGNORECASE)

TIMEPOINT_PATTERN = (
    r"^$|^([Dd]ag|[Dd]ay|[Vv]ecka|[Ww]eek|[Mm]ånad|[Mm]onth) [0-9]{1,4}$"
    r"|^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"
)
"""The forms of a time point as a JSON Schema pattern (editors check it; the parser checks dates)."""

TIMEPOINT_EXAMPLES: tuple[str, ...] = ("vecka 3", "månad 6", "2026-09", "2026-09-30")
"""Examples of every form a time point takes, for schema and form hints."""


@dataclass(frozen=True, slots=True)
class TimePoint:
    """A parsed time point: game time as days after day 0, or a calendar day."""

    text: str
    """The time point as written."""
    day: int | None = None
    """Days after day 0 (when the varsel or the establishment became known), for game time."""
    calendar: date | None = None
    """The calendar day; the first of the month for `YYYY-MM`."""
    month_only: bool = False
    """True for `YYYY-MM`: the point stands for the whole month."""

    def end_day(self) -> date | None:
        """Return the last calendar day the point covers (the month's last day for `YYYY-MM`)."""
        if self.calendar is None or not self.month_only:
            return self.calendar
        year, month = self.calendar.year, self.calendar.month
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return date.fromordinal(following.toordinal() - 1)


def parse_timepoint(text: str) -> TimePoint | None:
    """Return the time point `text` names, or None when it is not one.

    Game time is `dag N`, `vecka N` or `månad N` (English `day`, `week`, `month`), counted from
    day 0, the first letter in either case; a calendar point is `YYYY-MM-DD` or `YYYY-MM`.
    """
    stripped = text.strip()
    if not stripped:
        return None
    game = _GAME.match(stripped[:1].lower() + stripped[1:])
    if game is not None:
        return TimePoint(stripped, day=int(game.group(2)) * UNIT_DAYS[game.group(1)])
    calendar = _CALENDAR.match(stripped)
    if calendar is None:
        return None
    year, month, day = calendar.group(1), calendar.group(2), calendar.group(3)
    try:
        when = date(int(year), int(month), int(day or "1"))
    except ValueError:
        return None
    return TimePoint(stripped, calendar=when, month_only=day is None)


def is_timepoint(text: str) -> bool:
    """Return True when `text` is empty or a time point `parse_timepoint` reads."""
    return not text.strip() or parse_timepoint(text) is not None


def check_timepoint(text: str) -> str:
    """Return `text` unchanged when it is empty or a time point; else raise ValueError."""
    if not is_timepoint(text):
        raise ValueError(
            "not a time point: write `vecka 3`, `månad 6`, `dag 2`, `2026-09` or `2026-09-30`"
        )
    return text


def ends_before_start(start: str, end: str) -> bool:
    """Return True when both points are of one kind (game or calendar) and the end comes first."""
    first, last = parse_timepoint(start), parse_timepoint(end)
    if first is None or last is None:
        return False
    if first.day is not None and last.day is not None:
        return last.day < first.day
    if first.calendar is not None and last.calendar is not None:
        last_day = last.end_day()
        return last_day is not None and last_day < first.calendar
    return False


def game_day(game_time: str) -> int | None:
    """Return the day a round's game time starts on (`Vecka 6–8` → 42), or None when it names none."""
    found = _FIRST_GAME.search(game_time)
    if found is None:
        return None
    return int(found.group(2)) * UNIT_DAYS[found.group(1).lower()]
