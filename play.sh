#!/usr/bin/env bash
# Set up a virtual environment, install varselspel (not editable) and open the demo scenario.
set -euo pipefail
cd "$(dirname "$0")"
VENV="${VARSELSPEL_VENV:-.venv}"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet .
# With no arguments, open the bundled demo scenario (Esc there leads to the launcher).
[ "$#" -gt 0 ] || set -- demo
exec "$VENV/bin/varselspel" play "$@"
