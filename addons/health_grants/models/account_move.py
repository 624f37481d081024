from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    health_grant_id = fields.Many2one(
        "health.grant",
        string="Reclaimed Grant",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The grant whose amount this refund request recovers.",
    )
