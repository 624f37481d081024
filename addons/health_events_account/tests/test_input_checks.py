from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import HealthEventsAccountCommon


@tagged("post_install", "-at_install")
class TestInputChecks(HealthEventsAccountCommon):
    def test_bill_values(self):
        Move = self.env["account.move"].with_user(self.user_accountant)
        count = Move.sudo().search_count([])
        for value, message in (
            (999999999, "no Event with the id 999999999"),
            ("Soirée", "is not the id of a record"),
        ):
            with self.assertRaises(ValidationError) as refused:
                Move.create({"move_type": "in_invoice", "health_event_id": value})
            self.assertIn(message, str(refused.exception))
            self.assertIn("health_event_id", str(refused.exception))
        self.assertEqual(Move.sudo().search_count([]), count)

    def test_evening_analytic_account(self):
        event = self._generate().with_user(self.user_events)
        account = event.health_analytic_account_id
        for value, message in (
            (999999999, "no Analytic Account with the id 999999999"),
            ("Soirée", "is not the id of a record"),
        ):
            with self.assertRaises(ValidationError) as refused:
                event.write({"health_analytic_account_id": value})
            self.assertIn(message, str(refused.exception))
            event.invalidate_recordset()
            self.assertEqual(event.health_analytic_account_id, account)
