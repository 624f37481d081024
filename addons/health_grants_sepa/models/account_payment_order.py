from odoo import models


class AccountPaymentOrder(models.Model):
    _inherit = "account.payment.order"

    def post_and_reconcile(self):
        res = super().post_and_reconcile()
        # the payments of grant bills in the chatter of installments and grants
        self.env["health.grant.installment"]._log_payments(self.payment_ids)
        return res
