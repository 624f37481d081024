from datetime import date

from odoo import Command
from odoo.addons.health_observatory.tests.common import tour_commune_at_risk
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestObservatoryRecruitmentTour(HttpCase):
    def test_tour(self):
        officer = new_test_user(
            self.env,
            login="hor_tour_officer",
            groups="base.group_user,health_observatory.group_observatory_user,"
            "health_recruitment.group_recruitment_user",
            name="Tour Officer",
        )
        team = self.env["crm.team"].create(
            {
                "name": "Tour recruitment team",
                "health_is_recruitment": True,
                "use_opportunities": True,
                "member_ids": [Command.set(officer.ids)],
            }
        )
        __, commune = tour_commune_at_risk(self.env)
        today = date.today()
        self.env["health.observatory.indicator"]._refresh(today)
        self.assertTrue(commune.health_at_risk)
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour Candidate",
                "type": "opportunity",
                "team_id": team.id,
                "health_target_territory_ids": [Command.set(commune.ids)],
            }
        )
        self.env["health.recruitment.measure.line"].create(
            {
                "lead_id": lead.id,
                "measure_id": self.env.ref("health_base.toolbox_measure_fa1").id,
                "cost": 1500,
            }
        )
        self.start_tour(
            f"/odoo/action-health_base.health_territory_action/{commune.id}",
            "health_observatory_recruitment_tour",
            login="hor_tour_officer",
        )
