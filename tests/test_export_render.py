"""The four renderings read back: Word headings and tables, well-formed HTML, schema-valid JSON."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import jsonschema
import pytest

from exporthelp import EXPORT_DAY, play
from varselspel.engine import ActionFields, AddAction, Session, WriteNote
from varselspel.export import export_session, files_to_overwrite, render_plan
from varselspel.export.api import plan_to_document, render_document
from varselspel.export.jsonout import build_schema, plan_schema, schema_text
from varselspel.export.role_cards import role_cards_document
from varselspel.loader import load_bundle
from varselspel.model.common import Level
from varselspel.plan import ActionPlan, build_group_plan, build_synthesis
from varselspel.plan.model import SCHEMA_VERSION
from varselspel.resources import bundled_scenarios_dir

DEMO = bundled_scenarios_dir() / "demo.yaml"
XHTML = "{http://www.w3.org/1999/xhtml}"

HOSTILE_GROUP = "../../etc/<script>alert(1)</script> [bold]CON[/]"
HOSTILE_TEXT = " <script>x()</script> [bold red]fet[/] [@click=app.quit] & ]]> \x07"
LONG = "Lång text " * 190


@pytest.fixture(scope="module")
def session() -> Session:
    """The demo played by two groups."""
    return play(DEMO)


@pytest.fixture(scope="module")
def plan(session: Session) -> ActionPlan:
    """The first group's plan, in Swedish."""
    return build_group_plan(session, "g1", lang="sv", today=EXPORT_DAY)


@pytest.fixture(scope="module")
def hostile() -> Session:
    """A session whose group names and texts try markup, tags, traversal and great length."""
    session = play(DEMO, groups=(HOSTILE_GROUP, "Grupp<b>2</b>"), extra_text=HOSTILE_TEXT)
    fields = ActionFields(title="Lång åtgärd" + HOSTILE_TEXT, result=LONG, level=Level.NATIONELL)
    session.execute(AddAction(group="g1", fields=fields))
    session.execute(WriteNote(group="g1", text="Mål: " + LONG * 3))
    return session


def _docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_docx_has_heading_styles_and_action_tables(plan: ActionPlan) -> None:
    """Sections are real Heading 1/2 paragraphs and each level's actions are a table with a row each."""
    document = _docx(render_plan(plan, "docx"))
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    headings1 = [text for style, text in styles if style == "Heading 1"]
    phases = ["Planen fas för fas"] if plan.phases else []
    assert headings1[: 3 + len(phases)] == ["Deltagare", "Sammanfattning", *phases, "Lägesbild"]
    assert {"Åtgärder", "Organisation och mandat", "Källor"} <= set(headings1)
    assert ("Heading 2", "Lokal nivå") in styles
    assert styles[0][0] == "Title"
    action_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Åtgärd"]
    # One table per level, or per theme within a level when the scenario's plan has themes.
    themes = {a.theme for a in plan.actions if a.theme}
    if themes:
        assert themes <= {text for style, text in styles if style == "Heading 3"}
    else:
        assert len(action_tables) == len([lvl for lvl in Level if plan.actions_at(lvl)])
    # The first line of the first cell is the action's title, in bold.
    titles = [r.cells[0].paragraphs[0].text for t in action_tables for r in t.rows[1:]]
    assert sorted(titles) == sorted(a.title for a in plan.actions)
    for table in action_tables:
        assert table.autofit is False, "fixed layout keeps the set column widths"
        widths = [c.width for c in table.columns]
        assert widths[0] == max(widths), "the action column is the widest"
        assert [c.text for c in table.rows[0].cells] == [
            "Åtgärd",
            "Ansvarig",
            "Tid och finansiering",
            "Uppföljning",
        ]
        assert table.style.name == "Light Grid Accent 1"


def test_docx_is_a4_with_page_numbers_and_swedish(plan: ActionPlan) -> None:
    """A4 pages, a PAGE field in the footer and sv-SE proofing language on the styles."""
    from docx.oxml.ns import qn

    document = _docx(render_plan(plan, "docx"))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    instrs = [el.get(qn("w:instr")) for el in section.footer._element.iter(qn("w:fldSimple"))]
    assert "PAGE" in instrs
    langs = {el.get(qn("w:val")) for el in document.styles.element.iter(qn("w:lang"))}
    assert langs == {"sv-SE"}
    normal = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal.get(qn("w:val")) == "sv-SE"
    turned = [round(s.page_width.mm) for s in document.sections]
    assert turned == [210], "every page is portrait: the action tables fit its width"
    english = _docx(render_plan(plan, "docx", "en"))
    assert {el.get(qn("w:val")) for el in english.styles.element.iter(qn("w:lang"))} == {"en-GB"}


