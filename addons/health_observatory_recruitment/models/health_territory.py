from odoo import fields, models


class HealthTerritory(models.Model):
    _inherit = "health.territory"

    health_candidacy_ids = fields.Many2many(
        "crm.lead",
        "crm_lead_health_target_territory_rel",
        "territory_id",
        "lead_id",
        string="Candidacies Targeting It",
        groups="health_recruitment.group_recruitment_user",
    )
