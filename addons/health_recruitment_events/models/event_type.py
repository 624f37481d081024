from odoo import api, fields, models


class EventType(models.Model):
    _inherit = "event.type"
    # added to the fields health_events checks
    _health_checked_fields = {"health_create_candidacy"}

    health_create_candidacy = fields.Boolean(
        string="Attendance Opens a Candidacy",
        compute="_compute_health_create_candidacy",
        store=True,
        readonly=False,
        help="An intern who attends an evening of this template and has no open "
        "candidacy gets one in the recruitment pipeline; an open candidacy gets a note.",
    )

    @api.depends("health_is_welcome_evening")
    def _compute_health_create_candidacy(self):
        for event_type in self:
            event_type.health_create_candidacy = event_type.health_is_welcome_evening
