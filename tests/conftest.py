"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests measure behaviour, not speed: under load (`-n 4` on two cores) a single
# example may take longer than Hypothesis's default deadline, which is no bug.
settings.register_profile(
    "suite", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("suite")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"
# A copy of ../shared/bad-yaml kept in the repo so the suite runs wherever it is cloned;
# tests/test_fixture_copies.py proves the copy matches the shared original when both exist.
BAD_YAML_DIR = REPO_ROOT / "tests" / "fixtures" / "bad-yaml"
SHARED_BAD_YAML_DIR = SHARED_DIR / "bad-yaml"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Keep the developer's own sessions, config and language out of every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("VARSELSPEL_LANG", raising=False)
    from varselspel import i18n

    monkeypatch.setattr(i18n, "_current", None)
    yield
