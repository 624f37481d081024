from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ObservatoryCommon


@tagged("post_install", "-at_install")
class TestPersonalData(ObservatoryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gp = cls.env["res.partner"].create(
            {
                "name": "Dr Personal",
                "health_role_ids": [(4, cls.role_gp.id)],
                "health_practising": True,
                "health_practice_commune_id": cls.commune_a1.id,
                "health_birth_year": 1961,
                "health_handover_intention": "looking",
                "health_personal_data_source": "declared",
            }
        )

    def test_only_the_observatory_reads_age_and_intentions(self):
        gp = self.gp.with_user(self.user_officer)
        self.assertEqual(gp.health_practice_commune_id, self.commune_a1)
        with self.assertRaises(AccessError):
            _ = gp.health_birth_year
        with self.assertRaises(AccessError):
            gp.write({"health_handover_intention": "none"})
        self.assertEqual(self.gp.with_user(self.user_observer).health_birth_year, 1961)

    def test_bad_input_is_refused(self):
        gp = self.gp.with_user(self.user_observer)
        for vals in (
            {"health_birth_year": "nineteen sixty"},
            {"health_birth_year": 1850},
            {"health_declared_end_year": 1970},
            {"health_personal_data_date": "31/12/2026"},
            {"health_handover_intention": "maybe"},
            {"health_practice_commune_id": 999999999},
            {"health_practice_commune_id": self.epci_a.id},
            {"health_rpps_national_id": "8" * 10000},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                gp.write(vals)
        self.assertEqual(self.gp.health_birth_year, 1961)
        self.assertEqual(self.gp.health_practice_commune_id, self.commune_a1)

    def test_import_through_load_refuses_bad_years(self):
        count = self.env["res.partner"].search_count([])
        with mute_logger("odoo.sql_db"):
            result = (
                self.env["res.partner"]
                .with_user(self.user_observer)
                .load(["name", "health_birth_year"], [["Dr Load", "abc"]])
            )
        self.assertTrue(result["messages"])
        self.assertEqual(self.env["res.partner"].search_count([]), count)

    def test_erase(self):
        with self.assertRaises(UserError):
            self.gp.with_user(self.user_observer).action_health_observatory_erase()
        self.gp.with_user(self.user_obs_manager).action_health_observatory_erase()
        self.assertFalse(self.gp.health_birth_year)
        self.assertFalse(self.gp.health_handover_intention)
        self.assertEqual(self.gp.health_practice_commune_id, self.commune_a1)

    def test_retention(self):
        Movement = self.env["health.observatory.movement"]
        recent = self.gp.copy({"name": "Dr Recent", "health_birth_year": 1962})
        still = self.gp.copy(
            {"name": "Dr Still Here", "health_birth_year": 1963, "health_practising": True}
        )
        self.gp.health_practising = False
        recent.health_practising = False
        Movement.create(
            [
                {
                    "partner_id": self.gp.id,
                    "territory_id": self.commune_a1.id,
                    "movement_type": "departure",
                    "date": "2024-06-01",
                },
                {
                    "partner_id": recent.id,
                    "territory_id": self.commune_a1.id,
                    "movement_type": "departure",
                    "date": "2026-06-01",
                },
                {
                    "partner_id": still.id,
                    "territory_id": self.commune_a1.id,
                    "movement_type": "departure",
                    "date": "2020-06-01",
                },
            ]
        )
        erased = self.env["res.partner"]._cron_health_observatory_erase_expired(date(2026, 12, 15))
        self.assertEqual(erased, self.gp)
        self.assertFalse(self.gp.health_birth_year)
        self.assertEqual(recent.health_birth_year, 1962)
        self.assertEqual(still.health_birth_year, 1963)


@tagged("post_install", "-at_install")
class TestAccess(ObservatoryCommon):
    def test_indicators_and_movements(self):
        self.env["health.observatory.indicator"]._refresh(date(2027, 1, 1))
        Indicator = self.env["health.observatory.indicator"]
        self.assertTrue(Indicator.with_user(self.user_observer).search_count([]))
        with self.assertRaises(AccessError):
            Indicator.with_user(self.user_officer).search_count([])
        with self.assertRaises(AccessError):
            Indicator.with_user(self.user_observer).create({"territory_id": self.commune_a1.id})
        gp = self.env["res.partner"].create({"name": "Dr Move"})
        Movement = self.env["health.observatory.movement"]
        vals = {"partner_id": gp.id, "territory_id": self.commune_a1.id, "movement_type": "arrival"}
        movement = Movement.with_user(self.user_observer).create(vals)
        with self.assertRaises(AccessError):
            movement.with_user(self.user_observer).unlink()
        with self.assertRaises(AccessError):
            Movement.with_user(self.user_officer).create(vals)
        movement.with_user(self.user_obs_manager).unlink()
        self.assertFalse(Movement.search([("partner_id", "=", gp.id)]))

    def test_territory_figures_for_users_outside_the_observatory(self):
        """A territory manager without the observatory's groups still opens and
        saves territories: the aggregated figures are not personal data."""
        self.env["health.observatory.indicator"]._refresh(date(2027, 1, 1))
        commune = self.commune_a1.with_user(self.user_manager)
        self.assertFalse(self.user_manager.has_group("health_observatory.group_observatory_user"))
        self.assertEqual(commune.health_gp_count, 0)
        self.assertFalse(commune.health_at_risk)
        commune.write({"zoning": "zac"})
        self.assertEqual(self.commune_a1.zoning, "zac")
