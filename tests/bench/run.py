"""Run the benchmark scenarios on a database and print the table.

Usage: python tests/bench/run.py -c CONFIG -d DATABASE [--sizes 100,1000]
       [--only SUBSTRING] [--json FILE]
"""

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import odoo
from odoo import SUPERUSER_ID, api

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.bench import harness  # noqa: E402


def load_scenarios():
    for path in sorted((HERE / "scenarios").glob("*.py")):
        if path.name.startswith("_"):
            continue
        spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--sizes", help="comma-separated sizes overriding each scenario's")
    parser.add_argument(
        "--only", help="run the scenarios whose name or addon contains one of these words (a,b)"
    )
    parser.add_argument("--json", help="also write the rows to this JSON file")
    parser.add_argument(
        "--repeat", type=int, default=2, help="timed passes per variant, made in turns (best kept)"
    )
    args = parser.parse_args()

    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    load_scenarios()
    registry = odoo.modules.registry.Registry(args.database)
    rows = []
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        installed = set(
            env["ir.module.module"].search([("state", "=", "installed")]).mapped("name")
        )
        for cls in harness.REGISTRY:
            words = [word for word in (args.only or "").split(",") if word]
            if words and not any(word in cls.name or word in cls.module for word in words):
                continue
            if cls.module not in installed:
                print(f"skipped (module {cls.module} not installed): {cls.name}")
                continue
            instance = cls()
            sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else cls.sizes
            for n in sizes:
                rows.extend(harness.measure_scenario(env, instance, n, repeat=args.repeat))
                print(f"measured {cls.name} N={n}", file=sys.stderr)
        cr.rollback()
    print(harness.format_table(rows))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [
                    {
                        "scenario": row.scenario,
                        "variant": row.variant,
                        "n": row.n,
                        "seconds": row.measure.seconds,
                        "queries": row.measure.queries,
                        "peak_mib": row.measure.peak_mib,
                        "ratio_to_core": row.ratio,
                    }
                    for row in rows
                ],
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
