from odoo.addons.health_base.tests.common import HealthBaseCommon
from odoo.tests import new_test_user


class WebsiteCommon(HealthBaseCommon):
    """health_base's users and territories, plus the officers of the site:
    ``web_officer`` manages the opportunities of CC Alpha, ``web_manager``
    all of them; ``public`` is the site's visitor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.web_officer = new_test_user(
            cls.env,
            login="hw_officer",
            groups="base.group_user,health_website.group_website_opportunity_officer",
            name="Website Officer",
        )
        cls.web_officer.health_website_territory_ids = cls.epci_a
        cls.web_manager = new_test_user(
            cls.env,
            login="hw_manager",
            groups="base.group_user,health_website.group_website_opportunity_manager",
            name="Website Manager",
        )
        cls.public = cls.env.ref("base.public_user")
        cls.Opportunity = cls.env["health.website.opportunity"]
        cls.opp_published, cls.opp_draft, cls.opp_beta = cls.Opportunity.create(
            [
                {
                    "name": "Cabinet à reprendre à Alpha",
                    "opportunity_type": "takeover",
                    "territory_id": cls.commune_a1.id,
                    "practice_mode": "group",
                    "summary": "Un cabinet de groupe",
                    "description": "<p>Un beau cabinet.</p>",
                    "user_id": cls.web_manager.id,
                },
                {
                    "name": "Projet de centre de santé",
                    "opportunity_type": "salaried",
                    "territory_id": cls.commune_a2.id,
                    "practice_mode": "health_centre",
                    "user_id": cls.web_manager.id,
                },
                {
                    "name": "MSP de Beta",
                    "opportunity_type": "vacancy",
                    "territory_id": cls.commune_b1.id,
                    "practice_mode": "msp",
                    "summary": "Une MSP",
                    "description": "<p>Une MSP.</p>",
                    "user_id": cls.web_manager.id,
                },
            ]
        )
        (cls.opp_published | cls.opp_beta).action_publish()
