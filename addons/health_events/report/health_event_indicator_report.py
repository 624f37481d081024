from odoo import api, fields, models, tools
from odoo.addons.health_base import tools as health_tools


class HealthEventIndicatorReport(models.Model):
    """Invited → registered → attended, one row per invitee of a welcome evening.

    Registrations made without an invitation (walk-ins) get a row too, so
    that attendance is complete.  Grouped by evening, semester, territory
    or year, the sums give the funnel of each evening and year on year.

    The one definition of the counts of a welcome evening: the indicators of
    the evening (form, list, export) are the sums of its rows.  They count as
    Odoo counts the seats of an event: an archived registration does not
    count at all, a cancelled one is not registered.
    """

    _name = "health.event.indicator.report"
    _description = "Welcome Evening Indicators"
    _auto = False
    _order = "date_begin desc"
    # flushed before the view is read
    _depends = {
        "event.event": [
            "health_semester_id",
            "health_territory_id",
            "company_id",
            "date_begin",
            "health_is_welcome_evening",
        ],
        "event.registration": [
            "event_id",
            "partner_id",
            "state",
            "active",
            "health_waiting_list",
            "health_no_show",
            "health_companion_count",
            "health_kit_received",
        ],
        "health.event.invitation": [
            "event_id",
            "partner_id",
            "category",
            "state",
            "registration_id",
        ],
        "health.internship.semester": ["year", "season"],
    }

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
            (health_tools.ROLE_INTERN, "Intern"),
            (health_tools.ROLE_MSU, "Internship supervisor (MSU)"),
            ("official", "Elected official or staff"),
            ("other", "Other guest"),
            ("walk_in", "Registered without invitation"),
        ],
        readonly=True,
    )
    invitations = fields.Integer(string="Number of Invitations", readonly=True, aggregator="sum")
    invited = fields.Integer(string="Number Invited", readonly=True, aggregator="sum")
    declined = fields.Integer(string="Number Declined", readonly=True, aggregator="sum")
    registered = fields.Integer(string="Number Registered", readonly=True, aggregator="sum")
    waiting = fields.Integer(string="Number on Waiting List", readonly=True, aggregator="sum")
    attended = fields.Integer(string="Number Present", readonly=True, aggregator="sum")
    no_show = fields.Integer(string="Number of No-shows", readonly=True, aggregator="sum")
    companions = fields.Integer(string="Number of Companions", readonly=True, aggregator="sum")
    participants = fields.Integer(
        readonly=True, aggregator="sum", help="Attendees and their companions."
    )
    kits = fields.Integer(string="Kits Given", readonly=True, aggregator="sum")

    @api.model
    def _health_event_totals(self):
        """{column: field of event.event} of the sums an evening shows."""
        return {
            "invitations": "health_invitation_count",
            "invited": "health_invited_count",
            "declined": "health_declined_count",
            "registered": "health_registered_count",
            "waiting": "health_waiting_count",
            "attended": "health_attended_count",
            "no_show": "health_no_show_count",
            "participants": "health_participant_count",
            "kits": "health_kit_given_count",
        }

    def _select_registration_counts(self):
        """The counts of a registration ``reg`` (NULL: none, or archived)."""
        return """
                   COALESCE(reg.state IN ('open', 'done'), FALSE)::int AS registered,
                   COALESCE(reg.state = 'draft' AND reg.health_waiting_list, FALSE)::int
                       AS waiting,
                   COALESCE(reg.state = 'done', FALSE)::int AS attended,
                   COALESCE(reg.health_no_show, FALSE)::int AS no_show,
                   CASE WHEN reg.state = 'done'
                        THEN COALESCE(reg.health_companion_count, 0) ELSE 0 END AS companions,
                   COALESCE(reg.health_kit_received, FALSE)::int AS kits
        """

    def _select_invitations(self):
        return f"""
            SELECT inv.id * 2 AS id,
                   inv.event_id,
                   inv.partner_id,
                   inv.category,
                   1 AS invitations,
                   (inv.state != 'to_invite')::int AS invited,
                   (inv.state = 'declined')::int AS declined,
                   {self._select_registration_counts()}
              FROM health_event_invitation inv
              LEFT JOIN event_registration reg
                ON reg.id = inv.registration_id AND reg.active
        """

    def _select_walk_ins(self):
        return f"""
            SELECT reg.id * 2 + 1 AS id,
                   reg.event_id,
                   reg.partner_id,
                   'walk_in' AS category,
                   0 AS invitations,
                   0 AS invited,
                   0 AS declined,
                   {self._select_registration_counts()}
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
