from datetime import date

from odoo.addons.health_base import tools
from odoo.tests import tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestEventsOverview(HealthEventsCommon):
    """The welcome evenings' tiles and measures, on an evening built here
    (May 2027 semester, evening in mid-May 2027)."""

    def _tile(self, code, day, user=None):
        xmlid = {"unanswered": "unanswered_evenings"}.get(code, code)
        tile = self.env.ref(f"health_events.health_overview_tile_{xmlid}")
        return tile.with_user(user or self.user_events).with_context(date=day.isoformat())

    def _records(self, tile):
        action = tile.action_open()
        return self.env[action["res_model"]].search(action["domain"])

    def test_semester_evenings_held_and_planned(self):
        day_before = date(2027, 5, 3)
        before = self._tile("semester_evenings", day_before)._health_figure(day_before)
        event = self._generate()
        evening_day = event.date_begin.date()
        planned = self._tile("semester_evenings", day_before)
        self.assertEqual(planned.value, before["value"])
        self.assertEqual(planned.target, before["target"] + 1)
        held = self._tile("semester_evenings", evening_day)
        self.assertEqual(held.value, before["value"] + 1)
        self.assertIn(event, self._records(held))

    def test_semester_participants(self):
        day = date(2027, 6, 1)
        before = self._tile("semester_participants", day)._health_figure(day)
        event, registrations = self._generate_attended()
        tile = self._tile("semester_participants", day)
        self.assertEqual(tile.value, before["value"] + 2)
        self.assertEqual(tile.target, before["target"] + 3)
        self.assertEqual(
            self._records(tile).filtered(lambda reg: reg.event_id == event), registrations[:2]
        )

    def test_evening_short_of_answers(self):
        event = self._generate()
        day = event.date_begin.date().replace(day=1)
        invitations = event.health_invitation_ids
        self.assertGreaterEqual(len(invitations), 4)
        invitations.action_send()
        invitations[:1].action_register()
        tile = self._tile("unanswered", day)
        self.assertTrue(tile.is_alert)
        self.assertIn(event, self._records(tile))
        # three weeks before is too early for the alert
        early = event.date_begin.date().replace(month=4, day=1)
        self.assertNotIn(event, self._records(self._tile("unanswered", early)))
        # half of them answered: no more alert for this evening
        half = (len(invitations) + 1) // 2
        invitations[1:half].action_decline()
        self.assertNotIn(event, self._records(self._tile("unanswered", day)))

    def test_tiles_for_event_users_only(self):
        tiles = self.env["health.overview.tile"].with_user(self.user_officer).search([])
        self.assertNotIn(
            self.env.ref("health_events.health_overview_tile_semester_evenings"), tiles
        )
        self.assertIn(
            self.env.ref("health_events.health_overview_tile_semester_evenings"),
            self.env["health.overview.tile"].with_user(self.user_events).search([]),
        )

    def test_measures_count_attendance_by_territory(self):
        event, registrations = self._generate_attended()
        msu_invitation = event.health_invitation_ids.filtered(
            lambda inv: inv.category == tools.ROLE_MSU
        )
        msu_invitation.action_send()
        msu_invitation.action_register()
        with self._on_evening_day(event):
            msu_invitation.registration_id.action_health_mark_attended()
        interns = self.env.ref("health_base.health_indicator_measure_interns_welcomed")
        everyone = self.env.ref("health_base.health_indicator_measure_evening_participants")
        territories = self.epci_a + self.epci_b + self.dept
        year = (date(2027, 1, 1), date(2027, 12, 31))
        self.assertEqual(
            interns._health_values(territories, *year),
            {self.epci_a.id: 2.0, self.epci_b.id: 0.0, self.dept.id: 2.0},
        )
        self.assertEqual(everyone._health_values(territories, *year)[self.epci_a.id], 3.0)
        self.assertEqual(
            interns._health_values(territories, date(2026, 1, 1), date(2026, 12, 31)),
            {self.epci_a.id: 0.0, self.epci_b.id: 0.0, self.dept.id: 0.0},
        )
