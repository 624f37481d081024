from datetime import date, timedelta

import pytz

from odoo.addons.health_base import tools
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .common import HealthEventsAccountCommon

LABEL = "welcome evenings"


@tagged("post_install", "-at_install")
class TestInstallationCostPart(HealthEventsAccountCommon):
    """The evenings' part of the cost per installation: posted vendor bills
    (credit notes deducted, untaxed) of the evenings held in the period."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Tile = cls.env["health.overview.tile"]
        cls.evening = cls._generate()  # May 2027 semester
        cls.day = cls._local_day(cls.evening)
        # an evening of another semester, out of the periods of the tests
        cls.other_evening = cls._generate(territory=cls.epci_b, semester=cls.sem_2026_11)
        cls.user_health_manager = new_test_user(
            cls.env,
            login="hea_health_manager",
            groups="base.group_user,health_base.group_health_manager,"
            "health_events.group_health_events_manager",
            name="Head of the Health Service",
        )

    @staticmethod
    def _local_day(event):
        zone = pytz.timezone(event.date_tz)
        return pytz.utc.localize(event.date_begin).astimezone(zone).date()

    def _part(self, date_from, date_to, user=None):
        Tile = self.Tile.with_user(user) if user else self.Tile
        return dict(Tile._health_installation_cost_parts(date_from, date_to)).get(LABEL)

    def _snapshot(self, periods, user=None):
        """The part of each period before the test adds its bills (the demo
        evenings may have some)."""
        return {period: self._part(*period, user=user) for period in periods}

    def assertAdded(self, snapshot, added, user=None):
        for period, amount in added.items():
            self.assertAlmostEqual(
                self._part(*period, user=user) - snapshot[period], amount, msg=str(period)
            )

    def test_posted_bills_less_credit_notes_of_the_period(self):
        year = (date(2027, 1, 1), date(2027, 12, 31))
        day = (self.day, self.day)
        other_day = (self._local_day(self.other_evening),) * 2
        snapshot = self._snapshot([year, day, other_day])
        self._bill(self.evening, 600.0)
        self._bill(self.evening, 150.0)
        self._bill(self.evening, 90.0, move_type="in_refund")
        self._bill(self.evening, 1000.0, post=False)  # a draft is not a cost yet
        cancelled = self._bill(self.evening, 500.0)
        cancelled.button_draft()
        cancelled.button_cancel()
        self._bill(self.other_evening, 400.0)  # held in November 2026
        # the other evening counts in its own period only
        self.assertAdded(snapshot, {year: 660.0, day: 660.0, other_day: 400.0})

    def test_taxes_are_not_a_cost(self):
        day = (self.day, self.day)
        snapshot = self._snapshot([day])
        tax = self.env["account.tax"].create(
            {"name": "TVA test 20 %", "amount": 20.0, "type_tax_use": "purchase"}
        )
        bill = self._bill(self.evening, 100.0, post=False)
        bill.invoice_line_ids.tax_ids = tax
        bill.action_post()
        self.assertEqual(bill.amount_total, 120.0)
        self.assertAdded(snapshot, {day: 100.0})

    def test_period_bounds_on_the_evening_local_day(self):
        # an evening starting at 00:30 in Paris: still the previous day in UTC
        start = tools.local_to_utc(self.day, 0, 30)
        self.evening.write({"date_begin": start, "date_end": start + timedelta(hours=3)})
        self.assertEqual(start.date(), self.day - timedelta(days=1))
        before, after = self.day - timedelta(days=1), self.day + timedelta(days=1)
        periods = {
            (self.day, self.day): 300.0,
            (before, self.day): 300.0,
            (before, before): 0.0,
            (after, after + timedelta(days=30)): 0.0,
        }
        snapshot = self._snapshot(periods)
        self._bill(self.evening, 300.0)
        self.assertAdded(snapshot, periods)

    def test_read_by_evening_readers_without_accounting(self):
        day = (self.day, self.day)
        manager = self._snapshot([day], self.user_health_manager)
        organiser = self._snapshot([day], self.user_events)
        self._bill(self.evening, 250.0)
        # the head of the service and the organisers read the evenings, not the bills
        self.assertAdded(manager, {day: 250.0}, self.user_health_manager)
        self.assertAdded(organiser, {day: 250.0}, self.user_events)
        # a reader who may not read the evenings gets no evenings part
        self.assertIsNone(self._part(*day, user=self.user_employee))

    def test_queries_do_not_grow_with_the_bills(self):
        def prepare(size):
            for __ in range(size):
                self._bill(self.evening, 10.0)
                self._bill(self.other_evening, 10.0)
            return None

        def run(__):
            self.Tile._health_installation_cost_parts(date(2026, 1, 1), date(2027, 12, 31))

        self.assertQueryCountSame(prepare, run, n=2)

    def test_cost_per_installation_counts_the_evenings(self):
        if "health.recruitment.installation.cost" not in self.env:
            self.skipTest("the recruitment application is not installed")
        Cost = self.env["health.recruitment.installation.cost"]
        year_end = date(2027, 12, 31)
        before = dict(Cost._health_cost_summary(date(2027, 1, 1), year_end)["parts"])
        self._bill(self.evening, 660.0)
        summary = Cost._health_cost_summary(date(2027, 1, 1), year_end)
        parts = dict(summary["parts"])
        self.assertAlmostEqual(parts[LABEL], before[LABEL] + 660.0)
        # measures + grants + evenings, per doctor installed
        self.assertIn("toolbox measures", parts)
        self.assertAlmostEqual(summary["total"], sum(parts.values()))
        count = summary["count"]
        self.assertAlmostEqual(
            summary["cost_per_installation"], summary["total"] / count if count else 0.0
        )
        # the overview tile reads the same figure
        tile = self.env.ref("health_recruitment.health_overview_tile_cost_per_installation")
        self.assertAlmostEqual(
            tile._health_figure(year_end)["value"], summary["cost_per_installation"]
        )
