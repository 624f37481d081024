from odoo import api, fields, models


class CrmLeadLost(models.TransientModel):
    _inherit = "crm.lead.lost"

    health_is_recruitment = fields.Boolean(
        string="Candidacies", compute="_compute_health_is_recruitment"
    )

    @api.depends("lead_ids")
    def _compute_health_is_recruitment(self):
        """Candidacies are given the reasons of candidates, sales leads Odoo's."""
        for wizard in self:
            wizard.health_is_recruitment = bool(wizard.lead_ids) and all(
                wizard.lead_ids.mapped("health_is_recruitment")
            )
