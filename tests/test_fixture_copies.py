"""The repo's copy of the shared bad-yaml files matches the original beside the checkout."""

from __future__ import annotations

import pytest

from conftest import BAD_YAML_DIR, SHARED_BAD_YAML_DIR


def test_bad_yaml_copy_matches_shared_original() -> None:
    """Every shared bad-yaml file is copied byte for byte, and nothing else is added."""
    if not SHARED_BAD_YAML_DIR.is_dir():
        pytest.skip("../shared/bad-yaml is not beside this checkout")
    shared = {p.name: p.read_bytes() for p in SHARED_BAD_YAML_DIR.iterdir() if p.is_file()}
    copied = {p.name: p.read_bytes() for p in BAD_YAML_DIR.iterdir() if p.is_file()}
    assert copied == shared
