"""`varselspel simulate SCENARIO`: headless play that shows authors how often each part is reached."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from varselspel.cli.common import add_subcommand, find_scenario
from varselspel.cli.output import print_json
from varselspel.cli.simulate_strings import STRINGS
from varselspel.i18n import get_lang, tr

DEFAULT_TIME_LIMIT = 5.0
"""Seconds the simulation itself may take unless `--time-limit` says otherwise."""
MAX_TIME_LIMIT = 86_400.0
"""The longest time limit accepted (a day)."""


def register(subparsers: Any, lang: str) -> None:
    """Add the `simulate` subcommand."""
    parser = add_subcommand(subparsers, "simulate", tr(STRINGS, "simulate.help", lang))
    parser.add_argument("scenario", metavar="SCENARIO", help=tr(STRINGS, "simulate.scenario", lang))
    parser.add_argument("--runs", type=int, default=1000, help=tr(STRINGS, "simulate.runs", lang))
    parser.add_argument("--seed", type=int, default=0, help=tr(STRINGS, "simulate.seed", lang))
    parser.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=tr(STRINGS, "simulate.time_limit", lang),
    )
    # `table` is the older name of `text`, kept so existing scripts still run.
    parser.add_argument(
        "--format",
        choices=["text", "json", "table"],
        default="text",
        help=tr(STRINGS, "simulate.format", lang),
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
    if not 0 < args.time_limit <= MAX_TIME_LIMIT:  # also refuses nan
        print(tr(STRINGS, "simulate.bad_time_limit"), file=sys.stderr)
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
    report = simulate(result.bundle, runs=args.runs, seed=args.seed, time_limit=args.time_limit)
    if args.format == "json":
        print_json(report.to_json())
        return 0
    print(render_text(report, result.bundle, get_lang()))
    return 0


Row = tuple[str, int, bool]
"""A line of a section: the label (with its indentation), a count of runs, mark it if never."""


def render_text(report: Any, bundle: Any, lang: str) -> str:
    """Return the report as plain text for a terminal."""
    scenario = bundle.scenario
    backup = tr(STRINGS, "simulate.backup", lang)
    rounds: list[Row] = []
    for rnd in scenario.rounds:
        rounds.append((rnd.id, report.rounds.get(rnd.id, 0), True))
        for inject in rnd.injects:
            label = f"  {inject.id} ({backup})" if inject.backup else f"  {inject.id}"
            rounds.append((label, report.injects.get(inject.id, 0), True))
    decisions: list[Row] = []
    for rnd in scenario.rounds:
        for decision in rnd.decisions:
            key = f"{rnd.id}.{decision.id}"
            decisions.append((key, report.decisions.get(key, 0), True))
            for option in decision.options:
                count = report.options.get(f"{key}.{option.id}", 0)
                decisions.append((f"  {option.id}", count, True))
            # A multi-select: which options were chosen together.
            for combo, count in report.combinations.get(key, {}).items():
                decisions.append((f"    {combo}", count, False))
    delayed: list[Row] = [(source, count, True) for source, count in report.delayed.items()]
    revealed: list[Row] = [(name, count, True) for name, count in report.revealed.items()]
    held: list[Row] = [(role, count, False) for role, count in report.roles_held.items()]
    flags: list[Row] = [(flag, count, False) for flag, count in report.flags_true.items()]
    dead_ends: list[Row] = [(key, count, False) for key, count in report.dead_ends.items()]
    width = max(
        (
            len(label)
            for label, _, _ in (*rounds, *decisions, *flags, *dead_ends, *delayed, *revealed, *held)
        ),
        default=0,
    )

    def section(title: str, rows: list[Row]) -> list[str]:
        out = ["", tr(STRINGS, title, lang)]
        for label, count, mark in rows:
            line = f"  {label:<{width}}  {_percent(report.share(count), lang):>6}"
            if mark and not count:
                line += f"  {tr(STRINGS, 'simulate.never_mark', lang)}"
            out.append(line)
        if not rows:
            out.append(f"  {tr(STRINGS, 'simulate.none', lang)}")
        return out

    lines = [tr(STRINGS, "simulate.title", lang, scenario=scenario.title, seed=report.seed)]
    lines += _mode_lines(report, lang)
    lines += section("simulate.rounds", rounds)
    lines += section("simulate.decisions", decisions)
    if flags:
        lines += section("simulate.flags", flags)
    lines += section("simulate.dead_ends", dead_ends)
    for title, rows in (
        ("simulate.delayed", delayed),
        ("simulate.revealed", revealed),
        ("simulate.roles_held", held),
    ):
        if rows:
            lines += section(title, rows)
    if report.numbers:
        lines += ["", tr(STRINGS, "simulate.numbers", lang)]
        number_units = {
            f"{r.id}.{d.id}": d.number.unit
            for r in scenario.rounds
            for d in r.decisions
            if d.number is not None
        }
        key_width = max(len(key) for key in report.numbers)
        for key, dist in report.numbers.items():
            unit = number_units.get(key, "")
            lines.append(f"  {key:<{key_width}}  {_spread(dist, lang)} {unit}".rstrip())
    lines += ["", tr(STRINGS, "simulate.indicators", lang)]
    units = {i.id: i.unit for i in scenario.indicators}
    name_width = max((len(k) for k in report.indicators), default=0)
    for key, dist in report.indicators.items():
        figures = _spread(dist, lang)
        lines.append(f"  {key:<{name_width}}  {figures} {units.get(key, '')}".rstrip())
    lines += ["", *_never_lines(report, lang)]
    return "\n".join(lines)


def _spread(dist: Any, lang: str) -> str:
    """A distribution as `min / q1 / median / q3 / max`."""
    data = dist.to_json()
    return " / ".join(_num(data[part], lang) for part in ("min", "q1", "median", "q3", "max"))


def _mode_lines(report: Any, lang: str) -> list[str]:
    """Say whether every path was played or runs were sampled, and whether time ran out."""
    runs = report.runs
    if report.exhaustive:
        word = tr(STRINGS, "word.path" if runs == 1 else "word.paths", lang)
        return [tr(STRINGS, "simulate.mode.all_paths", lang, runs=_num(runs, lang), path_word=word)]
    reason = tr(
        STRINGS,
        f"simulate.reason.{report.sampled_because}",
        lang,
        runs=_num(report.runs_requested, lang),
    )
    word = tr(STRINGS, "word.run" if runs == 1 else "word.runs", lang)
    lines = [
        tr(
            STRINGS,
            "simulate.mode.sampled",
            lang,
            runs=_num(runs, lang),
            run_word=word,
            reason=reason,
        )
    ]
    if report.stopped_by_time_limit:
        lines.append(
            tr(
                STRINGS,
                "simulate.stopped",
                lang,
                limit=_seconds(report.time_limit, lang),
                runs=_num(runs, lang),
                requested=_num(report.runs_requested, lang),
            )
        )
    return lines


def _never_lines(report: Any, lang: str) -> list[str]:
    """List what no run reached, saying how sure that is."""
    if report.exhaustive:
        where = tr(STRINGS, "simulate.never.all_paths", lang)
    else:
        where = tr(STRINGS, "simulate.never.sampled", lang, runs=_num(report.runs, lang))
    lines = [tr(STRINGS, "simulate.never", lang, where=where)]
    none = tr(STRINGS, "simulate.none", lang)
    for kind, items in (
        ("rounds", report.rounds_never_played),
        ("injects", report.injects_never_reached),
        ("decisions", report.decisions_never_put),
        ("options", report.options_never_chosen),
        ("delayed", report.delayed_never_applied),
        ("revealed", report.never_revealed),
    ):
        label = tr(STRINGS, f"simulate.never.{kind}", lang)
        lines.append(f"  {label}: {', '.join(items) if items else none}")
    return lines


def _percent(share: float, lang: str) -> str:
    """A share as a whole percent; a share above 0 never shows as 0 % (nor below 1 as 100 %)."""
    if 0 < share < 0.01:
        text = "<1"
    elif 0.99 < share < 1:
        text = ">99"
    else:
        text = f"{share * 100:.0f}"
    return f"{text} %" if lang == "sv" else f"{text}%"


def _seconds(value: float, lang: str) -> str:
    """Seconds as given (`5`, `0.2`), with `,` in Swedish."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "sv" else text


def _num(value: float, lang: str = "sv") -> str:
    """Format a number with at most one decimal, a space between thousands, `,` in Swedish."""
    if float(value).is_integer():
        text = f"{value:,.0f}"
    else:
        text = f"{value:,.2f}" if abs(value) < 1 else f"{value:,.1f}"
    text = text.replace(",", " ")
    return text.replace(".", ",") if lang == "sv" else text
