import base64
import io
import zipfile

from odoo import Command
from odoo.tests import tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestCostsIndicators(HealthEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company=company, install_demo=False
            )
        cls.event = cls._generate()
        interns = cls.event.health_invitation_ids.filtered(lambda inv: inv.category == "intern")
        interns.action_send()
        interns.action_register()
        registrations = interns.registration_id
        registrations[0].health_companion_count = 1
        registrations[:2].action_health_mark_attended()
        cls.event.health_invitation_ids.filtered(lambda inv: inv.category == "msu").action_decline()
        cls.vendor = cls.env["res.partner"].create({"name": "Caterer"})

    def _bill(self, amount, move_type="in_invoice", post=True):
        bill = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": self.vendor.id,
                "invoice_date": "2027-05-20",
                "health_event_id": self.event.id,
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Buffet", "quantity": 1, "price_unit": amount, "tax_ids": []}
                    )
                ],
            }
        )
        if post:
            bill.action_post()
        return bill

    def test_cost_per_participant(self):
        self._bill(600.0)
        self._bill(150.0)
        self._bill(90.0, move_type="in_refund")
        self._bill(1000.0, post=False)  # a draft is not a cost yet
        event = self.event.with_user(self.user_events)
        self.assertEqual(event.health_bill_count, 4)
        self.assertEqual(event.health_cost_amount, 660.0)
        # two attendees, one companion
        self.assertEqual(event.health_participant_count, 3)
        self.assertEqual(event.health_cost_per_participant, 220.0)

    def test_bills_charged_to_the_evening_analytic_account(self):
        bill = self._bill(300.0)
        account = self.event.health_analytic_account_id
        line = bill.invoice_line_ids
        self.assertEqual(line.analytic_distribution, {str(account.id): 100})

    def test_no_participant_no_division(self):
        other = self._generate(territory=self.epci_b)
        self.assertEqual(other.health_cost_per_participant, 0.0)

    def test_indicator_report_funnel(self):
        self.env.flush_all()
        Report = self.env["health.event.indicator.report"].with_user(self.user_events)
        rows = Report._read_group(
            [("event_id", "=", self.event.id)],
            ["category"],
            ["invited:sum", "registered:sum", "attended:sum", "declined:sum", "participants:sum"],
        )
        data = {category: values for category, *values in rows}
        self.assertEqual(data["intern"], [3, 3, 2, 0, 3])
        self.assertEqual(data["msu"], [1, 0, 0, 1, 0])
        by_year = Report._read_group(
            [("territory_id", "=", self.epci_a.id)], ["year"], ["attended:sum"]
        )
        self.assertEqual(by_year, [("2027", 2)])

    def test_walk_in_counts_as_attended(self):
        walk_in = self.env["event.registration"].create(
            {"event_id": self.event.id, "name": "Walk-in guest"}
        )
        walk_in.action_health_mark_attended()
        self.env.flush_all()
        rows = self.env["health.event.indicator.report"].search(
            [("event_id", "=", self.event.id), ("category", "=", "walk_in")]
        )
        self.assertEqual(rows.mapped("attended"), [1])
        self.assertEqual(self.event.health_attended_count, 3)

    def test_xlsx_export(self):
        action = self.event.with_user(self.user_events).action_health_export_indicators()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        attachment = self.env["ir.attachment"].browse(attachment_id)
        content = base64.b64decode(attachment.datas)
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            strings = archive.read("xl/sharedStrings.xml").decode()
            sheet = archive.read("xl/worksheets/sheet1.xml").decode()
        self.assertIn("CC Alpha", strings)
        self.assertIn("Number Invited", strings)
        self.assertIn("<v>3</v>", sheet)
