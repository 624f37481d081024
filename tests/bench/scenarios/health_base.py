"""Benchmark rows of health_base."""

from stdnum import luhn

from tests.bench.harness import Scenario, scenario


def _rpps(i):
    base = f"18{i:08d}"
    return base + luhn.calc_check_digit(base)


def _territories(env):
    dept = env["health.territory"].create(
        {"name": "Bench Département", "territory_type": "departement", "code": "2B"}
    )
    epcis = env["health.territory"].create(
        [
            {
                "name": f"Bench EPCI {i}",
                "territory_type": "epci",
                "code": f"2{i:08d}",
                "parent_id": dept.id,
            }
            for i in range(5)
        ]
    )
    communes = env["health.territory"].create(
        [
            {
                "name": f"Bench commune {i}",
                "territory_type": "commune",
                "code": f"2B{i:03d}",
                "parent_id": epcis[i % 5].id,
            }
            for i in range(50)
        ]
    )
    return dept, communes


@scenario(
    "create N partners with health roles, RPPS, territory",
    module="health_base",
    baseline_label="create N plain partners",
    sizes=(100, 1000, 5000),
)
class CreateHealthPartners(Scenario):
    def setup(self, env, n):
        dept, communes = _territories(env)
        roles = env.ref("health_base.role_gp") | env.ref("health_base.role_msu")
        return {"communes": communes.ids, "roles": roles.ids}

    def run(self, env, n, data):
        communes = data["communes"]
        env["res.partner"].create(
            [
                {
                    "name": f"Dr Bench {i}",
                    "email": f"dr.bench.{i}@example.com",
                    "health_role_ids": [(6, 0, data["roles"])],
                    "health_rpps": _rpps(i),
                    "health_territory_id": communes[i % len(communes)],
                }
                for i in range(n)
            ]
        )

    def baseline(self, env, n, data):
        env["res.partner"].create(
            [{"name": f"Dr Bench {i}", "email": f"dr.bench.{i}@example.com"} for i in range(n)]
        )


@scenario(
    "search N partners within a département (area search)",
    module="health_base",
    baseline_label="search N partners by country",
    sizes=(1000, 10000),
)
class SearchWithinTerritory(Scenario):
    def setup(self, env, n):
        dept, communes = _territories(env)
        france = env.ref("base.fr")
        env["res.partner"].create(
            [
                {
                    "name": f"Dr Area {i}",
                    "country_id": france.id,
                    "health_territory_id": communes[i % len(communes)].id,
                }
                for i in range(n)
            ]
        )
        return {"dept": dept.id, "country": france.id}

    def run(self, env, n, data):
        found = env["res.partner"].search([("health_territory_area", "=", data["dept"])])
        found.mapped("name")

    def baseline(self, env, n, data):
        found = env["res.partner"].search([("country_id", "=", data["country"])])
        found.mapped("name")
