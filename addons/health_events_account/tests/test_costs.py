from odoo.addons.health_base.tests.common import read_xlsx
from odoo.tests import tagged

from .common import HealthEventsAccountCommon


@tagged("post_install", "-at_install")
class TestCosts(HealthEventsAccountCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event, _registrations = cls._generate_attended()

    def test_generated_evening_gets_its_analytic_account(self):
        account = self.event.health_analytic_account_id
        self.assertEqual(account.name, self.event.name)
        self.assertEqual(
            account.plan_id, self.env.ref("health_events_account.analytic_plan_welcome_evenings")
        )
        # generating again opens the same evening, with the same account
        self.assertEqual(self._generate().health_analytic_account_id, account)

    def test_cost_per_participant(self):
        self._bill(self.event, 600.0)
        self._bill(self.event, 150.0)
        self._bill(self.event, 90.0, move_type="in_refund")
        self._bill(self.event, 1000.0, post=False)  # a draft is not a cost yet
        # organisers read the costs without access to the accounting
        event = self.event.with_user(self.user_events)
        self.assertEqual(event.health_bill_count, 4)
        self.assertEqual(event.health_cost_amount, 660.0)
        # two attendees, one companion
        self.assertEqual(event.health_participant_count, 3)
        self.assertEqual(event.health_cost_per_participant, 220.0)

    def test_bills_charged_to_the_evening_analytic_account(self):
        bill = self._bill(self.event, 300.0)
        account = self.event.health_analytic_account_id
        self.assertEqual(bill.invoice_line_ids.analytic_distribution, {str(account.id): 100})

    def test_no_participant_no_division(self):
        other = self._generate(territory=self.epci_b)
        self._bill(other, 100.0)
        self.assertEqual(other.health_cost_amount, 100.0)
        self.assertEqual(other.health_cost_per_participant, 0.0)

    def test_bills_button(self):
        bill = self._bill(self.event, 80.0)
        self._bill(self._generate(territory=self.epci_b), 50.0)
        action = self.event.with_user(self.user_accountant).action_health_view_bills()
        self.assertEqual(self.env["account.move"].search(action["domain"]), bill)
        self.assertEqual(action["context"]["default_health_event_id"], self.event.id)
        self.assertEqual(action["context"]["default_move_type"], "in_invoice")

    def test_xlsx_export_with_costs(self):
        self._bill(self.event, 660.0)
        action = self.event.with_user(self.user_events).action_health_export_indicators()
        attachment_id = int(action["url"].split("/")[3].split("?")[0])
        content = self.env["ir.attachment"].browse(attachment_id).raw
        [rows] = read_xlsx(content).values()
        column = {title: index for index, title in enumerate(rows[0])}
        self.assertEqual(rows[1][column["Participants"]], 3)
        self.assertEqual(rows[1][column["Cost"]], 660.0)
        self.assertEqual(rows[1][column["Cost per participant"]], 220.0)
