from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_round

from .health_grant_checks import (
    MAX_BUDGET_YEAR,
    MAX_INSTALLMENTS,
    MIN_BUDGET_YEAR,
    check_not_negative,
    check_range,
)

# States in which a grant counts against its programme's envelope.
COMMITTED_STATES = ("approved",)

# The workflow: the states a grant may come from, per state it goes to, and
# the method that checks the move (raises UserError / AccessError).
TRANSITIONS = {
    "submitted": (("draft",), "_check_can_submit"),
    "approved": (("submitted",), "_check_can_approve"),
    "cancelled": (("draft", "submitted", "approved"), "_check_can_cancel"),
    "draft": (("submitted", "cancelled"), "_check_can_reset"),
}


class HealthGrant(models.Model):
    """A grant decided for one beneficiary under one programme.

    The workflow ``state``: draft → submitted → approved (committed against
    the envelope), or cancelled; it changes through the buttons, and a
    ``write`` of ``state`` is the button: the same checks, the same effects.
    The ``payment_status`` of an approved grant (not billed, in payment,
    paid) is derived from its installments, whose payment status is read
    from their vendor bills, as Odoo keeps ``account.move.state`` apart from
    its ``payment_state``.
    """

    _name = "health.grant"
    _description = "Grant"
    _inherit = ["health.input.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "act_id, id desc"

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, default="/", index=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    program_id = fields.Many2one(
        "health.grant.program",
        string="Programme",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
    )
    partner_id = fields.Many2one(
        "res.partner", string="Beneficiary", required=True, tracking=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Officer", default=lambda self: self.env.user, tracking=True
    )
    semester_ids = fields.Many2many("health.internship.semester", string="Semesters")
    interns_hosted = fields.Integer(string="Interns Hosted", default=1)
    intern_ids = fields.Many2many(
        "res.partner",
        "health_grant_intern_rel",
        "grant_id",
        "partner_id",
        string="Interns",
    )
    act_id = fields.Many2one(
        "health.authorising.act",
        string="Decision",
        tracking=True,
        copy=False,
        index=True,
        check_company=True,
        help="The act that grants the aid (e.g. the deliberation of the standing "
        "committee): its number and date are the decision of the grant.",
    )
    budget_year = fields.Integer(
        string="Budget Year", required=True, default=lambda self: fields.Date.today().year
    )
    requested_amount = fields.Monetary(string="Requested Amount")
    rule_amount = fields.Monetary(
        string="Amount by the Rule",
        compute="_compute_rule_amount",
        help="Amount the programme's rule gives for these semesters and interns.",
    )
    granted_amount = fields.Monetary(
        string="Granted Amount",
        compute="_compute_granted_amount",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
        help="The workflow of the grant, changed by its buttons.",
    )
    payment_status = fields.Selection(
        [
            ("not_billed", "Not Billed"),
            ("in_payment", "In Payment"),
            ("paid", "Paid"),
        ],
        compute="_compute_payment_status",
        store=True,
        tracking=True,
        index=True,
        help="Derived from the installments of an approved grant and the payment status "
        "of their bills: not billed yet, in payment (some installments billed or paid), "
        "paid (every installment not cancelled is paid).",
    )
    installment_count = fields.Integer(
        string="Number of Installments",
        compute="_compute_installment_defaults",
        store=True,
        readonly=False,
        precompute=True,
    )
    first_due_date = fields.Date(
        string="First Due Date",
        compute="_compute_installment_defaults",
        store=True,
        readonly=False,
        precompute=True,
    )
    installment_ids = fields.One2many("health.grant.installment", "grant_id", string="Installments")
    envelope_remaining = fields.Monetary(
        string="Remaining Envelope", compute="_compute_envelope_remaining"
    )
    partner_bank_id = fields.Many2one(
        "res.partner.bank",
        string="Trusted Bank Account",
        compute="_compute_partner_bank_id",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    billed_amount = fields.Monetary(compute="_compute_amounts", string="Billed", compute_sudo=True)
    paid_amount = fields.Monetary(compute="_compute_amounts", string="Paid", compute_sudo=True)
    refund_move_ids = fields.One2many(
        "account.move", "health_grant_id", string="Refund Requests", readonly=True
    )
    reclaimed_amount = fields.Monetary(
        compute="_compute_amounts", string="Reclaimed", compute_sudo=True
    )
    bill_count = fields.Integer(compute="_compute_amounts", compute_sudo=True)
    note = fields.Html()

    # ---------------------------------------------------------------- computes
    @api.depends("program_id", "semester_ids", "interns_hosted")
    def _compute_rule_amount(self):
        for grant in self:
            grant.rule_amount = (
                self.env["health.grant.program"]._compute_rule_amount(
                    grant.program_id, len(grant.semester_ids), grant.interns_hosted
                )
                if grant.program_id
                else 0.0
            )

    @api.depends("program_id", "semester_ids", "interns_hosted")
    def _compute_granted_amount(self):
        for grant in self:
            if grant.state in (False, "draft", "submitted"):
                grant.granted_amount = grant.rule_amount

    @api.depends("program_id")
    def _compute_installment_defaults(self):
        for grant in self:
            grant.installment_count = grant.program_id.installment_count or 1
            if not grant.first_due_date:
                grant.first_due_date = fields.Date.context_today(grant)

    @api.depends("state", "installment_ids.state")
    def _compute_payment_status(self):
        for grant in self:
            if grant.state not in COMMITTED_STATES:
                grant.payment_status = False
                continue
            installments = grant.installment_ids.filtered(lambda i: i.state != "cancelled")
            if installments and all(i.state == "paid" for i in installments):
                grant.payment_status = "paid"
            elif any(i.state in ("billed", "paid") for i in installments):
                grant.payment_status = "in_payment"
            else:
                grant.payment_status = "not_billed"

    @api.depends("program_id", "budget_year", "granted_amount", "state")
    def _compute_envelope_remaining(self):
        committed = self._committed_amounts(
            self.program_id.ids, list(set(self.mapped("budget_year")))
        )
        for grant in self:
            envelope = grant.program_id._get_envelope(grant.budget_year)
            grant.envelope_remaining = envelope.amount - committed.get(
                (grant.program_id.id, grant.budget_year), 0.0
            )

    @api.depends("partner_id.bank_ids.allow_out_payment")
    def _compute_partner_bank_id(self):
        for grant in self:
            grant.partner_bank_id = grant.partner_id._health_trusted_bank()

    @api.depends("installment_ids.amount", "installment_ids.state", "refund_move_ids.state")
    def _compute_amounts(self):
        for grant in self:
            installments = grant.installment_ids
            grant.billed_amount = sum(
                installments.filtered(lambda i: i.state in ("billed", "paid")).mapped("amount")
            )
            grant.paid_amount = sum(
                installments.filtered(lambda i: i.state == "paid").mapped("amount")
            )
            grant.bill_count = len(installments.bill_id)
            grant.reclaimed_amount = sum(
                grant.refund_move_ids.filtered(lambda m: m.state == "posted").mapped(
                    "amount_total_signed"
                )
            )

    @api.model
    def _committed_amounts(self, program_ids, years):
        """{(program id, year): committed amount} of the approved grants."""
        if not program_ids:
            return {}
        groups = self.sudo()._read_group(
            [
                ("program_id", "in", program_ids),
                ("budget_year", "in", years),
                ("state", "in", COMMITTED_STATES),
            ],
            ["program_id", "budget_year"],
            ["granted_amount:sum"],
        )
        return {(program.id, year): amount for program, year, amount in groups}

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("health.grant") or "/"
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(grant.state not in ("draft", "cancelled") for grant in self):
            raise UserError(self.env._("Only draft or cancelled grants can be deleted."))

    @api.constrains("partner_id", "program_id")
    def _check_beneficiary_role(self):
        for grant in self:
            role = grant.program_id.beneficiary_role_id
            if role and role not in grant.partner_id.health_role_ids:
                raise ValidationError(
                    self.env._(
                        "%(partner)s does not hold the role %(role)s that the programme "
                        "%(program)s requires.",
                        partner=grant.partner_id.display_name,
                        role=role.name,
                        program=grant.program_id.name,
                    )
                )

    @api.constrains("requested_amount", "granted_amount", "interns_hosted")
    def _check_amounts(self):
        check_not_negative(self, ("interns_hosted", "requested_amount", "granted_amount"))

    @api.constrains("installment_count", "budget_year")
    def _check_schedule(self):
        check_range(self, "installment_count", 1, MAX_INSTALLMENTS)
        check_range(self, "budget_year", MIN_BUDGET_YEAR, MAX_BUDGET_YEAR)

    @api.constrains("act_id", "first_due_date")
    def _check_due_after_decision(self):
        for grant in self.filtered("act_id.date"):
            dates = grant.installment_ids.filtered(lambda i: not i.cancelled).mapped("due_date")
            if grant.first_due_date:
                dates.append(grant.first_due_date)
            if dates and min(dates) < grant.act_id.date:
                raise ValidationError(
                    self.env._(
                        "%(grant)s cannot fall due on %(due)s, before its decision of "
                        "%(decision)s: move the due date on or after the decision date.",
                        grant=grant.name,
                        due=min(dates),
                        decision=grant.act_id.date,
                    )
                )

    def write(self, vals):
        if "payment_status" in vals:
            raise UserError(
                self.env._(
                    "The payment status of a grant is derived from its installments and "
                    "their bills: it cannot be written."
                )
            )
        if "granted_amount" in vals and any(g.state in COMMITTED_STATES for g in self):
            raise UserError(
                self.env._("The granted amount of an approved grant cannot be changed.")
            )
        new_state = vals.get("state")
        if new_state not in TRANSITIONS:
            # no change of the workflow (or an unknown state, that the input
            # check refuses with the list of the allowed ones)
            return super().write(vals)
        self._check_transition(new_state)
        res = super().write(vals)
        self._after_transition(new_state)
        return res

    # --------------------------------------------------------------- workflow
    def _check_transition(self, new_state):
        """Refuse the move of these grants to ``new_state`` unless the
        workflow allows it from their state and its checks pass."""
        sources, check = TRANSITIONS[new_state]
        if any(grant.state not in sources for grant in self):
            raise UserError(self._transition_refusals()[new_state])
        getattr(self, check)()

    def _transition_refusals(self):
        return {
            "submitted": self.env._("Only draft grants can be submitted."),
            "approved": self.env._("Only submitted grants can be approved."),
            "cancelled": self.env._("Only draft, submitted or approved grants can be cancelled."),
            "draft": self.env._("Only submitted or cancelled grants return to draft."),
        }

    def _after_transition(self, new_state):
        """What the move of these grants to ``new_state`` does once written."""
        if new_state == "approved":
            self.filtered(
                lambda g: not g.installment_ids.filtered(lambda i: not i.cancelled)
            ).action_generate_installments()
        elif new_state == "cancelled":
            self.installment_ids._health_write_protected({"cancelled": True})
        elif new_state == "draft":
            self.installment_ids.filtered(lambda i: not i.bill_line_ids).unlink()

    def _check_manager(self):
        if not self.env.user.has_group("health_grants.group_grant_manager"):
            raise AccessError(self.env._("Only a grants manager can approve or cancel grants."))

    def _check_can_submit(self):
        if any(grant.currency_id.is_zero(grant.granted_amount) for grant in self):
            raise UserError(self.env._("Set the granted amount before submitting the grant."))

    def _check_can_approve(self):
        self._check_manager()
        missing = self.filtered(lambda g: not g.act_id)
        if missing:
            raise UserError(
                self.env._(
                    "Record the decision (the authorising act, with its number and date) "
                    "before approving %s.",
                    ", ".join(missing.mapped("name")),
                )
            )
        self._check_envelope()
        self._check_beneficiary_cap()

    def _check_can_cancel(self):
        self._check_manager()
        live = self.installment_ids.filtered(lambda i: i.state in ("billed", "paid"))
        if live:
            raise UserError(
                self.env._(
                    "Cancel or reverse the bills of %s before cancelling the grant.",
                    ", ".join(live.grant_id.mapped("name")),
                )
            )

    def _check_can_reset(self):
        """Anyone who may edit the grant returns it to draft."""

    # --------------------------------------------------------------- actions
    def action_submit(self):
        return self.write({"state": "submitted"})

    def action_approve(self):
        return self.write({"state": "approved"})

    def action_cancel(self):
        return self.write({"state": "cancelled"})

    def action_draft(self):
        return self.write({"state": "draft"})

    def _lock_envelopes(self):
        """Lock the envelopes concerned so that two approvals cannot both
        take the last euros of an envelope."""
        envelopes = self.env["health.grant.envelope"].search(
            [
                ("program_id", "in", self.program_id.ids),
                ("year", "in", list(set(self.mapped("budget_year")))),
            ]
        )
        if envelopes:
            self.env.cr.execute(
                "SELECT id FROM health_grant_envelope WHERE id IN %s FOR UPDATE",
                [tuple(envelopes.ids)],
            )
        return envelopes

    def _check_envelope(self):
        self._lock_envelopes()
        committed = self._committed_amounts(
            self.program_id.ids, list(set(self.mapped("budget_year")))
        )
        adding = {}
        for grant in self:
            key = (grant.program_id.id, grant.budget_year)
            adding[key] = adding.get(key, 0.0) + grant.granted_amount
        for grant in self:
            key = (grant.program_id.id, grant.budget_year)
            envelope = grant.program_id._get_envelope(grant.budget_year)
            if not envelope:
                raise UserError(
                    self.env._(
                        "The programme %(program)s has no envelope for %(year)s: "
                        "ask the manager to open one.",
                        program=grant.program_id.name,
                        year=grant.budget_year,
                    )
                )
            remaining = envelope.amount - committed.get(key, 0.0)
            if float_compare(adding[key], remaining, precision_rounding=0.01) > 0:
                raise UserError(
                    self.env._(
                        "Approving %(grant)s would exceed the %(year)s envelope of "
                        "%(program)s: %(remaining).2f € remain, %(amount).2f € requested.",
                        grant=grant.name,
                        year=grant.budget_year,
                        program=grant.program_id.name,
                        remaining=remaining,
                        amount=adding[key],
                    )
                )

    def _check_beneficiary_cap(self):
        programs = self.program_id.filtered("cap_per_beneficiary_year")
        if not programs:
            return
        groups = self._read_group(
            [
                ("program_id", "in", programs.ids),
                ("partner_id", "in", self.partner_id.ids),
                ("budget_year", "in", list(set(self.mapped("budget_year")))),
                ("state", "in", COMMITTED_STATES),
            ],
            ["program_id", "partner_id", "budget_year"],
            ["granted_amount:sum"],
        )
        totals = {(p.id, b.id, y): amount for p, b, y, amount in groups}
        for grant in self.filtered(lambda g: g.program_id in programs):
            key = (grant.program_id.id, grant.partner_id.id, grant.budget_year)
            totals[key] = totals.get(key, 0.0) + grant.granted_amount
            cap = grant.program_id.cap_per_beneficiary_year
            if float_compare(totals[key], cap, precision_rounding=0.01) > 0:
                raise UserError(
                    self.env._(
                        "%(partner)s would receive %(total).2f € in %(year)s under "
                        "%(program)s, above the cap of %(cap).2f € per beneficiary.",
                        partner=grant.partner_id.display_name,
                        total=totals[key],
                        year=grant.budget_year,
                        program=grant.program_id.name,
                        cap=cap,
                    )
                )

    def _prepare_installment_vals(self):
        """Values of the installments of this grant: equal parts rounded to the
        currency, the rounding difference on the last one."""
        self.ensure_one()
        count = max(self.installment_count, 1)
        rounding = self.currency_id.rounding
        part = float_round(self.granted_amount / count, precision_rounding=rounding)
        interval = self.program_id.installment_interval or 0
        semesters = self.semester_ids.sorted("date_start")
        offset = max(self.installment_ids.mapped("sequence"), default=0)
        vals_list = []
        for index in range(count):
            amount = (
                part
                if index < count - 1
                else float_round(
                    self.granted_amount - part * (count - 1), precision_rounding=rounding
                )
            )
            due = self.first_due_date + relativedelta(months=interval * index)
            semester = semesters.filtered(lambda s, d=due: s.date_start <= d <= s.date_end)[:1]
            vals_list.append(
                {
                    "grant_id": self.id,
                    "sequence": offset + index + 1,
                    "amount": amount,
                    "due_date": due,
                    "semester_id": (semester or semesters[:1]).id,
                }
            )
        return vals_list

    def action_generate_installments(self):
        if any(grant.state not in COMMITTED_STATES for grant in self):
            raise UserError(self.env._("Installments are scheduled once the grant is approved."))
        live = self.installment_ids.filtered(lambda i: not i.cancelled)
        if live.filtered(lambda i: i.certified_date or i.bill_line_ids):
            raise UserError(
                self.env._("Certified or billed installments cannot be scheduled again.")
            )
        if any(grant.installment_count < 1 for grant in self):
            raise UserError(self.env._("A grant is paid in at least one installment."))
        # cancelled installments that had bills stay, as the history of the grant
        (live | self.installment_ids.filtered(lambda i: not i.bill_line_ids)).unlink()
        vals_list = [vals for grant in self for vals in grant._prepare_installment_vals()]
        self.env["health.grant.installment"].create(vals_list)
        return True

    def action_view_bills(self):
        self.ensure_one()
        bills = self.installment_ids.bill_line_ids.move_id
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_in_invoice_type"
        )
        action["domain"] = [("id", "in", bills.ids)]
        action["context"] = {"default_move_type": "in_invoice"}
        return action

    def action_view_refunds(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("health_grant_id", "=", self.id)]
        action["context"] = {"default_move_type": "out_invoice", "create": False}
        return action

    def action_open_reclaim(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reclaim"),
            "res_model": "health.grant.reclaim.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_grant_id": self.id},
        }

    def _schedule_bank_review(self, partners):
        """Tell finance that bank details changed while installments are pending."""
        grants = self.search(
            [
                ("partner_id", "in", partners.ids),
                ("installment_ids.state", "in", ("to_certify", "certified", "billed")),
            ]
        )
        for grant in grants:
            grant.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Bank details changed: check them before payment"),
                user_id=(grant.program_id.finance_user_id or grant.user_id or self.env.user).id,
            )
        return grants
