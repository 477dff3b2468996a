"""Render a document as Word (.docx) with real heading styles, A4 pages and page numbers."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape as xml_escape

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
from varselspel.export.strings import STRINGS
from varselspel.export.text import one_line, paragraphs
from varselspel.i18n import tr

TABLE_STYLE = "Light Grid Accent 1"
"""Built-in table style of python-docx's default template: header row bold, grid borders."""

FACTS_STYLE = "Light List Accent 1"
"""Table style of the two-column fact tables."""

_LANG_TAGS = {"sv": "sv-SE", "en": "en-GB"}

MARGIN_MM = 12
"""Page margins on every side, in millimetres."""


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

FONT = "Calibri"
"""The plan's font; LibreOffice shows Carlito, which has the same widths."""

BODY_PT = 9.5
TABLE_PT = 8
NOTE_PT = 7
"""Sizes of body text, table text and the small lines of a cell (where an action came from)."""

KEEP_ROWS = 3
"""A table of at most this many rows (header included) is kept on one page; a longer one keeps
only its header row with its first row."""

_LINE_RUN = {
    "normal": "",
    "strong": "<w:b/>",
    "note": f'<w:i/><w:color w:val="5A6673"/><w:sz w:val="{round(NOTE_PT * 2)}"/>',
    "warning": '<w:color w:val="A4380B"/>',
}
"""Run properties of each line style of a cell, besides the table text size."""


def _run(text: str, props: str) -> str:
    """Return the XML of a run of plain text with run properties."""
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>'


def _cell_xml(cell: Cell, width: int, *, keep: bool, header: bool) -> str:
    """Return the XML of one table cell: one paragraph per line, labels in bold."""
    size = f'<w:sz w:val="{round(TABLE_PT * 2)}"/>'
    # Cell lines sit close: no space after, single line spacing.
    spacing = '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    ppr = "<w:pPr>" + ("<w:keepNext/>" if keep else "") + spacing + "</w:pPr>"
    paras: list[str] = []
    for line in cell_lines(cell):
        style = "strong" if header else line.style
        props = _LINE_RUN[style]
        if "<w:sz " not in props:
            props += size
        runs = ""
        if line.label and line.in_table:
            runs += _run(f"{one_line(line.label)}: ", "<w:b/>" + props.replace("<w:b/>", ""))
        runs += _run(one_line(line.text), props)
        paras.append(f"<w:p>{ppr}{runs}</w:p>")
    body = "".join(paras) or f"<w:p>{ppr}</w:p>"
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{body}</w:tc>'


def _table(docx_doc: Any, block: Table, widths_pt: list[float]) -> None:
    """Add a styled table whose columns fit their longest words and whose rows never split.

    Rows are built as one XML fragment, which stays fast for large plans.
    """
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    header = block.header
    rows: list[tuple[Cell, ...]] = ([header] if header is not None else []) + list(block.rows)
    cols = max(len(row) for row in rows)
    table = docx_doc.add_table(rows=0, cols=cols)
    table.style = docx_doc.styles[TABLE_STYLE if header is not None else FACTS_STYLE]
    widths = [int(w * 20) for w in widths_pt]
    _look(table, header_row=header is not None)
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:type"), "dxa")
        tbl_w.set(qn("w:w"), str(sum(widths)))
    # A fixed layout makes Word keep these widths instead of autofitting to the longest word.
    table.autofit = False
    for grid_col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = width * 635  # twips to EMU, the unit python-docx stores
    short = len(rows) <= KEEP_ROWS
    parts = [f'<w:tbl xmlns:w="{_W_NS}">']
    for index, values in enumerate(rows):
        is_header = index == 0 and header is not None
        # A row never breaks across pages; the header row repeats at the top of every page and
        # keeps with the first row; a short table keeps all its rows together.
        tr_pr = "<w:trPr><w:cantSplit/>" + ('<w:tblHeader w:val="true"/>' if is_header else "")
        keep = is_header or (short and index < len(rows) - 1)
        cells = "".join(
            _cell_xml(v, width, keep=keep, header=is_header)
            for v, width in zip(list(values) + [""] * (cols - len(values)), widths, strict=True)
        )
        parts.append(f"<w:tr>{tr_pr}</w:trPr>{cells}</w:tr>")
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


