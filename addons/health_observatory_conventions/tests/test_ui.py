from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestObservatoryConventionsTour(HttpCase):
    def test_tour(self):
        new_test_user(
            self.env,
            login="hoc_tour_officer",
            groups="base.group_user,health_observatory.group_observatory_user,"
            "health_conventions.group_convention_user",
            name="Tour Officer",
        )
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
            }
        )
        # its only GP reaches the end-of-practice age within two years of the
        # real today (a browser tour cannot freeze the clock)
        today = date.today()
        self.env["res.partner"].create(
            {
                "name": "Dr Tour Leaving",
                "health_role_ids": [Command.link(self.env.ref("health_base.role_gp").id)],
                "health_practising": True,
                "health_practice_commune_id": commune.id,
                "health_birth_year": today.year - 66,
            }
        )
        self.env["health.observatory.indicator"]._refresh(today)
        self.assertTrue(commune.health_at_risk)
        # the département's convention, in force since last year
        self.env["health.convention"].create(
            {
                "title": "Tour convention of the département",
                "territory_id": dept.id,
                "date_start": date(today.year - 1, 1, 1),
                "duration_months": 36,
                "state": "in_force",
            }
        )
        self.start_tour(
            f"/odoo/action-health_base.health_territory_action/{commune.id}",
            "health_observatory_conventions_tour",
            login="hoc_tour_officer",
        )
