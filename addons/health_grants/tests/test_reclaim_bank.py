from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import HealthGrantsCommon


@tagged("post_install", "-at_install")
class TestReclaimAndBank(HealthGrantsCommon):
    def _paid_grant(self):
        grant = self._make_grant()
        installments = self._certified(grant.installment_ids)
        installments.with_user(self.user_grant_finance)._create_bills()
        installments.with_user(self.user_grant_finance)._register_payment()
        self.assertEqual(grant.state, "approved")
        self.assertEqual(grant.payment_status, "paid")
        return grant

    def _wizard(self, grant, user, **vals):
        return (
            self.env["health.grant.reclaim.wizard"]
            .with_user(user)
            .create({"grant_id": grant.id, "reason": "Intern left after one month", **vals})
        )

    def test_reclaim_creates_tracked_refund_request(self):
        grant = self._paid_grant()
        wizard = self._wizard(grant, self.user_grant_director)
        self.assertEqual(wizard.amount, 1000.0)
        wizard.amount = 400.0
        wizard.action_create_refund()
        refund = grant.refund_move_ids
        self.assertEqual(refund.move_type, "out_invoice")
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.partner_id, self.msu_a)
        self.assertEqual(refund.amount_total, 400.0)
        self.assertEqual(refund.invoice_line_ids.account_id, self.expense_account)
        self.assertEqual(grant.reclaimed_amount, 400.0)

    def test_reclaim_bad_amounts(self):
        grant = self._paid_grant()
        with self.assertRaisesRegex(UserError, "more than"):
            self._wizard(grant, self.user_grant_director, amount=1500.0).action_create_refund()
        with self.assertRaises(ValidationError) as caught:
            self._wizard(grant, self.user_grant_director, amount=0.0).action_create_refund()
        self.assertIn("greater than zero", str(caught.exception))
        with self.assertRaises(AccessError):
            self._wizard(grant, self.user_grant_officer, amount=10.0)
        self.assertFalse(grant.refund_move_ids)

    def test_bank_change_schedules_activity_for_finance(self):
        grant = self._make_grant()
        self.assertFalse(grant.activity_ids)
        # a trusted account cannot be edited: the beneficiary gives a new one
        self.env["res.partner.bank"].create(
            {"partner_id": self.msu_a.id, "acc_number": "FR7610278012340005556660311"}
        )
        self.assertEqual(len(grant.activity_ids), 1)
        self.assertEqual(grant.activity_ids.user_id, self.user_grant_finance)
        # a beneficiary without pending installments: nothing to review
        self.bank_b.allow_out_payment = False
        self.assertFalse(
            self.env["health.grant"].search([("partner_id", "=", self.msu_b.id)]).activity_ids
        )

    def test_bank_hidden_from_grant_users(self):
        grant = self._make_grant()
        self.assertEqual(grant.partner_bank_id, self.bank_a)
        with self.assertRaises(AccessError):
            grant.with_user(self.user_grant_officer).read(["partner_bank_id"])
        self.assertEqual(grant.with_user(self.user_grant_finance).partner_bank_id, self.bank_a)
