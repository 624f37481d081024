from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import HealthGrantsCommon


@tagged("post_install", "-at_install")
class TestInput(HealthGrantsCommon):
    """Values as an import or an XML-RPC script sends them, given by the
    least-privileged user who may write them: refused with a sentence naming
    the field, and nothing written."""

    def _refused(self, message, method, *args):
        """``method(*args)`` raises a ValidationError matching ``message``;
        what it wrote is rolled back (assertRaises uses a savepoint)."""
        with self.assertRaises(ValidationError) as caught:
            method(*args)
        self.assertRegex(str(caught.exception), message)

    def _grant_vals(self, **vals):
        return {
            "program_id": self.program.id,
            "partner_id": self.msu_a.id,
            "interns_hosted": 1,
            "act_id": self.act.id,
            "budget_year": 2026,
            "first_due_date": "2026-11-02",
            **vals,
        }

    def _grant_count(self):
        return self.env["health.grant"].search_count([("program_id", "=", self.program.id)])

    def test_grant_create_refused(self):
        Grant = self.env["health.grant"].with_user(self.user_grant_officer)
        cases = [
            ({"requested_amount": -100.0}, "Requested Amount cannot be negative"),
            ({"requested_amount": "mille euros"}, "Requested Amount.*is not a number"),
            ({"act_id": 999999999}, "there is no .* with the id 999999999"),
            ({"act_id": "CP-2026-10-12-07"}, "Decision.*not the id of a record"),
            ({"state": "approved_by_phone"}, "State.*not one of the allowed values"),
            ({"program_id": 999999999}, "there is no Grant Programme with the id 999999999"),
            ({"partner_id": "Dr Test Alpha"}, "Beneficiary.*not the id of a record"),
            ({"name": "x" * 10_000}, "Reference.*too long"),
            ({"interns_hosted": -2}, "Interns Hosted cannot be negative"),
            ({"interns_hosted": "two"}, "Interns Hosted.*not a whole number"),
            ({"installment_count": 0}, "Number of Installments must be between 1 and 120"),
            ({"installment_count": 5000}, "Number of Installments must be between 1 and 120"),
            ({"budget_year": 20260}, "Budget Year must be between 2000 and 2100"),
            ({"first_due_date": "2026-10-01"}, "before its decision of 2026-10-12"),
            ({"granted_amount": -5.0}, "Granted Amount cannot be negative"),
        ]
        before = self._grant_count()
        for vals, message in cases:
            with self.subTest(vals=str(vals)[:60]):
                self._refused(message, Grant.create, self._grant_vals(**vals))
                self.assertEqual(self._grant_count(), before)

    def test_grant_write_refused(self):
        grant = self._make_grant(state="draft", requested_amount=800.0)
        officer_grant = grant.with_user(self.user_grant_officer)
        cases = [
            ({"requested_amount": -1.0}, "Requested Amount cannot be negative"),
            ({"requested_amount": "1 200,50"}, "Requested Amount.*is not a number"),
            ({"first_due_date": "31/12/2026"}, "First Due Date.*YYYY-MM-DD"),
            (
                {"act_id": self._make_act("CP-LATE", "2026-11-30").id},
                "before its decision of 2026-11-30",
            ),
            ({"program_id": 999999999}, "there is no Grant Programme"),
            ({"act_id": 999999999}, "there is no .* with the id 999999999"),
        ]
        for vals, message in cases:
            with self.subTest(vals=str(vals)[:60]):
                self._refused(message, officer_grant.write, vals)
                grant.invalidate_recordset()
                self.assertEqual(grant.requested_amount, 800.0)
                self.assertEqual(grant.act_id, self.act)
                self.assertEqual(str(grant.first_due_date), "2026-11-02")
                self.assertEqual(grant.program_id, self.program)

    def test_installment_refused(self):
        grant = self._make_grant()
        installment = grant.installment_ids.sorted("sequence")[0]
        officer_installment = installment.with_user(self.user_grant_officer)
        cases = [
            ({"due_date": "02/11/2026"}, "Due Date.*YYYY-MM-DD"),
            ({"due_date": "2026-09-30"}, "before the decision of 2026-10-12"),
            ({"semester_id": 999999999}, "there is no Internship Semester"),
        ]
        for vals, message in cases:
            with self.subTest(vals=vals):
                self._refused(message, officer_installment.write, vals)
                installment.invalidate_recordset()
                self.assertEqual(str(installment.due_date), "2026-11-02")
                self.assertEqual(installment.semester_id, self.semester)
        # the amount is written by the schedule only, and never zero or negative
        with self.assertRaisesRegex(UserError, "buttons only"):
            officer_installment.write({"amount": -10.0})
        # a client cannot send the addon's marker, whatever its context says
        with self.assertRaisesRegex(UserError, "buttons only"):
            installment.with_context(health_grant_protected_write=True).write({"amount": 1.0})
        self._refused(
            "Amount must be greater than zero",
            installment._health_write_protected,
            {"amount": 0.0},
        )
        installment.invalidate_recordset()
        self.assertEqual(installment.amount, 333.33)
        # the act cannot move after a due date of the grant's installments
        self._refused(
            "before .*decision of 2026-11-15",
            self.act.with_user(self.user_grant_officer).write,
            {"date": "2026-11-15"},
        )
        self.act.invalidate_recordset()
        self.assertEqual(str(self.act.date), "2026-10-12")

    def test_program_and_envelope_refused(self):
        Program = self.env["health.grant.program"].with_user(self.user_grant_manager)
        cases = [
            ({"unit_amount": -1000.0}, "Unit Amount cannot be negative"),
            ({"unit_amount": "1000 €"}, "Unit Amount.*is not a number"),
            ({"cap_per_grant": -1.0}, "Cap per Grant cannot be negative"),
            ({"cap_per_beneficiary_year": -1.0}, "Cap per Beneficiary and Year cannot be"),
            ({"installment_count": 0}, "Installments must be between 1 and 120"),
            ({"installment_interval": -3}, "Months between Installments must be between 0"),
            ({"amount_rule": "per_hour"}, "not one of the allowed values"),
            ({"journal_id": 999999999}, "there is no Journal with the id 999999999"),
            ({"name": "x" * 10_000}, "too long"),
            (
                {"envelope_ids": [Command.create({"year": 2027, "amount": -5.0})]},
                "Envelope cannot be negative",
            ),
            ({"envelope_ids": [Command.create({"year": 20270, "amount": 5.0})]}, "Budget Year"),
        ]
        before = Program.search_count([])
        for vals, message in cases:
            with self.subTest(vals=str(vals)[:60]):
                self._refused(message, Program.create, {"name": "Installation aid", **vals})
                self.assertEqual(Program.search_count([]), before)

        envelope = self.program.envelope_ids.with_user(self.user_grant_manager)
        for vals, message in (
            ({"amount": -1.0}, "Envelope cannot be negative"),
            ({"amount": "ten thousand"}, "Envelope.*not a number"),
            ({"year": "2026/2027"}, "Budget Year.*not a whole number"),
        ):
            with self.subTest(vals=vals):
                self._refused(message, envelope.write, vals)
        # an envelope cannot go below what approved grants already commit
        self._make_grant(interns=3)
        self._refused("already commit.*3000.00", envelope.write, {"amount": 2999.0})
        envelope.invalidate_recordset()
        self.assertEqual((envelope.amount, envelope.year), (10000.0, 2026))
        envelope.write({"amount": 3000.0})
        self.assertEqual(envelope.remaining_amount, 0.0)

    def test_wizards_refused(self):
        grant = self._make_grant()
        installments = self._certified(grant.installment_ids)
        installments.with_user(self.user_grant_finance)._create_bills()
        installments.with_user(self.user_grant_finance)._register_payment()
        Reclaim = self.env["health.grant.reclaim.wizard"].with_user(self.user_grant_manager)
        for vals, message in (
            ({"amount": -100.0}, "Amount must be greater than zero"),
            ({"amount": "cent"}, "Amount.*not a number"),
            ({"date": "15/01/2027"}, "Date.*YYYY-MM-DD"),
            ({"reason": "x" * 100_001}, "Reason.*too long"),
        ):
            with self.subTest(vals=str(vals)[:60]):
                self._refused(
                    message, Reclaim.create, {"grant_id": grant.id, "reason": "Left", **vals}
                )
        self.assertFalse(Reclaim.search([]))
        self.assertFalse(grant.refund_move_ids)

        Report = self.env["health.grant.report.wizard"].with_user(self.user_grant_officer)
        for vals, message in (
            ({"year": 99999}, "Budget Year must be between 2000 and 2100"),
            ({"report_type": "everything"}, "not one of the allowed values"),
            ({"partner_id": 999999999}, "there is no Contact"),
        ):
            with self.subTest(vals=vals):
                self._refused(message, Report.create, vals)
        self.assertFalse(Report.search([]))

    def test_accounting_fields_refused(self):
        """On Odoo's bills, only the suite's fields are checked."""
        grant = self._make_grant()
        first = self._certified(grant.installment_ids.sorted("sequence")[0])
        bill = first.with_user(self.user_grant_finance)._create_bills(post=False)
        bill = bill.with_user(self.user_grant_finance)
        self._refused(
            "Reclaimed Grant.*no Grant with the id", bill.write, {"health_grant_id": 999999999}
        )
        self._refused(
            "Grant Installment.*not the id of a record",
            bill.invoice_line_ids.write,
            {"health_grant_installment_id": "first"},
        )
        self.assertFalse(bill.health_grant_id)
        self.assertEqual(bill.invoice_line_ids.health_grant_installment_id, first)
        # Odoo's own fields keep Odoo's behaviour
        bill.write({"ref": "x" * 300})
        self.assertEqual(len(bill.ref), 300)


