from odoo import fields, models


class CalendarEvent(models.Model):
    """A steering committee of a convention is a calendar meeting."""

    _inherit = "calendar.event"

    health_convention_id = fields.Many2one(
        "health.convention", string="Convention", index="btree_not_null", ondelete="set null"
    )
    health_annual_review = fields.Boolean(
        string="Annual review", help="The committee reviews the year's indicators."
    )
    health_minutes = fields.Html(string="Minutes")
    health_decisions = fields.Html(string="Decisions")
