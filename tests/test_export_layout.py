"""Printed tables: columns wide enough for their longest word, rows that never split."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from exporthelp import EXPORT_DAY, play
from varselspel.export import render_plan
from varselspel.export.document import Line, Table
from varselspel.export.layout import column_minimums, column_widths, text_width
from varselspel.plan import build_synthesis
from varselspel.resources import bundled_scenarios_dir

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöABCÅÄÖ-", min_size=1, max_size=14)
CELLS = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)


@given(
    st.lists(st.tuples(CELLS, CELLS, CELLS), min_size=1, max_size=6),
    st.tuples(*[st.floats(0.5, 5) for _ in range(3)]),
)
def test_every_column_holds_its_longest_word(
    rows: list[tuple[str, str, str]], weights: tuple[float, float, float]
) -> None:
    table = Table(("Åtgärd", "Ansvarig", "Tid"), tuple(rows), "actions", weights)
    total = 500.0
    widths = column_widths(table, total, 8)
    assert abs(sum(widths) - total) < 1e-6
    mins = column_minimums(table, 8)
    if sum(mins) < total:
        for width, least in zip(widths, mins, strict=True):
            assert width >= least - 1e-6
        for row in rows:
            for cell, width in zip(row, widths, strict=True):
                for word in cell.split():
                    assert text_width(word, 8) < width


def test_a_labelled_line_counts_its_bold_label() -> None:
    cell = (Line("x", "Arbetsförmedlingen"),)
    table = Table(("A", "B"), ((cell, "y"),), "t", (1, 1))
    assert column_minimums(table, 8)[0] > text_width("Arbetsförmedlingen:", 8)


def test_word_rows_never_split_and_headers_repeat() -> None:
    from docx import Document as load_docx
    from docx.oxml.ns import qn

    session = play(bundled_scenarios_dir() / "demo.yaml")
    plan = build_synthesis(session, lang="sv", today=EXPORT_DAY)
    document = load_docx(io.BytesIO(render_plan(plan, "docx")))
    assert document.tables
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows)
        if table.rows[0].cells[0].text == "Åtgärd":
            assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
