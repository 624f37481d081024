import base64

from odoo import Command
from odoo.addons.health_base.tests.common import HealthBaseCommon
from odoo.tests import new_test_user


class HealthGrantsCommon(HealthBaseCommon):
    """health_base's users and territories, plus the grants users of each
    role, a programme with an envelope, beneficiaries with a trusted bank
    account.  Built here, not taken from the demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.user_grant_officer = new_test_user(
            cls.env,
            login="hg_officer",
            groups="base.group_user,health_grants.group_grant_user",
            name="Grants Officer",
        )
        cls.user_grant_manager = new_test_user(
            cls.env,
            login="hg_manager",
            groups="base.group_user,health_grants.group_grant_manager",
            name="Grants Manager",
        )
        cls.user_grant_finance = new_test_user(
            cls.env,
            login="hg_finance",
            groups="base.group_user,health_grants.group_grant_finance,account.group_account_invoice",
            name="Finance Officer",
        )
        # a manager with the invoicing rights of accounting: reclaims paid grants
        cls.user_grant_director = new_test_user(
            cls.env,
            login="hg_director",
            groups="base.group_user,health_grants.group_grant_manager,account.group_account_invoice",
            name="Grants Manager with Invoicing",
        )
        cls.role_msu = cls.env.ref("health_base.role_msu")
        cls.expense_account = cls.env["account.account"].search(
            [
                *cls.env["account.account"]._check_company_domain(cls.company),
                ("account_type", "=", "expense"),
            ],
            limit=1,
        )
        cls.journal = cls.env["account.journal"].create(
            {"name": "Test grants", "code": "TGRT", "type": "purchase"}
        )
        plan = cls.env["account.analytic.plan"].create({"name": "Test plan"})
        cls.analytic = cls.env["account.analytic.account"].create(
            {"name": "Test MSU analytic", "plan_id": plan.id}
        )
        cls.semester = cls.env["health.internship.semester"].search(
            [("year", "=", 2026), ("season", "=", "november")], limit=1
        ) or cls.env["health.internship.semester"].create({"year": 2026, "season": "november"})
        cls.program = cls.env["health.grant.program"].create(
            {
                "name": "Test MSU aid",
                "beneficiary_role_id": cls.role_msu.id,
                "amount_rule": "per_intern",
                "unit_amount": 1000.0,
                "installment_count": 3,
                "installment_interval": 2,
                "expense_account_id": cls.expense_account.id,
                "analytic_account_id": cls.analytic.id,
                "journal_id": cls.journal.id,
                "finance_user_id": cls.user_grant_finance.id,
                "envelope_ids": [Command.create({"year": 2026, "amount": 10000.0})],
            }
        )
        cls.msu_a, cls.msu_b = cls.env["res.partner"].create(
            [
                {"name": "Dr Test Alpha", "health_role_ids": [Command.set(cls.role_msu.ids)]},
                {"name": "Dr Test Beta", "health_role_ids": [Command.set(cls.role_msu.ids)]},
            ]
        )
        cls.bank_a, cls.bank_b = cls.env["res.partner.bank"].create(
            [
                {
                    "partner_id": cls.msu_a.id,
                    "acc_number": "FR7630002005500000111110429",
                    "allow_out_payment": True,
                },
                {
                    "partner_id": cls.msu_b.id,
                    "acc_number": "FR7630004001230001234560180",
                    "allow_out_payment": True,
                },
            ]
        )
        cls.act = cls._make_act("CP-TEST-1", "2026-10-12")
        cls.proof = cls.env["ir.attachment"].create(
            {"name": "attestation.txt", "datas": base64.b64encode(b"hosted")}
        )

    @classmethod
    def _make_act(cls, number, date):
        """A deliberation of the standing committee granting aids."""
        return cls.env["health.authorising.act"].create(
            {
                "act_type": "deliberation",
                "body": "standing_committee",
                "number": number,
                "date": date,
                "subject": "Aids to internship supervisors",
                "partner_id": cls.env.company.partner_id.id,
            }
        )

    @classmethod
    def _make_grant(cls, partner=None, interns=1, state="approved", **vals):
        grant = cls.env["health.grant"].create(
            {
                "program_id": cls.program.id,
                "partner_id": (partner or cls.msu_a).id,
                "semester_ids": [Command.set(cls.semester.ids)],
                "interns_hosted": interns,
                "act_id": cls.act.id,
                "budget_year": 2026,
                "first_due_date": "2026-11-02",
                **vals,
            }
        )
        if state in ("submitted", "approved"):
            grant.action_submit()
        if state == "approved":
            grant.action_approve()
        return grant

    @classmethod
    def _certified(cls, installments):
        installments.write({"proof_attachment_ids": [Command.link(cls.proof.id)]})
        # certified whatever their due date (the confirmation of an early
        # service fait is tested on its own)
        installments._certify()
        return installments
