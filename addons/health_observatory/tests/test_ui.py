from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestObservatoryTour(HttpCase):
    def test_tour(self):
        new_test_user(
            self.env,
            login="ho_tour_officer",
            groups="base.group_user,health_observatory.group_observatory_user",
            name="Tour Officer",
        )
        # a commune whose only GP reaches the end-of-practice age within two
        # years of the real today (a browser tour cannot freeze the clock)
        dept = self.env["health.territory"].create(
            {"name": "Tour Département", "territory_type": "departement", "code": "2B"}
        )
        commune = self.env["health.territory"].create(
            {
                "name": "Tourville",
                "territory_type": "commune",
                "code": "2B001",
                "parent_id": dept.id,
                "population": 1200,
                "latitude": 46.5,
                "longitude": -0.4,
            }
        )
        self.env["res.partner"].create(
            {
                "name": "Dr Tour Leaving",
                "health_role_ids": [(4, self.env.ref("health_base.role_gp").id)],
                "health_practising": True,
                "health_practice_commune_id": commune.id,
                "health_birth_year": date.today().year - 66,
            }
        )
        self.start_tour(
            "/odoo/action-health_observatory.health_observatory_indicator_action",
            "health_observatory_tour",
            login="ho_tour_officer",
        )
        # the sample has been imported by the officer
        self.assertTrue(
            self.env["health.territory"].search_count(
                [("territory_type", "=", "commune"), ("code", "=like", "79%")]
            )
        )
