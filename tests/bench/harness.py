"""Benchmark harness of the suite.

A scenario measures the suite doing some work on N records and Odoo core
doing the equivalent work (the baseline) in the same run, on the same
database.  Each measure runs inside a savepoint that is rolled back, so that
scenarios and sizes do not influence each other.

Scenarios live in ``tests/bench/scenarios/*.py``; each module registers its
scenarios with the :func:`scenario` decorator::

    @scenario("create partners with health roles", module="health_base",
              baseline_label="create plain partners")
    class CreatePartners(Scenario):
        def setup(self, env, n): ...          # not measured
        def run(self, env, n, data): ...      # the suite's work
        def baseline(self, env, n, data): ... # Odoo core's equivalent

A scenario whose module is not installed is skipped.
"""

import gc
import time
import tracemalloc
from dataclasses import dataclass, field

import odoo

REGISTRY = []


class Scenario:
    name = ""
    module = ""
    baseline_label = ""
    sizes = (100, 1000)

    def setup(self, env, n):
        return None

    def run(self, env, n, data):
        raise NotImplementedError

    def baseline(self, env, n, data):
        raise NotImplementedError


def scenario(name, module, baseline_label, sizes=None):
    def register(cls):
        cls.name = name
        cls.module = module
        cls.baseline_label = baseline_label
        if sizes:
            cls.sizes = tuple(sizes)
        REGISTRY.append(cls)
        return cls

    return register


@dataclass
class Measure:
    seconds: float
    queries: int
    peak_mib: float


@dataclass
class Row:
    scenario: str
    variant: str
    n: int
    measure: Measure
    ratio: float | None = None
    extra: dict = field(default_factory=dict)


def _measure(env, func, n, data, memory):
    """Run ``func`` once; return its time, SQL queries and peak memory."""
    env.flush_all()
    env.invalidate_all()
    gc.collect()
    if memory:
        tracemalloc.start()
    queries_before = odoo.sql_db.sql_counter
    started = time.perf_counter()
    func(env, n, data)
    env.flush_all()
    seconds = time.perf_counter() - started
    queries = odoo.sql_db.sql_counter - queries_before
    peak = 0.0
    if memory:
        peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
    return Measure(seconds, queries, peak)


def _in_savepoint(env, func, n, data, memory):
    with env.cr.savepoint(flush=False) as savepoint:
        result = _measure(env, func, n, data, memory)
        savepoint.rollback()
    env.invalidate_all()
    return result


def measure_scenario(env, instance, n, repeat=2):
    """Measure suite and baseline for one size.

    Time and queries come from ``repeat`` passes made in turns (suite, core,
    suite, core…), keeping each variant's fastest, so that a slow moment of
    the machine or a cold cache does not weigh on one side only; peak memory
    comes from one more pass under tracemalloc (which slows Python down and
    would distort the time).
    """
    variants = (("suite", instance.run), ("core", instance.baseline))
    best = {}
    with env.cr.savepoint(flush=False) as outer:
        data = instance.setup(env, n)
        env.flush_all()
        for _pass in range(max(1, repeat)):
            for variant, func in variants:
                timed = _in_savepoint(env, func, n, data, memory=False)
                if variant not in best or timed.seconds < best[variant].seconds:
                    best[variant] = timed
        rows = []
        for variant, func in variants:
            traced = _in_savepoint(env, func, n, data, memory=True)
            best[variant].peak_mib = traced.peak_mib
            rows.append(Row(instance.name, variant, n, best[variant]))
        outer.rollback()
    env.invalidate_all()
    suite, core = rows
    suite.ratio = suite.measure.seconds / core.measure.seconds if core.measure.seconds else None
    core.extra["label"] = instance.baseline_label
    return rows


def format_table(rows):
    header = (
        f"{'scenario':<52} {'N':>7} {'seconds':>9} {'queries':>8} "
        f"{'q/record':>9} {'peak MiB':>9} {'x core':>7}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        m = row.measure
        label = row.scenario if row.variant == "suite" else f"  core: {row.extra['label']}"
        ratio = f"{row.ratio:7.2f}" if row.ratio is not None else f"{'':>7}"
        lines.append(
            f"{label[:52]:<52} {row.n:>7} {m.seconds:>9.3f} {m.queries:>8} "
            f"{m.queries / row.n:>9.3f} {m.peak_mib:>9.1f} {ratio}"
        )
    return "\n".join(lines)
