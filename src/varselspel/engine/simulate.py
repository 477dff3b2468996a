"""Headless play of a scenario for authors: reachability, dead ends and indicator ranges."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from varselspel.engine.exprs import chance_draw
from varselspel.engine.index import model_defaults
from varselspel.engine.journal import BundleLike
from varselspel.expr import EvalEnv

SIM_GROUP = "g1"
"""The group id simulated runs play as (it seeds `chans`)."""


@dataclass(slots=True)
class Range:
    """Lowest, highest and mean of a value over all runs."""

    min: float = float("inf")
    max: float = float("-inf")
    total: float = 0.0
    count: int = 0

    def add(self, value: float) -> None:
        """Count one value."""
        self.min = min(self.min, value)
        self.max = max(self.max, value)
        self.total += value
        self.count += 1

    @property
    def mean(self) -> float:
        """The mean (0 when nothing was counted)."""
        return self.total / self.count if self.count else 0.0

    def to_json(self) -> dict[str, float]:
        """Return min, max and mean."""
        if not self.count:
            return {"min": 0.0, "max": 0.0, "mean": 0.0}
        return {"min": self.min, "max": self.max, "mean": self.mean}


@dataclass(slots=True)
class SimulationReport:
    """What the runs found."""

    scenario_id: str
    runs: int
    seed: int
    exhaustive: bool = False
    """True when every path was played once instead of random runs."""
    rounds_never_played: list[str] = field(default_factory=list)
    injects_never_reached: list[str] = field(default_factory=list)
    decisions_never_put: list[str] = field(default_factory=list)
    options_never_chosen: list[str] = field(default_factory=list)
    dead_ends: dict[str, int] = field(default_factory=dict)
    """Decision key -> runs in which it was put but had no available option."""
    indicators: dict[str, Range] = field(default_factory=dict)
    """Indicator id -> range of its value at the end."""
    flags_true: dict[str, int] = field(default_factory=dict)
    """Flag id -> runs that ended with the flag true."""

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict with stable field names."""
        return {
            "scenario": self.scenario_id,
            "runs": self.runs,
            "seed": self.seed,
            "exhaustive": self.exhaustive,
            "rounds_never_played": self.rounds_never_played,
            "injects_never_reached": self.injects_never_reached,
            "decisions_never_put": self.decisions_never_put,
            "options_never_chosen": self.options_never_chosen,
            "dead_ends": self.dead_ends,
            "indicators": {k: v.to_json() for k, v in self.indicators.items()},
            "flags_true": self.flags_true,
        }


@dataclass(slots=True)
class _Tally:
    """Counts gathered while playing."""

    rounds: set[str] = field(default_factory=set)
    injects: set[str] = field(default_factory=set)
    decisions: set[str] = field(default_factory=set)
    options: set[str] = field(default_factory=set)
    dead_ends: dict[str, int] = field(default_factory=dict)
    indicators: dict[str, Range] = field(default_factory=dict)
    flags_true: dict[str, int] = field(default_factory=dict)
    runs: int = 0


Chooser = Callable[[str, list[str]], str]
"""Picks one option id for a decision key among the available ones."""


