"""Headless play of a scenario for authors: how often each part is reached, and where it ends.

A scenario without `chans()` and with at most `runs` paths is played once along every path
("all paths"); otherwise `runs` runs choose uniformly at random among the available options
("sampled"). A time budget may stop either early; the report then says how far it got.
"""

from __future__ import annotations

import itertools
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from varselspel.engine.exprs import chance_draw
from varselspel.engine.impact import figure_at
from varselspel.engine.index import ScenarioIndex, model_defaults
from varselspel.engine.journal import BundleLike
from varselspel.expr import EvalEnv, clamp, walk
from varselspel.expr.ast import Call, String
from varselspel.expr.evaluate import Choice
from varselspel.model import NumberChoice

SIM_GROUP = "g1"
"""The group id simulated runs play as (it seeds `chans`)."""

ALL_PATHS = "all_paths"
"""Mode of a report that played every path once."""
SAMPLED = "sampled"
"""Mode of a report made of random runs."""

Clock = Callable[[], float]
"""Seconds from some fixed point, e.g. `time.monotonic`; injected by tests."""


@dataclass(slots=True)
class Distribution:
    """The values one indicator ended at, one per run: min, quartiles, max and mean."""

    counts: Counter[float] = field(default_factory=Counter)
    """End value -> number of runs that ended there."""

    def add(self, value: float, times: int = 1) -> None:
        """Count a run that ended at `value`."""
        self.counts[value] += times

    @property
    def count(self) -> int:
        """How many runs were counted."""
        return sum(self.counts.values())

    @property
    def min(self) -> float:
        """The lowest end value (0 when nothing was counted)."""
        return min(self.counts, default=0.0)

    @property
    def max(self) -> float:
        """The highest end value (0 when nothing was counted)."""
        return max(self.counts, default=0.0)

    @property
    def mean(self) -> float:
        """The mean end value (0 when nothing was counted)."""
        total = self.count
        return sum(v * n for v, n in self.counts.items()) / total if total else 0.0

    def quantile(self, share: float) -> float:
        """The value below which `share` of the runs ended, interpolated between neighbours."""
        total = self.count
        if not total:
            return 0.0
        position = share * (total - 1)
        low_index = int(position)
        fraction = position - low_index
        low = self._at(low_index)
        if not fraction:
            return low
        return low + (self._at(low_index + 1) - low) * fraction

    def _at(self, index: int) -> float:
        """The value at `index` of the sorted list of end values."""
        seen = 0
        for value in sorted(self.counts):
            seen += self.counts[value]
            if index < seen:
                return value
        return self.max

    def to_json(self) -> dict[str, float]:
        """Return min, the three quartiles, max and mean."""
        return {
            "min": self.min,
            "q1": self.quantile(0.25),
            "median": self.quantile(0.5),
            "q3": self.quantile(0.75),
            "max": self.max,
            "mean": self.mean,
        }


