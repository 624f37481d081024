from odoo import api, models

# Changes of a bank account that finance must review.
WATCHED_FIELDS = {"acc_number", "allow_out_payment", "partner_id", "active"}


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

    @api.model_create_multi
    def create(self, vals_list):
        banks = super().create(vals_list)
        self.env["health.grant"].sudo()._schedule_bank_review(banks.partner_id)
        return banks

    def write(self, vals):
        partners = self.partner_id
        res = super().write(vals)
        if WATCHED_FIELDS & set(vals):
            self.env["health.grant"].sudo()._schedule_bank_review(partners | self.partner_id)
        return res

    def unlink(self):
        partners = self.partner_id
        res = super().unlink()
        self.env["health.grant"].sudo()._schedule_bank_review(partners)
        return res
