from odoo import fields, models


class UtmSource(models.Model):
    _name = "utm.source"
    _inherit = ["utm.source", "health.input.mixin"]

    # Odoo's fields keep Odoo's behaviour; the suite's are checked
    _health_checked_fields = {"health_is_recruitment"}

    health_is_recruitment = fields.Boolean(
        string="Candidacies",
        help="A way candidate doctors hear of the territory: offered as the source of candidacies.",
    )
