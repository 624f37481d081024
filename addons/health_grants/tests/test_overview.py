from datetime import date

from odoo.tests import freeze_time, tagged

from .common import HealthGrantsCommon


@tagged("post_install", "-at_install")
class TestGrantsOverview(HealthGrantsCommon):
    """Envelopes committed, billed and paid, installments due, overdue and
    certified but not billed, on a grant built here (budget year 2026)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.msu_a.health_territory_id = cls.commune_a1
        cls.envelope = cls.program.envelope_ids

    def _figure(self, code, day, user=None):
        tile = self.env.ref(f"health_grants.health_overview_tile_{code}")
        return tile.with_user(user or self.user_grant_officer)._health_figure(day)

    def _pay(self, bills):
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=bills.ids)
            .create({"group_payment": True})
        )
        return wizard._create_payments()

    def _grant_with_one_paid(self):
        """Three installments of 1,000 (2 Nov 2026, 2 Jan and 2 Mar 2027):
        the first billed and paid, the second certified on 20 Nov 2026."""
        grant = self._make_grant(interns=3)
        first, second, third = grant.installment_ids.sorted("sequence")
        with freeze_time("2026-11-20 09:00:00"):
            self._certified(first + second)
        bill = first.with_user(self.user_grant_finance)._create_bills()
        self._pay(bill)
        return first, second, third

    def test_envelope_progress(self):
        day = date(2026, 12, 10)
        before = {code: self._figure(code, day) for code in ("committed", "billed", "paid")}
        first, second, third = self._grant_with_one_paid()
        self.assertEqual(first.state, "paid")
        # the envelope's amounts are read fresh, as the overview does
        self.envelope.invalidate_recordset()
        self.assertEqual(self.envelope.committed_amount, 3000.0)
        self.assertEqual(self.envelope.billed_amount, 1000.0)
        self.assertEqual(self.envelope.paid_amount, 1000.0)
        self.assertAlmostEqual(self.envelope.committed_rate, 30.0)
        self.assertAlmostEqual(self.envelope.billed_rate, 10.0)
        self.assertAlmostEqual(self.envelope.paid_rate, 10.0)
        for code, delta in (("committed", 3000.0), ("billed", 1000.0), ("paid", 1000.0)):
            figure = self._figure(code, day)
            self.assertAlmostEqual(figure["value"], before[code]["value"] + delta, msg=code)
            # the test programme's envelope of 10,000 is in the target
            self.assertGreaterEqual(figure["target"], 10000.0, msg=code)
            self.assertAlmostEqual(figure["target"], before[code]["target"], msg=code)
        tile = self.env.ref("health_grants.health_overview_tile_committed")
        action = tile.with_context(date=day.isoformat()).action_open()
        self.assertIn(self.envelope, self.env[action["res_model"]].search(action["domain"]))

    def test_due_this_month_and_overdue(self):
        day = date(2027, 1, 10)
        due_before = self._figure("due_month", day)["value"]
        overdue_before = self._figure("overdue", day)["value"]
        first, second, third = self._grant_with_one_paid()
        due = self._figure("due_month", day)
        self.assertAlmostEqual(due["value"], due_before + 1000.0)
        found = self.env["health.grant.installment"].search(due["domain"])
        self.assertIn(second, found)
        self.assertNotIn(third, found)
        overdue = self._figure("overdue", day)
        self.assertAlmostEqual(overdue["value"], overdue_before + 1000.0)
        self.assertTrue(overdue["alert"])
        found = self.env["health.grant.installment"].search(overdue["domain"])
        self.assertIn(second, found)
        self.assertNotIn(first, found)

    def test_certified_not_billed_for_15_days(self):
        first, second, third = self._grant_with_one_paid()
        late = self._figure("certified_unbilled", date(2026, 12, 10))
        found = self.env["health.grant.installment"].search(late["domain"])
        self.assertIn(second, found)
        self.assertNotIn(first, found)
        self.assertTrue(late["alert"])
        recent = self._figure("certified_unbilled", date(2026, 11, 30))
        self.assertNotIn(second, self.env["health.grant.installment"].search(recent["domain"]))
        self.assertAlmostEqual(late["value"] - recent["value"], 1000.0)

    def test_tiles_for_grant_users_only(self):
        Tile = self.env["health.overview.tile"]
        committed = self.env.ref("health_grants.health_overview_tile_committed")
        self.assertIn(committed, Tile.with_user(self.user_grant_officer).search([]))
        self.assertNotIn(committed, Tile.with_user(self.user_officer).search([]))

    def test_paid_grants_measure_and_cost_part(self):
        self._grant_with_one_paid()
        measure = self.env.ref("health_base.health_indicator_measure_grants_paid")
        territories = self.epci_a + self.epci_b + self.dept
        self.assertEqual(
            measure._health_values(territories, date(2026, 1, 1), date(2026, 12, 31)),
            {self.epci_a.id: 1000.0, self.epci_b.id: 0.0, self.dept.id: 1000.0},
        )
        self.assertEqual(
            measure._health_values(territories, date(2027, 1, 1), date(2027, 12, 31))[
                self.epci_a.id
            ],
            0.0,
        )
        Tile = self.env["health.overview.tile"]
        parts = dict(Tile._health_installation_cost_parts(date(2026, 11, 1), date(2026, 11, 30)))
        self.assertGreaterEqual(parts["grants paid"], 1000.0)
        # a reader without the grants' rights gets no grants part
        parts = dict(
            Tile.with_user(self.user_officer)._health_installation_cost_parts(
                date(2026, 11, 1), date(2026, 11, 30)
            )
        )
        self.assertNotIn("grants paid", parts)
