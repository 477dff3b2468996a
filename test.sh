#!/usr/bin/env bash
# Set up a virtual environment, install varselspel (not editable) with its test tools, run every check.
set -euo pipefail
cd "$(dirname "$0")"
VENV="${VARSELSPEL_VENV:-.venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet '.[test]'
# Reinstall the package itself so the tests always see the code of this checkout.
"$VENV/bin/python" -m pip install --quiet --no-deps --force-reinstall .
"$VENV/bin/ruff" check src tests bench
"$VENV/bin/ruff" format --check src tests bench
"$VENV/bin/mypy"
"$VENV/bin/lint-imports"
"$VENV/bin/python" -m pytest -n 2 -q "$@"