@dataclass(slots=True)
class SimulationReport:
    """What the runs found: how often each part was reached, and the indicators at the end."""

    scenario_id: str
    runs: int
    """Runs done (paths played when every path was played)."""
    seed: int
    mode: str = SAMPLED
    """`all_paths` (every path once) or `sampled` (random runs)."""
    runs_requested: int = 0
    """Runs asked for; in `all_paths` mode the most paths that were to be enumerated."""
    time_limit: float | None = None
    """The time budget in seconds, if any."""
    stopped_by_time_limit: bool = False
    """True when the budget ended the runs before `runs_requested` were done."""
    sampled_because: str | None = None
    """Why the runs were random: `chance` (the scenario uses `chans`), `paths` (more paths
    than `runs_requested`) or `time` (listing the paths took half the time limit)."""
    rounds: dict[str, int] = field(default_factory=dict)
    """Round id -> runs in which it was played."""
    injects: dict[str, int] = field(default_factory=dict)
    """Inject id -> runs in which it reached the group (a backup inject: could be released)."""
    decisions: dict[str, int] = field(default_factory=dict)
    """Decision key -> runs in which it was put to the group."""
    options: dict[str, int] = field(default_factory=dict)
    """`ROUND.DECISION.OPTION` -> runs in which it was chosen."""
    dead_ends: dict[str, int] = field(default_factory=dict)
    """Decision key -> runs in which it was put but had no available option."""
    indicators: dict[str, Distribution] = field(default_factory=dict)
    """Indicator id -> distribution of its value at the end."""
    flags_true: dict[str, int] = field(default_factory=dict)
    """Flag id -> runs that ended with the flag true."""
    combinations: dict[str, dict[str, int]] = field(default_factory=dict)
    """Multi-select decision key -> the options chosen together (`a+b`) -> runs."""
    numbers: dict[str, Distribution] = field(default_factory=dict)
    """Number decision key -> distribution of the numbers chosen (over the runs that chose)."""
    delayed: dict[str, int] = field(default_factory=dict)
    """Delayed-effects source (`INJECT@N`, `KEY/OPTION@N`, `KEY@N`) -> runs in which it applied."""
    revealed: dict[str, int] = field(default_factory=dict)
    """`card:ID` or `figure:CODE` of what is revealed later -> runs that revealed it by the end."""
    roles_held: dict[str, int] = field(default_factory=dict)
    """Optional role that `har_roll` asks about -> runs in which the group held it."""

    @property
    def exhaustive(self) -> bool:
        """True when every path was played once."""
        return self.mode == ALL_PATHS

    def share(self, count: int) -> float:
        """The share of the runs that `count` runs make."""
        return count / self.runs if self.runs else 0.0

    @property
    def rounds_never_played(self) -> list[str]:
        """Rounds played in no run."""
        return _never(self.rounds)

    @property
    def injects_never_reached(self) -> list[str]:
        """Injects that reached the group in no run."""
        return _never(self.injects)

    @property
    def decisions_never_put(self) -> list[str]:
        """Decisions put in no run."""
        return _never(self.decisions)

    @property
    def options_never_chosen(self) -> list[str]:
        """Options chosen in no run."""
        return _never(self.options)

    @property
    def delayed_never_applied(self) -> list[str]:
        """Delayed effects applied in no run."""
        return _never(self.delayed)

    @property
    def never_revealed(self) -> list[str]:
        """Cards and figures revealed in no run."""
        return _never(self.revealed)

    def to_json(self) -> dict[str, Any]:
        """Return a JSON-ready dict with stable field names."""

        def reached(counts: dict[str, int]) -> dict[str, dict[str, float]]:
            return {k: {"runs": n, "share": round(self.share(n), 4)} for k, n in counts.items()}

        return {
            "scenario": self.scenario_id,
            "mode": self.mode,
            "runs": self.runs,
            "runs_requested": self.runs_requested,
            "seed": self.seed,
            "time_limit": self.time_limit,
            "stopped_by_time_limit": self.stopped_by_time_limit,
            "sampled_because": self.sampled_because,
            "rounds": reached(self.rounds),
            "injects": reached(self.injects),
            "decisions": reached(self.decisions),
            "options": reached(self.options),
            "flags_true": reached(self.flags_true),
            "dead_ends": reached(self.dead_ends),
            "indicators": {k: v.to_json() for k, v in self.indicators.items()},
            "combinations": {k: reached(v) for k, v in self.combinations.items()},
            "numbers": {k: v.to_json() for k, v in self.numbers.items()},
            "delayed": reached(self.delayed),
            "revealed": reached(self.revealed),
            "roles_held": reached(self.roles_held),
            "rounds_never_played": self.rounds_never_played,
            "injects_never_reached": self.injects_never_reached,
            "decisions_never_put": self.decisions_never_put,
            "options_never_chosen": self.options_never_chosen,
            "delayed_never_applied": self.delayed_never_applied,
            "never_revealed": self.never_revealed,
        }


def _never(counts: dict[str, int]) -> list[str]:
    return [key for key, count in counts.items() if not count]


@dataclass(slots=True)
class _Tally:
    """Counts gathered while playing."""

    rounds: Counter[str] = field(default_factory=Counter)
    injects: Counter[str] = field(default_factory=Counter)
    decisions: Counter[str] = field(default_factory=Counter)
    options: Counter[str] = field(default_factory=Counter)
    dead_ends: Counter[str] = field(default_factory=Counter)
    indicators: dict[str, Distribution] = field(default_factory=dict)
    flags_true: Counter[str] = field(default_factory=Counter)
    combinations: dict[str, Counter[str]] = field(default_factory=dict)
    numbers: dict[str, Distribution] = field(default_factory=dict)
    delayed: Counter[str] = field(default_factory=Counter)
    revealed: Counter[str] = field(default_factory=Counter)
    roles_held: Counter[str] = field(default_factory=Counter)
    runs: int = 0


