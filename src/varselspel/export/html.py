"""Render a document as one self-contained HTML file with embedded screen and print styles."""

from __future__ import annotations

from html import escape

from varselspel.export.document import (
    BulletList,
    Cell,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    cell_lines,
)
from varselspel.export.layout import table_widths
from varselspel.export.text import one_line, paragraphs

PRINT_WIDTH_PT = 527
"""Text width of a printed A4 page with 12 mm margins, in points (186 mm)."""

TABLE_PT = 8
"""Size of printed table text in points."""

# No external fonts, scripts or images: the file must work offline and print cleanly on A4.
CSS = """
:root { --ink: #1d2733; --muted: #5a6673; --line: #c9d1da; --head: #e8eef5; --accent: #1f5f8b;
  --warn: #a4380b; }
* { box-sizing: border-box; }
body { font-family: Calibri, Carlito, "Segoe UI", Arial, sans-serif; color: var(--ink);
  line-height: 1.4; max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; font-size: 15px; }
h1.title { font-size: 2rem; color: var(--accent); margin-bottom: .25rem; }
h1 { font-size: 1.45rem; color: var(--accent); border-bottom: 2px solid var(--accent);
  padding-bottom: .2rem; margin-top: 1.8rem; }
h2 { font-size: 1.15rem; margin-top: 1.3rem; }
h3 { font-size: 1rem; margin-top: 1rem; }
p.subtitle { font-size: 1.15rem; color: var(--muted); }
p.note { color: var(--muted); font-style: italic; }
p.label { font-weight: 600; margin-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem;
  table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left;
  vertical-align: top; overflow-wrap: break-word; }
thead th { background: var(--head); }
table.facts th { background: var(--head); }
td .line + .line { margin-top: .15rem; }
.line .label { font-weight: 600; }
.line.strong { font-weight: 600; }
.line.note { color: var(--muted); font-style: italic; font-size: .9em; }
.line.warning { color: var(--warn); }
ul.small { font-size: .85rem; }
hr.page { border: 0; border-top: 1px dashed var(--line); margin: 2.5rem 0; }
@media print {
  @page { size: A4; margin: 12mm; }
  @page landscape { size: A4 landscape; }
  section.landscape { page: landscape; }
  section + section { break-before: page; }
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; line-height: 1.3; }
  h1.title { font-size: 20pt; margin: 0 0 2pt; }
  h1 { font-size: 13pt; margin: 9pt 0 3pt; }
  h2 { font-size: 11pt; margin: 6pt 0 2pt; }
  h3 { font-size: 10pt; margin: 4pt 0 2pt; }
  p { margin: 0 0 3pt; }
  ul { margin: 0 0 4pt; padding-left: 14pt; }
  table { font-size: 8pt; margin: 2pt 0 6pt; }
  ul.small { font-size: 7pt; }
  th, td { padding: 1.5pt 3.5pt; }
  hr.page { border: 0; margin: 0; page-break-after: always; break-after: page; }
  h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
  tr, li { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(text: str) -> str:
    """Escape text for HTML content and attributes, folded onto one line."""
    return escape(one_line(text), quote=True)


def _cell(cell: Cell) -> str:
    """Render a cell: plain text as it is, lines of their own each in a block."""
    if isinstance(cell, str):
        return _e(cell)
    out = []
    for line in cell_lines(cell):
        label = (
            f'<span class="label">{_e(line.label)}:</span> ' if line.label and line.in_table else ""
        )
        out.append(f'<div class="line {line.style}">{label}{_e(line.text)}</div>')
    return "".join(out)


def _table(block: Table, widths: list[float]) -> list[str]:
    """Render a table with fixed column widths that fit the longest words of each column."""
    total = sum(widths) or 1.0
    cols = "".join(f'<col style="width: {w * 100 / total:.1f}%" />' for w in widths)
    out = [f'<table class="{_e(block.kind)}">', f"<colgroup>{cols}</colgroup>"]
    if block.header is not None:
        out.append(
            "<thead><tr>" + "".join(f"<th>{_e(c)}</th>" for c in block.header) + "</tr></thead>"
        )
    out.append("<tbody>")
    for row in block.rows:
        if block.header is None:
            cells = f'<th scope="row">{_cell(row[0])}</th>' + "".join(
                f"<td>{_cell(c)}</td>" for c in row[1:]
            )
        else:
            cells = "".join(f"<td>{_cell(c)}</td>" for c in row)
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return out


def render_html(doc: Document) -> str:
    """Render the document as a complete HTML page (well-formed XML as well as HTML5)."""
    body: list[str] = []
    widths = table_widths(doc.blocks, PRINT_WIDTH_PT, TABLE_PT)
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.level == 0:
                body.append(f'<h1 class="title">{_e(block.text)}</h1>')
            else:
                level = min(block.level, 6)
                body.append(f"<h{level}>{_e(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            css = "" if block.style == "normal" else f' class="{block.style}"'
            body.extend(
                f"<p{css}>{escape(part, quote=True)}</p>" for part in paragraphs(block.text)
            )
        elif isinstance(block, BulletList):
            css = ' class="small"' if block.small else ""
            items = "".join(f"<li>{_e(item)}</li>" for item in block.items)
            body.append(f"<ul{css}>{items}</ul>")
        elif isinstance(block, Table):
            body.extend(_table(block, widths[id(block)]))
        elif isinstance(block, PageBreak):
            if block.landscape is None:
                body.append('<hr class="page" />')
            else:
                # A named page turns the printed pages; browsers break the page before it.
                css = ' class="landscape"' if block.landscape else ""
                body += ["</section>", f"<section{css}>"]
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(doc.lang)}" xmlns="http://www.w3.org/1999/xhtml">',
        "<head>",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        '<meta name="generator" content="varselspel" />',
        f"<title>{_e(doc.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, "<section>", *body, "</section>", "</body>", "</html>"]) + "\n"
