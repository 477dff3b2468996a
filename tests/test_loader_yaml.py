"""The safe YAML reader: scalars, positions, duplicate keys, tags, aliases and limits."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from varselspel.diagnostics import Position
from varselspel.loader import (
    MAX_ALIAS_CHARS,
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    load_role_text,
    load_scenario_text,
    read_yaml,
)


def codes(text: str | bytes) -> list[str]:
    """Return the diagnostic codes of loading `text` as a scenario."""
    return [d.code for d in load_scenario_text(text, "t.yaml").diagnostics]


def test_scalars_follow_yaml_1_2_core() -> None:
    """`yes`/`no`/`on` and dates stay text; numbers, booleans and null resolve."""
    text = (
        "a: yes\nb: no\nc: on\nd: 2024-01-01\ne: 12\nf: -3.5\ng: true\nh: False\ni: ~\n"
        "j: null\nk: 0x1F\nl: 1_000\nm: .inf\nn: '12'\no: 1e3\np: 007\nq:\nr: 0o17\ns: -.inf\n"
    )
    data = read_yaml(text, "t").data
    assert data == {
        "a": "yes",
        "b": "no",
        "c": "on",
        "d": "2024-01-01",
        "e": 12,
        "f": -3.5,
        "g": True,
        "h": False,
        "i": None,
        "j": None,
        "k": 31,
        "l": 1000,
        "m": math.inf,
        "n": "12",
        "o": 1000.0,
        "p": 7,
        "q": None,
        "r": 15,
        "s": -math.inf,
    }
    assert math.isnan(read_yaml("x: .nan", "t").data["x"])


def test_positions_of_keys_and_values() -> None:
    """Values and keys are positioned 1-based; quoted values at the first character inside."""
    text = 'top:\n  plain: abc\n  quoted: "xyz"\n  items:\n    - one\n    - {k: v}\n'
    read = read_yaml(text, "t")
    values, keys = read.positions.values, read.positions.keys
    assert keys[("top",)] == Position(1, 1)
    assert values[("top", "plain")] == Position(2, 10)
    assert keys[("top", "plain")] == Position(2, 3)
    assert values[("top", "quoted")] == Position(3, 12)
    assert values[("top", "items", 0)] == Position(5, 7)
    assert values[("top", "items", 1)] == Position(6, 7)
    assert values[("top", "items", 1, "k")] == Position(6, 11)
    assert read.positions.find(("top", "items", 1, "missing")) == Position(6, 7)


def test_duplicate_keys_are_reported_at_every_level() -> None:
    """A duplicate key anywhere names the key and both lines."""
    text = "a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\na: 4\n"
    read = read_yaml(text, "t")
    assert [(d.code, d.line, d.column, d.message) for d in read.diagnostics] == [
        ("Y006", 5, 3, "nyckeln `c` finns två gånger i samma mappning (rad 3 och rad 5)"),
        ("Y006", 6, 1, "nyckeln `a` finns två gånger i samma mappning (rad 1 och rad 6)"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a: !!python/name:os.system x\n",
        "a: !!python/object:builtins.dict {}\n",
        "a: !custom x\n",
        "a: !!binary aGVq\n",
        "a: !!set {x}\n",
        "!!python/object/new:os.system [ls]\n",
    ],
)
def test_unknown_tags_are_refused(text: str) -> None:
    """Any tag outside the plain types is refused with Y007."""
    assert codes(text) == ["Y007"]


def test_standard_tags_are_accepted_and_checked() -> None:
    """`!!str`, `!!int`, `!!float` work; a value that does not fit its tag is Y016."""
    assert read_yaml("a: !!str 12\nb: !!int '7'\nc: !!float 2\n", "t").data == {
        "a": "12",
        "b": 7,
        "c": 2.0,
    }
    assert codes("a: !!int abc\n") == ["Y016"]


def test_small_aliases_and_merge_keys_work() -> None:
    """Anchors, aliases and `<<` merges behave as in YAML, explicit keys winning."""
    text = "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\nlist: [*b, *b]\n"
    data = read_yaml(text, "t").data
    assert data["other"] == {"x": 1, "y": 3}
    assert data["list"] == [{"x": 1, "y": 2}, {"x": 1, "y": 2}]


def test_merge_needs_a_mapping() -> None:
    """`<<: scalar` is Y017."""
    assert codes("a:\n  <<: 5\n") == ["Y017"]


def test_undefined_and_recursive_alias() -> None:
    """An alias without an earlier anchor (including a self-reference) is Y015."""
    assert codes("a: *nowhere\n") == ["Y015"]
    assert codes("a: &x [1, *x]\n") == ["Y015"]


def test_alias_budget_counts_expanded_nodes() -> None:
    """Expansion is counted per alias use; just under the budget passes, over it fails."""
    items = ", ".join(["1"] * 999)
    under = f"a: &a [{items}]\nb: [{', '.join(['*a'] * 99)}]\n"
    assert read_yaml(under, "t").ok
    over = f"a: &a [{items}]\nb: [{', '.join(['*a'] * (MAX_ALIAS_NODES // 1000 + 1))}]\n"
    read = read_yaml(over, "t")
    assert [d.code for d in read.diagnostics] == ["Y008"]


def test_alias_budget_counts_characters_of_a_huge_anchored_string() -> None:
    """A 4 MB anchored string aliased 1 000 times is one value per alias but 4 GB of text: Y019.

    The file stays under the 5 MB limit and under the value budget; the refusal names the first
    alias that crosses the character budget, quickly and without building the expansion.
    """
    import time

    big = "a" * 4_000_000
    aliases = "".join("  - *big\n" for _ in range(1000))
    text = f"id: x\nbig: &big {big}\nmany:\n{aliases}"
    assert len(text.encode()) < MAX_FILE_BYTES
    started = time.perf_counter()
    read = read_yaml(text, "t.yaml")
    assert time.perf_counter() - started < 10
    (problem,) = read.diagnostics
    assert (problem.code, problem.line, problem.column) == ("Y019", 4, 5)
    assert f"{MAX_ALIAS_CHARS}" in problem.message
    assert read.data is None


def test_alias_budget_counts_characters_inside_anchored_lists_and_keys() -> None:
    """Text inside an anchored list (keys included) counts for each alias; under budget passes."""
    block = ", ".join(f"k{i}: {'x' * 990}" for i in range(10))
    under = f"a: &a {{{block}}}\nb: [{', '.join(['*a'] * 99)}]\n"
    assert read_yaml(under, "t").ok
    over = f"a: &a {{{block}}}\nb: [{', '.join(['*a'] * 101)}]\n"
    assert [d.code for d in read_yaml(over, "t").diagnostics] == ["Y019"]
    assert codes(over) == ["Y019"]


def test_depth_limit() -> None:
    """Nesting deeper than MAX_DEPTH is refused at the opening bracket that crosses it."""
    ok = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert read_yaml(ok, "t").ok
    deep = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    read = read_yaml(deep, "t")
    assert [(d.code, d.line, d.column) for d in read.diagnostics] == [("Y009", 1, MAX_DEPTH + 1)]


def test_very_deep_flow_nesting_is_refused_without_crash() -> None:
    """A megabyte of brackets is refused quickly instead of exhausting the stack."""
    text = "[" * 1_000_000
    assert codes(text) == ["Y009"]


def test_size_limit() -> None:
    """A text above MAX_FILE_BYTES is refused before parsing."""
    text = "a: " + "x" * MAX_FILE_BYTES
    result = load_scenario_text(text, "big.yaml")
    assert [d.code for d in result.diagnostics] == ["Y010"]
    assert load_scenario_text(text.encode(), "big.yaml").diagnostics[0].code == "Y010"


def test_multiple_documents_are_refused() -> None:
    """A second `---` document is Y011 at its start."""
    result = load_scenario_text("a: 1\n---\nb: 2\n", "t")
    assert [(d.code, d.line) for d in result.diagnostics] == [("Y011", 2)]


def test_complex_keys_are_refused() -> None:
    """Keys must be plain text."""
    assert codes("? [a, b]\n: 1\n") == ["Y014"]
    assert codes("a: &k x\n*k : 1\n") == ["Y014"]


def test_keys_stay_text() -> None:
    """Keys are kept as typed, so `yes:` and `1:` are the keys 'yes' and '1'."""
    assert read_yaml("yes: 1\n1: 2\n", "t").data == {"yes": 1, "1": 2}


def test_non_utf8_text_and_surrogates() -> None:
    """Invalid bytes and lone surrogates are Y001 with a position."""
    result = load_scenario_text(b"a: 1\nb: \xff\n", "t")
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("Y001", 2, 4)]
    result = load_scenario_text("a: 1\nb: \udc80\n", "t")
    assert [(d.code, d.line, d.column) for d in result.diagnostics] == [("Y001", 2, 4)]


@pytest.mark.parametrize("text", ["", "   \n\n", "# bara en kommentar\n", "---\n", "~\n"])
def test_empty_documents(text: str) -> None:
    """Whitespace, comments or a null document count as an empty file."""
    assert codes(text) == ["Y002"]


@pytest.mark.parametrize(
    ("text", "found"),
    [("- a\n- b\n", "en lista"), ("bara text\n", "ett enkelt värde"), ("12\n", "ett enkelt värde")],
)
def test_top_level_must_be_a_mapping(text: str, found: str) -> None:
    """A scenario (or role) must be a mapping."""
    result = load_scenario_text(text, "t")
    assert [d.message for d in result.diagnostics] == [
        f"ett scenario måste vara en mappning (nyckel: värde), inte {found}"
    ]
    role = load_role_text(text, "r", lang="en")
    assert role.diagnostics[0].code == "Y013"


def test_control_characters_are_a_syntax_error() -> None:
    """libyaml's refusal of control characters arrives as a plain-language Y003."""
    result = load_scenario_text("a: b\x07c\n", "t")
    assert [(d.code, d.line, d.column, d.message) for d in result.diagnostics] == [
        ("Y003", 1, 5, "YAML-syntaxfel: tecknet U+0007 är inte tillåtet i YAML (styrtecken)")
    ]


