from datetime import date, datetime

from odoo import Command
from odoo.addons.health_base.tools import is_working_day
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.misc import format_date

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestCommittee(HealthConventionsCommon):
    def test_plan_yearly_committees_with_representatives(self):
        convention = self._make_convention(
            signed=(date(2025, 1, 10), date(2025, 1, 31)),
            duration_months=36,
            committee_cadence_months=12,
            user_id=self.user_conventions.id,
        )
        convention.party_ids[1].representative_id = self.representative
        convention.action_sign()
        events = convention._plan_committees()
        # 31 January 2026 is a Saturday, 31 January 2027 a Sunday: the next
        # Monday; the term ends on Sunday 30 January 2028: the Friday before
        self.assertEqual(
            [event.start.date() for event in events],
            [date(2026, 2, 2), date(2027, 2, 1), date(2028, 1, 28)],
        )
        # 10:00 to 12:00 in Paris (UTC+1 in winter)
        self.assertEqual(
            (events[0].start, events[0].stop),
            (datetime(2026, 2, 2, 9, 0), datetime(2026, 2, 2, 11, 0)),
        )
        self.assertEqual(convention.committee_count, 3)
        expected = self.org_dept | self.representative | convention.user_id.partner_id
        self.assertEqual(events[0].partner_ids, expected)
        self.assertTrue(all(events.mapped("health_annual_review")))
        # planning again adds nothing
        self.assertFalse(convention._plan_committees())
        action = convention.action_view_committees()
        self.assertEqual(self.env["calendar.event"].search(action["domain"]), events)

    def test_committees_at_ten_in_paris_on_working_days(self):
        """Committees used to be planned at 09:00 UTC (11:00 in Paris in
        summer), on Saturdays and public holidays too."""
        convention = self._make_convention(
            signed=(date(2024, 6, 20), date(2024, 7, 14)),
            duration_months=36,
            committee_cadence_months=12,
        )
        convention.action_sign()
        events = convention._plan_committees()
        # 14 July 2025 and 2026 are public holidays (Monday, Tuesday); 14 July
        # 2027 is a Wednesday, after the end of the term (13 July 2027)
        self.assertEqual(
            [(event.start, event.stop) for event in events],
            [
                (datetime(2025, 7, 15, 8, 0), datetime(2025, 7, 15, 10, 0)),
                (datetime(2026, 7, 15, 8, 0), datetime(2026, 7, 15, 10, 0)),
                (datetime(2027, 7, 13, 8, 0), datetime(2027, 7, 13, 10, 0)),
            ],
        )
        self.assertTrue(all(is_working_day(event.start.date()) for event in events))

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
        event = convention._plan_committees()[0]  # 10 March 2026
        event.action_health_annual_review()
        minutes = str(event.with_context(lang="en_US").health_minutes)
        self.assertIn("2025", minutes)
        self.assertIn("Interns welcomed (interns)", minutes)
        self.assertIn("<td>7</td>", minutes)
        self.assertIn("<td>–</td>", minutes)

    def test_annual_review_needs_indicators(self):
        convention = self._make_convention()
        convention.action_sign()
        event = convention._plan_committees()[0]
        with self.assertRaisesText(UserError, "no indicator to review"):
            event.action_health_annual_review()
        self.assertFalse(event.health_minutes)

    def test_planning_says_what_was_planned(self):
        """The button used to return nothing the officer could see."""
        env = self.env(user=self.user_conventions)
        convention = self._make_convention(
            env=env,
            signed=(date(2025, 1, 10), date(2025, 1, 31)),
            duration_months=24,
            committee_cadence_months=12,
        )
        convention.action_sign()
        action = convention.with_context(lang="en_US").action_plan_committees()
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(
            action["params"]["message"],
            f"Steering committees planned: 2, on {format_date(env, date(2026, 2, 2))}, "
            f"{format_date(env, date(2027, 1, 29))}. Send the invitations from each "
            "meeting once its date is confirmed.",
        )
        self.assertEqual(action["params"]["next"], {"type": "ir.actions.act_window_close"})
        self.assertEqual(convention.committee_count, 2)
        # nothing more to plan: it says so
        action = convention.with_context(lang="en_US").action_plan_committees()
        self.assertEqual(action["params"]["type"], "info")
        self.assertIn("No steering committee to plan", action["params"]["message"])
        self.assertEqual(convention.committee_count, 2)
