from datetime import date

from odoo.addons.health_base.tests.common import HealthBaseCommon
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

REF = date(2027, 3, 1)


@tagged("post_install", "-at_install")
class TestObservatoryRecruitment(HealthBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.recruiter = new_test_user(
            cls.env,
            login="hor_recruiter",
            groups="base.group_user,health_recruitment.group_recruitment_user",
        )
        cls.commune_a1.population = 3000
        cls.commune_b1.population = 3000
        role = cls.role_gp
        cls.env["res.partner"].create(
            [
                {
                    "name": f"Dr Leaving {i}",
                    "health_role_ids": [(4, role.id)],
                    "health_practising": True,
                    "health_practice_commune_id": cls.commune_a1.id,
                    "health_birth_year": 1958,
                }
                for i in range(2)
            ]
            + [
                {
                    "name": f"Dr Young {i}",
                    "health_role_ids": [(4, role.id)],
                    "health_practising": True,
                    "health_practice_commune_id": cls.commune_b1.id,
                    "health_birth_year": 1990,
                }
                for i in range(3)
            ]
        )
        Lead = cls.env["crm.lead"].with_user(cls.recruiter)
        cls.lead_epci, cls.lead_safe = Lead.create(
            [
                {"name": "Wants CC Alpha", "health_target_territory_ids": [(4, cls.epci_a.id)]},
                {"name": "Wants Beta", "health_target_territory_ids": [(4, cls.commune_b1.id)]},
            ]
        )

    def test_candidacies_follow_the_communes_at_risk(self):
        self.env["health.observatory.indicator"]._refresh(REF)
        self.assertTrue(self.lead_epci.health_target_at_risk)
        self.assertEqual(self.lead_epci.health_target_priority, 2)
        self.assertFalse(self.lead_safe.health_target_at_risk)
        self.assertEqual(self.lead_safe.health_target_priority, 0)
        Lead = self.env["crm.lead"].with_user(self.recruiter)
        self.assertEqual(
            Lead.search(
                [
                    ("health_target_at_risk", "=", True),
                    ("id", "in", self.lead_epci.ids + self.lead_safe.ids),
                ]
            ),
            self.lead_epci,
        )
        # a new target is taken into account at once
        self.lead_safe.with_user(self.recruiter).health_target_territory_ids = [
            (4, self.commune_a1.id)
        ]
        self.assertTrue(self.lead_safe.health_target_at_risk)

    def test_commune_lists_its_candidacies(self):
        commune = self.commune_b1.with_user(self.recruiter)
        self.assertEqual(commune.health_candidacy_ids, self.lead_safe)
        with self.assertRaises(AccessError):
            _ = self.commune_b1.with_user(self.user_officer).health_candidacy_ids

    def test_anonymisation_erases_observatory_data(self):
        partner = self.env["res.partner"].create(
            {"name": "Dr Candidate", "health_birth_year": 1980, "health_handover_intention": "none"}
        )
        partner._health_anonymize()
        self.assertFalse(partner.health_birth_year)
        self.assertFalse(partner.health_handover_intention)
