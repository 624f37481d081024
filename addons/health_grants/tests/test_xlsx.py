from datetime import date

from odoo import Command
from odoo.addons.health_base.tests.common import read_xlsx
from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import HealthGrantsCommon


def serial(day):
    """The number a spreadsheet stores for a date."""
    return float((day - date(1899, 12, 30)).days)


@freeze_time("2027-01-20 10:00:00")
@tagged("post_install", "-at_install")
class TestXlsx(HealthGrantsCommon):
    """The four spreadsheets, as a grants officer: a user of the grants
    without any accounting right, who reads the installments but not the
    bills themselves.

    2000 € in three installments due on 2 November 2026, 2 January and
    2 March 2027; the first is paid, the second billed and overdue on the
    frozen date (20 January 2027), the third waits for its certification.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grant = cls._make_grant(interns=2)
        cls.first, cls.second, cls.third = cls.grant.installment_ids.sorted("sequence")
        billed = cls.first | cls.second
        cls._certified(billed)
        billed.with_user(cls.user_grant_finance)._create_bills()
        cls.first.with_user(cls.user_grant_finance)._register_payment()
        cls.bill_1, cls.bill_2 = cls.first.bill_id, cls.second.bill_id
        cls.payment_labels = dict(
            cls.env["health.grant.installment"]
            ._fields["payment_state"]
            ._description_selection(cls.env)
        )

    def _open(self, action):
        """The sheets of the download action returned to the user:
        ``{name: [[value, …], …]}``, rows and columns from 0."""
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertTrue(action["url"].endswith("?download=true"))
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertTrue(attachment.name.endswith(".xlsx"))
        return read_xlsx(attachment.raw)

    def _export(self, user, **vals):
        wizard = self.env["health.grant.report.wizard"].with_user(user).create(vals)
        return self._open(wizard.action_export())

    def test_state_of_the_data(self):
        self.assertEqual(self.first.state, "paid")
        self.assertEqual(self.second.state, "billed")
        self.assertEqual(self.third.state, "to_certify")
        self.assertEqual(self.grant.payment_status, "in_payment")
        # the officer has no access to the bills themselves
        with self.assertRaises(AccessError):
            self.bill_1.with_user(self.user_grant_officer).read(["name"])

    def test_commitments(self):
        book = self._export(
            self.user_grant_officer,
            report_type="commitments",
            year=2026,
            program_ids=[Command.set(self.program.ids)],
        )
        self.assertEqual(list(book), ["Commitments"])
        rows = book["Commitments"]
        self.assertEqual(rows[0][0], "Commitments against envelopes, budget year 2026")
        self.assertEqual(
            rows[2], ["Programme", "Envelope", "Committed", "Billed", "Paid", "Remaining"]
        )
        self.assertEqual(rows[3], ["Test MSU aid", 10000.0, 2000.0, 1333.34, 666.67, 8000.0])
        self.assertEqual(rows[4], ["Total", 10000.0, 2000.0, 1333.34, 666.67, 8000.0])
        self.assertEqual(len(rows), 5)

    def test_installments_per_semester(self):
        book = self._export(
            self.user_grant_officer,
            report_type="installments",
            program_ids=[Command.set(self.program.ids)],
        )
        self.assertEqual(list(book), ["Per semester", "Installments"])
        summary, detail = book["Per semester"], book["Installments"]
        self.assertEqual(summary[0][0], "Installments due, overdue and paid on 20/01/2027")
        # semester, due (count, amount), overdue (count, amount), paid (count, amount)
        self.assertEqual(summary[3], [self.semester.code, 2.0, 1333.33, 1.0, 666.67, 1.0, 666.67])
        self.assertEqual(summary[4], ["Total", 2.0, 1333.33, 1.0, 666.67, 1.0, 666.67])
        self.assertEqual(len(summary), 5)
        self.assertEqual(detail[2][0], "Installment")
        self.assertEqual(
            [(row[0], row[4], row[5], row[6], row[8]) for row in detail[3:6]],
            [
                (self.first.name, serial(date(2026, 11, 2)), 666.67, "Paid", self.bill_1.name),
                (self.second.name, serial(date(2027, 1, 2)), 666.67, "Billed", self.bill_2.name),
                (self.third.name, serial(date(2027, 3, 2)), 666.66, "To Certify", ""),
            ],
        )
        self.assertEqual(detail[3][9], self.payment_labels[self.first.payment_state])
        self.assertEqual(detail[4][9], "Not Paid")
        self.assertEqual(detail[3][7], serial(date(2027, 1, 20)))  # service fait
        self.assertEqual((detail[6][0], detail[6][5]), ("Total", 2000.0))
        self.assertEqual(len(detail), 7)

    def test_statement(self):
        # a grant of the beneficiary in a company the officer does not work
        # for: the record rules keep it out of the statement
        other = self.env["res.company"].create({"name": "Other Département"})
        program = self.env["health.grant.program"].create(
            {"name": "Other aid", "company_id": other.id}
        )
        self.env["health.grant"].create(
            {
                "program_id": program.id,
                "company_id": other.id,
                "partner_id": self.msu_a.id,
                "budget_year": 2026,
                "granted_amount": 5000.0,
            }
        )
        rows = self._export(
            self.user_grant_officer, report_type="statement", partner_id=self.msu_a.id
        )["Statement"]
        self.assertEqual(rows[0][0], "Statement of Dr Test Alpha")
        self.assertEqual(
            [(row[0], row[2], row[3], row[5], row[6]) for row in rows[3:6]],
            [
                (self.grant.name, "CP-TEST-1", 1.0, 666.67, self.bill_1.name),
                (self.grant.name, "CP-TEST-1", 2.0, 666.67, self.bill_2.name),
                (self.grant.name, "CP-TEST-1", 3.0, 666.66, ""),
            ],
        )
        self.assertEqual(
            [row[7] for row in rows[3:6]],
            [self.payment_labels[self.first.payment_state], "Not Paid", ""],
        )
        totals = {row[0]: row[5] for row in rows[7:]}
        self.assertEqual(
            totals, {"Total granted": 2000.0, "Total paid": 666.67, "Total reclaimed": 0.0}
        )

    def test_bordereau(self):
        """The posted bills of the selected installments; a grants officer
        sees the bank account numbers masked, finance in full."""
        installments = self.grant.installment_ids
        rows = self._open(
            installments.with_user(self.user_grant_officer).action_export_bordereau()
        )["Bordereau"]
        self.assertEqual(rows[0][0], "Bordereau of payment orders of 20/01/2027")
        bills = (self.bill_1 | self.bill_2).sorted("name")
        self.assertEqual([row[0] for row in rows[3:5]], bills.mapped("name"))
        for row, bill in zip(rows[3:5], bills, strict=True):
            self.assertEqual(row[1], serial(date(2027, 1, 20)))
            self.assertEqual(row[2], "Dr Test Alpha")
            self.assertEqual(row[3], "FR76" + "*" * 19 + "0429")
            # the object: the bill's reference, grant and installment n/N
            self.assertEqual(row[5], bill.ref)
            self.assertTrue(row[5].startswith(f"{self.grant.name} installment "))
            self.assertEqual(row[6], self.expense_account.code)
            self.assertEqual(row[7], 666.67)
        self.assertEqual((rows[5][0], rows[5][7]), ("Total", 1333.34))

        rows = self._open(
            installments.with_user(self.user_grant_finance).action_export_bordereau()
        )["Bordereau"]
        self.assertEqual(rows[3][3], self.bank_a.acc_number)

    def test_no_grants_group_no_spreadsheet(self):
        with self.assertRaises(AccessError):
            self.env["health.grant.report.wizard"].with_user(self.user_employee).create(
                {"report_type": "statement", "partner_id": self.msu_a.id}
            )
        with self.assertRaises(AccessError):
            self.grant.installment_ids.with_user(self.user_employee).action_export_bordereau()
        with self.assertRaises(AccessError):
            self.env["health.grant.xlsx"].with_user(self.user_employee)._installments_xlsx()
        # a health user without the grants groups neither
        with self.assertRaises(AccessError):
            self.env["health.grant.xlsx"].with_user(self.user_officer)._installments_xlsx()