class _Collector(HTMLParser):
    """Collects text, tags and the external references an HTML page makes."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_well_formed_self_contained_and_has_the_plan(plan: ActionPlan) -> None:
    """The page parses as XML, has no external assets, a print stylesheet, and the plan's content."""
    page = render_plan(plan, "html").decode("utf-8")
    root = ET.fromstring(page.split("\n", 1)[1])  # drop the doctype line
    assert root.tag == f"{XHTML}html" and root.get("lang") == "sv"
    collector = _Collector()
    collector.feed(page)
    assert collector.refs == []
    assert "script" not in collector.tags and "link" not in collector.tags
    assert "@media print" in page and "size: A4" in page
    text = " ".join(collector.text)
    for action in plan.actions:
        assert action.title in text
    h1 = [el.text for el in root.iter(f"{XHTML}h1")]
    assert h1[0] == "Handlingsplan (utkast): Grupp Norr"
    rows = [
        tr
        for table in root.iter(f"{XHTML}table")
        if table.get("class") == "actions"
        for tr in table.iter(f"{XHTML}tr")
    ]
    tables = [t for t in root.iter(f"{XHTML}table") if t.get("class") == "actions"]
    assert len(rows) == len(plan.actions) + len(tables), "one header row per table"


def test_markdown_tables_align_as_plain_text(plan: ActionPlan) -> None:
    """Every line of a Markdown table has its pipes in the same columns."""
    text = render_plan(plan, "md").decode("utf-8")
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            assert len({len(row) for row in block}) == 1, block[0]
            assert len(block) >= 3
        block = []
    assert "## Åtgärder" in text and "### Lokal nivå" in text


def test_json_validates_against_shipped_schema(session: Session) -> None:
    """Both plan kinds validate; the shipped schema file equals the one the model generates."""
    assert plan_schema() == build_schema()
    validator = jsonschema.Draft202012Validator(plan_schema())
    for plan in (
        build_group_plan(session, "g2", today=EXPORT_DAY),
        build_synthesis(session, today=EXPORT_DAY),
    ):
        data = json.loads(render_plan(plan, "json"))
        validator.validate(data)
        assert data["schema_version"] == SCHEMA_VERSION
        assert ActionPlan.model_validate(data) == plan


def test_schema_file_is_current() -> None:
    """The schema file in the package is regenerated whenever the model changes."""
    shipped = Path(str(__import__("varselspel.export", fromlist=["x"]).__file__)).with_name(
        "plan.schema.json"
    )
    assert shipped.read_text(encoding="utf-8") == schema_text()


def test_english_labels(plan: ActionPlan) -> None:
    """Headings follow the requested UI language."""
    text = render_plan(plan, "md", "en").decode()
    assert "## Summary" in text and "### Local level" in text and "Sammanfattning" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "json"])
def test_hostile_text_exports_safely(hostile: Session, tmp_path: Path, fmt: str) -> None:
    """Markup, tags, '../' and very long text stay literal text inside the output folder."""
    out = tmp_path / "out"
    paths = export_session(hostile, [fmt], out, today=EXPORT_DAY)
    assert len(paths) == 3
    for path in paths:
        assert path.parent == out and path.resolve().is_relative_to(out.resolve())
        assert ".." not in path.name and "/" not in path.name and "<" not in path.name
    data = paths[0].read_bytes()
    if fmt == "md":
        text = data.decode()
        assert "<script>" not in text and "\\<script\\>" in text
        assert "\\[bold red\\]" in text and "\x07" not in text
    elif fmt == "html":
        page = data.decode()
        root = ET.fromstring(page.split("\n", 1)[1])
        assert not list(root.iter(f"{XHTML}script"))
        assert "&lt;script&gt;x()&lt;/script&gt;" in page and "[bold red]fet[/]" in page
        assert "\x07" not in page
        assert "]]&gt;" in page
    elif fmt == "docx":
        document = _docx(data)
        full = "\n".join(p.text for p in document.paragraphs) + "\n".join(
            c.text for t in document.tables for r in t.rows for c in r.cells
        )
        assert "<script>x()</script>" in full and "[bold red]fet[/]" in full
        assert LONG.strip() in full
    else:
        parsed = json.loads(data)
        jsonschema.validate(parsed, plan_schema())
        assert parsed["title_page"]["groups"] == [HOSTILE_GROUP]
        assert any(a["result"] == LONG for a in parsed["actions"])


