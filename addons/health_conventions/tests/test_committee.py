from datetime import date

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
