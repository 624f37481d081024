from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HealthEventsAccountCommon


@tagged("post_install", "-at_install")
class TestAccess(HealthEventsAccountCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._generate()
        cls.bill = cls._bill(cls.event, 120.0)

    def test_organiser_reads_costs_not_bills(self):
        event = self.event.with_user(self.user_events)
        values = event.read(["health_cost_amount", "health_analytic_account_id"])[0]
        self.assertEqual(values["health_cost_amount"], 120.0)
        self.assertEqual(
            values["health_analytic_account_id"][0], self.event.health_analytic_account_id.id
        )
        # the bills themselves belong to the accounting
        with self.assertRaises(AccessError):
            self.bill.with_user(self.user_events).read(["amount_total"])

    def test_organiser_generates_the_analytic_account(self):
        # the analytic account is created for them, they cannot create one
        event = self._generate(territory=self.epci_b, user=self.user_events)
        self.assertTrue(event.health_analytic_account_id)
        with self.assertRaises(AccessError):
            self.env["account.analytic.account"].with_user(self.user_events).create(
                {"name": "Mine", "plan_id": event.health_analytic_account_id.plan_id.id}
            )

    def test_accountant_links_a_bill(self):
        self.assertEqual(self.bill.create_uid, self.user_accountant)
        self.assertEqual(self.event.health_bill_ids, self.bill)