class _Player:
    """Plays one scenario headless with the same semantics as the engine."""

    def __init__(self, bundle: BundleLike) -> None:
        """Compile look-ups once."""
        compiled = getattr(bundle, "compiled", None)
        if compiled is None:
            from varselspel.expr import compile_scenario

            compiled, _ = compile_scenario(bundle.scenario)
        self.compiled: Any = compiled
        self.scenario = bundle.scenario
        self.bounds = dict(compiled.bounds)
        self.start_indicators = {i.id: float(i.start) for i in self.scenario.indicators}
        self.start_flags = {f.id: f.start for f in self.scenario.flags}
        self.start_model = model_defaults(self.scenario)

    def env(self, seed: int) -> EvalEnv:
        """Return a fresh environment whose `chans` is seeded like a session's first group."""

        def chance(percent: float, place: str) -> bool:
            return chance_draw(seed, SIM_GROUP, place) < percent

        return EvalEnv(
            dict(self.start_indicators),
            dict(self.start_flags),
            dict(self.start_model),
            {},
            chance,
            self.bounds,
        )

    def play_round(
        self, index: int, env: EvalEnv, tally: _Tally, choose: Chooser
    ) -> list[tuple[str, str]]:
        """Play one round up to its close; return the choices made (applied by the caller)."""
        c = self.compiled
        rnd = self.scenario.rounds[index]
        if not c.round_condition(rnd.id).evaluate(env):
            return []
        tally.rounds.add(rnd.id)
        # Scheduled injects in order; backup injects are released on demand, so the simulation
        # only checks that they could reach a group and leaves their effects out.
        for inject in rnd.injects:
            if not inject.backup and c.inject_condition(inject.id).evaluate(env):
                tally.injects.add(inject.id)
                c.apply(c.inject_effects(inject.id), env)
        for inject in rnd.injects:
            if inject.backup and c.inject_condition(inject.id).evaluate(env):
                tally.injects.add(inject.id)
        made: list[tuple[str, str]] = []
        for decision in rnd.decisions:
            key = f"{rnd.id}.{decision.id}"
            if not c.decision_condition(key).evaluate(env):
                continue
            tally.decisions.add(key)
            available = [
                o.id for o in decision.options if c.option_condition(key, o.id).evaluate(env)
            ]
            if not available:
                tally.dead_ends[key] = tally.dead_ends.get(key, 0) + 1
                continue
            option = choose(key, available)
            tally.options.add(f"{key}.{option}")
            env.choices[key] = option
            made.append((key, option))
        return made

    def close_round(self, made: list[tuple[str, str]], env: EvalEnv) -> None:
        """Apply the chosen options' effects, as the engine does when a round closes."""
        for key, option in made:
            self.compiled.apply(self.compiled.option_effects(key, option), env)

    def finish(self, env: EvalEnv, tally: _Tally) -> None:
        """Count the end values of one run."""
        tally.runs += 1
        for name, value in env.indicators.items():
            tally.indicators.setdefault(name, Range()).add(value)
        for name, value in env.flags.items():
            if value:
                tally.flags_true[name] = tally.flags_true.get(name, 0) + 1

    def random_run(self, seed: int, rng: random.Random, tally: _Tally) -> None:
        """Play one run choosing uniformly among the available options."""
        env = self.env(seed)
        for index in range(len(self.scenario.rounds)):
            made = self.play_round(index, env, tally, lambda _k, opts: rng.choice(opts))
            self.close_round(made, env)
        self.finish(env, tally)

    def exhaustive(self, seed: int, limit: int, tally: _Tally) -> bool:
        """Play every path once (depth first); False when there are more than `limit` paths."""
        rounds = len(self.scenario.rounds)
        # Each path is a list of option indices taken in order; explore by replaying prefixes.
        stack: list[list[int]] = [[]]
        paths = 0
        pending: list[_Tally] = []
        while stack:
            prefix = stack.pop()
            trial = _Tally()
            env = self.env(seed)
            position = 0
            branch: tuple[int, int] | None = None

            def choose(key: str, options: list[str], prefix: list[int] = prefix) -> str:
                nonlocal position, branch
                if position < len(prefix):
                    picked = options[prefix[position]]
                else:
                    if branch is None:
                        branch = (position, len(options))
                    picked = options[0]
                position += 1
                return picked

            for index in range(rounds):
                made = self.play_round(index, env, trial, choose)
                self.close_round(made, env)
            if branch is not None:
                # The path forks after this prefix: explore every option there, first one first.
                _at, width = branch
                stack.extend([*prefix, alternative] for alternative in range(width - 1, -1, -1))
                continue
            self.finish(env, trial)
            pending.append(trial)
            paths += 1
            if paths > limit:
                return False
        for trial in pending:
            _merge(tally, trial)
        return True


def _uses_chance(expr: Any) -> bool:
    """Return True when a compiled expression calls `chans` (random paths are then needed)."""
    for part in (getattr(expr, "condition", None), getattr(expr, "effect", None)):
        if part is not None and "chans" in part.source:
            return True
    return False


def _merge(into: _Tally, other: _Tally) -> None:
    """Add one tally to another."""
    into.rounds |= other.rounds
    into.injects |= other.injects
    into.decisions |= other.decisions
    into.options |= other.options
    for key, n in other.dead_ends.items():
        into.dead_ends[key] = into.dead_ends.get(key, 0) + n
    for name, rng in other.indicators.items():
        target = into.indicators.setdefault(name, Range())
        target.min = min(target.min, rng.min)
        target.max = max(target.max, rng.max)
        target.total += rng.total
        target.count += rng.count
    for name, n in other.flags_true.items():
        into.flags_true[name] = into.flags_true.get(name, 0) + n
    into.runs += other.runs


def simulate(bundle: BundleLike, runs: int = 1000, seed: int = 0) -> SimulationReport:
    """Play a scenario headless: all paths when there are at most `runs`, else random runs."""
    player = _Player(bundle)
    tally = _Tally()
    has_chance = any(_uses_chance(e) for e in getattr(player.compiled, "expressions", ()))
    exhaustive = not has_chance and player.exhaustive(seed, runs, tally)
    if not exhaustive:
        tally = _Tally()
        rng = random.Random(seed)
        for run in range(runs):
            player.random_run(seed * 1_000_003 + run, rng, tally)
    return _report(bundle, tally, runs, seed, exhaustive)


def _report(
    bundle: BundleLike, tally: _Tally, runs: int, seed: int, exhaustive: bool
) -> SimulationReport:
    """Turn the counts into a report of what was never reached."""
    scenario = bundle.scenario
    report = SimulationReport(
        scenario_id=scenario.id, runs=tally.runs, seed=seed, exhaustive=exhaustive
    )
    for rnd in scenario.rounds:
        if rnd.id not in tally.rounds:
            report.rounds_never_played.append(rnd.id)
        for inject in rnd.injects:
            if inject.id not in tally.injects:
                report.injects_never_reached.append(inject.id)
        for decision in rnd.decisions:
            key = f"{rnd.id}.{decision.id}"
            if key not in tally.decisions:
                report.decisions_never_put.append(key)
            for option in decision.options:
                if f"{key}.{option.id}" not in tally.options:
                    report.options_never_chosen.append(f"{key}.{option.id}")
    report.dead_ends = dict(tally.dead_ends)
    report.indicators = {i.id: tally.indicators.get(i.id, Range()) for i in scenario.indicators}
    report.flags_true = {f.id: tally.flags_true.get(f.id, 0) for f in scenario.flags}
    return report
