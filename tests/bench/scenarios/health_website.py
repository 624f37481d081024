"""Benchmark rows of health_website and health_website_recruitment."""

import time

from tests.bench.harness import Scenario, scenario

TYPES = ("takeover", "vacancy", "salaried", "locum")
MODES = ("msp", "group", "solo", "mixed")


def _communes(env, count=10):
    Territory = env["health.territory"]
    dept = Territory.create({"name": "Bench département", "territory_type": "departement"})
    epci = Territory.create(
        {
            "name": "Bench EPCI",
            "territory_type": "epci",
            "code": "299999999",
            "parent_id": dept.id,
        }
    )
    return Territory.create(
        [
            {
                "name": f"Bench commune {i}",
                "territory_type": "commune",
                "code": f"99{i:03d}",
                "parent_id": epci.id,
                "latitude": 46 + i / 100,
                "longitude": -0.5 + i / 100,
                "zoning": "zip" if i % 2 else "zac",
            }
            for i in range(count)
        ]
    )


def _public_list(env, domain):
    """What /opportunites does: count, one page, the map's markers, the
    cards rendered (as the public user; the cards read as superuser)."""
    Opportunity = env["health.website.opportunity"]
    Opportunity.search_count(domain)
    page = Opportunity.search(domain, limit=20)
    groups = Opportunity._read_group(domain, ["territory_id"], ["__count"])
    env["health.territory"].browse([t.id for t, _c in groups]).sudo().mapped("latitude")
    for opportunity in page.sudo():
        env["ir.qweb"]._render("health_website.opportunity_card", {"opportunity": opportunity})


@scenario(
    "public list of 1,000 published opportunities (page, map, cards)",
    module="health_website",
    baseline_label="public user: count, page and group-by of 1,000 partners' contacts (core)",
    sizes=(1000,),
)
class PublicOpportunityList(Scenario):
    def setup(self, env, n):
        communes = _communes(env)
        opportunities = env["health.website.opportunity"].create(
            [
                {
                    "name": f"Bench opportunity {i}",
                    "opportunity_type": TYPES[i % 4],
                    "practice_mode": MODES[i % 4],
                    "territory_id": communes[i % len(communes)].id,
                    "summary": "Bench",
                    "description": "<p>Bench</p>",
                }
                for i in range(n)
            ]
        )
        opportunities.action_publish()
        env["res.partner"].create([{"name": f"Bench contact {i}"} for i in range(n)])
        return env.ref("base.public_user")

    def run(self, env, n, public):
        public_env = env(user=public)
        _public_list(public_env, [("state", "=", "published")])

    def baseline(self, env, n, public):
        Partner = env["res.partner"]
        domain = [("name", "like", "Bench contact")]
        Partner.search_count(domain)
        Partner.search(domain, limit=20).read(["name", "email", "city"])
        Partner._read_group(domain, ["country_id"], ["__count"])


@scenario(
    "1,000 applications from the site (parse, match, candidacy, measures, mail)",
    module="health_website_recruitment",
    baseline_label="1,000 crm.lead created one by one with a new contact (core)",
    sizes=(1000,),
)
class WebsiteApplications(Scenario):
    def setup(self, env, n):
        ICP = env["ir.config_parameter"].sudo()
        ICP.set_param("health_website.form_hourly_limit", 10 * n)
        ICP.set_param("health_website.form_min_seconds", 0)
        measure = env.ref("health_base.toolbox_measure_fa1")
        commune = _communes(env, 1)
        Application = env["health.website.application"]
        token = Application._health_form_token(time.time() - 60)
        return [
            {
                "name": f"Bench Doctor {i}",
                "email": f"bench.doctor.{i}@example.fr",
                "candidate_type": "intern",
                "consent": "on",
                "territory_ids": [str(commune.id)],
                "measure_ids": [str(measure.id)],
                "children_ages": "4",
                "utm_source": "Stand de congrès",
                "form_token": token,
            }
            for i in range(n)
        ]

    def run(self, env, n, params_list):
        Application = env["health.website.application"].sudo()
        for params in params_list:
            Application._health_process(params, "192.0.2.99")

    def baseline(self, env, n, params_list):
        team = env.ref("health_recruitment.crm_team_recruitment")
        Lead = env["crm.lead"].sudo()
        Partner = env["res.partner"].sudo()
        for i, params in enumerate(params_list):
            partner = Partner.create(
                {"name": params["name"] + " core", "email": f"core.{i}@example.fr"}
            )
            Lead.create(
                {
                    "name": params["name"],
                    "partner_id": partner.id,
                    "email_from": partner.email,
                    "type": "opportunity",
                    "team_id": team.id,
                    "user_id": env.ref("base.user_admin").id,
                }
            )
