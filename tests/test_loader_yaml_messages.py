"""libyaml's problems come out in plain words in the UI language, at the right place."""

from __future__ import annotations

import pytest

from varselspel.loader import load_scenario_text

# text -> (line, column, Swedish detail, English detail)
CASES: dict[str, tuple[int, int, str, str]] = {
    "a: [\n": (
        2,
        1,
        "ett värde väntades här; kontrollera att listor (`[`) och mappningar (`{`) stängs",
        "a value was expected here; check that lists (`[`) and mappings (`{`) are closed",
    ),
    "a: 1\nb\nc: 2\n": (3, 1, "ett `:` saknas efter nyckeln", "a `:` is missing after the key"),
    "a: & x\n": (1, 5, "ett namn på ett ankare eller alias", "an anchor or alias name"),
    "a: !foo!bar x\n": (1, 4, "okänd tagg (text som börjar med `!`)", "unknown tag (text starting"),
    "a: |0\n  x\n": (1, 5, "indragsangivelsen efter `|` eller `>`", "the indentation indicator"),
    "a: 1\n...\nfoo\n": (3, 1, "oväntad text på översta nivån", "unexpected text at the top level"),
}


@pytest.mark.parametrize("text", list(CASES), ids=range(len(CASES)))
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_syntax_problems_are_explained(text: str, lang: str) -> None:
    """Each common libyaml problem is Y003 with a translated explanation, never libyaml's words."""
    line, column, sv, en = CASES[text]
    (diag,) = load_scenario_text(text, "s.yaml", lang=lang).diagnostics
    prefix = "YAML-syntaxfel: " if lang == "sv" else "YAML syntax error: "
    assert (diag.code, diag.line, diag.column) == ("Y003", line, column)
    assert diag.message.startswith(prefix + (sv if lang == "sv" else en)), diag.message


@pytest.mark.parametrize(
    "literal",
    ["1" * 5000, "0x" + "f" * 5000, "-" + "9" * 65, "!!int " + "1" * 100],
    ids=["decimal", "hex", "negative", "tagged"],
)
def test_overlong_numbers_are_refused_at_their_place(literal: str) -> None:
    """A number too long to print (Python refuses 4 300+ digits) is Y018, never a crash."""
    (diag,) = load_scenario_text(f"id: x\nyear: {literal}\n", "s.yaml", lang="en").diagnostics
    assert (diag.code, diag.line, diag.column) == ("Y018", 2, 7)
    assert diag.message == (
        "the number is too long: at most 64 characters; put it in quotes if it is text"
    )


def test_long_numbers_within_the_limit_still_load() -> None:
    """64 characters is still a number, reported by the schema like any other wrong value."""
    diags = load_scenario_text(f"year: {'9' * 64}\n", "s.yaml", lang="en").diagnostics
    year = [d for d in diags if d.path == ("year",)]
    assert [d.code for d in year] == ["S011"]


SWALLOWING = """\
id: x
rounds:
  - id: r1
    injects:
      - id: i1
        title: "Tidningen: varslet
        text: Reportern ringer.
        sender: lokaltidningen
      - id: i2
        title: "Facket: oro"
        text: Klubben vill ha besked.
"""


@pytest.mark.parametrize("quote", ['"', "'"])
def test_quote_that_swallows_lines_points_at_the_opening_quote(quote: str) -> None:
    """A quote left open runs to the next quote far below; Y005 names where it opened."""
    text = SWALLOWING.replace('"', quote)
    (diag,) = load_scenario_text(text, "s.yaml", lang="sv").diagnostics
    assert (diag.code, diag.line, diag.column) == ("Y005", 6, 16)
    assert diag.message == (
        "YAML-syntaxfel: citattecknet här stängs inte på sin rad, så texten fortsätter ända till"
        " rad 10 och tar med sig raderna emellan; stäng citattecknet"
    )
    (diag,) = load_scenario_text(text, "s.yaml", lang="en").diagnostics
    assert (diag.code, diag.line, diag.column) == ("Y005", 6, 16)
    assert diag.message == (
        "YAML syntax error: the quote here is not closed on its line, so the text runs on to"
        " line 10 and takes the lines in between with it; close the quote"
    )


def test_quoted_text_over_several_lines_is_still_fine() -> None:
    """A quoted text may span lines when they are prose; an error below is reported where it is."""
    text = 'id: x\ntitle: "En lång rubrik\n  som fortsätter"\nsummary: a: b\n'
    (diag,) = load_scenario_text(text, "s.yaml", lang="en").diagnostics
    assert (diag.code, diag.line, diag.column) == ("Y003", 4, 11)


def test_key_indented_deeper_than_its_siblings() -> None:
    """One extra space before a key: the indentation, not a colon, is the likely mistake."""
    text = "id: x\nsetting:\n  municipality: m\n   region: r\n"
    (diag,) = load_scenario_text(text, "s.yaml", lang="sv").diagnostics
    assert (diag.code, diag.line, diag.column) == ("Y003", 4, 10)
    assert diag.message == (
        "YAML-syntaxfel: indraget skiljer sig från raden ovanför: den här nyckeln är indragen 3"
        " blanksteg, nyckeln ovanför 2; nycklar i samma mappning ska stå rakt under varandra"
    )
    (diag,) = load_scenario_text(text, "s.yaml", lang="en").diagnostics
    assert diag.message == (
        "YAML syntax error: the indentation differs from the line above: this key is indented 3"
        " spaces, the key above 2; keys of one mapping must line up"
    )


def test_line_indented_between_the_levels_above() -> None:
    text = "id: x\nrounds:\n  - id: r1\n    title: t\n   minutes: 5\n"
    (diag,) = load_scenario_text(text, "s.yaml", lang="sv").diagnostics
    assert (diag.code, diag.line, diag.column) == ("Y003", 5, 4)
    assert diag.message == (
        "YAML-syntaxfel: indraget stämmer inte med raderna ovanför: raden är indragen 3 blanksteg,"
        " men raderna ovanför är indragna 0, 2 eller 4 blanksteg"
    )
    (diag,) = load_scenario_text(text, "s.yaml", lang="en").diagnostics
    assert diag.message == (
        "YAML syntax error: the indentation does not match the lines above: the line is indented"
        " 3 spaces, but the lines above are indented 0, 2 or 4 spaces"
    )


def test_colon_inside_text_still_asks_for_quotes() -> None:
    (diag,) = load_scenario_text("id: x\ntitle: Bruket: nu\n", "s.yaml", lang="en").diagnostics
    assert (diag.code, diag.line, diag.column) == ("Y003", 2, 14)
    assert diag.message == (
        "YAML syntax error: a colon in the wrong place; put quotes around text that contains ': '"
    )


def test_key_written_where_the_list_dashes_stand() -> None:
    """A key dedented to the `- ` of its list item is told how far in it belongs."""
    text = "id: x\nrounds:\n  - id: r1\n    title: t\n  minutes: 5\n"
    (diag,) = load_scenario_text(text, "s.yaml", lang="sv").diagnostics
    assert (diag.code, diag.line, diag.column) == ("Y003", 5, 3)
    assert diag.message == (
        "YAML-syntaxfel: raden står där listans `- ` står men är inget listelement; hör nyckeln"
        " till elementet ovanför ska den stå 2 blanksteg längre in"
    )
    (diag,) = load_scenario_text(text, "s.yaml", lang="en").diagnostics
    assert diag.message == (
        "YAML syntax error: the line stands where the list's `- ` stand but is no list item;"
        " if the key belongs to the item above, indent it 2 more spaces"
    )
