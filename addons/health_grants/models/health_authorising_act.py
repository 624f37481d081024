from odoo import api, fields, models


class HealthAuthorisingAct(models.Model):
    _inherit = "health.authorising.act"

    grant_ids = fields.One2many("health.grant", "act_id", string="Grants")

    @api.constrains("date")
    def _check_grant_due_dates(self):
        """The act of a grant cannot move after the due dates of its installments."""
        self.grant_ids._check_due_after_decision()
        self.grant_ids.installment_ids._check_due_after_decision()
