"""Column widths for printed tables: wide enough that no word has to be split inside a cell.

Word and browsers split a word that is wider than its column ("Arbetsförmedling-en"). The widths
here start from each table's relative weights and then widen every column to its longest word,
measured with Helvetica's (Arial's) advance widths. Calibri, the font the Word plan sets, and
Carlito, which LibreOffice uses in its place, are narrower, so a word that fits here fits there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from varselspel.export.document import Cell, Table, cell_lines

# Advance widths of Helvetica in thousandths of an em (the AFM metrics; Arial has the same).
_WIDTHS: dict[str, int] = {
    **dict.fromkeys("abdeghnopqu0123456789", 556),
    **dict.fromkeys("ckvxyz", 500),
    **dict.fromkeys("ijl", 222),
    **dict.fromkeys("ft", 278),
    "r": 333,
    "s": 500,
    "m": 833,
    "w": 722,
    **dict.fromkeys("ABEKPSVXY", 667),
    **dict.fromkeys("CDHNRU", 722),
    **dict.fromkeys("GOQ", 778),
    **dict.fromkeys("FTZ", 611),
    "I": 278,
    "J": 500,
    "L": 556,
    "M": 833,
    "W": 944,
    **dict.fromkeys(" \u00a0!,./:;", 278),
    **dict.fromkeys("-()", 333),
    "'": 191,
    '"': 355,
    "%": 889,
    "&": 667,
    **dict.fromkeys("+=×", 584),
    **dict.fromkeys("–§?", 556),
    "—": 1000,
    **dict.fromkeys("”“", 333),
    "’": 222,
}
_ACCENTS = str.maketrans(
    "åäáàâãæöóòôõøéèêëüúùûíìîïçñÅÄÁÀÖÓØÉÈÜÚÍÇÑ", "aaaaaaaooooooeeeeuuuuiiiicnAAAAOOOEEUUICN"
)
"""Letters with an accent are as wide as the letter without it (æ is counted as a)."""
_UNKNOWN = 1000
"""Width of a character without metrics here (CJK, symbols): a full em, to be safe."""

BOLD = 1.1
"""Bold text is up to a tenth wider than regular text."""

CELL_PADDING_PT = 11.5
"""Word's default cell margins (0.08 inch each side) plus a point of slack, in points."""


def text_width(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Return the printed width of `text` in points at `size_pt`."""
    folded = text.translate(_ACCENTS)
    ems = sum(_WIDTHS.get(ch, _UNKNOWN) for ch in folded) / 1000
    return ems * size_pt * (BOLD if bold else 1.0)


def _words(text: str) -> list[str]:
    """Split text where a line may break: at spaces, never at a no-break space."""
    return [word for word in re.split(r"[ \t\n]+", text) if word]


def longest_word(cell: Cell, size_pt: float, *, label_bold: bool = True) -> float:
    """Return the width in points of the widest word of a cell, labels (set bold) included."""
    widest = 0.0
    for line in cell_lines(cell):
        bold = line.style == "strong"
        for word in _words(line.text):
            widest = max(widest, text_width(word, size_pt, bold=bold))
        if line.label and line.in_table:
            for word in _words(f"{line.label}:"):
                widest = max(widest, text_width(word, size_pt, bold=label_bold))
    return widest


def column_minimums(table: Table, size_pt: float) -> list[float]:
    """Return each column's narrowest width in points that splits none of its words."""
    cols = max(len(row) for row in ([table.header] if table.header else []) + list(table.rows))
    mins = [0.0] * cols
    rows: list[Sequence[Cell]] = list(table.rows)
    for row in rows:
        for index, cell in enumerate(row):
            mins[index] = max(mins[index], longest_word(cell, size_pt))
    if table.header is not None:
        for index, title in enumerate(table.header):
            mins[index] = max(mins[index], longest_word(title, size_pt, label_bold=True) * BOLD)
    elif rows:
        # A fact table's labels are set bold.
        mins[0] = max(mins[0], max(longest_word(row[0], size_pt) * BOLD for row in rows))
    return [width + CELL_PADDING_PT for width in mins]


def column_widths(table: Table, total_pt: float, size_pt: float) -> list[float]:
    """Return column widths in points that fill `total_pt`, follow the table's weights and
    leave every column at least as wide as its longest word.

    When even the longest words together are wider than the page, the widths are those minimums
    scaled down to fit (a word may then be split; the plan's tables are laid out not to need it).
    """
    mins = column_minimums(table, size_pt)
    cols = len(mins)
    weights = list(table.widths) if table.widths and len(table.widths) == cols else [1.0] * cols
    if sum(mins) >= total_pt:
        return [total_pt * m / sum(mins) for m in mins]
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(cols) if i not in fixed]
        room = total_pt - sum(fixed.values())
        weight = sum(weights[i] for i in free) or 1.0
        widths = {i: room * weights[i] / weight for i in free}
        short = [i for i in free if widths[i] < mins[i]]
        if not short:
            break
        for i in short:
            fixed[i] = mins[i]
    return [fixed.get(i, widths.get(i, 0.0)) for i in range(cols)]


def table_widths(
    blocks: Sequence[object], total_pt: float, size_pt: float
) -> dict[int, list[float]]:
    """Return the column widths of every table of a document, keyed by the table's `id()`.

    Tables of one kind with the same headings (the action tables of every level and theme) share
    one set of widths, worked out from all their rows, so their columns line up down the pages.
    """
    tables = [block for block in blocks if isinstance(block, Table)]
    kinds: dict[tuple[str, tuple[str, ...] | None], list[Table]] = {}
    for table in tables:
        kinds.setdefault((table.kind, table.header), []).append(table)
    out: dict[int, list[float]] = {}
    for (kind, header), group in kinds.items():
        if header is None or len(group) == 1:
            for table in group:
                out[id(table)] = column_widths(table, total_pt, size_pt)
            continue
        merged = Table(header, tuple(row for t in group for row in t.rows), kind, group[0].widths)
        widths = column_widths(merged, total_pt, size_pt)
        for table in group:
            out[id(table)] = widths
    return out
