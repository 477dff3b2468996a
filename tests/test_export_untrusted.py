"""Hostile text in every export: one cleaning rule, no live links, safe names, no refused value."""

from __future__ import annotations

import io
import json
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from hostile import HOSTILE, hostile_session, unsafe_in
from varselspel.cli import main
from varselspel.export.markdown import escape_md
from varselspel.export.text import clean
from varselspel.export.word import CORE_TEXT_LIMIT, set_core_text
from varselspel.resources import bundled_scenarios_dir

REMOVED = {"\x00", "\x1b", "\x7f", "\x9b", "\u202e", "\u2066", "\u2069", "\x08"}
"""Characters of `HOSTILE` that the export rule removes (every format alike)."""


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Export a hostile session in every format; return the files' texts by suffix."""
    root = tmp_path_factory.mktemp("untrusted")
    session = hostile_session(root / "sessions", "debrief")
    out = root / "out"
    assert main(["export", str(session), "--format", "all", "--out", str(out)]) == 0
    texts: dict[str, list[str]] = {"names": [path.name for path in out.iterdir()]}
    for path in sorted(out.iterdir()):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                text = archive.read("word/document.xml").decode("utf-8")
                text += archive.read("docProps/core.xml").decode("utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        texts.setdefault(path.suffix, []).append(text)
    return texts


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx", ".json"])
def test_every_format_removes_the_same_characters(
    exported: dict[str, list[str]], suffix: str
) -> None:
    """No format keeps a control character or bidi control; all keep the visible words."""
    text = "".join(exported[suffix])
    assert not REMOVED & set(text), sorted(REMOVED & set(text))
    assert "Motivering" in text and "txt.exe" in text


def test_json_keeps_no_escaped_control_codes(exported: dict[str, list[str]]) -> None:
    """JSON reads back without NUL, ESC, DEL or bidi controls, not even as `\\u` escapes."""
    assert len(exported[".json"]) == 3
    for text in exported[".json"]:
        assert "\\u0000" not in text and "\\u001b" not in text
        data = json.loads(text)
        assert not REMOVED & set(json.dumps(data, ensure_ascii=False))
        assert "Motivering" in text


def test_the_rule_is_one_function() -> None:
    """`clean` is the rule: NFC, line ends unified, tab and newline kept, the rest removed."""
    assert clean("A\u030a\r\nb\tc" + HOSTILE) == (
        "Å\nb\tc]52;c;cHduZWQ=\\]0;PWNED[2J31m\ntxt.exe[bold]fet[/]"
    )


def test_file_names_hide_nothing(exported: dict[str, list[str]]) -> None:
    """Group names with escapes and a right-to-left override give plain, visible file names."""
    assert len(exported["names"]) == 12
    for name in exported["names"]:
        assert not unsafe_in(name)
        assert not [c for c in name if unicodedata.category(c) in {"Cc", "Cf"}]
        assert name.startswith("handlingsplan-mini-")


GFM = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")
"""A renderer with GitHub-style autolinks (scheme, `www.` and e-mail addresses)."""


@pytest.mark.parametrize(
    "text",
    [
        "http://evil.example/x.png",
        "Se HTTPS://evil.example/a?b=c och ftp://evil.example/f",
        "www.evil.se/x",
        "(www.evil.se)",
        "skriv till chef@evil.se",
        "mailto:chef@evil.se",
    ],
)
def test_markdown_leaves_no_autolink(text: str) -> None:
    """What a GFM renderer would turn into a link stays text, and reads the same."""
    assert "<a " in GFM.render(text)
    rendered = GFM.render(escape_md(text))
    assert "<a " not in rendered
    assert rendered == f"<p>{text.replace('&', '&amp;')}</p>\n"


def test_every_core_property_takes_an_overlong_value() -> None:
    """Word refuses core texts over 255 characters; every one is cut with an ellipsis instead."""
    document = docx.Document()
    names = [
        "author",
        "category",
        "comments",
        "content_status",
        "identifier",
        "keywords",
        "language",
        "last_modified_by",
        "subject",
        "title",
        "version",
    ]
    set_core_text(document.core_properties, **{name: "å" * 10_000 for name in names})
    buffer = io.BytesIO()
    document.save(buffer)
    again = docx.Document(io.BytesIO(buffer.getvalue())).core_properties
    for name in names:
        value = getattr(again, name)
        assert len(value) == CORE_TEXT_LIMIT and value.endswith("…"), name


def test_role_cards_and_plans_with_a_very_long_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 400-character scenario title exports as Word role cards without a traceback."""
    demo = (bundled_scenarios_dir() / "demo.yaml").read_text(encoding="utf-8")
    lines = demo.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[index] = "title: " + "Lång titel " * 40
    scenario = tmp_path / "lang.yaml"
    scenario.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code = main(["role-cards", str(scenario), "--format", "docx", "--out", str(tmp_path)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "Traceback" not in out.out + out.err
    (written,) = tmp_path.glob("*.docx")
    assert len(docx.Document(str(written)).core_properties.title) == CORE_TEXT_LIMIT