class Chooser:
    """Picks the group's answers: an option, a set of options, a number, whether a role is held."""

    def pick(self, key: str, candidates: list[Choice]) -> Choice:
        """Pick one of the candidates (option ids, tuples of option ids, or numbers)."""
        raise NotImplementedError

    def number(self, key: str, spec: NumberChoice) -> float:
        """Pick a number of a number decision."""
        picked = self.pick(key, list(representatives(spec)))
        assert isinstance(picked, float | int)
        return float(picked)


def grid(spec: NumberChoice) -> int:
    """Return how many steps a number decision's range has above its minimum."""
    if spec.max < spec.min:
        return 0
    return int((spec.max - spec.min) / spec.step + 1e-9)


def representatives(spec: NumberChoice) -> tuple[float, ...]:
    """Return the numbers every path tries: the smallest, the middle step and the largest."""
    steps = grid(spec)
    picks = (0, steps // 2, steps)
    return tuple(dict.fromkeys(spec.min + n * spec.step for n in picks))


class _Random(Chooser):
    """Picks uniformly: among candidates, and among every step of a number's range."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, key: str, candidates: list[Choice]) -> Choice:
        return self.rng.choice(candidates)

    def number(self, key: str, spec: NumberChoice) -> float:
        return spec.min + self.rng.randint(0, grid(spec)) * spec.step


HELD = "held"
"""A role `har_roll` asks about is held in the run."""
NOT_HELD = "not_held"
"""A role `har_roll` asks about is not held in the run."""


class _Budget:
    """A time budget read from a clock; `None` seconds never runs out."""

    def __init__(self, seconds: float | None, clock: Clock) -> None:
        self.clock = clock
        self.seconds = seconds
        self.start = clock()

    def share_left(self, share: float) -> _Budget:
        """A budget of `share` of this one, starting now (with the same clock)."""
        part = _Budget(None, self.clock)
        if self.seconds is not None:
            part.seconds = max(0.0, self.seconds * share - (part.start - self.start))
        return part

    def spent(self) -> bool:
        """True when the time is up."""
        return self.seconds is not None and self.clock() - self.start >= self.seconds


class _RoundPlan:
    """One round's compiled conditions and effects, looked up once instead of once per run."""

    def __init__(self, compiled: Any, rnd: Any) -> None:
        self.round_id: str = rnd.id
        self.condition: Any = compiled.round_condition(rnd.id)
        self.injects = [
            (i.id, compiled.inject_condition(i.id), compiled.inject_effects(i.id))
            for i in rnd.injects
            if not i.backup
        ]
        self.backups = [(i.id, compiled.inject_condition(i.id)) for i in rnd.injects if i.backup]
        self.decisions: list[tuple[str, Any, list[tuple[str, Any, str]], int, Any]] = []
        for decision in rnd.decisions:
            key = f"{rnd.id}.{decision.id}"
            options = [
                (o.id, compiled.option_condition(key, o.id), f"{key}.{o.id}")
                for o in decision.options
            ]
            number = decision.number if not decision.options else None
            self.decisions.append(
                (key, compiled.decision_condition(key), options, decision.max_choices, number)
            )


@dataclass(slots=True)
class _Run:
    """What one run carries beyond the expression environment."""

    env: EvalEnv
    pending: list[tuple[int, str]] = field(default_factory=list)
    """Delayed effects waiting: the round index they are due at, and their source."""
    revealed: set[str] = field(default_factory=set)
    """`card:ID` and `figure:CODE` revealed so far."""


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
        self.index = ScenarioIndex(bundle.scenario, bundle.roles)
        self.bounds = dict(compiled.bounds)
        self.start_indicators = {i.id: float(i.start) for i in self.scenario.indicators}
        self.start_flags = {f.id: f.start for f in self.scenario.flags}
        self.start_model = model_defaults(self.scenario)
        self.plans = [_RoundPlan(compiled, rnd) for rnd in self.scenario.rounds]
        # Effects and delayed effects of every answer, looked up once instead of once per run.
        self.effects: dict[tuple[str, str], Any] = {}
        self.later: dict[tuple[str, str], list[tuple[str, int]]] = {}
        for rnd in self.scenario.rounds:
            for inject in rnd.injects:
                self.later[("", inject.id)] = self.index.delayed_of_inject(inject.id)
            for decision in rnd.decisions:
                key = f"{rnd.id}.{decision.id}"
                for option in decision.options:
                    self.effects[key, option.id] = compiled.option_effects(key, option.id)
                    self.later[key, option.id] = self.index.delayed_of_choice(key, option.id)
                self.effects[key, ""] = compiled.number_effects(key)
                self.later[key, ""] = self.index.delayed_of_choice(key, 0.0)
        self.gated = bool(self.index.gated_cards or self.index.reveals)
        asked = _roles_asked(compiled)
        required = {e.role for e in self.scenario.roles if e.required}
        self.always_held = frozenset(e.role for e in self.scenario.roles if e.role not in asked)
        self.always_held |= required
        # Optional roles `har_roll` asks about are held in some runs and not in others.
        self.optional_asked = [
            e.role for e in self.scenario.roles if e.role in asked and e.role not in required
        ]

    def env(self, seed: int, roles: frozenset[str] = frozenset()) -> EvalEnv:
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
            roles,
        )

    def reveal(self, run: _Run, at: int) -> None:
        """Reveal the cards and figures whose round has come and whose condition holds now."""
        if not self.gated:
            return
        index = self.index
        for card_id, gate in index.gated_cards:
            name = f"card:{card_id}"
            if (
                name not in run.revealed
                and gate <= at
                and self.compiled.card_condition(card_id).evaluate(run.env)
            ):
                run.revealed.add(name)
        for number, codes, gate in index.reveals:
            names = [f"figure:{code}" for code in codes]
            if all(n in run.revealed for n in names) or gate > at:
                continue
            if self.compiled.reveal_condition(number).evaluate(run.env):
                run.revealed.update(names)

    def schedule(self, run: _Run, round_index: int, delayed: list[tuple[str, int]]) -> None:
        """Keep delayed effects for the round they are due at (none past the last round)."""
        if not delayed:
            return
        for source, after in delayed:
            if round_index + after < len(self.plans):
                run.pending.append((round_index + after, source))

    def open_round(self, index: int, run: _Run, tally: _Tally, played: bool) -> bool:
        """Open a round as the engine does; return False when it is skipped (not played by the
        group and not the last round)."""
        if not played and index + 1 < len(self.plans):
            return False
        if run.pending:
            due = [source for at, source in run.pending if at <= index]
            run.pending = [(at, source) for at, source in run.pending if at > index]
            for source in due:
                self.compiled.apply(self.compiled.delayed_effects(source), run.env)
                tally.delayed[source] += 1
        self.reveal(run, index)
        return True

    def play_round(
        self, index: int, run: _Run, tally: _Tally, choose: Chooser
    ) -> list[tuple[str, Choice]] | None:
        """Play one round up to its close; return the choices made (applied by the caller), or
        None when the round is skipped (then it does not close either)."""
        plan = self.plans[index]
        env = run.env
        played = plan.condition.evaluate(env)
        if not self.open_round(index, run, tally, played):
            return None
        if not played:
            return []
        tally.rounds[plan.round_id] += 1
        apply = self.compiled.apply
        # Scheduled injects in order; backup injects are released on demand, so the simulation
        # only checks that they could reach a group and leaves their effects out.
        for inject_id, condition, effects in plan.injects:
            if condition.evaluate(env):
                tally.injects[inject_id] += 1
                apply(effects, env)
                self.schedule(run, index, self.later["", inject_id])
                self.reveal(run, index)
        for inject_id, condition in plan.backups:
            if condition.evaluate(env):
                tally.injects[inject_id] += 1
        made: list[tuple[str, Choice]] = []
        for key, condition, options, most, number in plan.decisions:
            if not condition.evaluate(env):
                continue
            tally.decisions[key] += 1
            if number is not None:
                value = choose.number(key, number)
                tally.numbers.setdefault(key, Distribution()).add(value)
                env.choices[key] = value
                made.append((key, value))
                continue
            available = [option for option in options if option[1].evaluate(env)]
            if not available:
                tally.dead_ends[key] += 1
                continue
            if most == 1:
                picked = choose.pick(key, [option[0] for option in available])
                option_id, _condition, option_key = next(o for o in available if o[0] == picked)
                tally.options[option_key] += 1
                env.choices[key] = option_id
                made.append((key, option_id))
                continue
            ids = [option[0] for option in available]
            candidates: list[Choice] = [
                combo
                for size in range(1, min(most, len(ids)) + 1)
                for combo in itertools.combinations(ids, size)
            ]
            combo = choose.pick(key, candidates)
            assert isinstance(combo, tuple)
            tally.combinations.setdefault(key, Counter())["+".join(combo)] += 1
            for option_id in combo:
                tally.options[f"{key}.{option_id}"] += 1
            env.choices[key] = combo
            made.append((key, combo))
        return made

    def close_round(self, index: int, made: list[tuple[str, Choice]], run: _Run) -> None:
        """Apply the chosen options' effects, the indicators that follow the model and the
        reveals, as the engine does when a round closes."""
        env = run.env
        apply = self.compiled.apply
        for key, answer in made:
            if isinstance(answer, str):
                apply(self.effects[key, answer], env)
                self.schedule(run, index, self.later[key, answer])
            elif isinstance(answer, tuple):
                for option in answer:
                    apply(self.effects[key, option], env)
                for option in answer:
                    self.schedule(run, index, self.later[key, option])
            else:
                apply(self.effects[key, ""], env)
                self.schedule(run, index, self.later[key, ""])
        if not self.index.followers:
            self.reveal(run, index)
            return
        month = self.scenario.rounds[index].model_month
        for indicator in self.index.followers:
            assert indicator.follows is not None
            try:
                figure = figure_at(self.scenario, env.model, indicator.follows, month)
            except KeyError:
                continue
            value = round(float(indicator.start) + indicator.follows_scale * figure, 6)
            env.indicators[indicator.id] = clamp(value, env.bounds.get(indicator.id))
        self.reveal(run, index)

    def play(self, seed: int, tally: _Tally, choose: Chooser) -> None:
        """Play one run to the end and count where it ended."""
        held = set(self.always_held)
        for role in self.optional_asked:
            if choose.pick(f"role:{role}", [HELD, NOT_HELD]) == HELD:
                held.add(role)
                tally.roles_held[role] += 1
        run = _Run(self.env(seed, frozenset(held)))
        self.reveal(run, -1)
        for index in range(len(self.scenario.rounds)):
            made = self.play_round(index, run, tally, choose)
            if made is not None:
                self.close_round(index, made, run)
        tally.runs += 1
        env = run.env
        for name, value in env.indicators.items():
            tally.indicators.setdefault(name, Distribution()).add(value)
        for name, value in env.flags.items():
            if value:
                tally.flags_true[name] += 1
        for name in run.revealed:
            tally.revealed[name] += 1

    def sample(self, seed: int, runs: int, tally: _Tally, budget: _Budget) -> bool:
        """Play up to `runs` random runs; return True when the budget stopped them early."""
        choose = _Random(random.Random(seed))
        for run in range(runs):
            # At least one run, so even a spent budget reports something.
            if run and budget.spent():
                return True
            self.play(seed * 1_000_003 + run, tally, choose)
        return False

    def enumerate_paths(self, seed: int, limit: int, tally: _Tally, budget: _Budget) -> str | None:
        """Play every path once, depth first; return why not (`paths`, `time`) or None when done.

        Paths are counted into `tally`, which is worth nothing when this returns a reason.

        Each play follows a prefix of option indices and then the first option at every later
        branch, so every play is a whole path; the branches it passed are explored afterwards.
        """
        stack: list[list[int]] = [[]]
        while stack:
            if tally.runs >= limit:
                return "paths"
            if budget.spent():
                return "time"
            prefix = stack.pop()
            path = _Path(prefix)
            self.play(seed, tally, path)
            # Deepest branch first, first alternative first, so paths come in a stable order.
            for depth in range(len(path.taken) - 1, len(prefix) - 1, -1):
                for alternative in range(path.widths[depth] - 1, 0, -1):
                    stack.append([*path.taken[:depth], alternative])
            # Every alternative still on the stack is at least one more path.
            if tally.runs + len(stack) > limit:
                return "paths"
        return None


