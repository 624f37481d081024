from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestCommittee(HealthConventionsCommon):
    def test_plan_yearly_committees_with_representatives(self):
        convention = self._make_convention(
            signed=(date(2025, 1, 10), date(2025, 1, 31)),
            duration_months=36,
            committee_cadence_months=12,
            user_id=self.user_officer.id,
        )
        convention.party_ids[1].representative_id = self.representative
        convention.action_sign()
        events = convention.action_plan_committees()
        self.assertEqual(
            [event.start.date() for event in events],
            [date(2026, 1, 31), date(2027, 1, 31), date(2028, 1, 30)],
        )
        self.assertEqual(convention.committee_count, 3)
        expected = self.dept | self.representative | convention.user_id.partner_id
        self.assertEqual(events[0].partner_ids, expected)
        self.assertTrue(all(events.mapped("health_annual_review")))
        # planning again adds nothing
        self.assertFalse(convention.action_plan_committees())
        action = convention.action_view_committees()
        self.assertEqual(self.env["calendar.event"].search(action["domain"]), events)

    def test_annual_review_in_the_minutes(self):
        convention = self._make_convention(
            indicator_ids=[
                Command.create(
                    {
                        "name": "Interns welcomed",
                        "unit": "interns",
                        "target": 6,
                        "value_ids": [Command.create({"year": 2025, "value": 7})],
                    }
                ),
                Command.create({"name": "Installations", "target": 2}),
            ]
        )
        convention.action_sign()
        event = convention.action_plan_committees()[0]  # 10 March 2026
        event.action_health_annual_review()
        minutes = str(event.with_context(lang="en_US").health_minutes)
        self.assertIn("2025", minutes)
        self.assertIn("Interns welcomed (interns)", minutes)
        self.assertIn("<td>7</td>", minutes)
        self.assertIn("<td>–</td>", minutes)

    def test_annual_review_needs_indicators(self):
        convention = self._make_convention()
        convention.action_sign()
        event = convention.action_plan_committees()[0]
        with self.assertRaisesText(UserError, "no indicator to review"):
            event.action_health_annual_review()
        self.assertFalse(event.health_minutes)
