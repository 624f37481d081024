from odoo import api, fields, models
from odoo.tools import format_date


class HealthGrantCertifyWizard(models.TransientModel):
    """Confirm the service fait of installments that fall due later.

    The service of an installment is normally done by its due date (the end
    of the internship period it pays): certifying it before is possible (an
    internship that ended early, a proof received in advance) but is a
    decision the user confirms, and the grant's chatter says so."""

    _name = "health.grant.certify.wizard"
    _description = "Confirm an Early Service Fait"

    installment_ids = fields.Many2many("health.grant.installment", string="Installments")
    early_installment_ids = fields.Many2many(
        "health.grant.installment",
        string="Installments Not Due Yet",
        compute="_compute_early",
    )
    explanation = fields.Text(compute="_compute_early")

    @api.depends("installment_ids")
    def _compute_early(self):
        for wizard in self:
            early = wizard.installment_ids._early_installments()
            wizard.early_installment_ids = early
            wizard.explanation = "\n".join(
                self.env._(
                    "%(installment)s (%(partner)s) falls due on %(due)s, for the period "
                    "%(period)s.",
                    installment=installment.name,
                    partner=installment.partner_id.name,
                    due=format_date(self.env, installment.due_date),
                    period=installment._period_label(),
                )
                for installment in early
            )

    def action_confirm(self):
        self.ensure_one()
        self.installment_ids._certify()
        return {"type": "ir.actions.act_window_close"}