def test_overwrite_needs_force_and_is_reported_first(session: Session, tmp_path: Path) -> None:
    """A second export is refused before writing anything; the app can ask which files clash."""
    first = export_session(session, "all", tmp_path, today=EXPORT_DAY)
    assert len(first) == 12
    assert files_to_overwrite(session, "all", tmp_path) == first
    assert files_to_overwrite(session, ["md"], tmp_path / "empty") == []
    before = {p: p.stat().st_mtime_ns for p in first}
    (first[0]).write_text("edited by hand")
    with pytest.raises(Exception) as info:
        export_session(session, "all", tmp_path, today=EXPORT_DAY)
    assert "--force" in str(info.value)
    assert first[0].read_text() == "edited by hand"
    again = export_session(session, "all", tmp_path, force=True, today=EXPORT_DAY)
    assert again == first and first[0].read_text() != "edited by hand"
    assert all(p.exists() for p in before)


def test_group_option_exports_one_plan(session: Session, tmp_path: Path) -> None:
    """--group picks one group's plan by name; an unknown name names the groups there are."""
    paths = export_session(session, ["md", "json"], tmp_path, group="grupp syd", lang="en")
    assert [p.name for p in paths] == [
        "action-plan-demo-Grupp-Syd.md",
        "action-plan-demo-Grupp-Syd.json",
    ]
    with pytest.raises(Exception) as info:
        export_session(session, ["md"], tmp_path, group="Grupp Väst", lang="sv")
    assert "Grupp Norr, Grupp Syd" in str(info.value)


def test_same_named_groups_do_not_overwrite_each_other(tmp_path: Path) -> None:
    """Group names that fold to the same file name get numbered files."""
    session = play(DEMO, groups=("Grupp/1", "Grupp:1"))
    paths = export_session(session, ["md"], tmp_path, today=EXPORT_DAY)
    assert len({p.name.casefold() for p in paths}) == 3


def test_role_cards_private_goals_only_on_own_card() -> None:
    """Each card holds its own private goals and nobody else's; one card per page."""
    bundle = load_bundle(DEMO).bundle
    assert bundle is not None
    scenario = bundle.scenario
    doc = role_cards_document(scenario, bundle.roles, "sv")
    page = render_document(doc, "html").decode()
    cards = page.split('<hr class="page" />')
    printed = [entry for entry in scenario.roles if entry.role in bundle.roles]
    assert len(cards) == len(printed)
    with_goals = [entry for entry in printed if entry.private_goals]
    assert with_goals, "the demo gives at least one role private goals"
    for card_html, entry in zip(cards, printed, strict=True):
        card = bundle.roles[entry.role]
        assert card.title in card_html
        for other in printed:
            for goal in other.private_goals:
                escaped = (
                    goal.replace("&", "&amp;")
                    .replace("<", "&lt;")
                    .replace(">", "&gt;")
                    .replace('"', "&quot;")
                )
                assert (escaped in card_html) == (other.role == entry.role), (
                    entry.role,
                    other.role,
                )
        for item in card.mandate:
            assert item.text.replace('"', "&quot;") in card_html or item.text in card_html
    document = _docx(render_document(doc, "docx"))
    breaks = sum(1 for p in document.paragraphs for r in p.runs if 'w:type="page"' in r._r.xml)
    assert breaks == len(printed) - 1
    assert sum(1 for p in document.paragraphs if p.style.name == "Heading 1") == len(printed)


def test_document_layout_is_shared_by_formats(plan: ActionPlan) -> None:
    """Markdown, HTML and Word are drawn from the same block layout, so they hold the same headings."""
    doc = plan_to_document(plan, "sv")
    headings = [b.text for b in doc.blocks if type(b).__name__ == "Heading"]
    md = render_document(doc, "md").decode()
    page = render_document(doc, "html").decode()
    for heading in headings:
        assert heading in md and heading in page


def test_html_and_word_hold_the_same_tables(session: Session) -> None:
    """Every table cell of the synthesis is the same in the HTML page and the Word document."""
    plan = build_synthesis(session, lang="sv", today=EXPORT_DAY)
    page = render_plan(plan, "html").decode()
    root = ET.fromstring(page.split("\n", 1)[1])

    def text(cell: ET.Element) -> str:
        # A cell of several lines holds one block per line, as Word holds one paragraph each.
        lines = list(cell)
        if lines and all(line.tag == f"{XHTML}div" for line in lines):
            return "\n".join("".join(line.itertext()) for line in lines)
        return "".join(cell.itertext())

    html_rows = [
        [text(cell) for cell in tr if cell.tag in (f"{XHTML}td", f"{XHTML}th")]
        for tr in root.iter(f"{XHTML}tr")
    ]
    document = _docx(render_plan(plan, "docx"))
    word_rows = [
        [cell.text for cell in row.cells] for table in document.tables for row in table.rows
    ]
    assert html_rows == word_rows
    assert len(html_rows) > len(plan.actions)


