from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    health_is_recruitment = fields.Boolean(
        string="Doctor Recruitment",
        help="The team follows candidate doctors: its opportunities are candidacies, "
        "with the recruitment fields, rules, duplicates and retention.",
    )
