from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, freeze_time, tagged
from odoo.tools import format_date

from .common import HealthGrantsCommon


def _bodies(records):
    records.invalidate_recordset(["message_ids"])
    return [str(body) for body in records.message_ids.mapped("body")]


@tagged("post_install", "-at_install")
class TestWorkflowTrace(HealthGrantsCommon):
    """The roles of the grants officer and of the finance officer, the trace
    of certification, bills and payments in the chatter, the bill references,
    the confirmation of an early service fait."""

    def _pay(self, bills, user=None):
        ctx = {"active_model": "account.move", "active_ids": bills.ids}
        Register = self.env["account.payment.register"].with_user(user or self.user_grant_finance)
        wizard = Register.with_context(**ctx).create({"group_payment": True})
        return wizard._create_payments()

    # ----------------------------------------------------------- personas
    @freeze_time("2026-11-20 09:00:00")
    def test_officer_certifies_but_never_bills_nor_pays(self):
        grant = self._make_grant()
        first = self._certified(grant.installment_ids.sorted("sequence")[:1])
        with self.assertRaises(AccessError):
            first.with_user(self.user_grant_officer)._create_bills()
        self.assertFalse(first.bill_line_ids)
        bill = first.with_user(self.user_grant_finance)._create_bills()
        with self.assertRaises(AccessError):
            first.with_user(self.user_grant_officer).action_register_payment()
        with self.assertRaises(AccessError):
            first.with_user(self.user_grant_officer)._register_payment()
        self.assertEqual(bill.payment_state, "not_paid")
        # the bill and pay buttons are not in the officer's views
        Installment = self.env["health.grant.installment"].with_user(self.user_grant_officer)
        for view_type in ("list", "form"):
            arch = Installment.get_view(view_type=view_type)["arch"]
            buttons = etree.fromstring(arch).xpath("//button/@name")
            self.assertIn("action_certify", buttons)
            self.assertNotIn("action_create_bills", buttons)
            self.assertNotIn("action_register_payment", buttons)
        bindings = self.env["ir.actions.actions"].with_user(self.user_grant_officer)
        names = {
            action["name"]
            for action in bindings.get_bindings("health.grant.installment").get("action", [])
        }
        self.assertNotIn("Register Payment", names)
        self.assertNotIn("Create Bills per Beneficiary", names)

    @freeze_time("2026-11-20 09:00:00")
    def test_finance_bills_and_pays_but_never_certifies_nor_approves(self):
        grant = self._make_grant()
        first = grant.installment_ids.sorted("sequence")[:1]
        first.proof_attachment_ids = [Command.link(self.proof.id)]
        with self.assertRaises(AccessError):
            first.with_user(self.user_grant_finance).action_certify()
        self.assertEqual(first.state, "to_certify")
        submitted = self._make_grant(partner=self.msu_b, state="submitted")
        with self.assertRaises(AccessError):
            submitted.with_user(self.user_grant_finance).action_approve()
        with self.assertRaises(AccessError):
            submitted.with_user(self.user_grant_finance).write({"interns_hosted": 3})
        self.assertEqual(submitted.state, "submitted")
        # it reads the grants and bills, pays the certified installments
        self.assertEqual(grant.with_user(self.user_grant_finance).name, grant.name)
        first.with_user(self.user_grant_officer).action_certify()
        bill = first.with_user(self.user_grant_finance)._create_bills()
        first.with_user(self.user_grant_finance)._register_payment()
        self.assertIn(bill.payment_state, ("paid", "in_payment"))
        self.assertEqual(first.state, "paid")
        Installment = self.env["health.grant.installment"].with_user(self.user_grant_finance)
        buttons = etree.fromstring(Installment.get_view(view_type="form")["arch"]).xpath(
            "//button/@name"
        )
        self.assertNotIn("action_certify", buttons)
        self.assertIn("action_create_bills", buttons)

    def test_demo_personas(self):
        officer = self.env.ref("health_grants.user_grants_officer_demo", raise_if_not_found=False)
        if not officer:
            self.skipTest("no demo data")
        finance = self.env.ref("health_base_account.user_finance_officer_demo")
        programme_officer = self.env.ref("health_base.user_health_officer_demo")
        head = self.env.ref("health_base.user_health_manager_demo")
        self.assertEqual(officer.login, "gestion-aides")
        self.assertEqual(finance.login, "finances")
        self.assertTrue(officer.has_group("health_grants.group_grant_user"))
        self.assertFalse(officer.has_group("account.group_account_invoice"))
        self.assertFalse(officer.has_group("health_grants.group_grant_finance"))
        self.assertTrue(finance.has_group("health_grants.group_grant_finance"))
        self.assertTrue(finance.has_group("account.group_account_invoice"))
        self.assertFalse(finance.has_group("health_grants.group_grant_user"))
        self.assertFalse(finance.has_group("health_base.group_health_manager"))
        self.assertTrue(head.has_group("health_grants.group_grant_manager"))
        for group in (
            "health_grants.group_grant_user",
            "health_grants.group_grant_finance",
            "account.group_account_invoice",
        ):
            self.assertFalse(programme_officer.has_group(group), group)
        # only the administrators administer invoicing
        admins = self.env.ref("account.group_account_manager").users
        self.assertFalse(admins & (officer | finance | programme_officer | head))

    # -------------------------------------------------------------- chatter
    @freeze_time("2026-11-20 09:00:00")
    def test_chatter_trace_certified_billed_paid(self):
        grant = self._make_grant()
        first = grant.installment_ids.sorted("sequence")[:1]
        first.proof_attachment_ids = [Command.link(self.proof.id)]
        # the installments were created with the tracking off in this
        # transaction: end that, as a commit would
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = first.with_context(tracking_disable=False).with_user(self.user_grant_officer)
        tracked.action_certify()
        self.env.flush_all()
        self.env.cr.precommit.run()  # the tracking of the certification
        first.invalidate_recordset(["message_ids"])
        tracked_fields = first.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("state", tracked_fields)
        self.assertIn("certified_by_id", tracked_fields)
        bill = first.with_user(self.user_grant_finance)._create_bills()
        payment = first.with_user(self.user_grant_finance)._register_payment()
        for records in (first, grant):
            bodies = " ".join(_bodies(records))
            certified_on = format_date(self.env, "2026-11-20")
            self.assertIn(f"service fait certified by Grants Officer on {certified_on}", bodies)
            self.assertIn(f"bill {bill.name}", bodies)
            self.assertIn(f"payment {payment.name}", bodies)
        # the grant's messages name the installment
        self.assertTrue(any(first.name in body for body in _bodies(grant)))
        # a payment registered from the bill itself is traced as well
        second = self._certified(grant.installment_ids.sorted("sequence")[1:2])
        bill_2 = second.with_user(self.user_grant_finance)._create_bills()
        payment_2 = self._pay(bill_2)
        self.assertTrue(any(f"payment {payment_2.name}" in b for b in _bodies(second)))

    # ------------------------------------------------------- bill references
    @freeze_time("2026-11-20 09:00:00")
    def test_bill_references_unique_and_meaningful(self):
        grant = self._make_grant()
        installments = self._certified(grant.installment_ids.sorted("sequence"))
        Finance = installments.with_user(self.user_grant_finance)
        bills = Finance[0]._create_bills() | Finance[1]._create_bills() | Finance[2]._create_bills()
        self.assertEqual(len(set(bills.mapped("ref"))), 3)
        self.assertEqual(bills.mapped("duplicated_ref_ids"), self.env["account.move"])
        ref = bills[1].ref
        self.assertIn(grant.name, ref)
        self.assertIn("2/3", ref)
        self.assertIn(self.msu_a.name, ref)
        self.assertIn(installments[1]._period_label(), ref)
        self.assertEqual(bills[1].payment_reference, ref)
        # a bill issued again after a reversed one is no duplicate either
        bills[0]._reverse_moves([{"invoice_date": bills[0].invoice_date}], cancel=True)
        again = Finance[0]._create_bills()
        self.assertNotEqual(again.ref, bills[0].ref)
        self.assertFalse(again.duplicated_ref_ids)

    def test_bill_proposes_programme_payment_method(self):
        journal = self.env["account.journal"].create(
            {"name": "Test treasury", "code": "TTRE", "type": "bank"}
        )
        method = self.env["account.payment.method.line"].create(
            {
                "name": "Virement",
                "sequence": 1,
                "journal_id": journal.id,
                "payment_method_id": self.env.ref("account.account_payment_method_manual_out").id,
            }
        )
        self.program.payment_method_line_id = method
        grant = self._make_grant()
        first = self._certified(grant.installment_ids.sorted("sequence")[:1])
        Finance = first.with_user(self.user_grant_finance)
        bill = Finance._create_bills()
        self.assertEqual(bill.preferred_payment_method_line_id, method)
        action = Finance.action_register_payment()
        wizard = Form(
            self.env["account.payment.register"]
            .with_user(self.user_grant_finance)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard.journal_id, journal)
        self.assertEqual(wizard.payment_method_line_id, method)

    def test_demo_payment_method_named_in_french(self):
        program = self.env.ref("health_grants.program_msu_demo", raise_if_not_found=False)
        if not program:
            self.skipTest("no demo data")
        method = program.payment_method_line_id
        self.assertEqual(method.name, "Virement")
        self.assertEqual(
            method.journal_id.with_context(lang="fr_FR").name, "Trésor public – Val-de-Sorne"
        )
        grant = self.env.ref("health_grants.grant_bernard_demo")
        bill = grant.installment_ids.sorted("sequence")[0].bill_id
        payments = bill.matched_payment_ids | bill._get_reconciled_payments()
        self.assertTrue(payments)
        self.assertEqual(payments.payment_method_line_id, method)

    # --------------------------------------------------- early certification
    @freeze_time("2026-11-20 09:00:00")
    def test_early_certification_asks_for_confirmation(self):
        grant = self._make_grant()
        due, early, later = grant.installment_ids.sorted("sequence")
        (due | early | later).proof_attachment_ids = [Command.link(self.proof.id)]
        self.assertEqual(str(early.due_date), "2027-01-02")
        # one early installment in the batch: nothing is certified, the user confirms
        action = (due | early).with_user(self.user_grant_officer).action_certify()
        self.assertEqual(action["res_model"], "health.grant.certify.wizard")
        self.assertEqual((due | early).mapped("state"), ["to_certify", "to_certify"])
        wizard = self.env["health.grant.certify.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.early_installment_ids, early)
        self.assertIn(format_date(self.env, early.due_date), wizard.explanation)
        wizard.with_user(self.user_grant_officer).action_confirm()
        self.assertEqual((due | early).mapped("state"), ["certified", "certified"])
        self.assertTrue(any("before its due date" in body for body in _bodies(early)))
        self.assertFalse(any("before its due date" in body for body in _bodies(due)))
        # the finance officer cannot confirm it for the officer
        with self.assertRaises(AccessError):
            later.with_user(self.user_grant_finance).action_certify()
        self.assertEqual(later.state, "to_certify")

    def test_certification_on_due_date_needs_no_confirmation(self):
        grant = self._make_grant()
        second = grant.installment_ids.sorted("sequence")[1]
        second.proof_attachment_ids = [Command.link(self.proof.id)]
        with freeze_time("2027-01-02 08:00:00"):
            self.assertIs(second.with_user(self.user_grant_officer).action_certify(), True)
        self.assertEqual(second.state, "certified")

    # -------------------------------------------------------------- views
    def _views(self, user):
        views = self.env["ir.ui.view"].search(
            [("model", "like", "health.grant"), ("type", "in", ("list", "form"))]
        )
        for view in views.filtered(lambda v: not v.inherit_id):
            Model = self.env[view.model].with_user(user)
            yield Model, etree.fromstring(Model.get_view(view.id, view.type)["arch"])

    def test_years_shown_without_thousands_separator(self):
        """2026, not "2 026": every integer year has the formatting off."""
        checked = 0
        for Model, arch in self._views(self.env.user):
            for node in arch.iter("field"):
                if node.get("name") in ("year", "budget_year"):
                    checked += 1
                    self.assertIn(
                        "'enable_formatting': false",
                        node.get("options", ""),
                        f"{Model._name}: {node.get('name')}",
                    )
        # grants list and form, envelopes of the programme, report wizard
        self.assertGreaterEqual(checked, 4)

    def test_installment_list_one_main_action_per_role(self):
        for user in (self.user_grant_officer, self.user_grant_finance):
            Installment = self.env["health.grant.installment"].with_user(user)
            arch = etree.fromstring(Installment.get_view(view_type="list")["arch"])
            self.assertEqual(len(arch.xpath("//header/button")), 1, user.name)
        names = {
            action["name"]
            for action in self.env["ir.actions.actions"]
            .with_user(self.user_grant_finance)
            .get_bindings("health.grant.installment")
            .get("action", [])
        }
        self.assertLessEqual(
            {"Create Bills per Beneficiary", "Register Payment", "Bordereau de Mandats"}, names
        )
