from odoo import api, fields, models


class HealthToolboxMeasure(models.Model):
    """A measure of the toolbox ("fiche-action"): what the programme can
    mobilise for a candidate or a territory (family welcome, spouse's job,
    housing for interns, MSU support, …)."""

    _name = "health.toolbox.measure"
    _inherit = ["health.input.mixin"]
    _description = "Toolbox Measure"
    _order = "sequence, code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, help="Number of the measure sheet, e.g. FA1.")
    name = fields.Char(string="Title", required=True)
    axis_id = fields.Many2one(
        "health.toolbox.axis", string="Axis", required=True, ondelete="restrict"
    )
    program_name = fields.Char(related="axis_id.program_name", store=True)
    theme = fields.Char()
    description = fields.Text()
    pilot_type_ids = fields.Many2many(
        "health.organization.type",
        string="Pilots",
        help="Kinds of organisations that pilot the measure.",
    )
    pilot_note = fields.Char(
        string="Pilots (as written)", help="Pilots as the programme document names them."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A toolbox measure with this code already exists."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for measure in self:
            measure.display_name = (
                f"{measure.code} – {measure.name}" if measure.code else measure.name
            )
