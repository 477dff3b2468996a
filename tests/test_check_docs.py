"""docs/checker.md lists every checker code with its English message."""

from __future__ import annotations

import re

from conftest import REPO_ROOT
from varselspel.check.strings import STRINGS

DOC = REPO_ROOT / "docs" / "checker.md"


def _rows() -> dict[str, list[str]]:
    """Return the table rows of the document by code (a code may have several rows)."""
    rows: dict[str, list[str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| (C\d{3}) \|", line)
        if match:
            rows.setdefault(match.group(1), []).append(line)
    return rows


def test_every_code_and_message_is_documented() -> None:
    """Each code (and each variant of its message) has a row quoting the English message."""
    rows = _rows()
    missing: list[str] = []
    for key, texts in STRINGS.items():
        match = re.fullmatch(r"(C\d{3})(\.\w+)?", key)
        if match is None:
            continue
        text = " ".join(rows.get(match.group(1), []))
        # The literal parts of the message; placeholders may be shown as `{…}` or in words.
        pieces = [p for p in re.split(r"\{[a-z_]+\}", texts["en"]) if len(p.strip()) >= 12]
        if not text or any(piece.strip() not in text for piece in pieces):
            missing.append(key)
    assert missing == []


def test_no_documented_code_is_unknown() -> None:
    assert sorted(set(_rows()) - {key.split(".")[0] for key in STRINGS}) == []
