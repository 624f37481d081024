from odoo import fields, models


class HealthToolboxMeasure(models.Model):
    _inherit = "health.toolbox.measure"

    recruitment_activity_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Candidate Activity Plan",
        domain="[('res_model', '=', 'crm.lead')]",
        help="Activities scheduled on the candidacy when this measure is accepted.",
    )
