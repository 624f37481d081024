from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _health_trusted_bank(self):
        """The first bank account of the partner trusted for outgoing payments."""
        self.ensure_one()
        return self.sudo().bank_ids.filtered("allow_out_payment")[:1].sudo(False)
