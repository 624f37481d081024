"""Benchmark rows of the steering overview (health_base's tiles fed by every
installed application, health_funnel's funnel) and of the annual report."""

from datetime import datetime, timedelta

from odoo.addons.health_base import tools
from tests.bench import volumes
from tests.bench.harness import Scenario, scenario


def _volume(env, n):
    """N candidacies of the current semester, an evening of the semester
    with N/10 invitations, all registered, and N/2 grant installments of
    this year and the last (N = 10,000: the 10,000 candidacies, 1,000
    registrations and 5,000 installments of the steering overview)."""
    today = tools.reference_date(env)
    semester = env["health.internship.semester"].get_for_date(today, create=True)
    team = env.ref("health_recruitment.crm_team_recruitment")
    partners = env["res.partner"].create([{"name": f"Bench overview {i}"} for i in range(n)])
    env["crm.lead"].create(
        [
            {
                "name": f"Bench candidacy {i}",
                "type": "opportunity",
                "team_id": team.id,
                "partner_id": partner.id,
                "health_candidate_type": tools.ROLE_INTERN,
                "health_semester_id": semester.id,
                "user_id": env.user.id,
            }
            for i, partner in enumerate(partners)
        ]
    )
    begin = datetime.combine(today + timedelta(days=7), datetime.min.time()) + timedelta(hours=17)
    evening = env["event.event"].create(
        {
            "name": "Bench evening",
            "event_type_id": env.ref("health_events.event_type_welcome_evening").id,
            "health_semester_id": semester.id,
            "date_begin": begin,
            "date_end": begin + timedelta(hours=3),
        }
    )
    guests = partners[: max(1, n // 10)]
    invitations = env["health.event.invitation"].create(
        [{"event_id": evening.id, "partner_id": p.id, "category": "intern"} for p in guests]
    )
    invitations.write({"state": "invited"})
    invitations._health_register(now=begin - timedelta(days=1))
    if "health.grant.installment" in env:
        __, __, communes = volumes.territories(env, "Bench overview", "97", 1, 20)
        volumes.optional("installments", volumes.installments, env, n // 2, today.year, communes)
    volumes.analyze(
        env,
        "res.partner",
        "crm.lead",
        "event.registration",
        "health.event.invitation",
        "calendar.event",
        "health.grant.installment",
    )
    return semester


def _read_tiles(env):
    tiles = env["health.overview.tile"].search([])
    return tiles.read(["name", "value_display", "target_display", "progress", "subtitle"])


@scenario(
    "overview: landing page (every tile)",
    module="health_funnel",
    baseline_label="CRM pipeline read_group by stage + count",
    sizes=(1000, 10000),
)
class LandingPage(Scenario):
    def setup(self, env, n):
        return _volume(env, n)

    def run(self, env, n, data):
        _read_tiles(env)

    def baseline(self, env, n, data):
        env["crm.lead"].read_group(
            [("type", "=", "opportunity")], ["expected_revenue"], ["stage_id"]
        )
        env["crm.lead"].search_count([("type", "=", "opportunity")])


@scenario(
    "overview: funnel pivot by territory and semester",
    module="health_funnel",
    baseline_label="event registrations read_group by event",
    sizes=(1000, 10000),
)
class FunnelPivot(Scenario):
    def setup(self, env, n):
        return _volume(env, n)

    def run(self, env, n, data):
        env["health.funnel"].read_group(
            [],
            ["invited:sum", "registered:sum", "attended:sum", "candidacy:sum", "overall_rate:avg"],
            ["territory_id", "semester_id"],
            lazy=False,
        )

    def baseline(self, env, n, data):
        env["event.registration"].read_group([], ["event_id"], ["event_id"], lazy=False)
