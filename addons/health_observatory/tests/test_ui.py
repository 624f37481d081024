from odoo.tests import HttpCase, new_test_user, tagged

from .common import tour_commune_at_risk


@tagged("post_install", "-at_install")
class TestObservatoryTour(HttpCase):
    def test_tour(self):
        new_test_user(
            self.env,
            login="ho_tour_officer",
            groups="base.group_user,health_observatory.group_observatory_user",
            name="Tour Officer",
        )
        tour_commune_at_risk(self.env, latitude=46.5, longitude=-0.4)
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
