"""`varselspel simulate SCENARIO --runs N --seed S`: headless play that finds unreachable parts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from varselspel.cli.common import add_subcommand, find_scenario
from varselspel.cli.output import print_json
from varselspel.cli.session_strings import STRINGS
from varselspel.i18n import tr


def register(subparsers: Any, lang: str) -> None:
    """Add the `simulate` subcommand."""
    parser = add_subcommand(subparsers, "simulate", tr(STRINGS, "simulate.help", lang))
    parser.add_argument("scenario", metavar="SCENARIO", help=tr(STRINGS, "simulate.scenario", lang))
    parser.add_argument("--runs", type=int, default=1000, help=tr(STRINGS, "simulate.runs", lang))
    parser.add_argument("--seed", type=int, default=0, help=tr(STRINGS, "simulate.seed", lang))
    parser.add_argument(
        "--format", choices=["table", "json"], default="table", help=tr(STRINGS, "format", lang)
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Simulate and print the report."""
    from varselspel.diagnostics import Severity
    from varselspel.engine.simulate import simulate
    from varselspel.loader import classify_file, load_bundle
    from varselspel.resources import bundled_scenarios_dir

    if not 1 <= args.runs <= 1_000_000:
        print(tr(STRINGS, "simulate.bad_runs"), file=sys.stderr)
        return 2
    if Path(args.scenario).is_dir():
        print(tr(STRINGS, "simulate.is_folder", name=args.scenario), file=sys.stderr)
        return 1
    path = find_scenario(args.scenario)
    if path is None:
        choices = ", ".join(sorted(p.stem for p in bundled_scenarios_dir().glob("*.yaml")))
        print(
            tr(STRINGS, "simulate.not_found", name=args.scenario, choices=choices), file=sys.stderr
        )
        return 1
    if classify_file(path) == "role":
        print(tr(STRINGS, "simulate.is_role", name=str(path)), file=sys.stderr)
        return 1
    result = load_bundle(path)
    if result.bundle is None:
        if args.format == "json":
            # Editors and CI read stdout: give them the same diagnostics `validate` would.
            errors = [d.to_json() for d in result.diagnostics if d.severity is Severity.ERROR]
            print_json({"scenario": str(path), "errors": errors}, indent=None)
        label = tr(STRINGS, "severity.error")
        for diagnostic in result.diagnostics:
            if diagnostic.severity is Severity.ERROR:
                print(diagnostic.format(label), file=sys.stderr)
        print(tr(STRINGS, "simulate.invalid", path=str(path)), file=sys.stderr)
        return 1
    report = simulate(result.bundle, runs=args.runs, seed=args.seed)
    if args.format == "json":
        print_json(report.to_json())
        return 0
    print(render_table(report, result.bundle))
    return 0


def render_table(report: Any, bundle: Any) -> str:
    """Return the report as plain text for a terminal."""
    lines: list[str] = []
    mode = tr(STRINGS, "simulate.exhaustive") if report.exhaustive else ""
    lines.append(
        tr(
            STRINGS,
            "simulate.title",
            scenario=bundle.scenario.title,
            runs=report.runs,
            seed=report.seed,
            mode=mode,
        )
    )
    none = tr(STRINGS, "simulate.none")
    for key in (
        "rounds_never_played",
        "injects_never_reached",
        "decisions_never_put",
        "options_never_chosen",
    ):
        items: list[str] = getattr(report, key)
        lines.append("")
        lines.append(f"{tr(STRINGS, f'simulate.{key}')}: {', '.join(items) if items else none}")
    lines.append("")
    lines.append(f"{tr(STRINGS, 'simulate.dead_ends')}:")
    if not report.dead_ends:
        lines.append(f"  {none}")
    for key, count in report.dead_ends.items():
        lines.append("  " + tr(STRINGS, "simulate.dead_end_runs", key=key, count=count))
    lines.append("")
    lines.append(f"{tr(STRINGS, 'simulate.indicators')}:")
    labels = {i.id: i for i in bundle.scenario.indicators}
    width = max((len(k) for k in report.indicators), default=0)
    for key, rng in report.indicators.items():
        data = rng.to_json()
        unit = labels[key].unit if key in labels else ""
        lines.append(
            f"  {key:<{width}}  {_num(data['min']):>10} / {_num(data['mean']):>10} / "
            f"{_num(data['max']):>10} {unit}".rstrip()
        )
    if report.flags_true:
        lines.append("")
        lines.append(f"{tr(STRINGS, 'simulate.flags')}:")
        for key, count in report.flags_true.items():
            share = count / report.runs if report.runs else 0.0
            lines.append(f"  {key:<{width}}  {share:>6.0%}")
    return "\n".join(lines)


def _num(value: float) -> str:
    """Format a number with at most one decimal."""
    return (
        f"{value:,.0f}".replace(",", " ")
        if float(value).is_integer()
        else f"{value:,.1f}".replace(",", " ")
    )
