"""Run the varselspel command line with ``python -m varselspel``."""

from __future__ import annotations

from varselspel.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
