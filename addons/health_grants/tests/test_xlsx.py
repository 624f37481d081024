import io

import openpyxl

from odoo.tests import tagged

from .common import HealthGrantsCommon


@tagged("post_install", "-at_install")
class TestXlsx(HealthGrantsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.grant = cls._make_grant(interns=2)
        installments = cls.grant.installment_ids.sorted("sequence")
        cls._certified(installments[:2])
        installments[:2].with_user(cls.user_finance)._create_bills()
        installments[:1].with_user(cls.user_finance)._register_payment()
        cls.bills = installments[:2].bill_id

    def _open(self, content):
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_commitments(self):
        wizard = (
            self.env["health.grant.report.wizard"]
            .with_user(self.user_officer)
            .create(
                {
                    "report_type": "commitments",
                    "year": 2026,
                    "program_ids": [(6, 0, self.program.ids)],
                }
            )
        )
        content, name = wizard._render()
        self.assertTrue(name.endswith(".xlsx"))
        sheet = self._open(content).active
        self.assertEqual(sheet["A4"].value, "Test MSU aid")
        self.assertEqual(sheet["B4"].value, 10000.0)  # envelope
        self.assertEqual(sheet["C4"].value, 2000.0)  # committed
        self.assertEqual(sheet["D4"].value, 1333.34)  # billed (paid included)
        self.assertEqual(sheet["E4"].value, 666.67)  # paid
        self.assertEqual(sheet["F4"].value, 8000.0)  # remaining
        self.assertIn("€", sheet["B4"].number_format)
        self.assertEqual(sheet["F5"].value, 8000.0)  # total row

    def test_installments_per_semester(self):
        content = self.env["health.grant.xlsx"]._installments_xlsx(
            [("grant_id", "=", self.grant.id)]
        )
        book = self._open(content)
        summary = book.worksheets[0]
        self.assertEqual(summary["A4"].value, self.semester.code)
        self.assertEqual(summary["F4"].value, 1)  # paid count
        self.assertEqual(summary["G4"].value, 666.67)
        self.assertEqual(summary["B4"].value, 2)  # still due
        detail = book.worksheets[1]
        self.assertEqual(detail.max_row, 3 + 3 + 1)
        self.assertEqual(detail["E4"].number_format, "dd/mm/yyyy")
        self.assertEqual(detail["E4"].value.date().isoformat(), "2026-11-02")
        self.assertEqual(detail["F7"].value, 2000.0)  # total

    def test_statement_and_bordereau(self):
        wizard = self.env["health.grant.report.wizard"].create(
            {"report_type": "statement", "partner_id": self.msu_a.id}
        )
        sheet = self._open(wizard._render()[0]).active
        self.assertEqual(sheet["A4"].value, self.grant.name)
        self.assertEqual(sheet["F4"].value, 666.67)
        self.assertEqual(sheet["G4"].value, self.bills.sorted("id")[0].name)
        totals = {row[0].value: row[5].value for row in sheet.iter_rows(min_row=8)}
        self.assertEqual(totals["Total granted"], 2000.0)
        self.assertEqual(totals["Total paid"], 666.67)

        action = self.grant.installment_ids.with_user(self.user_finance).action_export_bordereau()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/")[3].split("?")[0])
        )
        sheet = self._open(attachment.raw).active
        self.assertEqual(sheet["A4"].value, self.bills.sorted("name")[0].name)
        self.assertEqual(sheet["D4"].value, self.bank_a.acc_number)
        self.assertEqual(sheet["H6"].value, 1333.34)
