"""Render a document as Markdown whose tables read well as plain text too."""

from __future__ import annotations

import re

from varselspel.export.document import BulletList, Document, Heading, PageBreak, Paragraph, Table
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


def _table(block: Table) -> list[str]:
    """Render a table with columns padded to equal width."""
    header = block.header
    rows = [[escape_md(cell) or " " for cell in row] for row in block.rows]
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

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells)) + " |"

    out = [line(header_cells), "| " + " | ".join("-" * w for w in widths) + " |"]
    out.extend(line(row) for row in rows)
    return out


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
                out += [text, ""]
        elif isinstance(block, BulletList):
            out += [f"- {escape_md_block(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            out += [*_table(block), ""]
        elif isinstance(block, PageBreak):
            out += ["---", ""]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"
