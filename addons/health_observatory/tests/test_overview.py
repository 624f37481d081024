from datetime import date

from odoo.addons.health_base.tests.common import QueryCountMixin
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import format_date

from .common import ObservatoryCommon

REF = date(2027, 3, 1)
LATER = date(2027, 6, 1)
CODES = ("gps", "departures", "at_risk", "density")


@tagged("post_install", "-at_install")
class TestObservatoryOverview(QueryCountMixin, ObservatoryCommon):
    """The observatory's tiles, read from the indicator rows, and its measures
    of the GPs practising in and leaving a territory, on GPs built here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the test département is the only one with inhabitants
        test_communes = cls.commune_a1 + cls.commune_a2 + cls.commune_b1
        cls.env["health.territory"].search(
            [("territory_type", "=", "commune"), ("id", "not in", test_communes.ids)]
        ).write({"population": 0})
        cls.Partner = cls.env["res.partner"]
        cls.Movement = cls.env["health.observatory.movement"]

    def _gp(self, name, commune, **values):
        return self.Partner.create(
            {
                "name": name,
                "health_role_ids": [(4, self.role_gp.id)],
                "health_practising": True,
                "health_practice_commune_id": commune.id,
                **values,
            }
        )

    def _roster(self):
        """Four GPs in A1 (three leaving within 5 years of 2027), one in B1."""
        self._gp("Dr Sixty-Seven", self.commune_a1, health_birth_year=1960)
        self._gp("Dr Sixty-Two", self.commune_a1, health_birth_year=1965)
        self._gp("Dr Declared", self.commune_a1, health_declared_end_year=2029)
        self._gp("Dr Young", self.commune_a1, health_birth_year=1990)
        self._gp("Dr Unknown", self.commune_b1)
        self._gp("Dr Gone", self.commune_b1, health_birth_year=1950, health_practising=False)

    def _move(self, gp, commune, kind, day=LATER):
        return self.Movement.create(
            {
                "partner_id": gp.id,
                "territory_id": commune.id,
                "movement_type": kind,
                "date": day.isoformat(),
            }
        )

    def _tile(self, code, user=None):
        tile = self.env.ref(f"health_observatory.health_overview_tile_{code}")
        # the figures are computed when read: drop those of a previous read
        tile.invalidate_recordset()
        return tile.with_user(user or self.user_observer).with_context(date=REF.isoformat())

    def _figure(self, code, user=None):
        return self._tile(code, user)._health_figure(REF)

    def _records(self, code):
        action = self._tile(code).action_open()
        return self.env[action["res_model"]].search(action["domain"])

    def _refresh(self):
        self.env["health.observatory.indicator"]._refresh(REF)

    def _row(self, territory):
        return self.env["health.observatory.indicator"].search(
            [("territory_id", "=", territory.id)]
        )

    # ------------------------------------------------------------ tiles
    def test_gps_and_departures(self):
        self._refresh()
        gps_before = self._figure("gps")
        departures_before = self._figure("departures")
        self._roster()
        self._refresh()
        gps = self._tile("gps")
        self.assertEqual(gps.value, gps_before["value"] + 5)
        self.assertIn(f"on {format_date(gps.env, REF)}", gps.subtitle)
        found = self._records("gps")
        self.assertIn(self.Partner.search([("name", "=", "Dr Young")]), found)
        self.assertNotIn(self.Partner.search([("name", "=", "Dr Gone")]), found)
        departures = self._tile("departures")
        self.assertEqual(departures.value, departures_before["value"] + 3)
        self.assertEqual(departures.target, departures_before["target"] + 5)
        self.assertIn(self._row(self.commune_a1), self._records("departures"))
        self.assertNotIn(self._row(self.commune_b1), self._records("departures"))

    def test_communes_at_risk(self):
        self._refresh()
        before = self._figure("at_risk")["value"]
        self._roster()
        self._refresh()
        tile = self._tile("at_risk")
        # A1: 3 of its 4 GPs leaving within 5 years; B1: 1 GP for 20,000 people
        self.assertEqual(tile.value, before + 2)
        self.assertTrue(tile.is_alert)
        self.assertIn("within 5 years", tile.subtitle)
        found = self._records("at_risk")
        self.assertIn(self._row(self.commune_a1), found)
        self.assertIn(self._row(self.commune_b1), found)
        self.assertNotIn(self._row(self.commune_a2), found)

    def test_density_of_the_departement(self):
        self._roster()
        self._refresh()
        # 5 GPs for 25,000 inhabitants, 3 of them leaving within 5 years
        tile = self._tile("density")
        self.assertEqual(tile.target, 2.0)
        self.assertEqual(tile.value, 0.8)
        self.assertTrue(tile.is_alert)
        self.assertIn("Test Département", tile.subtitle)
        self.assertEqual(self._records("density"), self._row(self.dept))
        self.env["ir.config_parameter"].set_param("health_observatory.alert_density", "0.5")
        self.assertFalse(self._figure("density")["alert"])

    def test_no_indicator_yet(self):
        self.env["health.observatory.indicator"].search([]).unlink()
        for code in CODES:
            figure = self._figure(code)
            self.assertFalse(figure.get("res_model"), code)
            self.assertIn("No indicator computed yet", figure["subtitle"], code)

    def test_tiles_for_observatory_users_only(self):
        self._roster()
        self._refresh()
        Tile = self.env["health.overview.tile"]
        tile = self.env.ref("health_observatory.health_overview_tile_at_risk")
        self.assertIn(tile, Tile.with_user(self.user_observer).search([]))
        self.assertNotIn(tile, Tile.with_user(self.user_officer).search([]))
        with self.assertRaises(AccessError):
            tile.with_user(self.user_officer).action_open()
        # a reader without the observatory's rights gets no figure, even called directly
        for code in CODES:
            values = getattr(Tile.with_user(self.user_officer), f"_health_tile_observatory_{code}")(
                REF
            )
            self.assertFalse(values.get("res_model"), code)
            self.assertFalse(values.get("value"), code)
            self.assertEqual(values["subtitle"], "Reserved to the observatory.", code)
        officer = self.env.ref("health_base.user_health_officer_demo", raise_if_not_found=False)
        if officer:
            self.assertIn(tile, Tile.with_user(officer).search([]))

    def test_tiles_queries(self):
        tiles = self.env["health.overview.tile"].search([("code", "like", "observatory_")])
        self.assertEqual(len(tiles), 4)

        def prepare(size):
            for index in range(size):
                self._gp(f"Dr Batch {index}", self.commune_a2, health_birth_year=1962)
            self._refresh()
            return tiles.with_user(self.user_observer).with_context(date=REF.isoformat())

        def run(records):
            records.mapped("value_display")

        self.assertQueryCountSame(prepare, run)

    # ------------------------------------------------------------ measures
    def _movements(self):
        """Dr Arrived came to A1, Dr Left left B1, Dr Moved went from B1 to
        A2 and Dr Shuffle from A1 to A2, all on 1 June 2027."""
        arrived = self._gp("Dr Arrived", self.commune_a1)
        self._move(arrived, self.commune_a1, "arrival")
        left = self._gp("Dr Left", self.commune_b1, health_practising=False)
        self._move(left, self.commune_b1, "departure")
        for name, origin in (("Dr Moved", self.commune_b1), ("Dr Shuffle", self.commune_a1)):
            gp = self._gp(name, self.commune_a2)
            self._move(gp, origin, "departure")
            self._move(gp, self.commune_a2, "arrival")

    def test_gps_practising_measure(self):
        self._roster()
        self._movements()
        measure = self.env.ref("health_observatory.health_indicator_measure_gps_practising")
        territories = self.commune_a1 + self.epci_a + self.epci_b + self.dept
        # before the movements: Dr Left and Dr Moved in B1, Dr Shuffle in A1
        self.assertEqual(
            measure._health_values(territories, date(2027, 1, 1), REF),
            {self.commune_a1.id: 5.0, self.epci_a.id: 5.0, self.epci_b.id: 3.0, self.dept.id: 8.0},
        )
        self.assertEqual(
            measure._health_values(territories, date(2027, 1, 1), date(2027, 12, 31)),
            {self.commune_a1.id: 5.0, self.epci_a.id: 7.0, self.epci_b.id: 1.0, self.dept.id: 8.0},
        )

    def test_gps_departed_measure(self):
        self._roster()
        self._movements()
        measure = self.env.ref("health_observatory.health_indicator_measure_gps_departed")
        territories = self.commune_a1 + self.epci_a + self.epci_b + self.dept
        # B1 lost Dr Left and Dr Moved; the département only Dr Left; EPCI A kept Dr Shuffle
        self.assertEqual(
            measure._health_values(territories, date(2027, 1, 1), date(2027, 12, 31)),
            {self.commune_a1.id: 1.0, self.epci_a.id: 0.0, self.epci_b.id: 2.0, self.dept.id: 1.0},
        )
        self.assertEqual(
            measure._health_values(territories, date(2026, 1, 1), date(2026, 12, 31)),
            dict.fromkeys(territories.ids, 0.0),
        )
        # a GP who came back to the territory by the end of the period has not left it
        back = self.Partner.search([("name", "=", "Dr Left")])
        back.health_practising = True
        self._move(back, self.commune_b1, "arrival", date(2027, 9, 1))
        self.assertEqual(
            measure._health_values(self.epci_b + self.dept, date(2027, 1, 1), date(2027, 12, 31)),
            {self.epci_b.id: 1.0, self.dept.id: 0.0},
        )

    def test_measures_queries(self):
        territories = self.epci_a + self.epci_b + self.dept
        measures = self.env.ref(
            "health_observatory.health_indicator_measure_gps_practising"
        ) + self.env.ref("health_observatory.health_indicator_measure_gps_departed")

        def prepare(size):
            for index in range(size):
                gp = self._gp(f"Dr Batch {index}", self.commune_a2)
                self._move(gp, self.commune_b1, "departure")
                self._move(gp, self.commune_a2, "arrival")
            return size

        def run(size):
            for measure in measures:
                measure._health_values(territories, date(2027, 1, 1), REF)
                measure._health_values(territories, date(2027, 1, 1), date(2027, 12, 31))

        self.assertQueryCountSame(prepare, run)
