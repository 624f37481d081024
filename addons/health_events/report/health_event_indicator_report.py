from odoo import fields, models, tools


class HealthEventIndicatorReport(models.Model):
    """Invited → registered → attended, one row per invitee of a welcome evening.

    Registrations made without an invitation (walk-ins) get a row too, so
    that attendance is complete.  Grouped by evening, semester, territory
    or year, the sums give the funnel of each evening and year on year.
    """

    _name = "health.event.indicator.report"
    _description = "Welcome Evening Indicators"
    _auto = False
    _order = "date_begin desc"

    event_id = fields.Many2one("event.event", string="Evening", readonly=True)
    semester_id = fields.Many2one(
        "health.internship.semester", string="Internship Semester", readonly=True
    )
    territory_id = fields.Many2one("health.territory", string="Territory", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Person", readonly=True)
    date_begin = fields.Datetime(string="Evening Date", readonly=True)
    year = fields.Char(readonly=True)
    season = fields.Selection(
        [("november", "November"), ("may", "May")], string="Season", readonly=True
    )
    category = fields.Selection(
        [
            ("intern", "Intern"),
            ("msu", "Internship supervisor (MSU)"),
            ("official", "Elected official or staff"),
            ("other", "Other guest"),
            ("walk_in", "Registered without invitation"),
        ],
        readonly=True,
    )
    invited = fields.Integer(string="Number Invited", readonly=True, aggregator="sum")
    declined = fields.Integer(string="Number Declined", readonly=True, aggregator="sum")
    registered = fields.Integer(string="Number Registered", readonly=True, aggregator="sum")
    attended = fields.Integer(string="Number Present", readonly=True, aggregator="sum")
    no_show = fields.Integer(string="Number of No-shows", readonly=True, aggregator="sum")
    companions = fields.Integer(string="Number of Companions", readonly=True, aggregator="sum")
    participants = fields.Integer(
        readonly=True, aggregator="sum", help="Attendees and their companions."
    )

    def _select_invitations(self):
        return """
            SELECT inv.id * 2 AS id,
                   inv.event_id,
                   inv.partner_id,
                   inv.category,
                   (inv.state != 'to_invite')::int AS invited,
                   (inv.state = 'declined')::int AS declined,
                   COALESCE(reg.state IN ('open', 'done'), FALSE)::int AS registered,
                   COALESCE(reg.state = 'done', FALSE)::int AS attended,
                   COALESCE(reg.health_no_show, FALSE)::int AS no_show,
                   CASE WHEN reg.state = 'done'
                        THEN COALESCE(reg.health_companion_count, 0) ELSE 0 END AS companions
              FROM health_event_invitation inv
              LEFT JOIN event_registration reg ON reg.id = inv.registration_id
        """

    def _select_walk_ins(self):
        return """
            SELECT reg.id * 2 + 1 AS id,
                   reg.event_id,
                   reg.partner_id,
                   'walk_in' AS category,
                   0 AS invited,
                   0 AS declined,
                   (reg.state IN ('open', 'done'))::int AS registered,
                   (reg.state = 'done')::int AS attended,
                   COALESCE(reg.health_no_show, FALSE)::int AS no_show,
                   CASE WHEN reg.state = 'done'
                        THEN COALESCE(reg.health_companion_count, 0) ELSE 0 END AS companions
              FROM event_registration reg
             WHERE reg.active
               AND NOT EXISTS (
                   SELECT 1 FROM health_event_invitation inv WHERE inv.registration_id = reg.id
               )
        """

    def _query(self):
        return f"""
            SELECT line.*,
                   line.attended + line.companions AS participants,
                   ev.health_semester_id AS semester_id,
                   ev.health_territory_id AS territory_id,
                   ev.company_id,
                   ev.date_begin,
                   sem.year::varchar AS year,
                   sem.season
              FROM ({self._select_invitations()} UNION ALL {self._select_walk_ins()}) line
              JOIN event_event ev ON ev.id = line.event_id
              LEFT JOIN health_internship_semester sem ON sem.id = ev.health_semester_id
             WHERE ev.health_is_welcome_evening
        """

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            tools.SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                tools.SQL.identifier(self._table),
                tools.SQL(self._query()),
            )
        )
