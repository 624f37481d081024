from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import freeze_time, tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestTerms(HealthConventionsCommon):
    """The end date follows from the terms and the history; the terms of a
    signed convention change only through an amendment."""

    def _in_force(self, **vals):
        convention = self._make_convention(**vals)
        convention.action_sign()
        convention.action_put_in_force()
        return convention

    def _amend(self, convention, **vals):
        amendment = self.env["health.convention.amendment"].create(
            {
                "convention_id": convention.id,
                "subject": "Change",
                "transmission_required": False,
                **vals,
            }
        )
        amendment.action_sign()
        amendment.action_put_in_force()
        return amendment

    def test_signature_date_locked_once_in_force_keeps_the_renewals(self):
        """Editing a signature date of a convention in force used to recompute
        its effective and end dates and silently drop its renewals."""
        convention = self._in_force(tacit_renewal=True, renewal_months=12)
        self.env["health.convention"]._cron_process_terms(date(2026, 3, 10))
        self.assertEqual(convention.date_end, date(2027, 3, 9))
        party = convention.party_ids.with_user(self.user_conventions)[1]
        with self.assertRaisesText(UserError, "can no longer be changed"):
            party.write({"signature_date": "2025-06-01"})
        with self.assertRaisesText(UserError, "Record an amendment"):
            convention.with_user(self.user_conventions).write(
                {"party_ids": [Command.update(party.id, {"signature_date": "2025-06-01"})]}
            )
        self.assertEqual(party.signature_date, date(2025, 3, 10))
        self.assertEqual(
            (convention.date_start, convention.date_end), (date(2025, 3, 10), date(2027, 3, 9))
        )
        self.assertEqual(len(convention.renewal_ids), 1)
        # a signing party is neither added nor removed; an associated one may be
        with self.assertRaisesText(UserError, "can no longer be changed"):
            self.env["health.convention.party"].create(
                {**self._party_vals(self.org_ars, date(2025, 6, 1)), "convention_id": convention.id}
            )
        with self.assertRaisesText(UserError, "can no longer be changed"):
            party.unlink()
        associated = self.env["health.convention.party"].create(
            {**self._party_vals(self.org_ars, role="associated"), "convention_id": convention.id}
        )
        self.assertEqual(convention.party_ids[-1], associated)
        self.assertEqual(convention.date_start, date(2025, 3, 10))

    def test_convention_recorded_already_in_force(self):
        """An import of conventions already signed creates them with their
        parties; the lock applies from then on."""
        convention = self._make_convention(
            env=self.env(user=self.user_conventions), state="in_force"
        )
        self.assertEqual(convention.state, "in_force")
        self.assertEqual(len(convention.party_ids), 2)
        self.assertEqual(convention.date_start, date(2025, 3, 10))
        with self.assertRaisesText(UserError, "can no longer be changed"):
            convention.party_ids[0].signature_date = date(2025, 3, 20)
        self.assertEqual(convention.date_start, date(2025, 3, 10))

    def test_terms_locked_once_signed(self):
        convention = self._make_convention(effective_date_mode="fixed", date_start="2025-04-01")
        convention.action_sign()
        officer_convention = convention.with_user(self.user_conventions)
        for vals in (
            {"duration_months": 24},
            {"date_start": "2025-05-01"},
            {"effective_date_mode": "last_signature"},
            {"tacit_renewal": True},
            {"notice_months": 6},
        ):
            with self.assertRaisesText(UserError, "can no longer be changed"):
                officer_convention.write(vals)
        self.assertEqual(
            (convention.date_start, convention.date_end, convention.duration_months),
            (date(2025, 4, 1), date(2026, 3, 31), 12),
        )
        # the same values, and what is not a term, can be written
        officer_convention.write({"duration_months": 12, "date_start": "2025-04-01"})
        officer_convention.write({"title": "Renamed", "amount": 500})
        self.assertEqual(convention.title, "Renamed")
        # back to draft (not in force yet), the terms can change again
        officer_convention.action_back_to_draft()
        officer_convention.write({"duration_months": 24})
        self.assertEqual(convention.date_end, date(2027, 3, 31))

    def test_end_date_derived_from_the_history(self):
        convention = self._in_force(tacit_renewal=True, renewal_months=12)
        self.assertEqual(convention.date_end, date(2026, 3, 9), "start + 12 months")
        with self.assertRaisesText(UserError, "follows from"):
            convention.with_user(self.user_conventions).write({"date_end": "2030-01-01"})
        self.assertEqual(convention.date_end, date(2026, 3, 9))
        # a tacit renewal, then an amendment that shortens the term
        self.env["health.convention"]._cron_process_terms(date(2026, 3, 10))
        self.assertEqual(convention.date_end, date(2027, 3, 9))
        with freeze_time("2026-06-01"):
            shortening = self._amend(
                convention, signature_date=date(2026, 5, 20), new_date_end=date(2026, 12, 31)
            )
        self.assertEqual(convention.date_end, date(2026, 12, 31))
        self.assertEqual(shortening.previous_date_end, date(2027, 3, 9))
        # the next renewal starts from the amended end
        self.env["health.convention"]._cron_process_terms(date(2027, 1, 1))
        self.assertEqual(convention.date_end, date(2027, 12, 31))
        self.assertEqual(convention.renewal_ids.sorted("number").mapped("number"), [1, 2])
        # an amendment in force can no longer be edited
        with self.assertRaisesText(UserError, "is in force"):
            shortening.write({"new_date_end": "2030-12-31"})
        self.assertEqual(convention.date_end, date(2027, 12, 31))

    def test_activities_follow_the_deadlines(self):
        """After an amendment moved the end, the activity of the former
        notice deadline used to stay due."""
        convention = self._in_force(tacit_renewal=True, renewal_months=12, notice_months=2)
        activity_type = self.env.ref("health_conventions.mail_activity_type_convention_deadline")

        def activities():
            return convention.activity_ids.filtered(
                lambda activity: activity.activity_type_id == activity_type
            )

        Convention = self.env["health.convention"]
        Convention._cron_process_terms(date(2025, 12, 15))
        self.assertEqual(activities().date_deadline, date(2026, 1, 10))
        # the amendment extends the term to 31 December 2026: notice until 1 November
        with freeze_time("2025-12-20"):
            self._amend(
                convention, signature_date=date(2025, 12, 18), new_date_end=date(2026, 12, 31)
            )
        self.assertEqual(convention.notice_deadline, date(2026, 11, 1))
        self.assertFalse(activities(), "the former deadline is no longer reminded")
        Convention._cron_process_terms(date(2026, 10, 1))
        self.assertFalse(activities(), "reminded 30 days before")
        Convention._cron_process_terms(date(2026, 10, 2))
        self.assertEqual(activities().date_deadline, date(2026, 11, 1))
        Convention._cron_process_terms(date(2026, 10, 3))
        self.assertEqual(len(activities()), 1, "one activity per deadline")
        # moved within the reminder delay: replaced at once
        with freeze_time("2026-10-05"):
            self._amend(
                convention, signature_date=date(2026, 10, 5), new_date_end=date(2026, 12, 15)
            )
        self.assertEqual(activities().date_deadline, date(2026, 10, 16))
        self.assertRegex(activities().summary, "16/10/2026|10/16/2026")

    def test_amendment_changing_only_the_amount_keeps_the_reminder(self):
        convention = self._in_force(
            tacit_renewal=True, renewal_months=12, notice_months=2, amount=1000
        )
        Convention = self.env["health.convention"]
        Convention._cron_process_terms(date(2025, 12, 15))
        self.assertTrue(convention.notice_reminder_done)
        with freeze_time("2025-12-20"):
            self._amend(convention, signature_date=date(2025, 12, 18), new_amount=2000)
        self.assertTrue(convention.notice_reminder_done)
        Convention._cron_process_terms(date(2025, 12, 21))
        self.assertEqual(len(convention.activity_ids), 1)
