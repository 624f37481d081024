"""Benchmark rows of health_observatory_conventions."""

from datetime import date

from tests.bench import volumes
from tests.bench.harness import Scenario, scenario


@scenario(
    "count the conventions covering N communes (20 EPCI, a convention each)",
    module="health_observatory_conventions",
    baseline_label="count the conventions per territory (read_group)",
    sizes=(100, 900),
)
class CommuneConventions(Scenario):
    def setup(self, env, n):
        dept, epcis, communes = volumes.territories(env, "Bench", "2B", 20, n)
        env["health.convention"].create(
            [
                {
                    "title": f"Bench convention {territory.name}",
                    "territory_id": territory.id,
                    "date_start": date(2026, 1, 1),
                    "duration_months": 36,
                    "state": "in_force",
                }
                for territory in dept | epcis
            ]
        )
        env.flush_all()
        return {"ids": communes.ids, "ancestors": (dept | epcis).ids}

    def run(self, env, n, data):
        communes = env["health.territory"].browse(data["ids"])
        assert sum(communes.mapped("health_convention_count")) == 2 * n

    def baseline(self, env, n, data):
        env["health.convention"]._read_group(
            [("territory_id", "in", data["ancestors"]), ("state", "=", "in_force")],
            ["territory_id"],
            ["__count"],
        )
