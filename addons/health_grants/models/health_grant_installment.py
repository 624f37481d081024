from collections import defaultdict

from markupsafe import Markup, escape
from psycopg2 import errors as pg_errors

from odoo import Command, api, fields, models
from odoo.addons.account.models.account_move import PAYMENT_STATE_SELECTION
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date
from odoo.tools.misc import formatLang

from .health_grant_checks import check_positive

# Written by the actions only: an installment's amount comes from the schedule,
# its certification names the user who clicked.
PROTECTED_FIELDS = {"amount", "grant_id", "certified_by_id", "certified_date", "cancelled"}


class _ProtectedWrite:
    """Context marker of the addon's own writes of the protected fields.

    An object, not a flag: a client (form, import, XML-RPC) can only send
    plain values in its context, so it can never pass this marker."""

    __slots__ = ()


PROTECTED_WRITE = _ProtectedWrite()


class HealthGrantInstallment(models.Model):
    """One payment of a grant.

    Its proofs are attached, the service is certified done ("service fait")
    by a named user, then one vendor bill pays it.  The payment status is the
    bill's own ``payment_state``; a cancelled or reversed bill frees the
    installment for a new bill.
    """

    _name = "health.grant.installment"
    _inherit = ["health.input.mixin", "mail.thread"]
    _description = "Grant Installment"
    _order = "due_date, grant_id, sequence, id"

    grant_id = fields.Many2one(
        "health.grant", required=True, ondelete="cascade", index=True, readonly=True
    )
    sequence = fields.Integer(default=1, readonly=True)
    name = fields.Char(compute="_compute_name")
    partner_id = fields.Many2one(
        related="grant_id.partner_id", store=True, string="Beneficiary", index=True
    )
    program_id = fields.Many2one(
        related="grant_id.program_id", store=True, string="Programme", index=True
    )
    company_id = fields.Many2one(related="grant_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="grant_id.currency_id")
    budget_year = fields.Integer(related="grant_id.budget_year", store=True)
    semester_id = fields.Many2one(
        "health.internship.semester", string="Semester", index=True, tracking=True
    )
    amount = fields.Monetary(required=True)
    due_date = fields.Date(string="Due Date", required=True, index=True, tracking=True)
    proof_attachment_ids = fields.Many2many(
        "ir.attachment",
        "health_grant_installment_attachment_rel",
        "installment_id",
        "attachment_id",
        string="Proofs",
    )
    certified_by_id = fields.Many2one(
        "res.users", string="Service Fait Certified by", readonly=True, copy=False, tracking=True
    )
    certified_date = fields.Date(
        string="Service Fait Date", readonly=True, copy=False, tracking=True
    )
    cancelled = fields.Boolean(readonly=True, copy=False)
    bill_line_ids = fields.One2many(
        "account.move.line", "health_grant_installment_id", string="Bill Lines", readonly=True
    )
    bill_id = fields.Many2one(
        "account.move",
        string="Bill",
        compute="_compute_bill_id",
        store=True,
        index=True,
        help="The latest bill of this installment that is not cancelled.",
    )
    bill_state = fields.Selection(related="bill_id.state", string="Bill Status")
    payment_state = fields.Selection(
        PAYMENT_STATE_SELECTION,
        compute="_compute_payment_state",
        store=True,
        string="Payment Status",
        help="The payment status of the bill.",
    )
    state = fields.Selection(
        [
            ("to_certify", "To Certify"),
            ("certified", "Certified"),
            ("billed", "Billed"),
            ("paid", "Paid"),
            ("cancelled", "Cancelled"),
        ],
        compute="_compute_state",
        store=True,
        index=True,
        tracking=True,
    )

    @api.constrains("amount")
    def _check_amount(self):
        check_positive(self, ("amount",))

    @api.constrains("due_date", "cancelled")
    def _check_due_after_decision(self):
        early = self.filtered(
            lambda i: not i.cancelled
            and i.grant_id.act_id.date
            and i.due_date < i.grant_id.act_id.date
        )
        if early:
            raise ValidationError(
                self.env._(
                    "%(installment)s cannot fall due on %(due)s, before the decision of "
                    "%(decision)s: move the due date on or after the decision date.",
                    installment=early[0].name,
                    due=early[0].due_date,
                    decision=early[0].grant_id.act_id.date,
                )
            )

    @api.depends("grant_id.name", "sequence")
    def _compute_name(self):
        for installment in self:
            installment.name = f"{installment.grant_id.name} – {installment.sequence}"

    @api.depends("bill_line_ids.parent_state")
    def _compute_bill_id(self):
        for installment in self:
            lines = installment.bill_line_ids.filtered(lambda line: line.parent_state != "cancel")
            installment.bill_id = max(lines.move_id, key=lambda m: m.id, default=False)

    # Depends on the bill through its lines, not through ``bill_id``: Odoo
    # then finds the installments of a bill being written from the lines in
    # its cache, instead of one search per line of a bill being created.
    @api.depends("bill_id", "bill_line_ids.move_id.payment_state")
    def _compute_payment_state(self):
        for installment in self:
            installment.payment_state = installment.bill_id.payment_state

    @api.depends("cancelled", "certified_date", "bill_id", "payment_state")
    def _compute_state(self):
        for installment in self:
            if installment.cancelled:
                installment.state = "cancelled"
            elif installment.bill_id and installment.payment_state in ("paid", "in_payment"):
                installment.state = "paid"
            elif installment.bill_id and installment.payment_state != "reversed":
                installment.state = "billed"
            elif installment.certified_date:
                installment.state = "certified"
            else:
                installment.state = "to_certify"

    def write(self, vals):
        if (
            PROTECTED_FIELDS & set(vals)
            and self.env.context.get("health_grant_protected_write") is not PROTECTED_WRITE
        ):
            raise UserError(
                self.env._(
                    "The amount, the grant and the service fait certification of an "
                    "installment change through its buttons only."
                )
            )
        return super().write(vals)

    def _health_write_protected(self, vals):
        """Write the protected fields (amount, certification, cancellation):
        for the addon's own actions only."""
        return self.with_context(health_grant_protected_write=PROTECTED_WRITE).write(vals)

    # ------------------------------------------------------------- chatter
    def _health_log(self, bodies):
        """Log ``{installment: text}`` on the installments, and one message
        per grant listing them: the trace the public accountant asks for.
        Logged in one batch per model (no query per installment)."""
        if not bodies:
            return
        installments = self.browse([i.id for i in bodies])
        installments._message_log_batch({i.id: escape(body) for i, body in bodies.items()})
        per_grant = defaultdict(list)
        for installment, body in bodies.items():
            per_grant[installment.grant_id].append(f"{installment.name}: {body}")
        grants = self.env["health.grant"].browse([g.id for g in per_grant])
        grants._message_log_batch(
            {g.id: Markup("<br/>").join(lines) for g, lines in per_grant.items()}
        )

    def _installment_label(self):
        """ "installment 2/3": its rank among the live installments of its grant."""
        self.ensure_one()
        live = self.grant_id.installment_ids.filtered(lambda i: not i.cancelled)
        return self.env._(
            "installment %(seq)s/%(count)s",
            seq=self.sequence,
            count=max(len(live), max(live.mapped("sequence"), default=0)),
        )

    def _period_label(self):
        """The period the installment pays: its semester, else its due month."""
        self.ensure_one()
        if self.semester_id:
            return self.semester_id.display_name
        return self.due_date.strftime("%m/%Y")

    # ------------------------------------------------------- certification
    def _check_can_certify(self):
        if not self.env.user.has_group("health_grants.group_grant_user"):
            raise AccessError(
                self.env._("Only a grants user certifies the service done (service fait).")
            )

    def _early_installments(self):
        """The installments that fall due after today: their service is
        normally not done yet."""
        today = fields.Date.context_today(self)
        return self.filtered(lambda i: i.due_date > today)

    def action_certify(self):
        """Certify the service done ("service fait") for these installments.

        An installment that falls due later is not certified at once: a
        dialog explains why and asks to confirm."""
        self._check_certifiable()
        if self._early_installments():
            return self._action_confirm_early_certification()
        self._certify()
        return True

    def _action_confirm_early_certification(self):
        wizard = self.env["health.grant.certify.wizard"].create(
            {"installment_ids": [Command.set(self.ids)]}
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Certify before the due date?"),
            "res_model": "health.grant.certify.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _check_certifiable(self):
        self._check_can_certify()
        if any(i.state != "to_certify" for i in self):
            raise UserError(
                self.env._("Only installments waiting for certification can be certified.")
            )
        if any(i.grant_id.state != "approved" for i in self):
            raise UserError(self.env._("Certify installments of approved grants only."))
        missing = self.filtered(
            lambda i: i.program_id.proof_required and not i.proof_attachment_ids
        )
        if missing:
            raise UserError(
                self.env._(
                    "Attach the proofs before certifying the service done: %s.",
                    ", ".join(missing[:10].mapped("name")),
                )
            )

    def _certify(self):
        """Certify, the checks passed (and the early ones confirmed)."""
        self._check_certifiable()
        early = self._early_installments()
        today = fields.Date.context_today(self)
        self._health_write_protected({"certified_by_id": self.env.user.id, "certified_date": today})
        bodies = {}
        for installment in self:
            body = self.env._(
                "service fait certified by %(user)s on %(date)s (%(amount)s, due %(due)s).",
                user=self.env.user.name,
                date=format_date(self.env, today),
                amount=installment._amount_label(),
                due=format_date(self.env, installment.due_date),
            )
            if installment in early:
                body += " " + self.env._("Certified before its due date, confirmed by the user.")
            bodies[installment] = body
        self._health_log(bodies)

    def _amount_label(self):
        self.ensure_one()
        return self._format_amount(self.amount, self.currency_id)

    @api.model
    def _format_amount(self, amount, currency):
        return formatLang(self.env, amount, currency_obj=currency)

    def action_uncertify(self):
        self._check_can_certify()
        if any(i.state != "certified" for i in self):
            raise UserError(self.env._("Only certified installments without a bill can be reset."))
        self._health_write_protected({"certified_by_id": False, "certified_date": False})
        body = self.env._(
            "service fait certification withdrawn by %(user)s.", user=self.env.user.name
        )
        self._health_log(dict.fromkeys(self, body))
        return True

    # -------------------------------------------------------------- billing
    def _check_can_issue_bills(self):
        if not self.env.user.has_group("health_grants.group_grant_finance"):
            raise AccessError(
                self.env._("Only the finance officers (grants billing) issue bills and payments.")
            )

    def _lock_for_billing(self):
        """Lock the rows of the installments for this transaction.

        Two users billing the same installments at the same moment: the
        second one is refused at once instead of creating a second bill.
        """
        if not self:
            return
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "SELECT id FROM health_grant_installment WHERE id IN %s FOR UPDATE NOWAIT",
                    [tuple(self.ids)],
                    log_exceptions=False,
                )
        except pg_errors.LockNotAvailable:
            raise UserError(
                self.env._(
                    "Someone else is billing these installments right now: "
                    "reload the list in a moment."
                )
            ) from None
        self.invalidate_recordset(["bill_id", "state", "certified_date"])

    def _check_billable(self):
        not_ready = self.filtered(lambda i: i.state != "certified")
        if not_ready:
            raise UserError(
                self.env._(
                    "Only certified installments without a live bill can be billed: %s.",
                    ", ".join(not_ready[:10].mapped("name")),
                )
            )
        no_account = self.program_id.filtered(lambda p: not p.expense_account_id)
        if no_account:
            raise UserError(
                self.env._(
                    "Set the expense account of the programme %s.",
                    ", ".join(no_account.mapped("name")),
                )
            )
        no_bank = self.partner_id.filtered(lambda p: not p._health_trusted_bank())
        if no_bank:
            raise UserError(
                self.env._(
                    "These beneficiaries have no trusted bank account (allowed for "
                    "outgoing payments): %s.",
                    ", ".join(no_bank.mapped("display_name")),
                )
            )

    def _group_for_billing(self, group_by_partner):
        """Installments of each bill to create; an extension hook."""
        if not group_by_partner:
            return list(self)
        groups = defaultdict(lambda: self.browse())
        for installment in self:
            key = (installment.company_id, installment.partner_id, installment.program_id)
            groups[key] |= installment
        return list(groups.values())

    def _get_purchase_journal(self):
        first = self[:1]
        return first.program_id.journal_id or self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(first.company_id),
                ("type", "=", "purchase"),
            ],
            limit=1,
        )

    def _prepare_bill_vals(self):
        """Values of the vendor bill paying these installments (one beneficiary)."""
        first = self[:1]
        today = fields.Date.context_today(self)
        grant_names = ", ".join(dict.fromkeys(self.grant_id.mapped("name")))
        reference = self._bill_reference()
        vals = {
            "move_type": "in_invoice",
            "company_id": first.company_id.id,
            "partner_id": first.partner_id.id,
            "partner_bank_id": first.partner_id._health_trusted_bank().id,
            "journal_id": self._get_purchase_journal().id,
            "invoice_date": today,
            "date": today,
            "ref": reference,
            "payment_reference": reference[:140],
            "invoice_origin": grant_names,
            "invoice_line_ids": [
                Command.create(installment._prepare_bill_line_vals()) for installment in self
            ],
        }
        if first.program_id.payment_method_line_id:
            # the journal and method proposed to pay it (e.g. "Virement")
            vals["preferred_payment_method_line_id"] = first.program_id.payment_method_line_id.id
        return vals

    def _bill_reference(self):
        """The reference of the bill of these installments (one beneficiary):
        unique, so that Odoo never takes the bill of the second installment
        for a duplicate of the first, and telling the public accountant what
        it pays: "AIDE/2026/0003 installment 2/3 – Dr Élise Bernard – period".
        A bill issued again after a reversed one says so."""
        parts = [f"{i.grant_id.name} {i._installment_label()}" for i in self]
        periods = dict.fromkeys(i._period_label() for i in self)
        reference = " – ".join(
            [", ".join(parts), self[:1].partner_id.name or "", ", ".join(periods)]
        )
        previous = self.bill_line_ids.move_id.filtered(lambda m: m.state != "cancel")
        if previous:
            reference += " – " + self.env._("reissue %s", len(previous) + 1)
        return reference

    def _prepare_bill_line_vals(self):
        self.ensure_one()
        program = self.program_id
        grant = self.grant_id
        label = self.env._(
            "%(program)s – %(grant)s, installment %(seq)s",
            program=program.name,
            grant=grant.name,
            seq=self.sequence,
        )
        if grant.act_id.number:
            label += self.env._(" (decision %s)", grant.act_id.number)
        vals = {
            "name": label,
            "quantity": 1.0,
            "price_unit": self.amount,
            "account_id": program.expense_account_id.id,
            "tax_ids": [Command.clear()],
            "health_grant_installment_id": self.id,
        }
        if program.analytic_account_id:
            vals["analytic_distribution"] = {str(program.analytic_account_id.id): 100}
        return vals

    def _create_bills(self, group_by_partner=False, post=True):
        """Create (and post) the vendor bills of these installments."""
        self._check_can_issue_bills()
        self._lock_for_billing()
        self._check_billable()
        groups = self._group_for_billing(group_by_partner)
        bills = self.env["account.move"].create([group._prepare_bill_vals() for group in groups])
        if post:
            bills.action_post()
        self._log_bills(bills)
        return bills

    def _log_bills(self, bills):
        """Trace the bills on the installments and their grants."""
        bodies = {}
        for bill in bills:
            for installment in bill.invoice_line_ids.health_grant_installment_id & self:
                bodies[installment] = self.env._(
                    "billed by %(user)s: bill %(bill)s, reference %(ref)s.",
                    user=self.env.user.name,
                    bill=bill.name if bill.name and bill.name != "/" else self.env._("draft"),
                    ref=bill.ref,
                )
        self._health_log(bodies)

    def _action_show_bills(self, bills):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_in_invoice_type"
        )
        action["domain"] = [("id", "in", bills.ids)]
        action["context"] = {"default_move_type": "in_invoice", "create": False}
        return action

    def action_create_bills(self):
        return self._action_show_bills(self._create_bills())

    def action_create_bills_grouped(self):
        return self._action_show_bills(self._create_bills(group_by_partner=True))

    # ------------------------------------------------------------- payment
    def _payable_bills(self):
        """The posted bills of these installments still to pay; refuses when none."""
        bills = self.bill_id.filtered(
            lambda m: m.state == "posted" and m.payment_state in ("not_paid", "partial")
        )
        if not bills:
            raise UserError(self.env._("None of these installments has a posted bill to pay."))
        return bills

    def action_register_payment(self):
        self._check_can_issue_bills()
        bills = self._payable_bills()
        action = bills.action_register_payment()
        action["context"] = dict(action.get("context", {}), default_group_payment=True)
        return action

    def _register_payment(self, payment_date=None, journal=None):
        """Pay the posted bills of these installments at once, grouped per
        beneficiary, once the public accountant confirmed the payment."""
        self._check_can_issue_bills()
        bills = self._payable_bills()
        vals = {"group_payment": True}
        if payment_date:
            vals["payment_date"] = payment_date
        if journal:
            vals["journal_id"] = journal.id
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=bills.ids)
            .create(vals)
        )
        return wizard._create_payments()

    @api.model
    def _log_payments(self, payments):
        """Trace the payments of grant bills on their installments and grants."""
        bodies = {}
        for payment in payments:
            for bill in payment.reconciled_bill_ids:
                for installment in bill.invoice_line_ids.health_grant_installment_id:
                    bodies[installment] = self.env._(
                        "payment %(payment)s of %(amount)s registered by %(user)s on %(date)s "
                        "for bill %(bill)s.",
                        payment=payment.name,
                        amount=self._format_amount(payment.amount, payment.currency_id),
                        user=self.env.user.name,
                        date=format_date(self.env, payment.date),
                        bill=bill.name,
                    )
        self.browse()._health_log(bodies)

    def action_export_bordereau(self):
        return self.env["health.xlsx.export"]._xlsx_download(
            self.env["health.grant.xlsx"]._bordereau_xlsx(self),
            self.env._("bordereau_mandats_%s.xlsx", fields.Date.context_today(self)),
        )
