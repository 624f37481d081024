from datetime import date

from odoo.addons.health_base.tests.common import QueryCountMixin
from odoo.exceptions import AccessError
from odoo.tests import freeze_time, tagged

from .common import ObservatoryCommon


@tagged("post_install", "-at_install")
class TestSnapshot(QueryCountMixin, ObservatoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Snapshot = cls.env["health.observatory.snapshot"]
        cls.gp_a1 = cls.add_gp("Dr Sixty-Five", cls.commune_a1, 1962)
        cls.add_gp("Dr Young", cls.commune_a1, 1990)
        cls.env["health.observatory.apl"].create(
            {"territory_id": cls.commune_a1.id, "year": 2023, "value": 2.5}
        )

    @classmethod
    def add_gp(cls, name, commune, birth_year):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "health_role_ids": [(4, cls.role_gp.id)],
                "health_practising": True,
                "health_practice_commune_id": commune.id,
                "health_birth_year": birth_year,
            }
        )

    def snapshot_of(self, territory, month):
        return self.Snapshot.search([("territory_id", "=", territory.id), ("month", "=", month)])

    def test_monthly_snapshot(self):
        created, changed = self.Snapshot._cron_snapshot(date(2027, 3, 15))
        territories = self.env["health.territory"].search_count(
            [("territory_type", "in", ("departement", "epci", "commune"))]
        )
        self.assertEqual((created, changed), (territories, 0))
        row = self.snapshot_of(self.commune_a1, date(2027, 3, 1))
        self.assertRecordValues(
            row,
            [
                {
                    "reference_date": date(2027, 3, 15),
                    "population": 4000,
                    "gp_count": 2,
                    "gp_60_count": 1,
                    "departures_5": 1,
                    "density": 5.0,
                    "apl": 2.5,
                    "epci_id": self.epci_a.id,
                    "departement_id": self.dept.id,
                }
            ],
        )
        self.assertEqual(self.snapshot_of(self.epci_a, date(2027, 3, 1)).gp_count, 2)

    def test_idempotent_within_the_month(self):
        self.Snapshot._cron_snapshot(date(2027, 3, 15))
        self.env.flush_all()
        rows = self.Snapshot.search([])
        stamps = {row.id: row.write_date for row in rows}
        self.assertEqual(self.Snapshot._cron_snapshot(date(2027, 3, 16)), (0, 0))
        self.assertEqual(self.Snapshot.search([]), rows)
        self.assertEqual({row.id: row.write_date for row in rows}, stamps)
        # a GP arrives later in the month: the month's rows are updated, not doubled
        self.add_gp("Dr Newcomer", self.commune_a1, 1985)
        created, changed = self.Snapshot._cron_snapshot(date(2027, 3, 28))
        self.assertEqual(created, 0)
        self.assertEqual(changed, 3, "the commune, its EPCI and its département")
        row = self.snapshot_of(self.commune_a1, date(2027, 3, 1))
        self.assertEqual((row.gp_count, row.reference_date), (3, date(2027, 3, 28)))
        self.assertEqual(self.Snapshot.search_count([]), len(rows))

    def test_evolution_over_months(self):
        self.Snapshot._cron_snapshot(date(2027, 3, 15))
        self.gp_a1.health_practising = False
        self.Snapshot._cron_snapshot(date(2027, 4, 1))
        groups = self.Snapshot.with_user(self.user_observer).read_group(
            [("territory_id", "=", self.commune_a1.id)], ["gp_count:sum"], ["month:month"]
        )
        self.assertEqual([g["gp_count"] for g in groups], [2, 1])

    def test_access_and_button(self):
        with freeze_time("2027-05-10"):
            self.Snapshot.with_user(self.user_observer).action_take_snapshot()
        as_observer = self.Snapshot.with_user(self.user_observer)
        row = as_observer.search([("territory_id", "=", self.commune_a1.id)])
        self.assertEqual(row.month, date(2027, 5, 1))
        with self.assertRaises(AccessError):
            row.write({"gp_count": 10})
        with self.assertRaises(AccessError):
            self.Snapshot.with_user(self.user_officer).search_read([], ["gp_count"])
        count = self.Snapshot.search_count([])
        with self.assertRaises(AccessError), freeze_time("2027-06-10"):
            self.Snapshot.with_user(self.user_officer).action_take_snapshot()
        self.assertEqual(self.Snapshot.search_count([]), count)

    def test_scheduled_action(self):
        cron = self.env.ref("health_observatory.ir_cron_snapshot")
        with freeze_time("2027-07-02 03:00:00"):
            cron.method_direct_trigger()
        self.assertTrue(self.snapshot_of(self.commune_a1, date(2027, 7, 1)))

    def test_batch(self):
        Territory = self.env["health.territory"]
        today = date(2027, 3, 15)

        def prepare(size):
            self.Snapshot.search([]).unlink()
            Territory.search([("code", "=like", "2A9%")]).unlink()
            return Territory.create(
                [
                    {
                        "name": f"Commune {n}",
                        "territory_type": "commune",
                        "code": f"2A9{n:02d}",
                        "parent_id": self.epci_b.id,
                        "population": 100 + n,
                    }
                    for n in range(size)
                ]
            )

        self.assertQueryCountSame(prepare, lambda _communes: self.Snapshot._snapshot(today))
