from datetime import date

from odoo import Command
from odoo.addons.health_base.tests.common import QueryCountMixin
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, freeze_time, tagged

from .common import HealthGrantsCommon


@tagged("post_install", "-at_install")
class TestBilling(QueryCountMixin, HealthGrantsCommon):
    def _pay(self, bills, amount=None):
        ctx = {"active_model": "account.move", "active_ids": bills.ids}
        vals = {"group_payment": True}
        if amount is not None:
            vals.update(amount=amount, payment_difference_handling="open")
        wizard = self.env["account.payment.register"].with_context(**ctx).create(vals)
        return wizard._create_payments()

    @freeze_time("2026-11-20 09:00:00")
    def test_certification_gate(self):
        """Proofs before service fait; service fait before any bill."""
        grant = self._make_grant()
        first = grant.installment_ids.sorted("sequence")[0]
        with self.assertRaisesRegex(UserError, "proofs"):
            first.with_user(self.user_grant_officer).action_certify()
        self.assertFalse(first.certified_date)
        with self.assertRaisesRegex(UserError, "certified"):
            first.with_user(self.user_grant_finance)._create_bills()
        self.assertFalse(first.bill_line_ids)
        first.proof_attachment_ids = [Command.link(self.proof.id)]
        first.with_user(self.user_grant_officer).action_certify()
        self.assertEqual(first.certified_by_id, self.user_grant_officer)
        self.assertEqual(first.certified_date, date(2026, 11, 20))
        self.assertEqual(first.state, "certified")

    def test_bill_accounts_analytic_bank(self):
        grant = self._make_grant()
        first = self._certified(grant.installment_ids.sorted("sequence")[0])
        bill = first.with_user(self.user_grant_finance)._create_bills()
        self.assertEqual(bill.move_type, "in_invoice")
        self.assertEqual(bill.state, "posted")
        self.assertEqual(bill.partner_id, self.msu_a)
        self.assertEqual(bill.partner_bank_id, self.bank_a)
        self.assertEqual(bill.journal_id, self.journal)
        self.assertEqual(bill.amount_total, 333.33)
        line = bill.invoice_line_ids
        self.assertEqual(line.account_id, self.expense_account)
        self.assertFalse(line.tax_ids)
        self.assertEqual(line.analytic_distribution, {str(self.analytic.id): 100})
        self.assertEqual(first.bill_id, bill)
        self.assertEqual(first.state, "billed")
        self.assertEqual(first.payment_state, "not_paid")
        self.assertEqual(grant.state, "approved")
        self.assertEqual(grant.payment_status, "in_payment")

    def test_never_bill_twice_and_cancel_frees(self):
        grant = self._make_grant()
        first = self._certified(grant.installment_ids.sorted("sequence")[0])
        bill = first.with_user(self.user_grant_finance)._create_bills()
        with self.assertRaisesRegex(UserError, "without a live bill"):
            first.with_user(self.user_grant_finance)._create_bills()
        self.assertEqual(len(first.bill_line_ids), 1)
        bill.button_draft()
        bill.button_cancel()
        self.assertFalse(first.bill_id)
        self.assertEqual(first.state, "certified")
        new_bill = first.with_user(self.user_grant_finance)._create_bills()
        self.assertNotEqual(new_bill, bill)
        self.assertEqual(first.bill_id, new_bill)
        # the cancelled bill cannot come back beside the new one
        with self.assertRaisesRegex(UserError, "billed again"):
            bill.button_draft()
        self.assertEqual(bill.state, "cancel")

    def test_grouped_per_beneficiary(self):
        grant_a = self._make_grant(partner=self.msu_a)
        grant_b = self._make_grant(partner=self.msu_b)
        installments = self._certified(grant_a.installment_ids | grant_b.installment_ids)
        bills = installments.with_user(self.user_grant_finance)._create_bills(group_by_partner=True)
        self.assertEqual(len(bills), 2)
        self.assertEqual(bills.partner_id, self.msu_a | self.msu_b)
        self.assertEqual(sorted(bills.mapped("amount_total")), [1000.0, 1000.0])
        self.assertEqual(len(bills[0].invoice_line_ids), 3)

    def test_trusted_bank_required(self):
        grant = self._make_grant()
        first = self._certified(grant.installment_ids[0])
        self.bank_a.allow_out_payment = False
        with self.assertRaisesRegex(UserError, "trusted bank"):
            first.with_user(self.user_grant_finance)._create_bills()
        self.assertFalse(first.bill_line_ids)

    def test_manager_without_accounting_rights_cannot_bill(self):
        grant = self._make_grant()
        first = self._certified(grant.installment_ids[0])
        with self.assertRaises(AccessError):
            first.with_user(self.user_grant_manager)._create_bills()
        with self.assertRaises(AccessError):
            first.with_user(self.user_grant_officer)._create_bills()
        self.assertFalse(first.bill_line_ids)

    def test_payment_status_partial_paid_grant_paid(self):
        grant = self._make_grant()
        installments = self._certified(grant.installment_ids)
        bills = installments.with_user(self.user_grant_finance)._create_bills()
        first = installments.sorted("sequence")[0]
        self._pay(first.bill_id, amount=100.0)
        self.assertEqual(first.payment_state, "partial")
        self.assertEqual(first.state, "billed")
        self.assertEqual(grant.payment_status, "in_payment")
        installments.with_user(self.user_grant_finance)._register_payment()
        self.assertTrue(all(s in ("paid", "in_payment") for s in bills.mapped("payment_state")))
        self.assertEqual(set(installments.mapped("state")), {"paid"})
        self.assertEqual(grant.state, "approved")
        self.assertEqual(grant.payment_status, "paid")
        self.assertEqual(grant.paid_amount, 1000.0)

    def test_reversed_bill_frees_and_reissue(self):
        grant = self._make_grant()
        first = self._certified(grant.installment_ids.sorted("sequence")[0])
        bill = first.with_user(self.user_grant_finance)._create_bills()
        # full credit note, posted and reconciled with the bill
        bill.with_user(self.user_grant_finance)._reverse_moves(
            [{"ref": "Wrong bank account", "invoice_date": bill.invoice_date}], cancel=True
        )
        self.assertEqual(bill.payment_state, "reversed")
        self.assertEqual(first.payment_state, "reversed")
        self.assertEqual(first.state, "certified")
        again = first.with_user(self.user_grant_finance)._create_bills()
        self.assertEqual(first.bill_id, again)
        self.assertEqual(first.payment_state, "not_paid")
        self.assertEqual(first.state, "billed")

    def test_register_payment_action_groups(self):
        grant = self._make_grant()
        installments = self._certified(grant.installment_ids)
        installments.with_user(self.user_grant_finance)._create_bills()
        action = installments.with_user(self.user_grant_finance).action_register_payment()
        self.assertEqual(action["res_model"], "account.payment.register")
        self.assertTrue(action["context"]["default_group_payment"])
        wizard = Form(
            self.env["account.payment.register"]
            .with_user(self.user_grant_finance)
            .with_context(**action["context"])
        ).save()
        self.assertEqual(wizard.amount, 1000.0)

    def _approved(self, count, amount):
        grants = self.env["health.grant"]
        for _i in range(count):
            grants |= self._make_grant(partner=self.msu_a, state="submitted", granted_amount=amount)
        grants.action_approve()
        return grants

    def test_batch_bill_queries_grow_only_as_odoo_posting(self):
        """Billing 6 then 18 installments (one bill per beneficiary): the
        suite's query count is not constant, because Odoo itself makes about
        one query per bill line when it posts the analytic lines; the pin is
        that it grows by exactly as many queries as Odoo's own creation and
        posting of the same bills, measured here in the same test, so the
        suite adds no query per installment (lock, checks, chatter trace)."""

        def prepare(count):
            installments = self._certified(self._approved(count, 600.0).installment_ids)
            self.assertEqual(len(installments), 3 * count)
            return installments.ids

        def run(ids):
            installments = self.env["health.grant.installment"].browse(ids)
            bills = installments.with_user(self.user_grant_finance)._create_bills(
                group_by_partner=True
            )
            self.assertEqual(len(bills), 1)
            self.assertEqual(bills.invoice_line_ids.health_grant_installment_id.ids, sorted(ids))

        def core_run(ids):
            """Odoo alone: the same bill, its lines written by hand."""
            installments = self.env["health.grant.installment"].browse(ids)
            vals = installments._prepare_bill_vals()
            for _command, _id, line in vals["invoice_line_ids"]:
                line.pop("health_grant_installment_id")
            bill = self.env["account.move"].with_user(self.user_grant_finance).create(vals)
            bill.action_post()
            self.assertEqual(len(bill.invoice_line_ids), len(ids))

        self.program.envelope_ids.amount = 100_000.0
        for measured in (run, core_run):
            # Odoo's caches (journal, sequence, access rules) warmed up
            self._count_queries(measured, prepare(2))
        suite = [self._count_queries(run, prepare(size)) for size in (2, 6)]
        core = [self._count_queries(core_run, prepare(size)) for size in (2, 6)]
        self.assertEqual(
            suite[1] - suite[0],
            core[1] - core[0],
            f"suite {suite} queries, Odoo alone {core}, for 6 and 18 installments: "
            "the suite's growth must equal Odoo's",
        )

    @freeze_time("2027-06-01 09:00:00")
    def test_batch_certify_query_count(self):
        """Certifying is batched: 6 or 18 installments cost the same queries,
        the chatter trace of the installments and grants included (every
        installment is due: no confirmation is asked)."""

        def prepare(count):
            installments = self._approved(count, 60.0).installment_ids
            installments.write({"proof_attachment_ids": [Command.link(self.proof.id)]})
            # the access rules of the user are cached by a first call, read
            # from the database as the measured one
            installments[:1].with_user(self.user_grant_officer).action_certify()
            return installments[1:].ids

        def run(ids):
            # as the list view sends them: ids browsed together
            officer_installments = (
                self.env["health.grant.installment"].with_user(self.user_grant_officer).browse(ids)
            )
            officer_installments.action_certify()
            self.assertEqual(officer_installments.certified_by_id, self.user_grant_officer)
            self.assertEqual(set(officer_installments.mapped("state")), {"certified"})

        self._count_queries(run, prepare(2))  # Odoo's caches (access rules) warmed up
        self.assertQueryCountSame(prepare, run, n=2)
