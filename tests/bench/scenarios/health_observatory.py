"""Benchmark rows of health_observatory."""

import csv
import tempfile
from datetime import date
from pathlib import Path

from odoo.addons.health_observatory.tools.rpps_generator import generate
from odoo.tools.misc import file_path
from tests.bench import volumes
from tests.bench.harness import Scenario, scenario

CACHE = Path(tempfile.gettempdir()) / "health_observatory_bench"


def _rpps_file(n):
    """A generated national-size extraction of ``n`` lines (kept between runs)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"personne_activite_{n}.txt"
    if not path.exists():
        generate(path, n)
    return path


@scenario(
    "import an RPPS extraction of N lines, filtered to dept 79",
    module="health_observatory",
    baseline_label="plain csv read of the same file",
    sizes=(200000, 2000000),
)
class ImportRpps(Scenario):
    def setup(self, env, n):
        with open(file_path("health_observatory/data/samples/communes_79.csv"), "rb") as f:
            env["health.observatory.import"]._import_stream("communes", f, "communes_79.csv")
        return {"path": _rpps_file(n)}

    def run(self, env, n, data):
        with open(data["path"], "rb") as stream:
            env["health.observatory.import"]._import_stream(
                "rpps", stream, data["path"].name, date(2027, 1, 1)
            )

    def baseline(self, env, n, data):
        with open(data["path"], encoding="utf-8", newline="") as text:
            count = sum(1 for _row in csv.reader(text, delimiter="|"))
        assert count == n + 1


@scenario(
    "compute the indicators of N communes and 2,000 GPs",
    module="health_observatory",
    baseline_label="count the GPs per commune (read_group)",
    sizes=(700,),
)
class ComputeIndicators(Scenario):
    def setup(self, env, n):
        __, __, communes = volumes.territories(
            env,
            "Bench",
            "2B",
            20,
            n,
            lambda i: {"population": 500 + 37 * i, "health_apl": 1 + (i % 40) / 10},
        )
        role = env.ref("health_base.role_gp")
        env["res.partner"].create(
            [
                {
                    "name": f"Dr Bench {i}",
                    "health_role_ids": [(4, role.id)],
                    "health_practising": True,
                    "health_practice_commune_id": communes[i % n].id,
                    "health_birth_year": 1955 + i % 40,
                }
                for i in range(2000)
            ]
        )
        return {}

    def run(self, env, n, data):
        env["health.observatory.indicator"]._refresh(date(2027, 1, 1))

    def baseline(self, env, n, data):
        env["res.partner"]._read_group(
            [("health_practising", "=", True)],
            groupby=["health_practice_commune_id"],
            aggregates=["__count"],
        )
