from odoo import fields, models
from odoo.tools import SQL, drop_view_if_exists

# (rate field, numerator, denominator): each step against the step before
RATES = {
    "registered_rate": ("registered", "invited"),
    "attended_rate": ("attended", "registered"),
    "candidacy_rate": ("candidacy", "attended"),
    "visit_rate": ("visit", "candidacy"),
    "project_rate": ("project", "visit"),
    "installed_rate": ("installed", "project"),
    "overall_rate": ("installed", "invited"),
}


class HealthFunnel(models.Model):
    """The funnel across applications: one row per invitation to a welcome
    evening, with how far the invitee went, from the answer to the
    installation (through the invitee's candidacy, the latest one).

    The rates are ratios of sums at any grouping (pivot, graph): their
    aggregate is computed in SQL from the steps' sums.
    """

    _name = "health.funnel"
    _inherit = ["health.input.mixin"]
    _description = "Funnel across Applications"
    _auto = False
    _order = "id desc"

    invitation_id = fields.Many2one("health.event.invitation", readonly=True)
    event_id = fields.Many2one("event.event", string="Evening", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Invitee", readonly=True)
    lead_id = fields.Many2one("crm.lead", string="Candidacy", readonly=True)
    territory_id = fields.Many2one("health.territory", string="Territory", readonly=True)
    semester_id = fields.Many2one(
        "health.internship.semester", string="Internship Semester", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    category = fields.Selection(
        selection=lambda self: self.env["health.event.invitation"]
        ._fields["category"]
        ._description_selection(self.env),
        readonly=True,
    )
    date_evening = fields.Datetime(string="Evening Date", readonly=True)
    installation_date = fields.Date(readonly=True)
    invited = fields.Integer(readonly=True, aggregator="sum")
    registered = fields.Integer(readonly=True, aggregator="sum")
    attended = fields.Integer(string="Attended an Evening", readonly=True, aggregator="sum")
    candidacy = fields.Integer(string="Candidacies", readonly=True, aggregator="sum")
    visit = fields.Integer(string="Territory Visits", readonly=True, aggregator="sum")
    project = fields.Integer(string="Installation Projects", readonly=True, aggregator="sum")
    installed = fields.Integer(readonly=True, aggregator="sum")
    practising = fields.Integer(
        string="Still Practising",
        readonly=True,
        aggregator="sum",
        help="Installed and not known to have left or stopped; filter on the "
        "installation date for the 12- and 24-month retention.",
    )
    registered_rate = fields.Float(
        string="Registered / Invited (%)", readonly=True, aggregator="avg"
    )
    attended_rate = fields.Float(
        string="Attended / Registered (%)", readonly=True, aggregator="avg"
    )
    candidacy_rate = fields.Float(
        string="Candidacies / Attended (%)", readonly=True, aggregator="avg"
    )
    visit_rate = fields.Float(string="Visits / Candidacies (%)", readonly=True, aggregator="avg")
    project_rate = fields.Float(string="Projects / Visits (%)", readonly=True, aggregator="avg")
    installed_rate = fields.Float(
        string="Installed / Projects (%)", readonly=True, aggregator="avg"
    )
    overall_rate = fields.Float(string="Installed / Invited (%)", readonly=True, aggregator="avg")

    def _read_group_select(self, aggregate_spec, query):
        fname = aggregate_spec.split(":")[0]
        if fname in RATES:
            numerator, denominator = RATES[fname]
            return SQL(
                "COALESCE(100.0 * SUM(%s) / NULLIF(SUM(%s), 0), 0)",
                self._field_to_sql(self._table, numerator, query),
                self._field_to_sql(self._table, denominator, query),
            )
        return super()._read_group_select(aggregate_spec, query)

    def _query(self):
        project_stage = self.env.ref(
            "health_recruitment.crm_stage_installation_project", raise_if_not_found=False
        )
        project_sequence = project_stage.sequence if project_stage else 30
        return SQL(
            """
            SELECT inv.id AS id,
                   inv.id AS invitation_id,
                   inv.event_id AS event_id,
                   inv.partner_id AS partner_id,
                   lead.id AS lead_id,
                   inv.territory_id AS territory_id,
                   inv.semester_id AS semester_id,
                   inv.company_id AS company_id,
                   inv.category AS category,
                   ev.date_begin AS date_evening,
                   lead.health_installation_date AS installation_date,
                   1 AS invited,
                   (inv.state = 'registered' OR reg.id IS NOT NULL)::int AS registered,
                   (reg.state = 'done')::int AS attended,
                   (lead.id IS NOT NULL)::int AS candidacy,
                   (visit.id IS NOT NULL OR COALESCE(furthest.sequence, 0) > first_stage.sequence
                   )::int AS visit,
                   (COALESCE(furthest.sequence, 0) >= %(project)s
                    OR COALESCE(furthest.is_won, FALSE))::int AS project,
                   (lead.active AND COALESCE(stage.is_won, FALSE))::int AS installed,
                   (lead.active AND COALESCE(stage.is_won, FALSE)
                    AND COALESCE(lead.health_outcome, 'practising')
                        NOT IN ('left', 'stopped'))::int AS practising,
                   0.0 AS registered_rate, 0.0 AS attended_rate, 0.0 AS candidacy_rate,
                   0.0 AS visit_rate, 0.0 AS project_rate, 0.0 AS installed_rate,
                   0.0 AS overall_rate
              FROM health_event_invitation inv
              JOIN event_event ev ON ev.id = inv.event_id
         LEFT JOIN event_registration reg
                ON reg.id = inv.registration_id AND reg.state IN ('open', 'done')
         LEFT JOIN LATERAL (
                   SELECT l.* FROM crm_lead l
                    WHERE l.partner_id = inv.partner_id AND l.health_is_recruitment
                      AND l.type = 'opportunity'
                 ORDER BY l.create_date DESC, l.id DESC
                    LIMIT 1
                   ) lead ON TRUE
         LEFT JOIN crm_stage stage ON stage.id = lead.stage_id
         LEFT JOIN crm_stage furthest ON furthest.id = lead.health_furthest_stage_id
         LEFT JOIN LATERAL (
                   SELECT MIN(s.sequence) AS sequence FROM crm_stage s
                    WHERE s.team_id = lead.team_id
                   ) first_stage ON TRUE
         LEFT JOIN LATERAL (
                   SELECT c.id FROM calendar_event c
                    WHERE c.opportunity_id = lead.id AND c.health_is_visit AND c.active
                    LIMIT 1
                   ) visit ON TRUE
             WHERE inv.state != 'to_invite' AND ev.health_is_welcome_evening
            """,
            project=project_sequence,
        )

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