def _look(table: Any, *, header_row: bool) -> None:
    """Emphasise the header row of a table, or the first column of a fact table."""
    from docx.oxml.ns import qn

    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.set(qn("w:firstRow"), "1" if header_row else "0")
        look.set(qn("w:firstColumn"), "0" if header_row else "1")
        look.set(qn("w:val"), "0420" if header_row else "0480")


def _set_fonts(docx_doc: Any) -> None:
    """Set the plan's font, sizes and spacing on the document defaults and the styles it uses."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def fonts(rpr: Any) -> None:
        el = rpr.find(qn("w:rFonts"))
        if el is None:
            el = OxmlElement("w:rFonts")
            rpr.insert(0, el)
        for attr in list(el.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del el.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            el.set(qn(attr), FONT)

    defaults = docx_doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), str(round(BODY_PT * 2)))
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:
        spacing.set(qn("w:after"), "60")
        spacing.set(qn("w:line"), "252")
    # Sizes and spacing (points) that keep sections together without wasting paper.
    layout = {
        "Title": (20, 0, 2),
        "Subtitle": (11, 0, 6),
        "Heading 1": (13, 9, 3),
        "Heading 2": (11, 6, 2),
        "Heading 3": (10, 4, 2),
    }
    for style in docx_doc.styles:
        rpr = style.element.rPr if style.type in (1, 2) else None
        if rpr is not None and rpr.find(qn("w:rFonts")) is not None:
            fonts(rpr)
    for name, (size, before, after) in layout.items():
        style = docx_doc.styles[name]
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)


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
    docx_doc: Any,
    styles: _Styles,
    text: str,
    style: str | None,
    bold: bool = False,
    *,
    keep: bool = False,
    small: bool = False,
) -> None:
    """Add a paragraph with a style set by id; `keep` keeps it on the page of the next block."""
    from docx.shared import Pt

    para = docx_doc.add_paragraph()
    if text:
        run = para.add_run(text)
        if bold:
            run.bold = True
        if small:
            run.font.size = Pt(NOTE_PT)
    if style is not None:
        para._p.style = styles.id(style)
    if keep:
        para.paragraph_format.keep_with_next = True


def _spacer(docx_doc: Any) -> None:
    """Add the small empty paragraph Word needs between two tables, so they stay apart."""
    from docx.shared import Pt

    para = docx_doc.add_paragraph()
    para.paragraph_format.space_after = Pt(0)
    para.paragraph_format.line_spacing = Pt(6)


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
    section.left_margin = section.right_margin = Mm(MARGIN_MM)
    section.top_margin, section.bottom_margin = Mm(MARGIN_MM), Mm(MARGIN_MM)
    lang_tag = _LANG_TAGS.get(doc.lang, "sv-SE")
    _set_language(out, lang_tag)
    _set_fonts(out)
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
    widths = table_widths(doc.blocks, _text_width_twips(out) / 20, TABLE_PT)
    paragraph_styles = {"subtitle": "Subtitle", "note": "Quote", "label": "Body Text"}
    for index, block in enumerate(doc.blocks):
        # The text right before a table or a list (its intro) keeps with it on one page.
        follows = doc.blocks[index + 1] if index + 1 < len(doc.blocks) else None
        keep = isinstance(follows, Table | BulletList)
        if isinstance(block, Heading):
            style = "Title" if block.level == 0 else f"Heading {min(block.level, 9)}"
            _paragraph(out, styles, one_line(block.text), style)
        elif isinstance(block, Paragraph):
            parts = paragraphs(block.text)
            for n, part in enumerate(parts):
                _paragraph(
                    out,
                    styles,
                    part,
                    paragraph_styles.get(block.style),
                    block.style == "label",
                    keep=keep and n == len(parts) - 1,
                )
        elif isinstance(block, BulletList):
            for item in block.items:
                _paragraph(out, styles, one_line(item), "List Bullet", small=block.small)
        elif isinstance(block, Table):
            _table(out, block, widths[id(block)])
            _spacer(out)
        elif isinstance(block, PageBreak):
            if block.landscape is None:
                out.add_page_break()  # type: ignore[no-untyped-call]
            else:
                _new_section(out, landscape=block.landscape)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
