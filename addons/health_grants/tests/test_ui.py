from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """Browser tours. The browser's clock cannot be frozen: the data is
    built relative to the real today."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        msu = cls.env.ref("health_base.role_msu")
        account = cls.env["account.account"].search(
            [
                *cls.env["account.account"]._check_company_domain(cls.env.company),
                ("account_type", "=", "expense"),
            ],
            limit=1,
        )
        journal = cls.env["account.journal"].create(
            {"name": "Tour grants", "code": "TOUR", "type": "purchase"}
        )
        bank = cls.env["account.journal"].create(
            {"name": "Tour treasury", "code": "TTRE", "type": "bank"}
        )
        cls.transfer = cls.env["account.payment.method.line"].create(
            {
                "name": "Virement",
                "sequence": 1,
                "journal_id": bank.id,
                "payment_method_id": cls.env.ref("account.account_payment_method_manual_out").id,
            }
        )
        cls.program = cls.env["health.grant.program"].create(
            {
                "name": "Tour MSU aid",
                "unit_amount": 750.0,
                "installment_count": 1,
                "expense_account_id": account.id,
                "journal_id": journal.id,
                "payment_method_line_id": cls.transfer.id,
                "proof_required": False,
                "envelope_ids": [Command.create({"year": today.year, "amount": 5000.0})],
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
        act = cls.env["health.authorising.act"].create(
            {
                "act_type": "deliberation",
                "body": "standing_committee",
                "number": "CP-TOUR-1",
                "date": today - relativedelta(days=30),
                "subject": "Tour MSU aid",
                "partner_id": cls.env.company.partner_id.id,
            }
        )
        cls.grant = cls.env["health.grant"].create(
            {
                "program_id": cls.program.id,
                "partner_id": cls.partner.id,
                "act_id": act.id,
                "budget_year": today.year,
                # due yesterday: its service fait needs no confirmation
                "first_due_date": today - relativedelta(days=1),
            }
        )
        cls.grant.action_submit()
        # the personas of the grants (password = login)
        cls.grants_officer = new_test_user(
            cls.env,
            login="tour-gestion-aides",
            groups="base.group_user,health_grants.group_grant_user",
            name="Tour Grants Officer",
            lang="fr_FR",
        )
        cls.finance_officer = new_test_user(
            cls.env,
            login="tour-finances",
            groups="base.group_user,account.group_account_invoice,"
            "account.group_validate_bank_account,health_grants.group_grant_finance",
            name="Tour Finance Officer",
            lang="fr_FR",
        )

    def test_grant_paid_tour(self):
        """The administrator does it all: approve, certify, bill, pay."""
        self.env.ref("base.user_admin").lang = "fr_FR"
        self.start_tour("/odoo", "health_grants_tour", login="admin")
        self.assertEqual(self.grant.state, "approved")
        self.assertEqual(self.grant.payment_status, "paid")
        installment = self.grant.installment_ids
        self.assertEqual(installment.certified_by_id, self.env.ref("base.user_admin"))
        self.assertIn(installment.payment_state, ("paid", "in_payment"))

    def test_officer_certifies_finance_bills_and_pays_tour(self):
        """The grants officer certifies the service fait and sees no bill nor
        payment button; the finance officer bills and pays; the grant's
        chatter keeps the trace of each step."""
        self.grant.action_approve()
        installment = self.grant.installment_ids
        self.start_tour(
            "/odoo/action-health_grants.health_grant_installment_action",
            "health_grants_certify_tour",
            login=self.grants_officer.login,
        )
        self.assertEqual(installment.state, "certified")
        self.assertEqual(installment.certified_by_id, self.grants_officer)
        self.start_tour(
            "/odoo/action-health_grants.health_grant_installment_action",
            "health_grants_bill_pay_tour",
            login=self.finance_officer.login,
        )
        bill = installment.bill_id
        self.assertEqual(bill.create_uid, self.finance_officer)
        self.assertIn(installment.payment_state, ("paid", "in_payment"))
        payment = bill.matched_payment_ids | bill._get_reconciled_payments()
        self.assertEqual(payment.payment_method_line_id, self.transfer)
        bodies = " ".join(str(body) for body in self.grant.message_ids.mapped("body"))
        self.assertIn("Tour Grants Officer", bodies)
        self.assertIn(bill.name, bodies)
        self.assertIn(payment[:1].name, bodies)
