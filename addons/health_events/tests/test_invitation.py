from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.addons.health_base import tools
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestInvitation(HealthEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._generate()
        cls.invitations = cls.event.health_invitation_ids

    def _mails(self, invitations):
        return self.env["mail.mail"].search(
            [("model", "=", "health.event.invitation"), ("res_id", "in", invitations.ids)]
        )

    def test_invite_queues_mails_with_answer_links(self):
        self.event.with_user(self.user_events).action_health_invite()
        self.assertEqual(set(self.invitations.mapped("state")), {"invited"})
        mails = self._mails(self.invitations)
        self.assertEqual(len(mails), len(self.invitations))
        # queued, not sent synchronously
        self.assertEqual(set(mails.mapped("state")), {"outgoing"})
        invitation = self.invitations[0]
        mail = mails.filtered(lambda m: m.res_id == invitation.id)
        self.assertIn(invitation.access_token, mail.body_html)
        self.assertIn(f"/health_events/invitation/{invitation.id}/", mail.body_html)
        self.assertEqual(mail.recipient_ids, invitation.partner_id)

    def test_invite_again_adds_the_new_interns_only(self):
        self.event.action_health_invite()
        newcomer = self.interns[0].copy(
            {"name": "Intern Newcomer", "email": "newcomer@example.com"}
        )
        self.event.action_health_invite()
        invitation = self.event.health_invitation_ids.filtered(
            lambda inv: inv.partner_id == newcomer
        )
        self.assertEqual(invitation.state, "invited")
        self.assertEqual(
            len(self._mails(self.event.health_invitation_ids)), len(self.invitations) + 1
        )
        with self.assertRaises(UserError):
            self.event.action_health_invite()

    def test_invitation_mail_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        invitation = self.invitations.filtered(lambda inv: inv.category == tools.ROLE_INTERN)[0]
        invitation.partner_id.lang = "fr_FR"
        invitation.with_user(self.user_events).action_send()
        mail = self._mails(invitation)
        self.assertIn("Je participerai", mail.body_html)

    def _evening_with_interns(self, size):
        """A new territory with ``size`` interns of the semester and its evening."""
        self.batch_index = getattr(self, "batch_index", 0) + 1
        epci = self.env["health.territory"].create(
            {
                "name": f"CC Batch {self.batch_index}",
                "territory_type": "epci",
                "code": f"2000009{self.batch_index:02d}",
                "parent_id": self.dept.id,
            }
        )
        self.env["res.partner"].create(
            [
                {
                    "name": f"Batch intern {self.batch_index}-{i}",
                    "email": f"batch.{self.batch_index}.{i}@example.com",
                    "health_role_ids": [(6, 0, self.role_intern.ids)],
                    "health_territory_id": epci.id,
                    "health_internship_semester_ids": [(6, 0, self.sem_2027_05.ids)],
                }
                for i in range(size)
            ]
        )
        return self._generate(territory=epci).with_user(self.user_events)

    def test_invite_in_batch(self):
        # no query per invitee: as many queries for 10 as for 30 invitees
        # (mails are rendered by chunks of 50, mail.batch_size); the caches
        # of the first invitation are filled before
        def invite(event):
            event.action_health_invite()

        self._count_queries(invite, self._evening_with_interns(2))
        self.assertQueryCountSame(self._evening_with_interns, invite, n=10)
        event = self._evening_with_interns(120)
        event.action_health_invite()
        self.assertEqual(set(event.health_invitation_ids.mapped("state")), {"invited"})
        self.assertEqual(len(self._mails(event.health_invitation_ids)), 120)

    def test_register_then_attend(self):
        invitation = self.invitations.filtered(lambda inv: inv.category == tools.ROLE_INTERN)[0]
        invitation.with_user(self.user_events).action_register()
        registration = invitation.registration_id
        self.assertEqual(invitation.state, "registered")
        self.assertEqual(registration.partner_id, invitation.partner_id)
        self.assertEqual(registration.state, "open")
        registration.with_user(self.user_events).write(
            {"health_companion_count": 1, "health_dietary_need": "vegetarian"}
        )
        with self._on_evening_day(self.event):
            registration.with_user(self.user_events).action_health_mark_attended()
        self.assertEqual(registration.state, "done")
        self.assertEqual(self.event.health_attended_count, 1)
        self.assertEqual(self.event.health_participant_count, 2)
        # registering twice does not create a second registration
        invitation.action_register()
        self.assertEqual(self.event.registration_ids, registration)

    def test_decline_cancels_the_registration(self):
        invitation = self.invitations[0]
        invitation.action_register()
        invitation.with_user(self.user_events).action_decline()
        self.assertEqual(invitation.state, "declined")
        self.assertEqual(invitation.registration_id.state, "cancel")
        self.assertEqual(self.event.health_declined_count, 1)

    def test_organiser_is_told_of_answers(self):
        invitation = self.invitations[0]
        invitation._health_answer("accept")
        message = self.event.message_ids[0]
        self.assertIn(invitation.partner_id.name, message.body)
        self.assertIn(self.user_events.partner_id, message.partner_ids)
        # the same answer again changes nothing and tells nobody
        count = len(self.event.message_ids)
        self.assertFalse(invitation._health_answer("accept"))
        self.assertEqual(len(self.event.message_ids), count)

    def test_reminders_before_the_evening(self):
        self.invitations.action_send()
        answered = self.invitations[0]
        answered.action_register()
        Invitation = self.env["health.event.invitation"]
        # eight days before the evening: too early (the template says seven)
        Invitation._cron_send_reminders(now=self.event.date_begin - timedelta(days=8))
        self.assertFalse(any(self.invitations.mapped("date_reminded")))
        three_days_before = self.event.date_begin - timedelta(days=3)
        Invitation._cron_send_reminders(now=three_days_before)
        reminded = self.invitations - answered
        self.assertEqual(set(reminded.mapped("date_reminded")), {three_days_before})
        self.assertFalse(answered.date_reminded)
        # once only
        count = len(self._mails(self.invitations))
        Invitation._cron_send_reminders(now=three_days_before + timedelta(days=1))
        self.assertEqual(len(self._mails(self.invitations)), count)

    def test_reminders_on_today_by_default(self):
        """The scheduled action takes the current time, frozen at REFERENCE_NOW."""
        self.invitations.action_send()
        self.event_type.health_reminder_days = 70  # 16 May - 70 days: 7 March
        self.env["health.event.invitation"]._cron_send_reminders()
        self.assertTrue(all(self.invitations.mapped("date_reminded")))
        self.assertEqual(self.invitations[0].date_reminded, datetime(2027, 3, 15, 10, 0))

    def test_no_answer_after_the_evening(self):
        self.invitations.action_send()
        Invitation = self.env["health.event.invitation"]
        Invitation._cron_send_reminders(now=self.event.date_end - timedelta(minutes=1))
        self.assertEqual(set(self.invitations.mapped("state")), {"invited"})
        Invitation._cron_send_reminders(now=self.event.date_end + timedelta(minutes=1))
        self.assertEqual(set(self.invitations.mapped("state")), {"no_answer"})

    def test_bad_input(self):
        invitation = self.invitations[0]
        invitation.partner_id.email = False
        # the invitee without an e-mail address is left to invite, not mailed
        self.event.action_health_invite()
        self.assertEqual(invitation.state, "to_invite")
        self.assertFalse(self._mails(invitation))
        with self.assertRaises(UserError):
            invitation.action_send()
        self.assertEqual(invitation.state, "to_invite")
        # the evening of 16 May 2027 is over four days later
        with freeze_time("2027-05-20 10:00:00"), self.assertRaises(UserError):
            self.invitations[1].action_register()
        self.assertFalse(self.event.registration_ids)
