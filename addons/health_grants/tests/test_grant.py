from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import HealthGrantsCommon


@tagged("post_install", "-at_install")
class TestGrant(HealthGrantsCommon):
    def test_rule_amount_and_schedule_sum_exact(self):
        """1000 € in 3 installments: 333.33, 333.33 and 333.34 on the last one."""
        grant = self._make_grant(interns=1)
        self.assertEqual(grant.granted_amount, 1000.0)
        self.assertEqual(grant.state, "approved")
        amounts = grant.installment_ids.sorted("sequence").mapped("amount")
        self.assertEqual(amounts, [333.33, 333.33, 333.34])
        self.assertAlmostEqual(sum(amounts), grant.granted_amount, places=2)
        dates = grant.installment_ids.sorted("sequence").mapped("due_date")
        self.assertEqual([str(d) for d in dates], ["2026-11-02", "2027-01-02", "2027-03-02"])
        self.assertEqual(grant.installment_ids.semester_id, self.semester)

    def test_schedule_odd_amounts(self):
        grant = self._make_grant(state="submitted", granted_amount=100.01, installment_count=7)
        grant.action_approve()
        self.assertEqual(len(grant.installment_ids), 7)
        self.assertAlmostEqual(sum(grant.installment_ids.mapped("amount")), 100.01, places=2)
        self.assertEqual(grant.installment_ids.sorted("sequence")[-1].amount, 14.27)

    def test_reschedule_blocked_once_certified(self):
        grant = self._make_grant()
        self._certified(grant.installment_ids[0])
        with self.assertRaises(UserError):
            grant.action_generate_installments()
        self.assertEqual(len(grant.installment_ids), 3)

    def test_envelope_limit(self):
        """Approval commits against the envelope and cannot exceed it."""
        first = self._make_grant(
            partner=self.msu_a, interns=3, state="submitted", granted_amount=7000.0
        )
        first.action_approve()
        envelope = self.program.envelope_ids
        self.assertEqual(envelope.committed_amount, 7000.0)
        self.assertEqual(envelope.remaining_amount, 3000.0)
        second = self._make_grant(partner=self.msu_b, state="submitted", granted_amount=3500.0)
        self.assertEqual(second.envelope_remaining, 3000.0)
        with self.assertRaisesRegex(UserError, "exceed"):
            second.action_approve()
        self.assertEqual(second.state, "submitted")
        self.assertFalse(second.installment_ids)
        second.granted_amount = 3000.0
        second.action_approve()
        envelope.invalidate_recordset()
        self.assertEqual(envelope.remaining_amount, 0.0)

    def test_envelope_missing_year(self):
        grant = self._make_grant(state="submitted", budget_year=2031)
        with self.assertRaisesRegex(UserError, "no envelope"):
            grant.action_approve()
        self.assertEqual(grant.state, "submitted")

    def test_cap_per_beneficiary_and_year(self):
        self.program.cap_per_beneficiary_year = 1500.0
        self._make_grant(interns=1)
        second = self._make_grant(interns=1, state="submitted")
        with self.assertRaisesRegex(UserError, "cap"):
            second.action_approve()
        self.assertEqual(second.state, "submitted")

    def test_cap_per_grant(self):
        self.program.cap_per_grant = 2500.0
        grant = self._make_grant(interns=3, state="draft")
        self.assertEqual(grant.granted_amount, 2500.0)

    def test_decision_required(self):
        """Approval needs the act, with its number and date."""
        grant = self._make_grant(state="submitted", act_id=False)
        with self.assertRaisesRegex(UserError, "decision"):
            grant.action_approve()
        self.assertEqual(grant.state, "submitted")
        grant.act_id = self.act
        grant.action_approve()
        self.assertEqual(grant.state, "approved")

    def test_bill_line_names_the_act(self):
        grant = self._make_grant()
        first = self._certified(grant.installment_ids.sorted("sequence")[0])
        bill = first.with_user(self.user_grant_finance)._create_bills()
        self.assertEqual(
            bill.invoice_line_ids.name,
            f"Test MSU aid – {grant.name}, installment 1 (decision CP-TEST-1)",
        )

    def test_beneficiary_role_required(self):
        gp = self.env["res.partner"].create({"name": "Dr Not MSU"})
        with self.assertRaises(ValidationError):
            self._make_grant(partner=gp, state="draft")
        self.assertFalse(self.env["health.grant"].search([("partner_id", "=", gp.id)]))

    def test_negative_amount_refused(self):
        grant = self._make_grant(state="draft")
        with self.assertRaises(UserError), self.cr.savepoint():
            grant.write({"granted_amount": 0.0})
            grant.action_submit()
        self.assertEqual(grant.state, "draft")

    def test_cancel_frees_envelope(self):
        grant = self._make_grant()
        self.assertEqual(self.program.envelope_ids.committed_amount, 1000.0)
        grant.action_cancel()
        self.assertEqual(grant.state, "cancelled")
        self.assertEqual(set(grant.installment_ids.mapped("state")), {"cancelled"})
        self.program.envelope_ids.invalidate_recordset()
        self.assertEqual(self.program.envelope_ids.committed_amount, 0.0)

    def test_cancelled_after_billing_then_approved_again(self):
        """A grant whose bill was cancelled can be cancelled, approved again
        and scheduled anew; the billed installment stays as history."""
        grant = self._make_grant()
        first = self._certified(grant.installment_ids.sorted("sequence")[0])
        bill = first._create_bills()
        bill.button_draft()
        bill.button_cancel()
        grant.action_cancel()
        grant.action_draft()
        self.assertEqual(grant.installment_ids, first)
        grant.action_submit()
        grant.action_approve()
        live = grant.installment_ids.filtered(lambda i: i.state != "cancelled")
        self.assertEqual(len(live), 3)
        self.assertEqual(live.mapped("sequence"), [2, 3, 4])
        self.assertAlmostEqual(sum(live.mapped("amount")), 1000.0, places=2)
        self.assertEqual(grant.state, "approved")
