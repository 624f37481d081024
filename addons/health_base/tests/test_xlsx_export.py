from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HealthBaseCommon, read_xlsx


@tagged("post_install", "-at_install")
class TestXlsxExport(HealthBaseCommon):
    def _book(self):
        Export = self.env["health.xlsx.export"].with_user(self.user_officer)
        book = Export._xlsx_book()
        sheet = book.add_sheet(
            "Paid: 2027/05",
            [("Name", 30, "text"), ("Due", 12, "date"), ("Amount", 14, "money"), ("N", 6, "int")],
            title="Installments",
        )
        sheet.write_row(["Dr Bernard", date(2027, 5, 2), 1200.5, 2])
        sheet.write_row(["=1+1", None, 0, False])
        sheet.skip()
        sheet.write_total(["Total", None, 1200.5, 2])
        second = book.add_sheet("Paid: 2027/05", [("Semester", 20, "text")])
        second.write_row(["2027-05"])
        return Export, book.close()

    def test_cells_and_sheet_names(self):
        _export, content = self._book()
        sheets = read_xlsx(content)
        self.assertEqual(list(sheets), ["Paid- 2027-05", "Paid- 2027-05 (2)"])
        rows = sheets["Paid- 2027-05"]
        self.assertEqual(rows[0][0], "Installments")
        self.assertEqual(rows[2], ["Name", "Due", "Amount", "N"])
        # dates are Excel serial days; texts are never formulas
        self.assertEqual(rows[3], ["Dr Bernard", 46509.0, 1200.5, 2.0])
        self.assertEqual(rows[4][0], "=1+1")
        self.assertEqual(rows[6], ["Total", None, 1200.5, 2.0])
        self.assertEqual(sheets["Paid- 2027-05 (2)"], [["Semester"], ["2027-05"]])

    def test_download_is_private_to_its_creator(self):
        Export, content = self._book()
        action = Export._xlsx_download(content, "installments")
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertEqual(attachment.name, "installments.xlsx")
        self.assertEqual(attachment.with_user(self.user_officer).raw, content)
        with self.assertRaises(AccessError):
            attachment.with_user(self.user_manager).read(["raw"])

    def test_large_sheet_in_constant_memory(self):
        book = self.env["health.xlsx.export"]._xlsx_book()
        self.assertTrue(book.workbook.constant_memory)
        sheet = book.add_sheet("Rows", [("Index", 8, "int")])
        for index in range(3000):
            sheet.write_row([index])
        rows = read_xlsx(book.close())["Rows"]
        self.assertEqual(len(rows), 3001)
        self.assertEqual(rows[-1], [2999.0])
