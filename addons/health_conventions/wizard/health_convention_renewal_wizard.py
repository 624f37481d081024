from odoo import api, fields, models

from ..dates import renewal_end


class HealthConventionRenewalWizard(models.TransientModel):
    """Renew a convention expressly, by a decision of the parties."""

    _name = "health.convention.renewal.wizard"
    _description = "Renew a Convention Expressly"
    _inherit = ["health.input.mixin"]

    convention_id = fields.Many2one("health.convention", required=True, ondelete="cascade")
    previous_date_end = fields.Date(related="convention_id.date_end", string="Current end date")
    date_end = fields.Date(
        string="New end date",
        compute="_compute_date_end",
        store=True,
        readonly=False,
        required=True,
    )
    decision = fields.Char(
        required=True, help="Decision renewing the convention, e.g. the deliberation number."
    )

    @api.depends("convention_id")
    def _compute_date_end(self):
        for wizard in self:
            convention = wizard.convention_id
            months = convention.renewal_months or convention.duration_months
            wizard.date_end = (
                convention.date_end and months and renewal_end(convention.date_end, months)
            )

    def action_confirm(self):
        self.ensure_one()
        self.convention_id._renew_expressly(self.date_end, self.decision)
        return {"type": "ir.actions.act_window_close"}