def test_narrow_columns_use_short_role_labels(plan: ActionPlan, session: Session) -> None:
    """Partners and `Överens` name roles by short label; role → person decodes them."""
    labels = plan.organisation.short_labels
    assert labels.get("Kommunstyrelsens ordförande") == "KSO"

    def lines(document: Any, first: str, column: str, label: str) -> list[str]:
        tables = [
            t
            for t in document.tables
            if t.rows[0].cells[0].text == first and column in [c.text for c in t.rows[0].cells]
        ]
        return [
            p.text.removeprefix(label)
            for t in tables
            for r in t.rows[1:]
            for p in r.cells[[c.text for c in t.rows[0].cells].index(column)].paragraphs
            if p.text.startswith(label)
        ]

    partners = lines(_docx(render_plan(plan, "docx")), "Åtgärd", "Ansvarig", "Partner: ")
    synthesis = build_synthesis(session, lang="sv", today=EXPORT_DAY)
    agreed = lines(_docx(render_plan(synthesis, "docx")), "Beslut", "Mandat", "Överens: ")
    for named in (partners, agreed):
        assert any(short in cell for cell in named for short in labels.values())
        assert not any(title in cell for cell in named for title in labels)
    text = render_plan(plan, "md").decode()
    assert "Kommunstyrelsens ordförande (KSO)" in text
    # Theme sub-headings replace the theme column.
    assert "\n#### Övriga åtgärder\n" in text, "actions without a theme come last"
    assert "| Tema " not in text


def test_html_prints_tables_whole_and_rows_unsplit(plan: ActionPlan) -> None:
    """Printed, tables keep their columns inside the page, rows stay whole and headers repeat."""
    page = render_plan(plan, "html").decode()
    print_css = page[page.index("@media print") :]
    assert "thead { display: table-header-group; }" in print_css
    assert "tr, li { page-break-inside: avoid; break-inside: avoid; }" in print_css
    assert "table-layout: fixed" in page, "columns keep the widths set, never the page's overflow"
    assert "overflow-wrap: anywhere" not in page, "words are never split inside a cell"
    root = ET.fromstring(page.split("\n", 1)[1])
    # One continuous document: sections follow on the same page instead of leaving it half empty.
    assert not [hr for hr in root.iter(f"{XHTML}hr") if hr.get("class") == "page"]


def test_financing_text_names_the_share_and_the_kronor() -> None:
    """A financing share is shown, and with an amount the kronor it pays and what is left."""
    from varselspel.export.plan_document import financing_text
    from varselspel.plan.model import Financing, PlanAction

    def action(share: float | None, amount: int | None = None) -> PlanAction:
        fin = Financing(card_id="x", name="ESF", covers_share=0.6, cofinancing_share=0.4)
        return PlanAction(
            key="k",
            title="t",
            level=Level.LOKAL,
            responsible="",
            origin="own",
            financing=fin,
            financing_share=share,
            amount=amount,
        )

    assert financing_text(action(None), "sv") == "ESF"
    assert financing_text(action(1.0), "sv") == "ESF"
    assert financing_text(action(0.6), "sv") == "ESF (60 %)"
    assert financing_text(action(0.6, 100_000), "sv") == (
        "ESF 60 % = 60\u00a0000\u00a0kr; medfinansiering 40\u00a0000\u00a0kr"
    )
    assert "co-financing SEK\u00a030,000" in financing_text(action(0.7, 100_000), "en")


def test_html_action_tables_have_fixed_column_widths(plan: ActionPlan) -> None:
    """Action and decision tables fix their column widths so no column shrinks to a letter."""
    root = ET.fromstring(render_plan(plan, "html").decode().split("\n", 1)[1])
    tables = [t for t in root.iter(f"{XHTML}table") if t.get("class") in ("actions", "decisions")]
    assert tables
    assert "table-layout: fixed" in render_plan(plan, "html").decode()
    for table in tables:
        cols = list(table.iter(f"{XHTML}col"))
        headers = list(table.iter(f"{XHTML}th"))
        assert len(cols) == len(headers)
        shares = [float((c.get("style") or "").split(":")[1].strip(" %")) for c in cols]
        assert abs(sum(shares) - 100) < 1
