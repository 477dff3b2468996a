"""Render a document as Word (.docx) with real heading styles, A4 pages and page numbers."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from varselspel.export.document import BulletList, Document, Heading, PageBreak, Paragraph, Table
from varselspel.export.strings import STRINGS
from varselspel.export.text import one_line, paragraphs
from varselspel.i18n import tr

TABLE_STYLE = "Light Grid Accent 1"
"""Built-in table style of python-docx's default template: header row bold, grid borders."""

FACTS_STYLE = "Light List Accent 1"
"""Table style of the two-column fact tables."""

_LANG_TAGS = {"sv": "sv-SE", "en": "en-GB"}


CORE_TEXT_LIMIT = 255
"""Longest text a Word core property (title, author ...) holds; python-docx refuses more."""


def set_core_text(props: Any, **values: str) -> None:
    """Set text core properties, cutting each to the limit (with `…`) so no value is refused."""
    for name, value in values.items():
        text = one_line(value)
        if len(text) > CORE_TEXT_LIMIT:
            text = text[: CORE_TEXT_LIMIT - 1].rstrip() + "…"
        setattr(props, name, text)


def _set_language(docx_doc: Any, lang_tag: str) -> None:
    """Set the proofing language on the document defaults and on every paragraph style."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def apply(rpr: Any) -> None:
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = OxmlElement("w:lang")
            rpr.append(lang_el)
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            lang_el.set(qn(attr), lang_tag)

    styles_el = docx_doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            rpr_default.append(rpr)
        apply(rpr)
    for style in docx_doc.styles:
        if style.type in (1, 2):  # paragraph and character styles carry run properties
            apply(style.element.get_or_add_rPr())


def _page_number_footer(section: Any, label: str) -> None:
    """Put `Sida N (M)` in the footer with PAGE and NUMPAGES fields Word fills in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run(f"{label} ")
    for instr, tail in (("PAGE", " ("), ("NUMPAGES", ")")):
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instr)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        para._p.append(field)
        para.add_run(tail)


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _cell_xml(text: str, width: int) -> str:
    """Return the XML of one table cell holding plain text."""
    # 9 pt (18 half-points) keeps wide action tables readable without wrapping every word.
    run = (
        f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>'
        if text
        else ""
    )
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p>{run}</w:p></w:tc>'


def _table(docx_doc: Any, block: Table) -> None:
    """Add a styled table; rows are built as one XML fragment, which stays fast for large plans."""
    from docx.oxml import parse_xml

    header = block.header
    rows = ([header] if header is not None else []) + list(block.rows)
    cols = max(len(row) for row in rows)
    table = docx_doc.add_table(rows=0, cols=cols)
    table.style = docx_doc.styles[TABLE_STYLE if header is not None else FACTS_STYLE]
    total = _text_width_twips(docx_doc)
    weights = list(block.widths or ()) if len(block.widths or ()) == cols else [1.0] * cols
    widths = [int(total * w / sum(weights)) for w in weights]
    _full_width(table, header_row=header is not None)
    # A fixed layout makes Word keep these widths instead of autofitting to the longest word.
    _fixed_layout(table)
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = width * 635  # twips to EMU, the unit python-docx stores
    parts = [f'<w:tbl xmlns:w="{_W_NS}">']
    for index, values in enumerate(rows):
        # The header row repeats at the top of every printed page.
        tr_pr = (
            '<w:trPr><w:tblHeader w:val="true"/></w:trPr>'
            if index == 0 and header is not None
            else ""
        )
        cells = "".join(
            _cell_xml(one_line(v), width)
            for v, width in zip(list(values) + [""] * (cols - len(values)), widths, strict=True)
        )
        parts.append(f"<w:tr>{tr_pr}{cells}</w:tr>")
    parts.append("</w:tbl>")
    fragment = parse_xml("".join(parts))
    tbl = table._tbl
    for row_el in list(fragment):
        tbl.append(row_el)


