import io
import zipfile

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="hr_tour_officer",
            groups="base.group_user,health_recruitment.group_recruitment_user",
            name="Tour Officer",
            lang="fr_FR",
        )
        cls.health_user = new_test_user(
            cls.env,
            login="hr_tour_finance",
            groups="base.group_user,health_base.group_health_user",
            name="Tour Finance",
        )
        cls.team = cls.env.ref("health_recruitment.crm_team_recruitment")
        cls.team.member_ids = [(4, cls.officer.id)]
        dept = cls.env["health.territory"].create(
            {"name": "Tour Département", "territory_type": "departement", "code": "2B"}
        )
        epci = cls.env["health.territory"].create(
            {
                "name": "CC de la Tour",
                "territory_type": "epci",
                "code": "200000098",
                "parent_id": dept.id,
            }
        )
        cls.commune = cls.env["health.territory"].create(
            {
                "name": "Recrue-sur-Tour",
                "territory_type": "commune",
                "code": "2B198",
                "parent_id": epci.id,
            }
        )
        cls.practice = cls.env["res.partner"].create({"name": "MSP de la Tour", "is_company": True})
        cls.candidate = cls.env["res.partner"].create({"name": "Zoé Tourneur"})

    def test_recruitment_tour(self):
        self.start_tour("/odoo", "health_recruitment_tour", login="hr_tour_officer")
        lead = self.env["crm.lead"].search([("partner_id", "=", self.candidate.id)])
        self.assertEqual(lead.stage_id, self.env.ref("health_recruitment.crm_stage_installed"))
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.health_candidate_type, "intern")
        self.assertEqual(lead.health_household_line_ids.need_type, "housing")
        self.assertEqual(lead.health_measure_line_ids.measure_id.code, "FA1")
        self.assertEqual(lead.health_measure_cost, 1200)
        self.assertEqual(lead.health_installation_territory_id, self.commune)
        self.assertEqual(len(lead.activity_ids), 3)

    def test_pipeline_xlsx_export(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Candidature Export Zoé",
                "type": "opportunity",
                "team_id": self.team.id,
                "partner_id": self.candidate.id,
                "health_candidate_type": "locum",
            }
        )
        self.authenticate("hr_tour_officer", "hr_tour_officer")
        response = self.url_open("/health_recruitment/pipeline.xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        with zipfile.ZipFile(io.BytesIO(response.content)) as workbook:
            strings = workbook.read("xl/sharedStrings.xml").decode()
        self.assertIn(lead.name, strings)
        self.assertIn("Remplaçant", strings)  # in the user's language
        self.assertIn("Coût par installation", strings)
        # a user of the suite without the recruitment groups gets nothing
        self.authenticate("hr_tour_finance", "hr_tour_finance")
        response = self.url_open("/health_recruitment/pipeline.xlsx")
        self.assertEqual(response.status_code, 404)
