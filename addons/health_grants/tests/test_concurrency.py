from uuid import uuid4

from psycopg2 import errors as pg_errors

from odoo import Command, api
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestConcurrentBilling(TransactionCase):
    """Two users bill the same installments at the same moment: the second
    is refused, only one bill exists.

    Two real cursors are needed, so the data they share is committed by a
    third cursor and removed at the end.
    """

    def setUp(self):
        super().setUp()
        self.setup_cr = self.registry.cursor()
        self.addCleanup(self.setup_cr.close)
        env = api.Environment(self.setup_cr, api.SUPERUSER_ID, {"tracking_disable": True})
        account = env["account.account"].search(
            [
                *env["account.account"]._check_company_domain(env.company),
                ("account_type", "=", "expense"),
            ],
            limit=1,
        )
        msu = env.ref("health_base.role_msu")
        self.program = env["health.grant.program"].create(
            {
                "name": "Concurrency programme",
                "unit_amount": 500.0,
                "installment_count": 1,
                "proof_required": False,
                "expense_account_id": account.id,
                "envelope_ids": [Command.create({"year": 2026, "amount": 1000.0})],
            }
        )
        self.partner = env["res.partner"].create(
            {"name": "Dr Concurrency", "health_role_ids": [Command.set(msu.ids)]}
        )
        env["res.partner.bank"].create(
            {
                "partner_id": self.partner.id,
                "acc_number": "FR7630003045670009876540217",
                "allow_out_payment": True,
            }
        )
        grant = env["health.grant"].create(
            {
                "program_id": self.program.id,
                "partner_id": self.partner.id,
                "act_id": env["health.authorising.act"]
                .create(
                    {
                        "act_type": "deliberation",
                        "body": "standing_committee",
                        "number": f"CONC-{uuid4().hex[:8]}",
                        "date": "2026-10-01",
                        "subject": "Concurrency programme",
                        "partner_id": env.company.partner_id.id,
                    }
                )
                .id,
                "budget_year": 2026,
                "first_due_date": "2026-11-02",
            }
        )
        grant.action_submit()
        grant.action_approve()
        grant.installment_ids._certify()
        self.installment_id = grant.installment_ids.id
        self.grant_id = grant.id
        self.setup_cr.commit()
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        env = api.Environment(self.setup_cr, api.SUPERUSER_ID, {})
        self.setup_cr.rollback()
        env["account.move"].search(
            [("line_ids.health_grant_installment_id", "=", self.installment_id)]
        ).unlink()
        env["health.grant"].browse(self.grant_id).action_cancel()
        act = env["health.grant"].browse(self.grant_id).act_id
        env["health.grant"].browse(self.grant_id).unlink()
        act.unlink()
        self.partner.with_env(env).bank_ids.unlink()
        self.partner.with_env(env).unlink()
        self.program.with_env(env).unlink()
        self.setup_cr.commit()

    def test_two_cursors_one_bill(self):
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = api.Environment(cr1, api.SUPERUSER_ID, {})
            env2 = api.Environment(cr2, api.SUPERUSER_ID, {})
            inst1 = env1["health.grant.installment"].browse(self.installment_id)
            inst2 = env2["health.grant.installment"].browse(self.installment_id)
            # both users see the installment as ready to bill
            self.assertEqual(inst1.state, "certified")
            self.assertEqual(inst2.state, "certified")
            bill = inst1._create_bills(post=False)
            self.assertTrue(bill)
            with self.assertRaisesRegex(UserError, "Someone else is billing"):
                inst2._create_bills(post=False)
            self.assertFalse(
                env2["account.move.line"].search(
                    [("health_grant_installment_id", "=", self.installment_id)]
                )
            )
            cr2.rollback()
            cr1.rollback()

    def test_stale_transaction_cannot_bill_again(self):
        """The first user's bill is committed while the second user's
        transaction still sees the installment unbilled: the second is
        refused by PostgreSQL (Odoo retries the request, which then finds
        the bill) instead of creating a second bill."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            env1 = api.Environment(cr1, api.SUPERUSER_ID, {})
            env2 = api.Environment(cr2, api.SUPERUSER_ID, {})
            inst2 = env2["health.grant.installment"].browse(self.installment_id)
            # the second transaction takes its snapshot: nothing billed yet
            self.assertEqual(inst2.state, "certified")
            env1["health.grant.installment"].browse(self.installment_id)._create_bills(post=False)
            cr1.commit()
            with self.assertRaises(pg_errors.SerializationFailure):
                inst2._create_bills(post=False)
            cr2.rollback()
            # retried, the request sees the committed bill and refuses
            inst2.invalidate_recordset()
            self.assertEqual(inst2.state, "billed")
            with self.assertRaisesRegex(UserError, "without a live bill"):
                inst2._create_bills(post=False)
            cr2.rollback()
            self.assertEqual(
                env2["account.move"].search_count(
                    [("line_ids.health_grant_installment_id", "=", self.installment_id)]
                ),
                1,
            )
