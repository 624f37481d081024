from odoo import api, fields, models
from odoo.exceptions import UserError

# States of a payment order whose lines still wait for the transfer.
OPEN_ORDER_STATES = ("draft", "open", "generated")


class HealthGrantInstallment(models.Model):
    """Pay billed installments with a SEPA credit-transfer payment order.

    The installment adds its posted bill to an outbound payment order with
    OCA's own ``account.move.create_account_payment_line``
    (``account_payment_order``), once the bill carries the SEPA payment mode;
    the payment line pays the bill's bank account, the beneficiary's trusted
    one.  Once the order's file is generated and the order marked uploaded,
    its payments are posted and reconciled with the bills: the installment
    becomes paid through the bill's ``payment_state``.
    """

    _inherit = "health.grant.installment"

    payment_order_id = fields.Many2one(
        "account.payment.order",
        string="Payment Order",
        compute="_compute_payment_order_id",
        compute_sudo=True,
        help="The latest payment order, not cancelled, paying the bill of this installment.",
    )

    @api.depends("bill_id.line_ids.payment_line_ids.state")
    def _compute_payment_order_id(self):
        for installment in self:
            lines = installment.bill_id.line_ids.payment_line_ids.filtered(
                lambda line: line.state != "cancel"
            )
            installment.payment_order_id = max(
                lines.order_id, key=lambda order: order.id, default=False
            )

    # -------------------------------------------------------------- checks
    def _check_payment_order_ready(self):
        not_billed = self.filtered(
            lambda i: i.state != "billed"
            or i.bill_id.state != "posted"
            or i.payment_state not in ("not_paid", "partial")
        )
        if not_billed:
            raise UserError(
                self.env._(
                    "Only installments with a posted bill still to pay can be added "
                    "to a payment order: %s.",
                    ", ".join(not_billed[:10].mapped("name")),
                )
            )
        ordered = self.filtered(
            lambda i: i.payment_order_id.state in OPEN_ORDER_STATES
            or i.bill_id.line_ids.payment_line_ids.filtered(
                lambda line: line.state in OPEN_ORDER_STATES
            )
        )
        if ordered:
            raise UserError(
                self.env._(
                    "These installments are already in a payment order: %s.",
                    ", ".join(f"{i.name} ({i.payment_order_id.name})" for i in ordered[:10]),
                )
            )
        untrusted = self.bill_id.filtered(lambda m: not m.partner_bank_id.allow_out_payment)
        if untrusted:
            raise UserError(
                self.env._(
                    "These bills have no bank account trusted for outgoing payments: %s.",
                    ", ".join(untrusted.mapped("name")),
                )
            )

    # --------------------------------------------------------- payment mode
    def _get_sepa_payment_mode(self):
        """The SEPA credit-transfer payment mode of the installments' company."""
        company = self.company_id
        if len(company) > 1:
            raise UserError(
                self.env._("Add the installments of one company at a time to a payment order.")
            )
        mode = self.env["account.payment.mode"].search(
            [
                ("company_id", "=", company.id),
                ("payment_method_code", "=", "sepa_credit_transfer"),
                ("payment_type", "=", "outbound"),
                ("payment_order_ok", "=", True),
            ],
            order="sequence, id",
            limit=1,
        )
        if not mode:
            raise UserError(
                self.env._(
                    "Create a payment mode with the SEPA credit transfer method, "
                    "selectable in payment orders, for the company %s.",
                    company.name,
                )
            )
        return mode

    def _set_payment_mode(self, payment_mode):
        """Give the bills of these installments the payment mode, keeping the
        trusted bank account chosen when they were issued (Odoo and OCA would
        recompute it from the partner's accounts)."""
        bills = self.bill_id.filtered(lambda m: m.payment_mode_id != payment_mode)
        if bills:
            with self.env.protecting([bills._fields["partner_bank_id"]], bills):
                bills.write({"payment_mode_id": payment_mode.id})

    # ---------------------------------------------------------------- action
    def _add_to_payment_order(self, payment_mode=None):
        """Add the bills of these installments to a draft SEPA payment order
        (OCA's: the draft order of the payment mode, created if none)."""
        self._check_can_issue_bills()
        # the payment rights of accounting, before the bills are touched
        self.env["account.payment.line"].check_access("create")
        self._lock_for_billing()
        self._check_payment_order_ready()
        payment_mode = payment_mode or self._get_sepa_payment_mode()
        self._set_payment_mode(payment_mode)
        self.bill_id.create_account_payment_line()
        return self.bill_id.line_ids.payment_line_ids.filtered(
            lambda line: line.state == "draft"
        ).order_id

    def action_add_to_payment_order(self):
        order = self._add_to_payment_order()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account_payment_order.account_payment_order_outbound_action"
        )
        action.update({"res_id": order.id, "views": [(False, "form")], "view_mode": "form"})
        return action