def test_colon_in_wrong_place_is_explained() -> None:
    """A stray `: ` inside a plain value gets a hint about quoting."""
    result = load_scenario_text("a: b: c\n", "t", lang="en")
    diag = result.diagnostics[0]
    assert (diag.code, diag.line, diag.column) == ("Y003", 1, 5)
    assert "put quotes" in diag.message


def test_tab_inside_a_value_is_allowed() -> None:
    """Only tabs in indentation are errors; a tab inside text is fine."""
    assert read_yaml("a: b\tc\n", "t").data == {"a": "b\tc"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(raw: bytes) -> None:
    """Whatever the bytes, the loader answers with a result, never an exception."""
    result = load_scenario_text(raw, "fuzz.yaml")
    assert result.scenario is None or not result.diagnostics


_yamlish = st.text(
    alphabet=st.sampled_from([*list("ab:-[]{}&*!|>'\"#,?\n\t %@`\\0.1~"), "\r", "\ufeff", "é"]),
    max_size=200,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_yamlish, st.text(max_size=200)))
def test_random_yaml_never_raises(text: str) -> None:
    """Random YAML-looking text gives diagnostics (or data), never an exception."""
    result = load_scenario_text(text, "fuzz.yaml", lang="en")
    for diag in result.diagnostics:
        assert diag.code[0] in "YS"
        assert diag.message


