from datetime import datetime, time

from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.tools.safe_eval import safe_eval

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
    # a search flushes what the view reads
    _depends = {
        "health.convention": [
            "notice_deadline",
            "date_end",
            "title",
            "state",
            "user_id",
            "company_id",
        ],
    }

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

    @api.model
    def action_open_calendar(self):
        """The calendar of deadlines, opened on the month of the next deadline
        of a convention in force (on today's month when there is none)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_conventions.health_convention_deadline_action"
        )
        context = safe_eval(action.get("context") or "{}")
        deadline = self._get_next_deadline(tools.reference_date(self))
        if deadline:
            # the calendar reads a UTC datetime: noon keeps the day in any time zone
            context["initial_date"] = fields.Datetime.to_string(
                datetime.combine(deadline.date, time(12))
            )
        action["context"] = context
        return action

    @api.model
    def _get_next_deadline(self, today):
        """The first deadline of a convention in force on or after ``today``."""
        return self.search([("state", "=", "in_force"), ("date", ">=", today)], limit=1)
