from odoo import Command
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        msu = cls.env.ref("health_base.role_msu")
        account = cls.env["account.account"].search(
            [
                *cls.env["account.account"]._check_company_domain(cls.env.company),
                ("account_type", "=", "expense"),
            ],
            limit=1,
        )
        program = cls.env["health.grant.program"].create(
            {
                "name": "Tour MSU aid",
                "unit_amount": 750.0,
                "installment_count": 1,
                "expense_account_id": account.id,
                "envelope_ids": [Command.create({"year": 2026, "amount": 5000.0})],
            }
        )
        cls.partner = cls.env["res.partner"].create(
            {"name": "Dr Tour Grant", "health_role_ids": [Command.set(msu.ids)]}
        )
        cls.env["res.partner.bank"].create(
            {
                "partner_id": cls.partner.id,
                "acc_number": "FR7630002005500000111110429",
                "allow_out_payment": True,
            }
        )
        cls.grant = cls.env["health.grant"].create(
            {
                "program_id": program.id,
                "partner_id": cls.partner.id,
                "act_id": cls.env["health.authorising.act"]
                .create(
                    {
                        "act_type": "deliberation",
                        "body": "standing_committee",
                        "number": "CP-TOUR-1",
                        "date": "2026-10-12",
                        "subject": "Tour MSU aid",
                        "partner_id": cls.env.company.partner_id.id,
                    }
                )
                .id,
                "budget_year": 2026,
                "first_due_date": "2026-11-02",
            }
        )
        cls.grant.action_submit()
        cls.proof = cls.env["ir.attachment"].create({"name": "tour_attestation.txt", "raw": b"ok"})

    def test_grant_paid_tour(self):
        self.env.ref("base.user_admin").lang = "fr_FR"
        # The proof arrives once the installment exists (after approval in the tour).
        self.grant.program_id.proof_required = False
        self.start_tour("/odoo", "health_grants_tour", login="admin")
        self.assertEqual(self.grant.state, "approved")
        self.assertEqual(self.grant.payment_status, "paid")
        installment = self.grant.installment_ids
        self.assertEqual(installment.certified_by_id, self.env.ref("base.user_admin"))
        self.assertIn(installment.payment_state, ("paid", "in_payment"))
