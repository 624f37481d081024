from odoo import fields, models


class AccountMoveLine(models.Model):
    _name = "account.move.line"
    _inherit = ["account.move.line", "health.input.mixin"]

    # Odoo's fields keep Odoo's behaviour; the suite's field is checked.
    _health_checked_fields = {"health_grant_installment_id"}

    health_grant_installment_id = fields.Many2one(
        "health.grant.installment",
        string="Grant Installment",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="restrict",
    )
