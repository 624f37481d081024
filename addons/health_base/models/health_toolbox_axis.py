from odoo import api, fields, models


class HealthToolboxAxis(models.Model):
    """A strategic axis of a toolbox programme (e.g. "Cadre de vie")."""

    _name = "health.toolbox.axis"
    _inherit = ["health.input.mixin"]
    _description = "Toolbox Axis"
    _order = "sequence, code"
    _rec_names_search = ["name", "code", "program_name"]

    code = fields.Char(required=True)
    name = fields.Char(required=True)
    program_name = fields.Char(
        string="Programme", help="Programme the axis belongs to (e.g. Plan Santé 79)."
    )
    sequence = fields.Integer(default=10)
    description = fields.Text()
    measure_ids = fields.One2many("health.toolbox.measure", "axis_id", string="Measures")
    measure_count = fields.Integer(compute="_compute_measure_count")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A toolbox axis with this code already exists."),
    ]

    @api.depends("measure_ids")
    def _compute_measure_count(self):
        counts = dict(
            self.env["health.toolbox.measure"]._read_group(
                [("axis_id", "in", self.ids)], groupby=["axis_id"], aggregates=["__count"]
            )
        )
        for axis in self:
            axis.measure_count = counts.get(axis, 0)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for axis in self:
            axis.display_name = f"{axis.code} – {axis.name}" if axis.code else axis.name
