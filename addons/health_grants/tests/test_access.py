from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import HealthGrantsCommon


@tagged("post_install", "-at_install")
class TestAccess(HealthGrantsCommon):
    def test_employee_sees_no_grant(self):
        grant = self._make_grant(state="draft")
        with self.assertRaises(AccessError):
            grant.with_user(self.user_employee).read(["name"])
        with self.assertRaises(AccessError):
            self.program.with_user(self.user_employee).read(["name"])
        # a user of the suite without the grants groups neither
        with self.assertRaises(AccessError):
            grant.with_user(self.user_officer).read(["name"])

    def test_officer_prepares_but_cannot_approve(self):
        Grant = self.env["health.grant"].with_user(self.user_grant_officer)
        grant = Grant.create(
            {
                "program_id": self.program.id,
                "partner_id": self.msu_a.id,
                "interns_hosted": 2,
                "act_id": self._make_act("CP-1", "2026-10-01").id,
                "budget_year": 2026,
                "first_due_date": "2026-11-02",
            }
        )
        self.assertEqual(grant.granted_amount, 2000.0)
        grant.action_submit()
        with self.assertRaises(AccessError):
            grant.action_approve()
        self.assertEqual(grant.state, "submitted")
        with self.assertRaises(AccessError):
            self.program.with_user(self.user_grant_officer).write({"unit_amount": 5.0})
        with self.assertRaises(AccessError):
            grant.unlink()

    def test_manager_approves(self):
        grant = self._make_grant(state="submitted")
        grant.with_user(self.user_grant_manager).action_approve()
        self.assertEqual(grant.state, "approved")
        self.program.with_user(self.user_grant_manager).write({"unit_amount": 900.0})
        self.assertEqual(self.program.unit_amount, 900.0)

    def test_other_company_hidden(self):
        other = self.env["res.company"].create({"name": "Other Département"})
        program = self.env["health.grant.program"].create({"name": "Other", "company_id": other.id})
        self.assertNotIn(
            program, self.env["health.grant.program"].with_user(self.user_grant_manager).search([])
        )

    def test_state_is_the_workflow_of_the_buttons(self):
        """A write of the state (import, XML-RPC) is the button: same rights,
        same checks, same effects; no context key opens a shortcut."""
        grant = self._make_grant(state="submitted")
        with self.assertRaises(AccessError):
            grant.with_user(self.user_grant_officer).write({"state": "approved"})
        with self.assertRaises(AccessError):
            grant.with_user(self.user_grant_officer).with_context(health_grant_internal=True).write(
                {"state": "approved"}
            )
        self.assertEqual(grant.state, "submitted")
        self.assertFalse(grant.installment_ids)
        # the derived payment statuses are not states of the workflow
        for value in ("in_payment", "paid"):
            with self.assertRaisesRegex(ValidationError, "not one of the allowed values"):
                grant.with_user(self.user_grant_manager).write({"state": value})
        self.assertEqual(grant.state, "submitted")
        # the transition checks apply to a write as to a button
        draft = self._make_grant(state="draft")
        with self.assertRaisesRegex(UserError, "Only submitted grants can be approved"):
            draft.with_user(self.user_grant_manager).write({"state": "approved"})
        self.assertEqual(draft.state, "draft")
        # a manager's write approves as the button does: installments scheduled
        grant.with_user(self.user_grant_manager).write({"state": "approved"})
        self.assertEqual(grant.state, "approved")
        self.assertEqual(grant.payment_status, "not_billed")
        self.assertEqual(len(grant.installment_ids), 3)
        self.assertEqual(self.program.envelope_ids.committed_amount, 1000.0)
        # the payment status is derived from the installments only
        with self.assertRaisesRegex(UserError, "derived"):
            grant.with_user(self.user_grant_manager).write({"payment_status": "paid"})
        self.assertEqual(grant.payment_status, "not_billed")

    def test_amount_and_certification_only_through_actions(self):
        """No shortcut through a plain write (import, XML-RPC)."""
        grant = self._make_grant()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            grant.write({"granted_amount": 5000.0})
        self.assertEqual(grant.granted_amount, 1000.0)
        installment = grant.installment_ids[0]
        with self.assertRaisesRegex(UserError, "buttons only"):
            installment.with_user(self.user_grant_officer).write(
                {"certified_by_id": self.user_grant_manager.id, "certified_date": "2026-11-20"}
            )
        with self.assertRaisesRegex(UserError, "buttons only"):
            installment.with_user(self.user_grant_officer).write({"amount": 1.0})
        self.assertFalse(installment.certified_by_id)
        self.assertEqual(installment.amount, 333.33)

    def test_officer_works_in_the_forms(self):
        """The officer opens grants and installments without accounting rights."""
        grant = self._make_grant()
        officer_grant = grant.with_user(self.user_grant_officer)
        with Form(officer_grant) as form:
            form.note = "<p>Attestation received</p>"
        installment = officer_grant.installment_ids.sorted("sequence")[0]
        with Form(installment) as form:
            form.proof_attachment_ids.add(self.proof)
        installment.action_certify()
        self.assertEqual(installment.certified_by_id, self.user_grant_officer)
        officer_grant.invalidate_recordset()
        self.assertEqual(officer_grant.envelope_remaining, 9000.0)
        self.assertEqual(officer_grant.installment_ids.mapped("payment_state"), [False] * 3)
