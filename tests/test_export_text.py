"""Any text a scenario or a group writes renders safely in Markdown, HTML and Word."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from varselspel.export.document import Document
from varselspel.export.html import render_html
from varselspel.export.markdown import escape_md, escape_md_block, render_markdown
from varselspel.export.text import one_line
from varselspel.export.word import render_docx

TEXT = st.text(max_size=60)


def _doc(title: str, para: str, cells: list[str], items: list[str]) -> Document:
    doc = Document(title=title, lang="sv")
    doc.heading(0, title)
    doc.heading(1, para)
    doc.paragraph(para)
    doc.bullets(items)
    doc.table(["A", "B"], [(c, c[::-1]) for c in cells])
    doc.table(None, [(c, c) for c in cells])
    doc.page_break(landscape=True)
    doc.paragraph(para, "note")
    return doc


@given(TEXT, TEXT, st.lists(TEXT, min_size=1, max_size=4), st.lists(TEXT, max_size=3))
def test_html_is_always_well_formed_and_inert(
    title: str, para: str, cells: list[str], items: list[str]
) -> None:
    """Whatever the text, the page parses as XML and contains no element the text did not ask for."""
    page = render_html(_doc(title, para, cells, items))
    root = ET.fromstring(page.split("\n", 1)[1])
    tags = {el.tag.split("}")[1] for el in root.iter()}
    assert tags <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "h1",
        "colgroup",
        "col",
        "p",
        "ul",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "hr",
        "section",
    }
    body_text = "".join(root.find("{http://www.w3.org/1999/xhtml}body").itertext())  # type: ignore[union-attr]
    for cell in cells:
        assert one_line(cell) in body_text


@given(TEXT, TEXT, st.lists(TEXT, min_size=1, max_size=4), st.lists(TEXT, max_size=3))
def test_markdown_tables_stay_tables(
    title: str, para: str, cells: list[str], items: list[str]
) -> None:
    """Cells never break a table row and headings stay single lines."""
    text = render_markdown(_doc(title, para, cells, items))
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 2 * (len(cells) + 2)
    for row in rows:
        # Unescaped pipes are only the column separators.
        assert len(re.findall(r"(?<!\\)\|", row)) == 3
    assert not re.search(r"(?<!\\)<[a-zA-Z/!]", text)


@given(st.text(max_size=80))
def test_escape_md_leaves_no_active_markup(text: str) -> None:
    """After escaping, no unescaped Markdown-active character remains."""
    escaped = escape_md(text)
    assert "\n" not in escaped
    assert not re.search(r"(?<!\\)[`*_\[\]<>|#~]", escaped.replace("\\\\", ""))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT, st.lists(TEXT, min_size=1, max_size=3), st.lists(TEXT, max_size=2))
def test_docx_always_opens_and_keeps_the_text(
    title: str, para: str, cells: list[str], items: list[str]
) -> None:
    """Control characters and markup never break the Word file; cell text survives."""
    document = docx.Document(io.BytesIO(render_docx(_doc(title, para, cells, items))))
    cell_text = [c.text for t in document.tables for r in t.rows for c in r.cells]
    for cell in cells:
        assert one_line(cell) in cell_text


def test_escape_md_examples() -> None:
    """Line starts that Markdown reads as lists, rules or entities stay literal."""
    assert escape_md_block("---") == "\\---"
    assert escape_md_block("- a") == "\\- a"
    assert escape_md_block("+ a") == "\\+ a"
    assert escape_md_block("1. x") == "1\\. x"
    assert escape_md_block("2024 var ett bra år") == "2024 var ett bra år"
    assert escape_md_block("+20 jobb") == "+20 jobb"
    assert escape_md("- a") == "- a"
    assert escape_md("Bygg & Mark &amp;") == "Bygg & Mark \\&amp;"
    assert escape_md("<b>[x](y)</b>") == "\\<b\\>\\[x\\](y)\\</b\\>"