@tagged("post_install", "-at_install")
class TestImport(TransactionCase):
    """An import of grants by a grants officer.

    Apart from ``HealthGrantsCommon``: a failed import resets the changes of
    the registry, which would forget the analytic plan that class creates.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="hg_import_officer",
            groups="base.group_user,health_grants.group_grant_user",
        )
        cls.program = cls.env["health.grant.program"].create(
            {"name": "Import aid", "unit_amount": 500.0, "amount_rule": "fixed"}
        )
        cls.partner = cls.env["res.partner"].create({"name": "Dr Import"})

    def _load(self, requested_amount):
        return (
            self.env["health.grant"]
            .with_user(self.officer)
            .load(
                ["program_id/.id", "partner_id/.id", "budget_year", "requested_amount"],
                [[str(self.program.id), str(self.partner.id), "2026", requested_amount]],
            )
        )

    def test_import_refused(self):
        result = self._load("-250")
        self.assertFalse(result["ids"])
        self.assertEqual([m["type"] for m in result["messages"]], ["error"])
        self.assertRegex(
            result["messages"][0]["message"],
            r"^Requested Amount cannot be negative \(-250\.0 on .+\): enter zero or a "
            r"positive number\.$",
        )
        self.assertFalse(self.env["health.grant"].search([("program_id", "=", self.program.id)]))
        # the same row with a valid amount is imported
        self.assertEqual(len(self._load("250")["ids"]), 1)
