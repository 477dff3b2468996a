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