class _Path(Chooser):
    """Follows a prefix of option indices, then the first option at every later decision."""

    def __init__(self, prefix: list[int]) -> None:
        self.prefix = prefix
        self.taken: list[int] = []
        """The option index taken at each decision, in order."""
        self.widths: list[int] = []
        """How many options were available at each decision."""

    def pick(self, key: str, candidates: list[Choice]) -> Choice:
        """Pick the next candidate of the path."""
        step = len(self.taken)
        index = self.prefix[step] if step < len(self.prefix) else 0
        self.taken.append(index)
        self.widths.append(len(candidates))
        return candidates[index]


def _roles_asked(compiled: Any) -> set[str]:
    """Return the roles any condition or effect asks about with `har_roll`."""
    asked: set[str] = set()
    for expr in getattr(compiled, "expressions", ()):
        nodes = []
        if expr.condition is not None and expr.condition.node is not None:
            nodes.append(expr.condition.node)
        if expr.effect is not None:
            nodes.append(expr.effect.value)
        for node in nodes:
            for sub in walk(node):
                if isinstance(sub, Call) and sub.func == "har_roll":
                    arg = sub.args[0]
                    if isinstance(arg, String):
                        asked.add(arg.value)
    return asked


def _uses_chance(expr: Any) -> bool:
    """Return True when a compiled expression calls `chans` (random paths are then needed)."""
    for part in (getattr(expr, "condition", None), getattr(expr, "effect", None)):
        if part is not None and "chans" in part.source:
            return True
    return False


