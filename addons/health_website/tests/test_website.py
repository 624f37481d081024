from odoo.tests import HttpCase, tagged

from .common import WebsiteCommon


@tagged("post_install", "-at_install")
class TestWebsitePages(WebsiteCommon, HttpCase):
    """The public pages, as a visitor who is not logged in, in French."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        french = cls.env["res.lang"]._activate_lang("fr_FR")
        website = cls.env["website"].get_current_website()
        website.write({"language_ids": [(4, french.id)], "default_lang_id": french.id})
        cls.commune_a1.write({"latitude": 46.3, "longitude": -0.4})
        cls.commune_b1.write({"latitude": 46.6, "longitude": -0.1})
        cls.epci_a.write({"website_published": True, "website_schools": "<p>Trois écoles</p>"})

    def test_public_pages(self):
        response = self.url_open("/opportunites", timeout=60)
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Opportunités d'exercice", page)
        self.assertIn(f'data-territory-id="{self.commune_a1.id}"', page)
        self.assertIn(f'data-territory-id="{self.commune_b1.id}"', page)
        self.assertNotIn(f'data-territory-id="{self.commune_a2.id}"', page)
        self.assertIn(self.opp_published.name, page)
        self.assertNotIn(self.opp_draft.name, page)
        # filters: the type narrows the list and the map
        page = self.url_open("/opportunites?type=vacancy", timeout=60).text
        self.assertNotIn(f'data-territory-id="{self.commune_a1.id}"', page)
        self.assertIn(self.opp_beta.name, page)
        # an opportunity page: nothing personal about the officer
        page = self.url_open(self.opp_published.website_url, timeout=60).text
        self.assertIn(self.opp_published.name, page)
        self.assertIn("CAIM", page)
        self.assertNotIn(self.web_manager.login, page)
        self.assertNotIn(self.web_manager.email or "hw_manager@", page)
        self.assertEqual(self.url_open(self.opp_draft.website_url, timeout=60).status_code, 404)
        # the territory pages: published ones only
        page = self.url_open(f"/territoires/{self.epci_a.id}", timeout=60).text
        self.assertIn("Trois écoles", page)
        self.assertEqual(
            self.url_open(f"/territoires/{self.epci_b.id}", timeout=60).status_code, 404
        )
        # the support path lists the toolbox measures
        page = self.url_open("/parcours", timeout=60).text
        self.assertIn(self.env.ref("health_base.toolbox_measure_fa1").name, page)
