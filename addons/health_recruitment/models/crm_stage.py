from odoo import fields, models


class CrmStage(models.Model):
    _name = "crm.stage"
    _inherit = ["crm.stage", "health.input.mixin"]

    # Odoo's fields keep Odoo's behaviour; the suite's are checked
    _health_checked_fields = {"health_required_field_ids"}

    health_required_field_ids = fields.Many2many(
        "ir.model.fields",
        "crm_stage_health_required_field_rel",
        "stage_id",
        "field_id",
        string="Required Fields",
        domain="[('model', '=', 'crm.lead'), ('store', '=', True)]",
        help="Fields of the opportunity that must be filled before it enters this stage.",
    )

    def _health_required_fields(self):
        """Names of the lead fields required by the stage (hook)."""
        self.ensure_one()
        return self.health_required_field_ids.mapped("name")
