import re

from odoo.tests import HttpCase, new_test_user, tagged

from .common import WebsiteRecruitmentCommon


@tagged("post_install", "-at_install")
class TestUi(WebsiteRecruitmentCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        french = cls.env["res.lang"]._activate_lang("fr_FR")
        website = cls.env["website"].get_current_website()
        website.write({"language_ids": [(4, french.id)], "default_lang_id": french.id})
        cls.env["ir.config_parameter"].sudo().set_param("health_website.form_min_seconds", 0)
        cls.commune_a1.write({"latitude": 46.3, "longitude": -0.4})
        cls.commune_b1.write({"latitude": 46.6, "longitude": -0.1})

    def _form_page(self, url):
        page = self.url_open(url, timeout=60).text
        tokens = {
            name: re.search(rf'name="{name}" value="([^"]+)"', page).group(1)
            for name in ("csrf_token", "form_token", "utm_campaign")
        }
        return page, tokens

    def test_form_post_as_visitor(self):
        Lead = self.env["crm.lead"].with_context(active_test=False)
        leads = Lead.search_count([])
        url = f"{self.opportunity.website_url}?utm_campaign=Congr%C3%A8s+MG+2027"
        page, tokens = self._form_page(url)
        self.assertEqual(tokens["utm_campaign"], "Congrès MG 2027")
        data = {
            **tokens,
            "opportunity_id": self.opportunity.id,
            "name": "Léa Dupuis",
            "email": "pas-un-email",
            "candidate_type": "gp",
            "consent": "on",
        }
        # bad input: the page says what is wrong, nothing is written
        response = self.url_open("/candidature/envoyer", data=data, timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertIn("pas valide", response.text)
        self.assertIn('aria-invalid="true"', response.text)
        self.assertEqual(Lead.search_count([]), leads)
        data["email"] = "lea.dupuis@example.fr"
        response = self.url_open("/candidature/envoyer", data=data, timeout=60)
        self.assertTrue(response.url.endswith("/candidature/merci"))
        lead = Lead.search([("email_from", "=", "lea.dupuis@example.fr")])
        self.assertEqual(lead.campaign_id, self.campaign)
        self.assertEqual(lead.health_website_opportunity_ids, self.opportunity)

    def test_visitor_tour(self):
        self.start_tour("/opportunites", "health_website_visitor_tour")
        lead = self.env["crm.lead"].search([("email_from", "=", "zoe.visiteuse@example.fr")])
        self.assertEqual(lead.health_website_opportunity_ids, self.opportunity)
        self.assertEqual(lead.health_candidate_type, "locum")
        self.assertEqual(lead.health_measure_line_ids.measure_id, self.measure_fa1)
        self.assertTrue(lead.partner_id.sudo().health_consent_date)

    def test_officer_tour(self):
        officer = new_test_user(
            self.env,
            login="hwr_tour_officer",
            groups="base.group_user,health_recruitment.group_recruitment_user,"
            "health_website.group_website_opportunity_officer",
            name="Tour Officer",
            lang="fr_FR",
        )
        officer.health_website_territory_ids = self.epci_a
        self.team.member_ids = [(4, officer.id)]
        draft = self.Opportunity.create(
            {
                "name": "Tour brouillon",
                "territory_id": self.commune_a2.id,
                "practice_mode": "msp",
                "opportunity_type": "vacancy",
                "summary": "Une MSP",
                "description": "<p>Une MSP.</p>",
                "user_id": officer.id,
            }
        )
        self._apply()
        self.start_tour("/odoo", "health_website_officer_tour", login="hwr_tour_officer")
        self.assertEqual(draft.state, "published")
