from odoo.addons.health_base import tools
from odoo.tests import HttpCase, new_test_user, tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestUi(RecruitmentCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tour_officer = new_test_user(
            cls.env,
            login="hr_tour_officer",
            groups="base.group_user,health_recruitment.group_recruitment_user",
            name="Tour Officer",
            lang="fr_FR",
        )
        cls.team.member_ids = [(4, cls.tour_officer.id)]
        cls.tour_commune = cls.env["health.territory"].create(
            {
                "name": "Recrue-sur-Tour",
                "territory_type": "commune",
                "code": "2A098",
                "parent_id": cls.epci_b.id,
            }
        )
        cls.env["res.partner"].create({"name": "MSP de la Tour", "is_company": True})
        cls.tour_candidate = cls.env["res.partner"].create({"name": "Zoé Tourneur"})

    def test_recruitment_tour(self):
        self.start_tour("/odoo", "health_recruitment_tour", login="hr_tour_officer")
        lead = self.env["crm.lead"].search([("partner_id", "=", self.tour_candidate.id)])
        self.assertEqual(lead.stage_id, self.stage_installed)
        self.assertEqual(lead.health_furthest_stage_id, self.stage_installed)
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.health_candidate_type, tools.ROLE_INTERN)
        self.assertEqual(lead.health_household_line_ids.need_type, "housing")
        self.assertEqual(lead.health_measure_line_ids.measure_id.code, "FA1")
        self.assertEqual(lead.health_measure_cost, 1200)
        self.assertEqual(lead.health_installation_territory_id, self.tour_commune)
        self.assertEqual(len(lead.activity_ids), 3)
        visit = self.env["calendar.event"].search([("opportunity_id", "=", lead.id)])
        self.assertTrue(visit.health_is_visit)
        self.assertEqual(visit.health_visit_territory_id, self.tour_commune)
        self.assertNotEqual(visit.privacy, "private")
