from odoo import fields, models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "health.input.mixin"]

    # Odoo's fields keep Odoo's behaviour; the suite's field is checked.
    _health_checked_fields = {"health_grant_id"}

    health_grant_id = fields.Many2one(
        "health.grant",
        string="Reclaimed Grant",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The grant whose amount this refund request recovers.",
    )

    def button_draft(self):
        # A cancelled bill of a grant installment that was billed again since
        # cannot come back: the installment would have two live bills.
        cancelled = self.filtered(lambda m: m.state == "cancel")
        installments = cancelled.line_ids.health_grant_installment_id
        rebilled = installments.filtered(lambda i: i.bill_id and i.bill_id not in self)
        if rebilled:
            raise UserError(
                self.env._(
                    "These installments were billed again since this bill was cancelled: %s.",
                    ", ".join(rebilled.mapped("name")),
                )
            )
        return super().button_draft()
