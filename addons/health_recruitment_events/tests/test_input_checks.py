from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import RecruitmentEventsCommon


@tagged("post_install", "-at_install")
class TestInputChecks(RecruitmentEventsCommon):
    """The fields of the welcome evenings stay checked with this addon's
    extensions installed: refused with a sentence, nothing written."""

    def test_template_fields_still_checked(self):
        manager = new_test_user(
            self.env,
            login="hre_events_manager",
            groups="base.group_user,health_events.group_health_events_manager",
            name="Events Manager",
        )
        event_type = self.event_type.with_user(manager)
        for vals, message in (
            ({"health_offset_days": "ten"}, "Days After Semester Start .* not a whole number"),
            ({"health_reminder_days": -2}, "between 0 and 90 days"),
        ):
            with self.assertRaises(ValidationError) as refused:
                event_type.write(dict(vals, health_create_candidacy=False))
            self.assertRegex(str(refused.exception), message)
            self.assertEqual(event_type.health_offset_days, 14)
            self.assertTrue(event_type.health_create_candidacy)
        event_type.health_create_candidacy = False
        self.assertFalse(event_type.health_create_candidacy)

    def test_invitation_and_registration_still_checked(self):
        Invitation = self.env["health.event.invitation"].with_user(self.organiser)
        count = Invitation.search_count([])
        with self.assertRaises(ValidationError) as refused:
            Invitation.create(
                {"event_id": self.event.id, "partner_id": self.interns[0].id, "category": "ceo"}
            )
        self.assertIn("'ceo' is not one of the allowed values", str(refused.exception))
        self.assertEqual(Invitation.search_count([]), count)
        Registration = self.env["event.registration"].with_user(self.organiser)
        with self.assertRaises(ValidationError):
            Registration.create(
                {
                    "event_id": self.event.id,
                    "partner_id": self.interns[0].id,
                    "health_companion_count": "two",
                }
            )
        self.assertFalse(Registration.search([("event_id", "=", self.event.id)]))
        self.assertFalse(self._candidacies(self.interns[:1]))
