from datetime import date

from odoo.addons.health_observatory.tests.common import tour_commune_at_risk
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
        dept, commune = tour_commune_at_risk(self.env)
        today = date.today()
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
