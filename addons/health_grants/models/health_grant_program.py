from odoo import api, fields, models

from .health_grant_checks import (
    MAX_INSTALLMENT_INTERVAL,
    MAX_INSTALLMENTS,
    check_not_negative,
    check_range,
)


class HealthGrantProgram(models.Model):
    """A grant programme voted by the assembly: who may receive it, how much,
    on which accounts it is spent and within which yearly envelope."""

    _name = "health.grant.program"
    _inherit = ["health.input.mixin"]
    _description = "Grant Programme"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Short code printed on bills and reports (e.g. MSU).")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    beneficiary_role_id = fields.Many2one(
        "health.partner.role",
        string="Beneficiary Role",
        help="Health role a beneficiary must hold (e.g. internship supervisor).",
    )
    amount_rule = fields.Selection(
        [
            ("fixed", "Fixed amount"),
            ("per_semester", "Fixed amount per semester"),
            ("per_intern", "Amount per intern hosted per semester"),
        ],
        required=True,
        default="per_intern",
    )
    unit_amount = fields.Monetary(
        string="Unit Amount", help="Amount of the rule: per grant, per semester or per intern."
    )
    cap_per_grant = fields.Monetary(
        string="Cap per Grant", help="Highest amount one grant may receive (0: no cap)."
    )
    cap_per_beneficiary_year = fields.Monetary(
        string="Cap per Beneficiary and Year",
        help="Highest total a beneficiary may be granted in one budget year (0: no cap).",
    )
    installment_count = fields.Integer(
        string="Installments", default=2, help="Default number of installments of a grant."
    )
    installment_interval = fields.Integer(string="Months between Installments", default=3)
    expense_account_id = fields.Many2one(
        "account.account",
        string="Expense Account",
        domain="[('account_type', 'in', ('expense', 'expense_other'))]",
        check_company=True,
    )
    analytic_account_id = fields.Many2one(
        "account.analytic.account", string="Analytic Account", check_company=True
    )
    journal_id = fields.Many2one(
        "account.journal",
        string="Purchase Journal",
        domain="[('type', '=', 'purchase')]",
        check_company=True,
    )
    payment_method_line_id = fields.Many2one(
        "account.payment.method.line",
        string="Payment Method",
        domain="[('payment_type', '=', 'outbound'), ('journal_id.type', '=', 'bank')]",
        check_company=True,
        help="Bank journal and method (e.g. Virement) proposed to pay the bills of the "
        "programme's installments.",
    )
    finance_user_id = fields.Many2one(
        "res.users",
        string="Finance Officer",
        default=lambda self: self.env.user,
        help="Receives the activities about bank details of beneficiaries.",
    )
    proof_required = fields.Boolean(
        string="Proofs Required",
        default=True,
        help="Installments need at least one proof attached before service fait.",
    )
    proof_description = fields.Text(
        string="Required Proofs",
        translate=True,
        help="Documents to collect, e.g. attestation of internship hosting.",
    )
    legal_basis = fields.Text(string="Legal Basis", translate=True)
    envelope_ids = fields.One2many("health.grant.envelope", "program_id", string="Envelopes")
    grant_ids = fields.One2many("health.grant", "program_id", string="Grants")
    grant_count = fields.Integer(compute="_compute_grant_count")

    @api.constrains("unit_amount", "cap_per_grant", "cap_per_beneficiary_year")
    def _check_amounts(self):
        check_not_negative(self, ("unit_amount", "cap_per_grant", "cap_per_beneficiary_year"))

    @api.constrains("installment_count", "installment_interval")
    def _check_schedule(self):
        check_range(self, "installment_count", 1, MAX_INSTALLMENTS)
        check_range(self, "installment_interval", 0, MAX_INSTALLMENT_INTERVAL)

    def _compute_grant_count(self):
        counts = dict(
            self.env["health.grant"]._read_group(
                [("program_id", "in", self.ids)], ["program_id"], ["__count"]
            )
        )
        for program in self:
            program.grant_count = counts.get(program, 0)

    @api.model
    def _compute_rule_amount(self, program, semester_count, interns):
        """Amount the rule gives; an extension hook for other rules."""
        if program.amount_rule == "fixed":
            amount = program.unit_amount
        elif program.amount_rule == "per_semester":
            amount = program.unit_amount * max(semester_count, 1)
        else:
            amount = program.unit_amount * max(semester_count, 1) * interns
        if program.cap_per_grant:
            amount = min(amount, program.cap_per_grant)
        return amount

    def _get_envelope(self, year):
        self.ensure_one()
        return self.envelope_ids.filtered(lambda e: e.year == year)[:1]

    def action_view_grants(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("health_grants.health_grant_action")
        action["domain"] = [("program_id", "=", self.id)]
        action["context"] = {"default_program_id": self.id}
        return action
