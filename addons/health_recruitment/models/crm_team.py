from odoo import fields, models


class CrmTeam(models.Model):
    _name = "crm.team"
    _inherit = ["crm.team", "health.input.mixin"]

    # Odoo's fields keep Odoo's behaviour; the suite's are checked
    _health_checked_fields = {"health_is_recruitment"}

    health_is_recruitment = fields.Boolean(
        string="Doctor Recruitment",
        help="The team follows candidate doctors: its opportunities are candidacies, "
        "with the recruitment fields, rules, duplicates and retention.",
    )
