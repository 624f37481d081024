"""Benchmark rows of the annual reports of health_conventions (a convention's
and a territory's), over the figures of every installed application.

The volume, for N: a département of 10 EPCIs and 100 communes, 31
conventions in force (the département's, each EPCI's, 20 communes') with
three indicators each (grants paid and candidacies measured, one recorded),
and, when the applications are installed, N grant installments (this year
and the year before, three in four paid), 2N candidacies and N/5 attendances
of a welcome evening.  N = 5,000 gives the 5,000 installments, 10,000
candidacies and 1,000 registrations of the steering overview's benchmark.

The reports are measured as their HTML (what wkhtmltopdf lays out, whose own
time is not the suite's) plus their spreadsheet.
"""

from datetime import date, datetime

from psycopg2 import sql

from odoo import Command
from odoo.addons.health_base import tools
from tests.bench import volumes
from tests.bench.harness import Scenario, scenario

CONVENTION_REPORT = "health_conventions.action_report_health_convention_annual"
TERRITORY_REPORT = "health_conventions.action_report_health_territory_annual"


def _note(message):
    volumes.note(message, "health_conventions_report")


def _territories(env):
    return volumes.territories(env, "Bench report", "98", 10, 100)


def _conventions(env, year, dept, epcis, communes):
    Measure = env["health.indicator.measure"]
    measures = Measure.search([("code", "in", ("grants_paid", "candidacies"))])
    territories = dept + epcis + communes[:20]
    conventions = env["health.convention"].create(
        [
            {
                "title": f"Bench report convention {territory.name}",
                "territory_id": territory.id,
                "effective_date_mode": "fixed",
                "date_start": date(year - 1, 1, 1),
                "duration_months": 36,
                "transmission_required": False,
                "state": "in_force",
                "indicator_ids": [
                    *(
                        Command.create(
                            {"name": measure.name, "target": 100.0, "measure_id": measure.id}
                        )
                        for measure in measures
                    ),
                    Command.create(
                        {
                            "name": "Visits",
                            "target": 10.0,
                            "value_ids": [Command.create({"year": year, "value": 7.0})],
                        }
                    ),
                ],
            }
            for territory in territories
        ]
    )
    return conventions


def _candidacies(env, count, communes):
    """``count`` candidacies of this year, each targeting one commune."""
    team = env.ref("health_recruitment.crm_team_recruitment")
    lead = env["crm.lead"].create(
        {
            "name": "Bench report candidacy",
            "type": "opportunity",
            "team_id": team.id,
            "health_candidate_type": tools.ROLE_INTERN,
            "health_target_territory_ids": [Command.set(communes[:1].ids)],
        }
    )
    ids = volumes.clone(env, "crm.lead", lead.id, count - 1, {"partner_id": "NULL"})
    field = env["crm.lead"]._fields["health_target_territory_ids"]
    env.cr.execute(
        sql.SQL("INSERT INTO {} ({}, {}) SELECT unnest(%s::int[]), unnest(%s::int[])").format(
            sql.Identifier(field.relation),
            sql.Identifier(field.column1),
            sql.Identifier(field.column2),
        ),
        [ids, [communes[i % len(communes)].id for i in range(len(ids))]],
    )
    env.invalidate_all()


def _attendances(env, count, year, communes):
    """A welcome evening of this year in a commune, ``count`` attended."""
    begin = datetime(year, 6, 15, 17, 0)
    evening = env["event.event"].create(
        {
            "name": "Bench report evening",
            "event_type_id": env.ref("health_events.event_type_welcome_evening").id,
            "health_territory_id": communes[0].id,
            "date_begin": begin,
            "date_end": datetime(year, 6, 15, 20, 0),
            "seats_limited": False,
        }
    )
    partner = env["res.partner"].create({"name": "Bench report intern"})
    registration = env["event.registration"].create(
        {"event_id": evening.id, "partner_id": partner.id}
    )
    registration.write({"state": "done"})
    volumes.clone(
        env,
        "event.registration",
        registration.id,
        count - 1,
        {"barcode": "md5(random()::text || s.i::text)"},
    )


def _volume(env, n):
    year = tools.reference_date(env).year
    dept, epcis, communes = _territories(env)
    if "health.grant.installment" in env:
        volumes.optional("installments", volumes.installments, env, n, year, communes)
    if "crm.lead" in env and "health_target_territory_ids" in env["crm.lead"]._fields:
        volumes.optional("candidacies", _candidacies, env, 2 * n, communes)
    if "event.event" in env and "health_territory_id" in env["event.event"]._fields:
        volumes.optional("attendances", _attendances, env, max(1, n // 5), year, communes)
    conventions = _conventions(env, year, dept, epcis, communes)
    env.flush_all()
    counts = {
        model: env[model].search_count([])
        for model in ("health.grant.installment", "crm.lead", "event.registration")
        if model in env
    }
    _note(f"N={n}: {counts} in the database")
    return {"year": year, "dept": dept.id, "convention": conventions[0].id}


def _core_figures(env, year):
    """Odoo core reading the same figures: one read_group per application
    and year, without the roll-up into territories."""
    for start in (date(year - 1, 1, 1), date(year, 1, 1)):
        end = date(start.year, 12, 31)
        if "health.grant.installment" in env:
            env["health.grant.installment"].read_group(
                [("state", "=", "paid"), ("due_date", ">=", start), ("due_date", "<=", end)],
                ["amount:sum"],
                ["partner_id"],
            )
        env["crm.lead"].read_group(
            [("create_date", ">=", start), ("create_date", "<=", end)], ["id:count"], ["team_id"]
        )
        env["event.registration"].read_group(
            [("state", "=", "done")], ["id:count"], ["event_id"], lazy=False
        )


@scenario(
    "annual report: a convention (HTML + xlsx), N installments",
    module="health_conventions",
    baseline_label="read_group of the same figures (installments, leads, attendances)",
    sizes=(5000,),
)
class ConventionAnnualReport(Scenario):
    def setup(self, env, n):
        data = _volume(env, n)
        self.run(env, n, data)  # compiled templates and caches: measure the steady state
        return data

    def run(self, env, n, data):
        convention = env["health.convention"].browse(data["convention"])
        env["ir.actions.report"]._render_qweb_html(
            CONVENTION_REPORT, convention.ids, data={"year": data["year"]}
        )
        convention._health_annual_report_xlsx(data["year"])

    def baseline(self, env, n, data):
        _core_figures(env, data["year"])


@scenario(
    "annual report: a département (HTML + xlsx), N installments",
    module="health_conventions",
    baseline_label="read_group of the same figures (installments, leads, attendances)",
    sizes=(5000,),
)
class TerritoryAnnualReport(Scenario):
    def setup(self, env, n):
        data = _volume(env, n)
        self.run(env, n, data)  # compiled templates and caches: measure the steady state
        return data

    def run(self, env, n, data):
        dept = env["health.territory"].browse(data["dept"])
        env["ir.actions.report"]._render_qweb_html(
            TERRITORY_REPORT, dept.ids, data={"year": data["year"]}
        )
        dept._health_annual_report_xlsx(data["year"])

    def baseline(self, env, n, data):
        _core_figures(env, data["year"])
