from odoo import fields, models


class CalendarEvent(models.Model):
    _name = "calendar.event"
    _inherit = ["calendar.event", "health.input.mixin"]

    # Odoo's fields keep Odoo's behaviour; the suite's are checked
    _health_checked_fields = {"health_is_visit", "health_visit_territory_id"}

    health_is_visit = fields.Boolean(
        string="Territory Visit",
        help="A visit of the territory organised for a candidate (practices, "
        "schools, housing, meeting elected officials).",
    )
    health_visit_territory_id = fields.Many2one(
        "health.territory", string="Visited Territory", index="btree_not_null"
    )
