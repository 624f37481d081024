from unittest.mock import patch

from odoo.addons.health_recruitment.tests.common import RecruitmentCommon
from odoo.addons.iap.models.iap_enrich_api import IapEnrichAPI
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestEnrich(RecruitmentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the enrichment commits after each batch unless the registry is in
        # test mode (as Odoo's own tests of crm_iap_enrich do)
        cls.registry.enter_test_mode(cls.cr)
        cls.addClassCleanup(cls.registry.leave_test_mode)
        # no contact yet, as a candidacy typed from an email
        cls.candidacy = cls.env["crm.lead"].create(
            {
                "name": "Candidature Dr Enrich",
                "type": "opportunity",
                "team_id": cls.team.id,
                "user_id": cls.officer.id,
                "email_from": "dr.enrich@chu-sornac.example",
            }
        )
        cls.sales_lead = cls.env["crm.lead"].create(
            {
                "name": "Office chairs",
                "type": "opportunity",
                "team_id": cls.env.ref("sales_team.team_sales_department").id,
                "email_from": "buyer@furniture-company.example",
            }
        )

    def test_no_enrich_button_on_candidacies(self):
        self.assertTrue(self.candidacy.health_is_recruitment)
        self.assertFalse(self.candidacy.show_enrich_button)
        self.assertTrue(self.sales_lead.show_enrich_button)

    def test_candidacies_never_sent_to_the_service(self):
        sent = []

        def request_enrich(api, lead_emails):
            sent.append(dict(lead_emails))
            return {}

        leads = self.candidacy | self.sales_lead
        with patch.object(IapEnrichAPI, "_request_enrich", request_enrich, create=False):
            leads.iap_enrich()
            # the hourly scheduled action goes through the same method
            self.env["crm.lead"]._iap_enrich_leads_cron(enrich_hours_delay=24)
        domains = {domain for batch in sent for domain in batch.values()}
        self.assertIn("furniture-company.example", domains)
        self.assertNotIn("chu-sornac.example", domains)
        self.assertFalse(self.candidacy.iap_enrich_done)