def _new_section(docx_doc: Any, *, landscape: bool) -> None:
    """Start a new section on a new page, turned as asked; footer and margins carry over."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Mm

    section = docx_doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long_side, short_side = Mm(297), Mm(210)
    section.page_width, section.page_height = (
        (long_side, short_side) if landscape else (short_side, long_side)
    )


def _text_width_twips(docx_doc: Any) -> int:
    """Return the text width of the current (last) section in twips."""
    section = docx_doc.sections[-1]
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


def _fixed_layout(table: Any) -> None:
    """Give the table a fixed layout so the column widths set are the widths shown."""
    # python-docx writes `w:tblLayout w:type="fixed"` in its schema position.
    table.autofit = False


def _full_width(table: Any, *, header_row: bool) -> None:
    """Stretch the table over the text width; fact tables emphasise the first column, not row."""
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "pct")
        tbl_w.set(qn("w:w"), "5000")
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.set(qn("w:firstRow"), "1" if header_row else "0")
        look.set(qn("w:firstColumn"), "0" if header_row else "1")
        look.set(qn("w:val"), "0420" if header_row else "0480")


class _Styles:
    """Paragraph style ids looked up once by name (python-docx looks them up slowly per call)."""

    def __init__(self, docx_doc: Any) -> None:
        self._doc = docx_doc
        self._ids: dict[str, str] = {}

    def id(self, name: str) -> str:
        """Return the style id of a paragraph style name."""
        if name not in self._ids:
            self._ids[name] = self._doc.styles[name].style_id
        return self._ids[name]


def _paragraph(
    docx_doc: Any, styles: _Styles, text: str, style: str | None, bold: bool = False
) -> None:
    """Add a paragraph with a style set by id."""
    para = docx_doc.add_paragraph()
    if text:
        run = para.add_run(text)
        if bold:
            run.bold = True
    if style is not None:
        para._p.style = styles.id(style)


def _doc_date(doc: Document) -> datetime | None:
    """Return the document's date as midnight UTC, or None when it has none."""
    try:
        return datetime.fromisoformat(doc.date).replace(tzinfo=UTC) if doc.date else None
    except ValueError:
        return None


def render_docx(doc: Document, *, created: datetime | None = None) -> bytes:
    """Render the document as the bytes of a .docx file."""
    try:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        from varselspel.export.errors import ExportError

        raise ExportError(tr(STRINGS, "error.docx_missing", doc.lang)) from exc

    out = docx.Document()
    section = out.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    lang_tag = _LANG_TAGS.get(doc.lang, "sv-SE")
    _set_language(out, lang_tag)
    _page_number_footer(section, tr(STRINGS, "label.page", doc.lang))
    props = out.core_properties
    set_core_text(
        props,
        title=one_line(doc.title),
        language=lang_tag,
        author="varselspel",
        last_modified_by="varselspel",
    )
    # The plan's own date (not the clock) keeps repeated exports of one plan alike.
    stamp = created or _doc_date(doc) or datetime.now(UTC)
    props.created = props.modified = stamp
    props.revision = 1

    styles = _Styles(out)
    paragraph_styles = {"subtitle": "Subtitle", "note": "Quote", "label": "Body Text"}
    for block in doc.blocks:
        if isinstance(block, Heading):
            style = "Title" if block.level == 0 else f"Heading {min(block.level, 9)}"
            _paragraph(out, styles, one_line(block.text), style)
        elif isinstance(block, Paragraph):
            for part in paragraphs(block.text):
                _paragraph(
                    out, styles, part, paragraph_styles.get(block.style), block.style == "label"
                )
        elif isinstance(block, BulletList):
            for item in block.items:
                _paragraph(out, styles, one_line(item), "List Bullet")
        elif isinstance(block, Table):
            _table(out, block)
            out.add_paragraph()
        elif isinstance(block, PageBreak):
            if block.landscape is None:
                out.add_page_break()  # type: ignore[no-untyped-call]
            else:
                _new_section(out, landscape=block.landscape)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
