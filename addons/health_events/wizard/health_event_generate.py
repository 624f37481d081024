from odoo import api, fields, models


class HealthEventGenerate(models.TransientModel):
    """Generate the welcome evening of the next internship semester."""

    _name = "health.event.generate"
    _inherit = ["health.input.mixin"]
    _description = "Generate a Welcome Evening"

    event_type_id = fields.Many2one(
        "event.type",
        string="Template",
        required=True,
        domain=[("health_is_welcome_evening", "=", True)],
        default=lambda self: self.env["event.event"]._health_default_event_type(),
    )
    territory_id = fields.Many2one(
        "health.territory",
        string="Territory",
        required=True,
        default=lambda self: self.env["event.event"]._health_default_territory(),
        help="Proposed: the territory of your last welcome evening, else yours, else the "
        "company's.",
    )
    semester_id = fields.Many2one(
        "health.internship.semester",
        string="Internship Semester",
        required=True,
        default=lambda self: self.env["event.event"]._health_next_semester(),
    )
    date_begin = fields.Datetime(string="Evening Start", compute="_compute_date_begin")
    existing_event_id = fields.Many2one(
        "event.event", string="Existing Evening", compute="_compute_date_begin"
    )

    @api.depends("event_type_id", "semester_id", "territory_id")
    def _compute_date_begin(self):
        Event = self.env["event.event"]
        for wizard in self:
            wizard.date_begin = (
                Event._health_evening_dates(wizard.semester_id, wizard.event_type_id)[0]
                if wizard.semester_id and wizard.event_type_id
                else False
            )
            wizard.existing_event_id = (
                Event.search(
                    [
                        ("health_semester_id", "=", wizard.semester_id.id),
                        ("health_territory_id", "=", wizard.territory_id.id),
                    ],
                    limit=1,
                )
                if wizard.semester_id and wizard.territory_id
                else False
            )

    def action_generate(self):
        self.ensure_one()
        event = self.env["event.event"]._health_generate_welcome_evening(
            self.territory_id, semester=self.semester_id, event_type=self.event_type_id
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "event.event",
            "res_id": event.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
