from odoo import api, fields, models

from .health_convention import STATES

DEADLINE_KINDS = [
    ("notice", "Notice"),
    ("end", "End"),
]


class HealthConventionDeadline(models.Model):
    """The deadlines of the conventions, for the calendar: the last day to
    give notice and the end date of each convention (a read-only SQL view)."""

    _name = "health.convention.deadline"
    _description = "Convention Deadline"
    _auto = False
    _order = "date, kind desc, convention_id"
    _rec_name = "convention_id"

    convention_id = fields.Many2one("health.convention", readonly=True)
    kind = fields.Selection(DEADLINE_KINDS, readonly=True)
    date = fields.Date(readonly=True)
    title = fields.Char(readonly=True)
    state = fields.Selection(STATES, readonly=True)
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    color = fields.Integer(readonly=True)

    @property
    def _table_query(self):
        return """
            SELECT c.id * 2 AS id, c.id AS convention_id, 'notice' AS kind,
                   c.notice_deadline AS date, c.title, c.state, c.user_id, c.company_id, 2 AS color
              FROM health_convention c
             WHERE c.notice_deadline IS NOT NULL
             UNION ALL
            SELECT c.id * 2 + 1 AS id, c.id AS convention_id, 'end' AS kind,
                   c.date_end AS date, c.title, c.state, c.user_id, c.company_id, 1 AS color
              FROM health_convention c
             WHERE c.date_end IS NOT NULL
        """

    @api.depends("kind", "convention_id.name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for deadline in self:
            reference = deadline.convention_id.name or ""
            if deadline.kind == "notice":
                deadline.display_name = self.env._("Notice: %(ref)s", ref=reference)
            else:
                deadline.display_name = self.env._("End: %(ref)s", ref=reference)
