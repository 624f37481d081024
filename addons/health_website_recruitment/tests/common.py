import time

from odoo.addons.health_base.tests.common import make_rpps
from odoo.addons.health_recruitment.tests.common import RecruitmentCommon
from odoo.tests import new_test_user


class WebsiteRecruitmentCommon(RecruitmentCommon):
    """The recruitment fixtures, a published opportunity whose contact is
    the team's officer, and a congress campaign."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer.groups_id = [
            (4, cls.env.ref("health_website.group_website_opportunity_officer").id)
        ]
        cls.web_manager = new_test_user(
            cls.env,
            login="hwr_manager",
            groups="base.group_user,health_website.group_website_opportunity_manager",
            name="Website Manager",
        )
        cls.Opportunity = cls.env["health.website.opportunity"]
        cls.opportunity = cls.Opportunity.create(
            {
                "name": "Cabinet à reprendre à Alpha",
                "opportunity_type": "takeover",
                "territory_id": cls.commune_a1.id,
                "practice_mode": "group",
                "summary": "Un cabinet de groupe",
                "description": "<p>Un beau cabinet.</p>",
                "user_id": cls.officer.id,
            }
        )
        cls.opportunity.action_publish()
        cls.campaign = cls.env["utm.campaign"].create({"name": "Congrès MG 2027"})
        cls.source_congress = cls.env.ref("health_recruitment.utm_source_congress")
        cls.measure_fa1 = cls.env.ref("health_base.toolbox_measure_fa1")
        cls.measure_fa2 = cls.env.ref("health_base.toolbox_measure_fa2")
        cls.Application = cls.env["health.website.application"].with_context(lang="fr_FR")
        cls.rpps = make_rpps(4242)
        # the tests send more forms from one address than the hourly limit
        cls.env["ir.config_parameter"].sudo().set_param("health_website.form_hourly_limit", 1000)

    def _params(self, **overrides):
        params = {
            "name": "Jeanne Martin",
            "email": "jeanne.martin@example.fr",
            "phone": "06 12 34 56 78",
            "candidate_type": "intern",
            "consent": "on",
            "territory_ids": [str(self.epci_b.id)],
            "measure_ids": [str(self.measure_fa1.id), str(self.measure_fa2.id)],
            "opportunity_id": str(self.opportunity.id),
            "spouse_job": "infirmière",
            "children_ages": "2, 7",
            "housing": "on",
            "message": "Je termine mon internat en mai.",
            "utm_campaign": "Congrès MG 2027",
            "utm_source": "Stand de congrès",
            "utm_medium": "qr-code-inconnu",
            "form_token": self.Application._health_form_token(time.time() - 60),
        }
        params.update(overrides)
        return params

    def _apply(self, address="192.0.2.20", **overrides):
        record, _values, errors = self.Application._health_process(
            self._params(**overrides), address
        )
        self.assertFalse(errors)
        return record
