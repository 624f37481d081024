from odoo.addons.health_base import tools
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestRegistration(HealthEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._generate()
        cls.event.write({"seats_limited": True, "seats_max": 2})
        cls.invitations = cls.event.health_invitation_ids.filtered(
            lambda inv: inv.category == tools.ROLE_INTERN
        )

    def test_waiting_list_when_full_and_promotion(self):
        self.invitations.with_user(self.user_events).action_register()
        first, second, third = self.invitations.registration_id.sorted("id")
        self.assertEqual((first.state, second.state), ("open", "open"))
        self.assertEqual(third.state, "draft")
        self.assertTrue(third.health_waiting_list)
        self.assertEqual(self.event.health_waiting_count, 1)
        with self.assertRaises(UserError):
            third.action_health_mark_attended()
        # a seat frees: the first on the waiting list gets it
        first.with_user(self.user_events).action_cancel()
        self.assertEqual(third.state, "open")
        self.assertFalse(third.health_waiting_list)
        mail = self.env["mail.mail"].search(
            [
                ("model", "=", "event.registration"),
                ("res_id", "=", third.id),
                ("subject", "ilike", "confirm"),
            ]
        )
        self.assertEqual(len(mail), 1, mail.mapped("subject"))
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(
            self.invitations.filtered(lambda inv: inv.registration_id == first).state, "declined"
        )

    def test_more_seats_promote_the_waiting_list(self):
        self.invitations.action_register()
        waiting = self.invitations.registration_id.filtered("health_waiting_list")
        self.assertEqual(len(waiting), 1)
        self.event.seats_max = 5
        self.assertEqual(waiting.state, "open")

    def test_registration_details_and_bad_input(self):
        self.invitations[0].action_register()
        registration = self.invitations[0].registration_id
        registration.write(
            {
                "health_companion_count": 2,
                "health_dietary_need": "other",
                "health_dietary_note": "No nuts",
                "health_needs_transport": True,
                "health_photo_consent": True,
            }
        )
        with self.assertRaises(ValidationError):
            registration.health_companion_count = -1
        with self.assertRaises(ValidationError):
            registration.health_companion_count = 40
        self.assertEqual(registration.health_companion_count, 2)

    def test_kits_given_within_stock(self):
        self.event.write(
            {
                "health_kit_stock": 1,
                "health_kit_line_ids": [
                    (0, 0, {"name": "Territory guide", "sponsor_id": self.mayor.id}),
                    (0, 0, {"name": "Local products"}),
                ],
            }
        )
        self.assertEqual(self.event.health_sponsor_ids, self.mayor)
        self.invitations[:2].action_register()
        first, second = self.invitations[:2].registration_id
        with self._on_evening_day(self.event):
            (first | second).action_health_mark_attended()
        first.with_user(self.user_events).action_health_give_kit()
        self.assertTrue(first.health_kit_received)
        self.assertEqual(self.event.health_kit_given_count, 1)
        self.assertEqual(self.event.health_kit_remaining, 0)
        with self.assertRaises(ValidationError):
            second.action_health_give_kit()
        self.assertFalse(second.health_kit_received)
        with self.assertRaises(ValidationError):
            self.event.health_kit_line_ids[0].quantity = 0

    def test_mark_no_shows_only_after_the_evening(self):
        self.invitations[0].action_register()
        with self.assertRaises(UserError):
            self.event.action_health_mark_no_shows()
        self.assertFalse(self.invitations[0].registration_id.health_no_show)
