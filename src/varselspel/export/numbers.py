"""Numbers, shares and lists written the way the reader's language writes them."""

from __future__ import annotations

from collections.abc import Iterable


def fmt_number(value: float, lang: str) -> str:
    """Write a number with thousands grouped and at most two decimals (Swedish: decimal comma).

    Negative numbers get a real minus sign (−), as in the change column.
    """
    if value != value:  # NaN never reaches a plan on purpose; show it plainly rather than crash.
        return "–"
    rounded = round(value, 2)
    size = abs(rounded)
    text = f"{size:,.0f}" if size == int(size) else f"{size:,.2f}".rstrip("0")
    if lang == "sv":
        # Swedish groups thousands with a space and uses a decimal comma.
        text = text.replace(",", " ").replace(".", ",")
    return "−" + text if rounded < 0 else text


def fmt_share(value: float | None, lang: str) -> str:
    """Write a share 0-1 as a percentage."""
    if value is None:
        return "–"
    return (
        f"{fmt_number(value * 100, lang)} %"
        if lang == "sv"
        else f"{fmt_number(value * 100, lang)}%"
    )


NBSP = "\u00a0"
"""No-break space: an amount never breaks inside, between its digits or before `kr`."""


def fmt_money(amount: int, lang: str) -> str:
    """Write an amount of kronor, never split across lines: `150 000 kr`, `SEK 150,000`."""
    number = fmt_number(amount, lang).replace(" ", NBSP)
    return f"{number}{NBSP}kr" if lang == "sv" else f"SEK{NBSP}{number}"


def fmt_change(start: float, end: float, lang: str) -> str:
    """Write the change from start to end with an explicit sign."""
    delta = round(end - start, 2)
    if delta == 0:
        return "±0"
    sign = "+" if delta > 0 else "−"
    return f"{sign}{fmt_number(abs(delta), lang)}"


def fmt_list(items: Iterable[str], lang: str) -> str:
    """Join items as prose: `a, b och c` / `a, b and c`."""
    kept = [item for item in items if item]
    if len(kept) <= 1:
        return "".join(kept)
    conj = " och " if lang == "sv" else " and "
    return ", ".join(kept[:-1]) + conj + kept[-1]
