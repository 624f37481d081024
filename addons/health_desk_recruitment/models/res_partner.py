from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _health_anonymize(self):
        """An anonymised candidate's desk requests are anonymised with them."""
        res = super()._health_anonymize()
        self.env["helpdesk.ticket"].sudo().with_context(active_test=False).search(
            [("partner_id", "in", self.ids), ("health_anonymized", "=", False)]
        )._health_desk_anonymize()
        return res