@settings(max_examples=100, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_random_structures_never_raise(value: object) -> None:
    """Any plain structure dumped as YAML loads into diagnostics without an exception."""
    import yaml

    text = yaml.safe_dump({"data": value}, allow_unicode=True)
    result = load_scenario_text(text, "fuzz.yaml")
    assert result.scenario is None
    assert result.diagnostics


def test_unreadable_path_is_a_diagnostic(tmp_path: Path) -> None:
    """A path that cannot be read as a file gives Y000 instead of an exception."""
    from varselspel.loader import load_role_file, load_scenario_file

    folder = tmp_path / "a-folder.yaml"
    folder.mkdir()
    assert [d.code for d in load_scenario_file(folder).diagnostics] == ["Y000"]
    assert [d.code for d in load_role_file(folder / "missing.yaml").diagnostics] == ["Y000"]
    # The reason is in the UI language, not the operating system's English.
    (missing,) = load_role_file(folder / "missing.yaml", lang="sv").diagnostics
    assert missing.message == "filen kan inte läsas: filen finns inte"
    (is_folder,) = load_scenario_file(folder, lang="en").diagnostics
    assert is_folder.message == "the file cannot be read: it is a folder"


def test_permission_denied_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file the user may not read says so in Swedish (root ignores file modes, so it is faked)."""
    import errno

    from varselspel.loader import files, load_scenario_file

    path = tmp_path / "hemlig.yaml"
    path.write_text("id: x\n", encoding="utf-8")

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files, "open", refuse, raising=False)
    (diag,) = load_scenario_file(path, lang="sv").diagnostics
    assert (diag.code, diag.message) == ("Y000", "filen kan inte läsas: behörighet saknas")


def test_big_file_on_disk_is_refused_before_reading(tmp_path: Path) -> None:
    """A file above the size limit is refused from its size alone."""
    from varselspel.loader import load_scenario_file

    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = load_scenario_file(path)
    assert [d.code for d in result.diagnostics] == ["Y010"]
    assert str(MAX_FILE_BYTES) in result.diagnostics[0].message


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        (
            "a: [1, 2\n",
            1,
            4,
            "YAML syntax error: the list opened with `[` here is never closed with `]`, or a comma is missing",
        ),
        (
            "a: {b: 1\nc: 2\n",
            1,
            4,
            "YAML syntax error: the mapping opened with `{` here is never closed with `}`, or a comma is missing",
        ),
        (
            'a: "x\\q"\n',
            1,
            6,
            "YAML syntax error: unknown escape sequence after `\\` in double quotes; use single quotes or write `\\\\`",
        ),
        (
            "åäö: b\x07c\n",
            1,
            7,
            "YAML syntax error: the character U+0007 is not allowed in YAML (a control character)",
        ),
        (
            "a: |\n\tb\n",
            2,
            1,
            "YAML syntax error: tabs are not allowed for indentation; use spaces",
        ),
    ],
)
def test_syntax_errors_in_plain_words(text: str, line: int, column: int, message: str) -> None:
    """Common libyaml errors are worded plainly and point where the author must look."""
    (diag,) = load_scenario_text(text, "t.yaml", lang="en").diagnostics
    assert (diag.line, diag.column, diag.message) == (line, column, message)
