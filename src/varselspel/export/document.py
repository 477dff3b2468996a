"""A small block model of a printable document that every text renderer walks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: level 0 is the document title, 1-3 are section levels."""

    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of plain text."""

    text: str
    style: Literal["normal", "subtitle", "note", "label"] = "normal"


@dataclass(frozen=True, slots=True)
class BulletList:
    """A list of plain-text items."""

    items: tuple[str, ...]
    small: bool = False
    """Set in small print (a source list): Word and printed HTML use a smaller size."""


LineStyle = Literal["normal", "strong", "note", "warning"]
"""How a line of a cell is set: plain, bold (an action's title), small (where it came from) or
as a warning (a remark on its financing)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a table cell: its text, a label and how it is set."""

    text: str
    label: str = ""
    """What the text is, e.g. `Partner`; a list rendering always shows it."""
    style: LineStyle = "normal"
    in_table: bool = True
    """False when the column heading already says what the line is: a table leaves the label out."""


Cell = str | tuple[Line, ...]
"""A table cell: plain text, or lines of their own (each a paragraph in Word and HTML)."""


def cell_lines(cell: Cell) -> tuple[Line, ...]:
    """Return a cell as lines, dropping empty ones; plain text is one line."""
    lines = (Line(cell),) if isinstance(cell, str) else cell
    return tuple(line for line in lines if line.text)


def cell_text(cell: Cell) -> str:
    """Return a cell's text on one line, as a plain-text table shows it."""
    if isinstance(cell, str):
        return cell
    return "; ".join(
        f"{line.label}: {line.text}" if line.label and line.in_table else line.text
        for line in cell_lines(cell)
    )


@dataclass(frozen=True, slots=True)
class Table:
    """A table; `header` is None for a two-column fact table (label, value)."""

    header: tuple[str, ...] | None
    rows: tuple[tuple[Cell, ...], ...]
    kind: str = "table"
    widths: tuple[float, ...] | None = None
    """Relative column widths where the renderer can set them (Word, HTML); None means equal."""


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Start a new printed page; `landscape` True/False also turns the pages from here on."""

    landscape: bool | None = None


Block = Heading | Paragraph | BulletList | Table | PageBreak
"""One block of a document."""


@dataclass(slots=True)
class Document:
    """A titled sequence of blocks in one language."""

    title: str
    lang: str
    blocks: list[Block] = field(default_factory=list)
    date: str = ""
    """ISO date the document is about (a plan's workshop date); empty when none."""

    def heading(self, level: int, text: str) -> None:
        """Append a heading."""
        self.blocks.append(Heading(level, text))

    def paragraph(
        self, text: str, style: Literal["normal", "subtitle", "note", "label"] = "normal"
    ) -> None:
        """Append a paragraph unless the text is empty."""
        if text:
            self.blocks.append(Paragraph(text, style))

    def bullets(self, items: list[str] | tuple[str, ...], *, small: bool = False) -> None:
        """Append a bullet list unless it is empty; `small` sets it in small print."""
        kept = tuple(item for item in items if item)
        if kept:
            self.blocks.append(BulletList(kept, small))

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[Cell]],
        kind: str = "table",
        widths: Sequence[float] | None = None,
    ) -> None:
        """Append a table unless it has no rows."""
        if rows:
            self.blocks.append(
                Table(
                    None if header is None else tuple(header),
                    tuple(tuple(r) for r in rows),
                    kind,
                    None if widths is None else tuple(widths),
                )
            )

    def page_break(self, landscape: bool | None = None) -> None:
        """Append a page break, optionally turning the following pages."""
        self.blocks.append(PageBreak(landscape))
