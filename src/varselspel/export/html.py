"""Render a document as one self-contained HTML file with embedded screen and print styles."""

from __future__ import annotations

from html import escape

from varselspel.export.document import BulletList, Document, Heading, PageBreak, Paragraph, Table
from varselspel.export.text import one_line, paragraphs

# No external fonts, scripts or images: the file must work offline and print cleanly on A4.
CSS = """
:root { --ink: #1d2733; --muted: #5a6673; --line: #c9d1da; --head: #e8eef5; --accent: #1f5f8b; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Calibri, Arial, sans-serif; color: var(--ink); line-height: 1.45;
  max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; font-size: 15px; }
h1.title { font-size: 2rem; color: var(--accent); margin-bottom: .25rem; }
h1 { font-size: 1.5rem; color: var(--accent); border-bottom: 2px solid var(--accent);
  padding-bottom: .2rem; margin-top: 2rem; }
h2 { font-size: 1.2rem; margin-top: 1.5rem; }
h3 { font-size: 1.05rem; margin-top: 1.2rem; }
p.subtitle { font-size: 1.15rem; color: var(--muted); }
p.note { color: var(--muted); font-style: italic; }
p.label { font-weight: 600; margin-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; hyphens: auto; }
thead th { background: var(--head); }
table.facts th { width: 30%; background: var(--head); }
hr.page { border: 0; border-top: 1px dashed var(--line); margin: 2.5rem 0; }
@media print {
  @page { size: A4; margin: 18mm 15mm 20mm; }
  @page landscape { size: A4 landscape; }
  section.landscape { page: landscape; }
  section + section { break-before: page; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
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


def _table(block: Table) -> list[str]:
    """Render a table; fact tables put the label in a row header; set widths fix the columns."""
    if block.widths:
        # A fixed layout with set widths stops the browser squeezing a column to a letter's width.
        total = sum(block.widths)
        cols = "".join(f'<col style="width: {w * 100 / total:.1f}%" />' for w in block.widths)
        out = [
            f'<table class="{_e(block.kind)}" style="table-layout: fixed">',
            f"<colgroup>{cols}</colgroup>",
        ]
    else:
        out = [f'<table class="{_e(block.kind)}">']
    if block.header is not None:
        out.append(
            "<thead><tr>" + "".join(f"<th>{_e(c)}</th>" for c in block.header) + "</tr></thead>"
        )
    out.append("<tbody>")
    for row in block.rows:
        if block.header is None:
            cells = f'<th scope="row">{_e(row[0])}</th>' + "".join(
                f"<td>{_e(c)}</td>" for c in row[1:]
            )
        else:
            cells = "".join(f"<td>{_e(c)}</td>" for c in row)
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return out


def render_html(doc: Document) -> str:
    """Render the document as a complete HTML page (well-formed XML as well as HTML5)."""
    body: list[str] = []
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
            body.append("<ul>" + "".join(f"<li>{_e(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Table):
            body.extend(_table(block))
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