def simulate(
    bundle: BundleLike,
    runs: int = 1000,
    seed: int = 0,
    *,
    time_limit: float | None = None,
    clock: Clock = time.monotonic,
) -> SimulationReport:
    """Play a scenario headless: every path when there are at most `runs`, else random runs.

    With `time_limit` (seconds on `clock`) the work stops when the time is up: enumerating the
    paths may use half of it, and random runs stop after the run that crosses it (at least one
    run is always played). The report says which happened.
    """
    player = _Player(bundle)
    budget = _Budget(time_limit, clock)
    has_chance = any(_uses_chance(e) for e in getattr(player.compiled, "expressions", ()))
    tally = _Tally()
    because = "chance"
    if not has_chance:
        found = player.enumerate_paths(seed, runs, tally, budget.share_left(0.5))
        if found is None:
            return _report(bundle, tally, runs, seed, time_limit, False, None)
        because = found
    tally = _Tally()
    stopped = player.sample(seed, runs, tally, budget)
    return _report(bundle, tally, runs, seed, time_limit, stopped, because)


def _counts(keys: Iterable[str], counted: Counter[str]) -> dict[str, int]:
    """The count of every key, in the scenario's order, zero for those never reached."""
    return {key: counted.get(key, 0) for key in keys}


def _report(
    bundle: BundleLike,
    tally: _Tally,
    runs: int,
    seed: int,
    time_limit: float | None,
    stopped: bool,
    because: str | None,
) -> SimulationReport:
    """Turn the counts into a report over every round, inject, decision, option and flag."""
    scenario = bundle.scenario
    rounds = [r.id for r in scenario.rounds]
    injects = [i.id for r in scenario.rounds for i in r.injects]
    decisions = [f"{r.id}.{d.id}" for r in scenario.rounds for d in r.decisions]
    options = [
        f"{r.id}.{d.id}.{o.id}" for r in scenario.rounds for d in r.decisions for o in d.options
    ]
    index = ScenarioIndex(scenario, bundle.roles)
    multi = [f"{r.id}.{d.id}" for r in scenario.rounds for d in r.decisions if d.max_choices > 1]
    delayed = [
        source
        for r in scenario.rounds
        for source, _after in [
            *(s for i in r.injects for s in index.delayed_of_inject(i.id)),
            *(
                s
                for d in r.decisions
                for o in d.options
                for s in index.delayed_of_choice(f"{r.id}.{d.id}", o.id)
            ),
            *(
                s
                for d in r.decisions
                if d.number is not None
                for s in index.delayed_of_choice(f"{r.id}.{d.id}", 0.0)
            ),
        ]
    ]
    revealed = [f"card:{card_id}" for card_id, _ in index.gated_cards] + list(
        dict.fromkeys(f"figure:{code}" for _, codes, _ in index.reveals for code in codes)
    )
    asked = _roles_asked(getattr(bundle, "compiled", None))
    optional = [e.role for e in scenario.roles if e.role in asked and not e.required]
    return SimulationReport(
        scenario_id=scenario.id,
        runs=tally.runs,
        seed=seed,
        mode=SAMPLED if because else ALL_PATHS,
        runs_requested=runs,
        time_limit=time_limit,
        stopped_by_time_limit=stopped,
        sampled_because=because,
        rounds=_counts(rounds, tally.rounds),
        injects=_counts(injects, tally.injects),
        decisions=_counts(decisions, tally.decisions),
        options=_counts(options, tally.options),
        dead_ends={k: n for k, n in _counts(decisions, tally.dead_ends).items() if n},
        indicators={i.id: tally.indicators.get(i.id, Distribution()) for i in scenario.indicators},
        flags_true=_counts((f.id for f in scenario.flags), tally.flags_true),
        combinations={key: dict(tally.combinations.get(key, Counter())) for key in multi},
        numbers={key: tally.numbers.get(key, Distribution()) for key in sorted(index.numbers)},
        delayed=_counts(delayed, tally.delayed),
        revealed=_counts(revealed, tally.revealed),
        roles_held=_counts(optional, tally.roles_held),
    )
