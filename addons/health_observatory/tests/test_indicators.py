from datetime import date

from odoo.addons.health_base.tests.common import QueryCountMixin
from odoo.tests import tagged

from .common import ObservatoryCommon

REF = date(2027, 3, 1)


@tagged("post_install", "-at_install")
class TestIndicators(QueryCountMixin, ObservatoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["health.observatory.apl"].create(
            [
                {"territory_id": cls.commune_a1.id, "year": 2023, "value": 2.0},
                {"territory_id": cls.commune_a2.id, "year": 2023, "value": 3.0},
            ]
        )

        def gp(name, commune, **vals):
            return {
                "name": name,
                "health_role_ids": [(4, cls.role_gp.id)],
                "health_practising": True,
                "health_practice_commune_id": commune.id,
                **vals,
            }

        cls.gps = cls.env["res.partner"].create(
            [
                gp("Dr Sixty-Seven", cls.commune_a1, health_birth_year=1960),
                gp("Dr Sixty-Two", cls.commune_a1, health_birth_year=1965),
                gp(
                    "Dr Forties",
                    cls.commune_a1,
                    health_age_band="40_49",
                    health_personal_data_date="2027-01-01",
                ),
                gp("Dr Declared", cls.commune_a1, health_declared_end_year=2029),
                gp("Dr Unknown", cls.commune_b1),
                gp("Dr Gone", cls.commune_b1, health_birth_year=1950, health_practising=False),
            ]
        )

    def _rows(self):
        self.env["health.observatory.indicator"]._refresh(REF)
        rows = self.env["health.observatory.indicator"].search([])
        return {row.territory_id: row for row in rows}

    def test_commune_figures(self):
        a1 = self._rows()[self.commune_a1]
        self.assertEqual(a1.reference_date, REF)
        self.assertEqual((a1.population, a1.gp_count, a1.gp_60_count), (4000, 4, 2))
        self.assertEqual(
            (a1.departures_1, a1.departures_3, a1.departures_5, a1.departures_10), (1, 2, 3, 3)
        )
        self.assertEqual(a1.density, 10.0)
        self.assertEqual(a1.density_5, 2.5)
        self.assertEqual(a1.density_10, 2.5)
        self.assertEqual(a1.departure_share, 75.0)
        self.assertEqual(a1.apl, 2.0)
        self.assertEqual(a1.zoning, "zip")
        self.assertTrue(a1.at_risk)
        self.assertIn("75% of the GPs may leave within 5 years", a1.risk_reasons)
        self.assertIn("2.5 GPs per 10,000 inhabitants in 5 years", a1.risk_reasons)
        self.assertEqual(a1.density_colour, "#1a9850")
        self.assertEqual(a1.departure_colour, "#d7301f")

    def test_unknown_age_and_departed_gp(self):
        b1 = self._rows()[self.commune_b1]
        self.assertEqual((b1.gp_count, b1.gp_age_unknown_count, b1.departures_10), (1, 1, 0))
        self.assertEqual(b1.density, 0.5)
        self.assertEqual(b1.density_colour, "#d7301f")
        self.assertEqual(b1.departure_colour, "#1a9850")
        a2 = self._rows()[self.commune_a2]
        self.assertEqual((a2.gp_count, a2.at_risk), (0, False))
        self.assertEqual(a2.departure_colour, "#9e9e9e")

    def test_epci_and_departement(self):
        rows = self._rows()
        epci = rows[self.epci_a]
        self.assertEqual((epci.population, epci.gp_count, epci.departures_5), (5000, 4, 3))
        self.assertEqual(epci.density, 8.0)
        # population-weighted APL of its communes
        self.assertEqual(epci.apl, 2.2)
        self.assertTrue(epci.apl_alert)
        self.assertEqual(epci.departement_id, self.dept)
        dept = rows[self.dept]
        self.assertEqual((dept.population, dept.gp_count, dept.gp_60_count), (25000, 5, 2))
        self.assertEqual(rows[self.commune_a1].epci_id, self.epci_a)

    def test_thresholds_are_settings(self):
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("health_observatory.alert_departure_share", "80")
        Param.set_param("health_observatory.alert_density", "2")
        self.assertFalse(self._rows()[self.commune_a1].at_risk)
        Param.set_param("health_observatory.alert_horizon", "1")
        Param.set_param("health_observatory.alert_departure_share", "25")
        a1 = self._rows()[self.commune_a1]
        self.assertEqual(a1.departure_share, 25.0)
        self.assertIn("within 1 years", a1.risk_reasons)
        Param.set_param("health_observatory.end_of_practice_age", "70")
        self.assertEqual(self._rows()[self.commune_a1].departures_5, 2)

    def test_expected_end_year_on_partner(self):
        Param = self.env["ir.config_parameter"].sudo()
        Param.set_param("health_observatory.end_of_practice_age", "67")
        gps = self.gps.with_user(self.user_observer)
        self.assertEqual(gps.mapped("health_expected_end_year")[:4], [2027, 2032, 2049, 2029])

    def test_territory_form_and_legend(self):
        self._rows()
        self.assertTrue(self.commune_a1.health_at_risk)
        self.assertEqual(self.commune_a1.health_departures_5, 3)
        self.assertEqual(set(self.commune_a1.health_gp_ids.mapped("name")) & {"Dr Gone"}, set())
        self.assertEqual(len(self.commune_a1.health_gp_ids), 4)
        legend = self.env["health.observatory.indicator"].get_map_legend("departure_colour")
        self.assertEqual(legend[-1]["colour"], "#9e9e9e")
        self.assertEqual(len(legend), 5)

    def test_refresh_queries_do_not_grow_with_the_gps(self):
        Partner = self.env["res.partner"]

        def prepare(n):
            return Partner.create(
                [
                    {
                        "name": f"Dr Bench {i}",
                        "health_role_ids": [(4, self.role_gp.id)],
                        "health_practising": True,
                        "health_practice_commune_id": self.commune_a2.id,
                        "health_birth_year": 1960 + i % 30,
                    }
                    for i in range(n)
                ]
            )

        self.assertQueryCountSame(
            prepare, lambda _gps: self.env["health.observatory.indicator"]._refresh(REF)
        )
