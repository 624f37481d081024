from odoo import models
from odoo.exceptions import UserError


class AccountMove(models.Model):
    _inherit = "account.move"

    def action_health_grant_payment_order(self):
        """Add the grant installments these bills pay to a SEPA payment order."""
        installments = self.line_ids.health_grant_installment_id.filtered(
            lambda i: i.bill_id in self
        )
        if not installments:
            raise UserError(self.env._("None of these bills pays a grant installment."))
        return installments.action_add_to_payment_order()
