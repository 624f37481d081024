from datetime import datetime

from freezegun import freeze_time

from odoo.addons.health_base import tools
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestGenerator(HealthEventsCommon):
    def test_next_semester_after_november_is_may_of_next_year(self):
        Event = self.env["event.event"]
        # year rollover: in December and January the next semester is May
        self.assertEqual(Event._health_next_semester("2026-12-10"), self.sem_2027_05)
        self.assertEqual(Event._health_next_semester("2027-01-15"), self.sem_2027_05)
        self.assertEqual(Event._health_next_semester("2026-06-01"), self.sem_2026_11)
        self.assertEqual(Event._health_next_semester("2026-04-30"), self.sem_2026_05)

    def test_next_semester_is_created_when_missing(self):
        Semester = self.env["health.internship.semester"]
        self.assertFalse(Semester.search([("year", "=", 2049)]))
        semester = (
            self.env["event.event"].with_user(self.user_events)._health_next_semester("2049-08-01")
        )
        self.assertEqual((semester.year, semester.season), (2049, "november"))

    def test_evening_dated_from_semester_start_in_local_time(self):
        event = self._generate(semester=self.sem_2026_11)
        # 2 November + 14 days, 19:00 in Paris (winter time: UTC+1)
        self.assertEqual(event.date_begin, datetime(2026, 11, 16, 18, 0))
        self.assertEqual(event.date_end, datetime(2026, 11, 16, 21, 0))
        may = self._generate(semester=self.sem_2027_05)
        # 2 May + 14 days, 19:00 in Paris (summer time: UTC+2)
        self.assertEqual(may.date_begin, datetime(2027, 5, 16, 17, 0))
        self.assertEqual(may.health_semester_id, self.sem_2027_05)
        self.assertEqual(may.health_territory_id, self.epci_a)
        self.assertTrue(may.health_is_welcome_evening)

    def test_offset_and_hour_come_from_the_template(self):
        self.event_type.write({"health_offset_days": 3, "health_start_hour": 18.5})
        event = self._generate(semester=self.sem_2026_05)
        self.assertEqual(event.date_begin, datetime(2026, 5, 5, 16, 30))

    def test_generation_is_idempotent(self):
        event = self._generate()
        again = self._generate()
        self.assertEqual(event, again)
        self.assertEqual(
            self.env["event.event"].search_count(
                [
                    ("health_semester_id", "=", self.sem_2027_05.id),
                    ("health_territory_id", "=", self.epci_a.id),
                ]
            ),
            1,
        )
        other = self._generate(territory=self.epci_b)
        self.assertNotEqual(other, event)

    def test_calendar_entry_with_staff_and_officials(self):
        event = self._generate()
        meeting = event.health_calendar_event_id
        self.assertTrue(meeting)
        self.assertEqual(meeting.start, event.date_begin)
        self.assertIn(self.user_events.partner_id, meeting.partner_ids)
        event.with_user(self.user_events).health_guest_partner_ids = self.mayor
        self.assertIn(self.mayor, meeting.partner_ids)
        event.with_user(self.user_events).write(
            {"date_begin": datetime(2027, 5, 20, 17, 0), "date_end": datetime(2027, 5, 20, 20, 0)}
        )
        self.assertEqual(meeting.start, datetime(2027, 5, 20, 17, 0))

    def test_invitees_are_the_interns_of_the_semester_in_the_territory(self):
        event = self._generate()
        invitations = event.health_invitation_ids
        self.assertEqual(
            invitations.filtered(lambda inv: inv.category == tools.ROLE_INTERN).partner_id,
            self.interns,
        )
        self.assertEqual(
            invitations.filtered(lambda inv: inv.category == tools.ROLE_MSU).partner_id, self.msu
        )
        self.assertNotIn(self.intern_beta, invitations.partner_id)
        self.assertNotIn(self.intern_former, invitations.partner_id)
        self.assertEqual(set(invitations.mapped("state")), {"to_invite"})
        # guests added later are invited too, once
        event.health_guest_partner_ids = self.mayor
        event._health_add_invitees()
        event._health_add_invitees()
        guest = event.health_invitation_ids.filtered(lambda inv: inv.partner_id == self.mayor)
        self.assertEqual(guest.category, "official")

    def test_no_shows_are_invited_to_the_next_evening(self):
        previous = self._generate(semester=self.sem_2026_11)
        invitation = previous.health_invitation_ids.filtered(
            lambda inv: inv.partner_id == self.intern_former
        )
        # registered a week before the evening of 16 November 2026...
        with freeze_time("2026-11-09 10:00:00"):
            invitation.action_register()
        # ... not come: marked afterwards (the clock is at REFERENCE_NOW again)
        previous.action_health_mark_no_shows()
        self.assertTrue(invitation.registration_id.health_no_show)
        event = self._generate(semester=self.sem_2027_05)
        again = event.health_invitation_ids.filtered(
            lambda inv: inv.partner_id == self.intern_former
        )
        self.assertTrue(again.previous_no_show)

    def test_default_semester_is_the_next_one(self):
        """Without a semester, the evening opens the next one after today."""
        event = self.env["event.event"].with_user(self.user_events)
        event = event._health_generate_welcome_evening(self.epci_a)
        self.assertEqual(event.health_semester_id, self.sem_2027_05)
        wizard = (
            self.env["health.event.generate"]
            .with_user(self.user_events)
            .create({"territory_id": self.epci_b.id})
        )
        self.assertEqual(wizard.semester_id, self.sem_2027_05)

    def test_bad_input(self):
        with self.assertRaises(UserError):
            self.env["event.event"]._health_generate_welcome_evening(self.env["health.territory"])
        plain_type = self.env["event.type"].create({"name": "Conference"})
        with self.assertRaises(UserError):
            self.env["event.event"]._health_generate_welcome_evening(
                self.epci_a, semester=self.sem_2027_05, event_type=plain_type
            )
        self.assertFalse(
            self.env["event.event"].search([("health_territory_id", "=", self.epci_a.id)])
        )
        with self.assertRaises(ValidationError):
            self.event_type.health_offset_days = 200
        with self.assertRaises(ValidationError):
            self.event_type.health_start_hour = 25

    def test_wizard_generates_and_reopens(self):
        wizard = (
            self.env["health.event.generate"]
            .with_user(self.user_events)
            .create({"territory_id": self.epci_a.id, "semester_id": self.sem_2027_05.id})
        )
        self.assertEqual(wizard.date_begin, datetime(2027, 5, 16, 17, 0))
        action = wizard.action_generate()
        event = self.env["event.event"].browse(action["res_id"])
        self.assertEqual(event.health_semester_id, self.sem_2027_05)
        wizard = (
            self.env["health.event.generate"]
            .with_user(self.user_events)
            .create({"territory_id": self.epci_a.id, "semester_id": self.sem_2027_05.id})
        )
        self.assertEqual(wizard.existing_event_id, event)
        self.assertEqual(wizard.action_generate()["res_id"], event.id)
