"""Render a document as Markdown that reads well in a plain editor: lines of at most 100
characters, narrow tables padded to line up, wide ones written as lists."""

from __future__ import annotations

import re
import textwrap

from varselspel.export.document import (
    BulletList,
    Document,
    Heading,
    Line,
    PageBreak,
    Paragraph,
    Table,
    cell_lines,
    cell_text,
)
from varselspel.export.text import one_line, paragraphs

# Characters that Markdown could read as formatting, links or inline HTML.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_LIST_MARKER = re.compile(r"^([-+])(?=\s|$)")
_NUMBERED = re.compile(r"^(\d+)([.)])(?=\s|$)")
_RULE = re.compile(r"^(-\s*){3,}$")
# GitHub-flavoured autolinks need no brackets: `http://…`, `ftp://…`, `www.…` and `a@b.se`. An
# escaped `:`, `.` or `@` shows the same but splits the text a renderer scans for them.
_SCHEME_COLON = re.compile(r"(?<=[A-Za-z0-9])(:)(?=//)|(?i:(?<=mailto)|(?<=xmpp))(:)")
_WWW_DOT = re.compile(r"(?i)(?<![\w.\\])(www)\.")
_AT = re.compile(r"@")


def _no_autolinks(text: str) -> str:
    """Escape what would make a GFM renderer turn bare text into a link."""
    text = _SCHEME_COLON.sub(r"\\:", text)
    text = _WWW_DOT.sub(r"\1\\.", text)
    return _AT.sub(r"\\@", text)


def escape_md(text: str) -> str:
    """Escape `text` for use inside a line (a table cell): no formatting, links or HTML."""
    escaped = _no_autolinks(_SPECIAL.sub(r"\\\1", one_line(text)))
    # `&amp;` would show as `&` in a Markdown viewer; escape only what looks like an entity.
    return _ENTITY.sub(r"\\&", escaped)


def escape_md_block(text: str) -> str:
    """Escape `text` that starts a line (paragraph, list item): list markers and rules too."""
    escaped = escape_md(text)
    if _RULE.match(escaped):
        return "\\" + escaped
    escaped = _LIST_MARKER.sub(r"\\\1", escaped)
    # Only punctuation can be escaped, so `1. x` becomes `1\. x`, not `\1. x`.
    return _NUMBERED.sub(r"\1\\\2", escaped)


WIDTH = 100
"""Longest line of the Markdown: paragraphs and list items wrap, wider tables become lists."""

_SETEXT = re.compile(r"^(-+|=+)\s*$")


def _line_start(text: str) -> str:
    """Escape what would start a new block at a wrapped line's start: list markers, underlines."""
    if _SETEXT.match(text) or _RULE.match(text):
        return "\\" + text
    text = _LIST_MARKER.sub(r"\\\1", text)
    return _NUMBERED.sub(r"\1\\\2", text)


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """Wrap escaped `text` at WIDTH after the prefixes; no wrapped line can start a new block."""
    lines = textwrap.wrap(
        text,
        width=WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
    return [lines[0]] + [rest + _line_start(line[len(rest) :]) for line in lines[1:]]


def _pipe_table(block: Table) -> list[str] | None:
    """Render a table of plain cells with columns padded to equal width, or None when it is
    wider than WIDTH or holds cells of several lines."""
    if any(not isinstance(cell, str) for row in block.rows for cell in row):
        return None
    header = block.header
    rows = [[escape_md(cell_text(cell)) or " " for cell in row] for row in block.rows]
    if header is None:
        # Fact tables: label in bold as a two-column table with an empty header row.
        header_cells = ["", ""]
        rows = [[f"**{row[0]}**", *row[1:]] for row in rows]
    else:
        header_cells = [escape_md(cell) for cell in header]
    width = max(len(header_cells), *(len(row) for row in rows))
    header_cells += [""] * (width - len(header_cells))
    rows = [row + [""] * (width - len(row)) for row in rows]
    widths = [max(3, len(header_cells[i]), *(len(row[i]) for row in rows)) for i in range(width)]
    if sum(widths) + 3 * width + 1 > WIDTH:
        return None

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells)) + " |"

    out = [line(header_cells), "| " + " | ".join("-" * w for w in widths) + " |"]
    out.extend(line(row) for row in rows)
    return out


def _item(line: Line, label: str) -> str:
    """Write one line of a cell as the text of a list item, labelled."""
    text = escape_md(line.text)
    if line.style == "strong":
        text = f"**{text}**"
    return f"{escape_md(label)}: {text}" if label else text


def _record_list(block: Table) -> list[str]:
    """Render a table as a list with one item per row: its first line in bold, then the other
    lines of the row as sub-items labelled with their label or their column's heading."""
    out: list[str] = []
    header = block.header
    for row in block.rows:
        cells = [cell_lines(cell) for cell in row]
        if header is None:
            label = escape_md(cell_text(row[0]))
            value = "; ".join(_item(line, line.label) for cell in cells[1:] for line in cell)
            out += _wrap(f"**{label}:** {value}".strip(), "- ", "  ")
            continue
        lead, *rest = cells[0] or (Line(" "),)
        out += _wrap(f"**{escape_md(lead.text)}**", "- ", "  ")
        subs = [(line, line.label) for line in rest]
        for index, cell in enumerate(cells[1:], start=1):
            heading = header[index] if index < len(header) else ""
            subs += [
                (line, line.label or (heading if n == 0 else "")) for n, line in enumerate(cell)
            ]
        for line, label in subs:
            out += _wrap(_line_start(_item(line, label)), "  - ", "    ")
    return out


def _table(block: Table) -> list[str]:
    """Render a table as a pipe table when it fits WIDTH, else as a list of its rows."""
    return _pipe_table(block) or _record_list(block)


def render_markdown(doc: Document) -> str:
    """Render the document as Markdown text ending with one newline."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out += ["#" * (block.level + 1) + " " + escape_md_block(block.text), ""]
        elif isinstance(block, Paragraph):
            for part in paragraphs(block.text):
                text = escape_md_block(part)
                if block.style in ("note", "subtitle"):
                    text = f"*{text}*"
                elif block.style == "label":
                    text = f"**{text}**"
                out += [*_wrap(text, "", ""), ""]
        elif isinstance(block, BulletList):
            for item in block.items:
                out += _wrap(escape_md_block(item), "- ", "  ")
            out.append("")
        elif isinstance(block, Table):
            out += [*_table(block), ""]
        elif isinstance(block, PageBreak):
            out += ["---", ""]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
