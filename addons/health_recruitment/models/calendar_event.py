from odoo import fields, models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    health_is_visit = fields.Boolean(
        string="Territory Visit",
        help="A visit of the territory organised for a candidate (practices, "
        "schools, housing, meeting elected officials).",
    )
    health_visit_territory_id = fields.Many2one(
        "health.territory", string="Visited Territory", index="btree_not_null"
    )
