from odoo import api, models


class HealthAuthorisingAct(models.Model):
    """An act that authorises the signature of conventions or amendments:
    its dates must stay consistent with those signatures."""

    _inherit = "health.authorising.act"

    @api.constrains("date")
    def _check_convention_signatures(self):
        # sudo: the user who corrects an act may not see the conventions
        self.env["health.convention.party"].sudo().search(
            [("act_ids", "in", self.ids)]
        )._check_deliberation_dates()
        self.env["health.convention.amendment"].sudo().search(
            [("act_id", "in", self.ids)]
        )._check_deliberation_dates()
