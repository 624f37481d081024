from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..checks import REFERENCE_MAX_LENGTH


class HealthConventionIndicator(models.Model):
    """An evaluation indicator of a convention, with its target and the
    values recorded each year."""

    _name = "health.convention.indicator"
    _description = "Convention Indicator"
    _inherit = ["health.input.mixin"]
    _order = "convention_id, sequence, id"
    _health_max_lengths = {"unit": REFERENCE_MAX_LENGTH}

    convention_id = fields.Many2one(
        "health.convention", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="convention_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Indicator", required=True)
    unit = fields.Char(help="e.g. interns, doctors, participants.")
    target = fields.Float(help="Value to reach each year.")
    value_ids = fields.One2many("health.convention.indicator.value", "indicator_id")
    last_year = fields.Integer(compute="_compute_last_value")
    last_value = fields.Float(compute="_compute_last_value")
    achievement = fields.Float(
        string="Achievement (%)",
        compute="_compute_last_value",
        help="Last recorded value against the target.",
    )

    @api.depends("value_ids.year", "value_ids.value", "target")
    def _compute_last_value(self):
        for indicator in self:
            last = indicator.value_ids.sorted("year")[-1:]
            indicator.last_year = last.year
            indicator.last_value = last.value
            indicator.achievement = (
                100.0 * last.value / indicator.target if last and indicator.target else 0.0
            )

    @api.constrains("target")
    def _check_target(self):
        for indicator in self:
            if indicator.target < 0:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s: the target cannot be negative; enter the number "
                        "to reach each year (0 or more).",
                        indicator=indicator.name,
                    )
                )
