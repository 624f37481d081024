from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    health_grant_installment_id = fields.Many2one(
        "health.grant.installment",
        string="Grant Installment",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="restrict",
    )
