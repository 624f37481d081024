from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HealthConventionIndicatorValue(models.Model):
    """The value of an indicator for one year."""

    _name = "health.convention.indicator.value"
    _description = "Indicator Value"
    _inherit = ["health.input.mixin"]
    _order = "indicator_id, year"

    indicator_id = fields.Many2one(
        "health.convention.indicator", required=True, ondelete="cascade", index=True
    )
    year = fields.Integer(required=True, default=lambda self: fields.Date.context_today(self).year)
    value = fields.Float(required=True)
    note = fields.Char()

    _sql_constraints = [
        (
            "indicator_year_unique",
            "unique(indicator_id, year)",
            "A value is already recorded for this indicator and year.",
        ),
    ]

    @api.constrains("year")
    def _check_year(self):
        for value in self:
            if not 2000 <= value.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The year of an indicator value must lie between 2000 and 2100 "
                        "(got %(year)s).",
                        year=value.year,
                    )
                )

    @api.constrains("value")
    def _check_value(self):
        for value in self:
            if value.value < 0:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s, %(year)s: the value cannot be negative; enter the "
                        "number reached that year (0 or more).",
                        indicator=value.indicator_id.name,
                        year=value.year,
                    )
                )
