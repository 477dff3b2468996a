"""Golden files: every bundled scenario, played by a fixed script, exported in every format.

Any change to an export shows up as a diff. After an intended change, review and run
`pytest tests/test_export_golden.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from exporthelp import EXPORT_DAY, bundled_scenarios, docx_dump, play
from varselspel.export import render_plan
from varselspel.plan import build_group_plan, build_synthesis


class _Text(SingleFileSnapshotExtension):
    """A golden file stored as UTF-8 text."""

    _write_mode = WriteMode.TEXT


class MarkdownGolden(_Text):
    """Markdown golden file."""

    _file_extension = "md"


class HtmlGolden(_Text):
    """HTML golden file."""

    _file_extension = "html"


class JsonGolden(_Text):
    """JSON golden file."""

    _file_extension = "json"


class DocxGolden(_Text):
    """A text dump of a Word document's structure (the binary zip is not stable to compare)."""

    _file_extension = "docx.txt"


EXTENSIONS = {"md": MarkdownGolden, "html": HtmlGolden, "json": JsonGolden, "docx": DocxGolden}
SCENARIOS = bundled_scenarios()


@pytest.fixture(scope="module", params=SCENARIOS, ids=[p.stem for p in SCENARIOS])
def played(request: pytest.FixtureRequest) -> object:
    """A bundled scenario played through by two groups."""
    path: Path = request.param
    return play(path)


@pytest.mark.parametrize("fmt", ["md", "docx", "html", "json"])
def test_synthesis_golden(played: object, fmt: str, snapshot: object) -> None:
    """The synthesis of all groups, in Swedish, matches its golden file."""
    plan = build_synthesis(played, lang="sv", today=EXPORT_DAY)  # type: ignore[arg-type]
    data = render_plan(plan, fmt)
    text = docx_dump(data) if fmt == "docx" else data.decode("utf-8")
    assert text == snapshot.use_extension(EXTENSIONS[fmt])  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_group_plan_golden(played: object, lang: str, snapshot: object) -> None:
    """One group's plan as Markdown, in both UI languages, matches its golden file."""
    plan = build_group_plan(played, "g1", lang=lang, today=EXPORT_DAY)  # type: ignore[arg-type]
    assert render_plan(plan, "md").decode("utf-8") == snapshot.use_extension(MarkdownGolden)  # type: ignore[attr-defined]
