from datetime import date
from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestCron(HealthConventionsCommon):
    def _in_force(self, count=1, **vals):
        conventions = self.env["health.convention"]
        for _i in range(count):
            convention = self._make_convention(**vals)
            convention.action_sign()
            convention.action_put_in_force()
            conventions |= convention
        return conventions

    def test_tacit_renewal_and_expiry(self):
        # signed 10 March 2025: ends 9 March 2026
        tacit = self._in_force(tacit_renewal=True, renewal_months=12, max_renewals=2)
        plain = self._in_force()
        Convention = self.env["health.convention"]
        renewed, expired = Convention._cron_process_terms(date(2026, 3, 9))
        self.assertFalse(renewed | expired, "nothing happens on the last day")
        renewed, expired = Convention._cron_process_terms(date(2026, 3, 10))
        self.assertEqual(renewed, tacit)
        self.assertEqual(expired, plain)
        self.assertEqual(plain.state, "expired")
        self.assertEqual(tacit.state, "in_force")
        self.assertEqual(tacit.renewal_count, 1)
        self.assertEqual(tacit.date_end, date(2027, 3, 9))
        self.assertIn("Renewed tacitly", tacit.message_ids[0].body)
        self.assertIn("Expired", plain.message_ids[0].body)
        # second renewal, then the maximum is reached: it expires
        Convention._cron_process_terms(date(2027, 3, 10))
        self.assertEqual((tacit.renewal_count, tacit.date_end), (2, date(2028, 3, 9)))
        renewed, expired = Convention._cron_process_terms(date(2028, 3, 10))
        self.assertEqual(expired, tacit)
        self.assertEqual((tacit.state, tacit.renewal_count), ("expired", 2))

    def test_unlimited_renewals_catch_up(self):
        """A cron that did not run for years renews as many times as needed."""
        tacit = self._in_force(tacit_renewal=True, renewal_months=12, max_renewals=0)
        self.env["health.convention"]._cron_process_terms(date(2029, 6, 1))
        self.assertEqual(tacit.renewal_count, 4)
        self.assertEqual(tacit.date_end, date(2030, 3, 9))
        self.assertEqual(tacit.state, "in_force")

    def test_maximum_reached_during_catch_up(self):
        tacit = self._in_force(tacit_renewal=True, renewal_months=12, max_renewals=1)
        self.env["health.convention"]._cron_process_terms(date(2029, 6, 1))
        self.assertEqual((tacit.state, tacit.renewal_count), ("expired", 1))
        self.assertEqual(tacit.date_end, date(2027, 3, 9))

    def test_leap_year_renewal(self):
        # effective 1 March 2026, 12 months: ends 28 February 2027, then 29 February 2028
        tacit = self._in_force(
            signed=(date(2026, 2, 20), date(2026, 3, 1)), tacit_renewal=True, renewal_months=12
        )
        self.assertEqual(tacit.date_end, date(2027, 2, 28))
        self.env["health.convention"]._cron_process_terms(date(2027, 3, 1))
        self.assertEqual(tacit.date_end, date(2028, 2, 29))

    def test_only_conventions_in_force(self):
        draft = self._make_convention(tacit_renewal=True)
        signed = self._make_convention()
        signed.action_sign()
        self.env["health.convention"]._cron_process_terms(date(2030, 1, 1))
        self.assertEqual((draft.state, signed.state), ("draft", "signed"))
        self.assertEqual(draft.renewal_count, 0)

    def test_query_count_does_not_grow_with_the_conventions(self):
        """Renewing, expiring and reminding N or 3N conventions at term takes
        the same queries (conventions with their own reminder delays are
        selected in the same queries)."""
        Convention = self.env["health.convention"]
        # warm the caches (system parameters, xml ids) with a first run
        warm = (date(2025, 3, 1), date(2025, 3, 8))
        self._in_force(signed=warm, tacit_renewal=True)
        self._in_force(signed=warm)
        Convention._cron_process_terms(date(2026, 3, 8))

        def prepare(size):
            self._in_force(size, tacit_renewal=True, renewal_months=12)
            self._in_force(size)
            self._in_force(
                size,
                tacit_renewal=True,
                notice_months=1,
                custom_reminders=True,
                notice_reminder_days=0,
                end_reminder_days=0,
            )

        def run(_data):
            renewed, expired = Convention._cron_process_terms(date(2026, 3, 10))
            self.assertTrue(renewed and expired)

        self.assertQueryCountSame(prepare, run, n=3)

    def test_deadline_activities_once(self):
        tacit = self._in_force(tacit_renewal=True, renewal_months=12, notice_months=2)
        plain = self._in_force()
        # ends 9 March 2026; notice deadline 10 January 2026
        self.assertEqual(tacit.notice_deadline, date(2026, 1, 10))
        Convention = self.env["health.convention"]
        activity_type = self.env.ref("health_conventions.mail_activity_type_convention_deadline")

        def activities(convention):
            return convention.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)

        Convention._cron_process_terms(date(2025, 12, 1))
        self.assertFalse(activities(tacit) | activities(plain))
        Convention._cron_process_terms(date(2025, 12, 15))
        self.assertEqual(activities(tacit).date_deadline, date(2026, 1, 10))
        Convention._cron_process_terms(date(2025, 12, 16))
        self.assertEqual(len(activities(tacit)), 1, "no duplicate on the next run")
        Convention._cron_process_terms(date(2026, 1, 10))
        self.assertEqual(len(activities(tacit)), 2)
        self.assertEqual(len(activities(plain)), 1)
        self.assertEqual(activities(plain).date_deadline, date(2026, 3, 9))
        self.assertEqual(activities(plain).user_id, plain.user_id)
        Convention._cron_process_terms(date(2026, 1, 11))
        self.assertEqual(len(activities(tacit) | activities(plain)), 3)
        # after the renewal, the new deadlines are reminded again
        Convention._cron_process_terms(date(2026, 3, 10))
        self.assertFalse(tacit.notice_reminder_done)
        Convention._cron_process_terms(date(2026, 12, 20))
        self.assertEqual(len(activities(tacit)), 3)

    def test_messages_in_the_responsible_language(self):
        if not self.env["res.lang"]._lang_get("fr_FR"):
            self.skipTest("French is not installed")
        french = new_test_user(
            self.env,
            login="hc_french_officer",
            groups="base.group_user,health_conventions.group_convention_user",
            lang="fr_FR",
        )
        tacit = self._in_force(tacit_renewal=True, renewal_months=12, user_id=french.id)
        self.env["health.convention"].with_context(lang="en_US")._cron_process_terms(
            date(2026, 3, 10)
        )
        self.assertIn("Renouvelée tacitement", tacit.message_ids[0].body)
        self.assertIn("09/03/2027", tacit.message_ids[0].body)

    def test_reminder_days_parameter(self):
        tacit = self._in_force(tacit_renewal=True, renewal_months=12, notice_months=2)
        self.env["ir.config_parameter"].set_param("health_conventions.notice_reminder_days", "60")
        self.env["health.convention"]._cron_process_terms(date(2025, 11, 12))
        self.assertTrue(tacit.notice_reminder_done)

    def test_own_reminder_delays(self):
        """A convention's own delays override the system parameters."""
        # ends 9 March 2026; notice deadline 10 January 2026
        general = self._in_force(tacit_renewal=True, renewal_months=12, notice_months=2)
        early = self._in_force(
            tacit_renewal=True,
            renewal_months=12,
            notice_months=2,
            custom_reminders=True,
            notice_reminder_days=90,
            end_reminder_days=120,
        )
        late = self._in_force(
            tacit_renewal=True,
            renewal_months=12,
            notice_months=2,
            custom_reminders=True,
            notice_reminder_days=0,
            end_reminder_days=0,
        )
        self.assertEqual(early.notice_reminder_date, date(2025, 10, 12))
        self.assertEqual(early.end_reminder_date, date(2025, 11, 9))
        self.assertFalse(general.notice_reminder_date)
        Convention = self.env["health.convention"]
        Convention._cron_process_terms(date(2025, 10, 12))
        self.assertEqual((early.notice_reminder_done, early.end_reminder_done), (True, False))
        self.assertFalse(general.notice_reminder_done | late.notice_reminder_done)
        Convention._cron_process_terms(date(2025, 11, 9))
        self.assertTrue(early.end_reminder_done)
        Convention._cron_process_terms(date(2025, 12, 11))
        self.assertTrue(general.notice_reminder_done, "30 days by the parameter")
        self.assertFalse(late.notice_reminder_done)
        Convention._cron_process_terms(date(2026, 1, 10))
        self.assertTrue(late.notice_reminder_done, "reminded on the day itself")
        self.assertTrue(general.end_reminder_done, "60 days by the parameter")
        self.assertFalse(late.end_reminder_done)
        Convention._cron_process_terms(date(2026, 3, 9))
        self.assertTrue(late.end_reminder_done)

    def test_own_reminder_delays_selected_in_batch(self):
        """Which conventions to remind takes the same queries for N or 3N of
        them (the activities themselves are created by mail, not counted)."""
        Convention = self.env["health.convention"]
        Activity = type(self.env["mail.activity"])
        created = []

        def fake_create(activity_self, vals_list):
            created.extend(vals_list)
            return activity_self.browse()

        def prepare(size):
            created.clear()
            return size, self._in_force(
                size,
                tacit_renewal=True,
                notice_months=2,
                custom_reminders=True,
                notice_reminder_days=100,
                end_reminder_days=100,
            )

        def run(data):
            size, conventions = data
            with patch.object(Activity, "create", fake_create):
                Convention._schedule_deadline_activities(date(2025, 12, 1))
            self.assertEqual(len(created), 2 * size)
            self.assertTrue(all(conventions.mapped("notice_reminder_done")))

        run(prepare(1))  # warms the caches (system parameters, xml ids)
        self.assertQueryCountSame(prepare, run, n=2)

    def test_own_reminder_delays_not_negative(self):
        convention = self._in_force(custom_reminders=True, notice_reminder_days=10)
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            convention.write({"notice_reminder_days": -5})
        self.assertEqual(convention.notice_reminder_days, 10)
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self._make_convention(end_reminder_days=-1)
        if self.env["res.lang"]._lang_get("fr_FR"):
            with self.assertRaisesText(ValidationError, "ne peuvent pas être négatifs"):
                convention.with_context(lang="fr_FR").write({"end_reminder_days": -1})
        self.assertEqual(convention.end_reminder_days, 60)
