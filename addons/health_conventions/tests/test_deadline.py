from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestDeadline(HealthConventionsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # ends 9 March 2026, notice of 2 months: last day 10 January 2026
        cls.tacit = cls._make_convention(tacit_renewal=True, renewal_months=12, notice_months=2)
        cls.plain = cls._make_convention(title="Plain partnership")
        cls.Deadline = cls.env["health.convention.deadline"]

    def _deadlines(self, convention, user=None):
        Deadline = self.Deadline.with_user(user) if user else self.Deadline
        return Deadline.search([("convention_id", "=", convention.id)])

    def test_notice_deadline_and_end_date(self):
        deadlines = self._deadlines(self.tacit)
        self.assertEqual(
            [(d.kind, d.date) for d in deadlines],
            [("notice", date(2026, 1, 10)), ("end", date(2026, 3, 9))],
        )
        self.assertEqual(
            [(d.kind, d.date) for d in self._deadlines(self.plain)], [("end", date(2026, 3, 9))]
        )
        notice, end = deadlines.with_context(lang="en_US")
        self.assertEqual(notice.display_name, f"Notice: {self.tacit.name}")
        self.assertEqual(end.display_name, f"End: {self.tacit.name}")
        self.assertEqual(notice.title, self.tacit.title)

    def test_french_labels(self):
        if not self.env["res.lang"]._lang_get("fr_FR"):
            self.skipTest("French is not installed")
        notice, end = self._deadlines(self.tacit).with_context(lang="fr_FR")
        self.assertEqual(notice.display_name, f"Préavis : {self.tacit.name}")
        self.assertEqual(end.display_name, f"Échéance : {self.tacit.name}")

    def test_follows_the_convention(self):
        self.tacit.write({"tacit_renewal": False})
        self.env.flush_all()
        self.assertEqual(self._deadlines(self.tacit).mapped("kind"), ["end"])

    def test_filters(self):
        self.tacit.action_sign()
        self.tacit.action_put_in_force()
        self.env.flush_all()
        domain = [("convention_id", "in", (self.tacit | self.plain).ids)]
        in_force = self.Deadline.search([*domain, ("state", "=", "in_force")])
        self.assertEqual(in_force.convention_id, self.tacit)
        notice_soon = self.Deadline.search(
            [
                *domain,
                ("kind", "=", "notice"),
                ("date", ">=", date(2025, 12, 1)),
                ("date", "<=", date(2026, 1, 30)),
            ]
        )
        self.assertEqual(notice_soon.mapped("date"), [date(2026, 1, 10)])
        groups = self.Deadline._read_group(domain, ["kind"], ["__count"])
        self.assertEqual(dict(groups), {"notice": 1, "end": 2})

    def test_access_and_views(self):
        self.env.flush_all()
        self.assertEqual(len(self._deadlines(self.tacit, self.user_conventions)), 2)
        views = self.Deadline.with_user(self.user_conventions).get_views(
            [(False, "calendar"), (False, "list"), (False, "form"), (False, "search")]
        )
        self.assertIn('date_start="date"', views["views"]["calendar"]["arch"])
        other_company = self.env["res.company"].create({"name": "Other Département"})
        foreign = self._make_convention(company_id=other_company.id)
        self.env.flush_all()
        self.assertTrue(self._deadlines(foreign))
        self.assertFalse(self._deadlines(foreign, self.user_conventions))

    def _calendar_action(self, day, user=None):
        Deadline = self.Deadline.with_user(user) if user else self.Deadline
        return Deadline.with_context(date=day).action_open_calendar()

    def test_calendar_opens_on_the_next_deadline(self):
        """The calendar used to open on the current month, often empty."""
        self.tacit.action_sign()
        self.tacit.action_put_in_force()
        # the far future: no deadline of other conventions in force interferes
        far = self._make_convention(
            signed=(date(2044, 1, 10), date(2044, 1, 14)),
            tacit_renewal=True,
            renewal_months=12,
            notice_months=2,
        )
        far.action_sign()
        far.action_put_in_force()
        # ends on 13 January 2045, last day to give notice 14 November 2044
        action = self._calendar_action(date(2044, 6, 1), user=self.user_conventions)
        self.assertEqual(action["res_model"], "health.convention.deadline")
        self.assertEqual(action["context"]["initial_date"], "2044-11-14 12:00:00")
        self.assertEqual(action["context"]["search_default_in_force"], 1)
        action = self._calendar_action(date(2044, 11, 15))
        self.assertEqual(action["context"]["initial_date"], "2045-01-13 12:00:00")
        # no deadline ahead: today's month
        action = self._calendar_action(date(2045, 1, 14))
        self.assertNotIn("initial_date", action["context"])

    def test_deadlines_menu_opens_the_calendar_on_the_next_deadline(self):
        menu = self.env.ref("health_conventions.health_convention_deadline_menu")
        server_action = self.env.ref("health_conventions.health_convention_deadline_action_open")
        self.assertEqual(menu.action, server_action)
        action = server_action.with_user(self.user_conventions).run()
        self.assertEqual(action["res_model"], "health.convention.deadline")
        self.assertIn("calendar", action["view_mode"])
        with self.assertRaises(AccessError):
            server_action.with_user(self.user_officer).run()
