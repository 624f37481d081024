from odoo import fields, models


class CrmLostReason(models.Model):
    _name = "crm.lost.reason"
    _inherit = ["crm.lost.reason", "health.input.mixin"]

    # Odoo's fields keep Odoo's behaviour; the suite's are checked
    _health_checked_fields = {"health_is_recruitment"}

    health_is_recruitment = fields.Boolean(
        string="Candidacies",
        help="A reason why a candidate gives up: offered on candidacies only; "
        "the other reasons are offered on the sales opportunities.",
    )
