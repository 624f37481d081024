from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HealthObservatoryApl(models.Model):
    """One DREES APL value of a commune for one year.

    The DREES publishes every edition with a sheet per year: the import keeps
    them all, so that the accessibility of a commune can be followed over
    time; the commune's current APL is its latest year."""

    _name = "health.observatory.apl"
    _inherit = ["health.input.mixin"]
    _description = "APL to GPs per Commune and Year"
    _order = "territory_id, year desc"
    _rec_name = "territory_id"

    territory_id = fields.Many2one(
        "health.territory",
        string="Commune",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("territory_type", "=", "commune")],
    )
    epci_id = fields.Many2one(
        "health.territory", string="Part of", related="territory_id.parent_id", store=True
    )
    year = fields.Integer(required=True, aggregator=False)
    value = fields.Float(
        string="APL to GPs",
        digits=(6, 3),
        required=True,
        aggregator="avg",
        help="DREES potential localised accessibility to general practitioners: "
        "consultations a year accessible per standardised inhabitant.",
    )

    _sql_constraints = [
        (
            "territory_year_unique",
            "unique(territory_id, year)",
            "A commune has one APL per year.",
        ),
    ]

    @api.constrains("year", "value")
    def _check_year_value(self):
        for row in self:
            if not 1990 <= row.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The APL year %(year)s of %(commune)s is not a year: write it with "
                        "four digits, such as 2023.",
                        year=row.year,
                        commune=row.territory_id.display_name,
                    )
                )
            if row.value < 0:
                raise ValidationError(
                    self.env._(
                        "The APL %(value)s of %(commune)s is negative: an APL counts "
                        "consultations, write a number of 0 or more.",
                        value=row.value,
                        commune=row.territory_id.display_name,
                    )
                )
