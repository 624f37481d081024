from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..models.health_grant_checks import check_positive


class HealthGrantReclaimWizard(models.TransientModel):
    """Ask a beneficiary who broke a condition to refund (part of) a grant."""

    _name = "health.grant.reclaim.wizard"
    _inherit = ["health.input.mixin"]
    _description = "Grant Reclaim"

    grant_id = fields.Many2one("health.grant", required=True, readonly=True)
    currency_id = fields.Many2one(related="grant_id.currency_id")
    amount = fields.Monetary(
        required=True, compute="_compute_amount", store=True, readonly=False, precompute=True
    )
    reason = fields.Text(required=True, help="Condition the beneficiary did not fulfil.")
    date = fields.Date(required=True, default=fields.Date.context_today)

    @api.depends("grant_id")
    def _compute_amount(self):
        for wizard in self:
            wizard.amount = wizard.grant_id.paid_amount - wizard.grant_id.reclaimed_amount

    @api.constrains("amount")
    def _check_amount(self):
        check_positive(self, ("amount",))

    def _prepare_refund_vals(self):
        self.ensure_one()
        grant = self.grant_id
        program = grant.program_id
        line = {
            "name": self.env._(
                "Refund of the grant %(grant)s: %(reason)s", grant=grant.name, reason=self.reason
            ),
            "quantity": 1.0,
            "price_unit": self.amount,
            "account_id": program.expense_account_id.id,
            "tax_ids": [Command.clear()],
        }
        if program.analytic_account_id:
            line["analytic_distribution"] = {str(program.analytic_account_id.id): 100}
        return {
            "move_type": "out_invoice",
            "company_id": grant.company_id.id,
            "partner_id": grant.partner_id.id,
            "invoice_date": self.date,
            "ref": grant.name,
            "invoice_origin": grant.name,
            "health_grant_id": grant.id,
            "invoice_line_ids": [Command.create(line)],
        }

    def action_create_refund(self):
        self.ensure_one()
        self.grant_id._check_manager()
        grant = self.grant_id
        if float_compare(self.amount, 0.0, precision_rounding=0.01) <= 0:
            raise UserError(self.env._("The amount to reclaim must be positive."))
        limit = grant.paid_amount - grant.reclaimed_amount
        if float_compare(self.amount, limit, precision_rounding=0.01) > 0:
            raise UserError(
                self.env._(
                    "You cannot reclaim more than what was paid and not yet reclaimed "
                    "(%(limit).2f €).",
                    limit=limit,
                )
            )
        if not grant.program_id.expense_account_id:
            raise UserError(
                self.env._("Set the expense account of the programme %s.", grant.program_id.name)
            )
        move = self.env["account.move"].create(self._prepare_refund_vals())
        move.action_post()
        grant.message_post(
            body=self.env._(
                "Refund request %(move)s of %(amount).2f €: %(reason)s",
                move=move.name,
                amount=self.amount,
                reason=self.reason,
            )
        )
        return grant.action_view_refunds()
