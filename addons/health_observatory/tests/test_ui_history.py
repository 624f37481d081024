from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestObservatoryHistoryTour(HttpCase):
    def test_history_tour(self):
        new_test_user(
            self.env,
            login="ho_history_officer",
            groups="base.group_user,health_observatory.group_observatory_user",
            name="History Officer",
        )
        Territory = self.env["health.territory"]
        dept = Territory.create(
            {"name": "History Département", "territory_type": "departement", "code": "2B"}
        )
        commune = Territory.create(
            {
                "name": "Historyville",
                "territory_type": "commune",
                "code": "2B002",
                "parent_id": dept.id,
                "population": 800,
            }
        )
        self.env["health.observatory.apl"].create(
            [
                {"territory_id": commune.id, "year": 2023, "value": 2.9},
                {"territory_id": commune.id, "year": 2024, "value": 2.4},
            ]
        )
        self.start_tour(
            f"/odoo/action-health_base.health_territory_action/{commune.id}",
            "health_observatory_history_tour",
            login="ho_history_officer",
        )
        # the browser's clock is the real one: so is the month of the snapshot
        snapshot = self.env["health.observatory.snapshot"].search(
            [("territory_id", "=", dept.id), ("month", "=", date.today().replace(day=1))]
        )
        self.assertEqual(snapshot.population, 800)
