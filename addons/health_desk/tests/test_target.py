from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import DeskCommon


@tagged("post_install", "-at_install")
class TestTarget(DeskCommon):
    def test_target_skips_weekend_and_christmas(self):
        # Wednesday 23 December 2026, 10:00 in Paris; 3 working days: Thursday
        # 24, (Friday 25 is Christmas, then the weekend) Monday 28, Tuesday 29
        ticket = self._ticket(health_received_date=datetime(2026, 12, 23, 9, 0))
        self.assertEqual(ticket.health_target_date, date(2026, 12, 29))

    def test_target_local_day(self):
        # 23:30 UTC on the 23rd is already the 24th in Paris
        ticket = self._ticket(health_received_date=datetime(2026, 12, 23, 23, 30))
        self.assertEqual(ticket.health_target_date, date(2026, 12, 30))

    def test_target_zero_days_on_holiday(self):
        # received on Easter Monday 2027 (29 March): due the next working day
        ticket = self._ticket(
            category_id=self.cat_housing.id, health_received_date=datetime(2027, 3, 29, 8, 0)
        )
        self.assertEqual(ticket.health_target_date, date(2027, 3, 30))

    def test_category_change_keeps_past_targets(self):
        ticket = self._ticket(health_received_date=datetime(2026, 12, 23, 9, 0))
        self.cat_admin.health_target_days = 10
        self.assertEqual(ticket.health_target_date, date(2026, 12, 29))

    def test_delays_and_in_time(self):
        ticket = self._ticket(health_received_date=datetime(2026, 12, 23, 9, 0))
        ticket.write({"health_first_answer_date": datetime(2026, 12, 29, 15, 0)})
        self.assertEqual(ticket.health_first_answer_days, 3)
        self.assertTrue(ticket.health_answered_in_time)
        self.assertEqual(ticket.health_in_time_rate, 100.0)
        ticket.write({"health_first_answer_date": datetime(2026, 12, 30, 8, 0)})
        self.assertEqual(ticket.health_first_answer_days, 4)
        self.assertFalse(ticket.health_answered_in_time)
        with freeze_time("2027-01-04 10:00:00"):
            ticket.write({"stage_id": self.stage_done.id})
        # 24, 28, 29, 30, 31 December and 4 January (1 January is a holiday)
        self.assertEqual(ticket.health_resolution_days, 6)

    def test_officer_answer_is_first_answer(self):
        ticket = self._ticket(user=self.desk_officer)
        with freeze_time("2027-01-05 10:00:00"):
            ticket.with_user(self.desk_officer).message_post(
                body="Here is the answer.", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(ticket.health_first_answer_date, datetime(2027, 1, 5, 10, 0))
        # an internal note is not an answer
        other = self._ticket(user=self.desk_officer)
        other.with_user(self.desk_officer).message_post(body="Note", subtype_xmlid="mail.mt_note")
        self.assertFalse(other.health_first_answer_date)

    def test_overdue_job(self):
        late = self._ticket(health_received_date=datetime(2026, 12, 23, 9, 0))
        answered = self._ticket(
            health_received_date=datetime(2026, 12, 23, 9, 0),
            health_first_answer_date=datetime(2026, 12, 24, 9, 0),
        )
        fresh = self._ticket(health_received_date=datetime(2027, 1, 4, 9, 0))
        Ticket = self.env["helpdesk.ticket"]
        Ticket._cron_health_desk_overdue(today=date(2026, 12, 29))
        self.assertFalse(late.health_overdue)
        Ticket._cron_health_desk_overdue(today=date(2027, 1, 5))
        self.assertTrue(late.health_overdue)
        self.assertFalse(answered.health_overdue)
        self.assertFalse(fresh.health_overdue)
        late.health_first_answer_date = datetime(2027, 1, 5, 9, 0)
        Ticket._cron_health_desk_overdue(today=date(2027, 1, 6))
        self.assertFalse(late.health_overdue)

    def test_anonymisation_after_retention(self):
        ticket = self._ticket(health_rpps=False, health_phone="+33 6 11 22 33 44")
        with freeze_time("2027-01-04 10:00:00"):
            ticket.write({"stage_id": self.stage_done.id, "health_satisfaction": "3"})
        Ticket = self.env["helpdesk.ticket"]
        self.assertNotIn(ticket, Ticket._cron_health_desk_anonymize(today=date(2029, 12, 31)))
        Ticket._cron_health_desk_anonymize(today=date(2030, 1, 5))
        self.assertTrue(ticket.health_anonymized)
        self.assertFalse(ticket.partner_id)
        self.assertFalse(ticket.partner_email)
        self.assertFalse(ticket.health_phone)
        self.assertFalse(ticket.message_ids)
        # the figures stay
        self.assertEqual(ticket.category_id, self.cat_admin)
        self.assertEqual(ticket.health_satisfaction, "3")
