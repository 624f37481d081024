from datetime import date

from odoo.addons.health_base import tools
from odoo.addons.health_base.tests.common import make_rpps
from odoo.tests import new_test_user, tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestDuplicates(RecruitmentCommon):
    def _partner(self, name, **values):
        return self.env["res.partner"].create(dict(values, name=name))

    def test_same_email_domain_is_not_a_duplicate(self):
        colleague = self._partner("Luc Martin", email="luc.martin@univ-sornac.example")
        lead = self._make_lead(colleague)
        self.assertEqual(lead.duplicate_lead_count, 0)
        self.assertEqual(self.lead.duplicate_lead_count, 0)
        # the same situation out of the recruitment teams: Odoo's rule applies
        sales_team = self.env["crm.team"].create({"name": "Sales", "use_opportunities": True})
        one = self._make_lead(self._partner("A", email="a@company.example"), team=sales_team)
        two = self._make_lead(self._partner("B", email="b@company.example"), team=sales_team)
        self.assertIn(one, two.duplicate_lead_ids)

    def test_rpps(self):
        rpps = make_rpps(1)
        self.candidate.health_rpps = rpps
        self.assertEqual(self.lead.health_rpps, rpps)
        newcomer = self.env["crm.lead"].create(
            {
                "name": "Form from the website",
                "type": "opportunity",
                "team_id": self.team.id,
                "contact_name": "M. Dupont",
                "health_rpps": rpps,
            }
        )
        self.assertEqual(newcomer.duplicate_lead_ids - newcomer, self.lead)
        self.assertIn(newcomer, self.lead.duplicate_lead_ids)

    def test_normalised_name_and_birth_date(self):
        twin = self._partner("DUPONT, Marie", health_birthdate=date(1994, 3, 12))
        namesake = self._partner("Marie Dupont", health_birthdate=date(1990, 1, 1))
        twin_lead = self._make_lead(twin)
        namesake_lead = self._make_lead(namesake)
        self.assertIn(self.lead, twin_lead.duplicate_lead_ids)
        self.assertNotIn(self.lead, namesake_lead.duplicate_lead_ids)
        accented = self._partner("Mârie Dùpont", health_birthdate=date(1994, 3, 12))
        self.assertIn(self.lead, self._make_lead(accented).duplicate_lead_ids)

    def test_phone_and_exact_email(self):
        by_phone = self._make_lead(self._partner("M. D.", phone="+33611223344"))
        self.assertIn(self.lead, by_phone.duplicate_lead_ids)
        by_email = self._make_lead(self._partner("MD", email="Marie.Dupont@univ-sornac.example"))
        self.assertIn(self.lead, by_email.duplicate_lead_ids)

    def test_episodes_of_one_person_are_not_duplicates(self):
        self.lead.action_set_lost()
        comeback = self._make_lead(self.candidate, health_candidate_type=tools.ROLE_LOCUM)
        self.assertEqual(comeback.duplicate_lead_count, 0)
        # two open candidacies of the same person are
        second = self._make_lead(self.candidate)
        self.assertEqual(second.duplicate_lead_ids - second, comeback)

    def test_duplicates_are_computed_in_batch(self):
        def prepare(size):
            partners = self.env["res.partner"].create(
                [
                    {"name": f"Batch {size} {i}", "email": f"batch{size}.{i}@example.org"}
                    for i in range(size)
                ]
            )
            return self.env["crm.lead"].create(
                [
                    {
                        "name": f"Batch {size} {i}",
                        "type": "opportunity",
                        "team_id": self.team.id,
                        "partner_id": partner.id,
                    }
                    for i, partner in enumerate(partners)
                ]
            )

        def detect(leads):
            return leads.mapped("duplicate_lead_count")

        self.assertQueryCountSame(prepare, detect, n=20)
        leads = prepare(3)
        twin = self._make_lead(self._partner("Twin", email=leads[0].partner_id.email))
        leads.invalidate_recordset()
        self.assertEqual(detect(leads), [1, 0, 0])
        self.assertEqual(leads[0].duplicate_lead_ids - leads[0], twin)

    def test_merge_keeps_household_and_measures(self):
        twin = self._partner("Marie DUPONT", health_birthdate=date(1994, 3, 12))
        twin_lead = self._make_lead(twin, health_practice_mode="msp")
        self.env["health.recruitment.household.line"].create(
            {"lead_id": twin_lead.id, "member_type": "spouse", "need_type": "spouse_job"}
        )
        self.env["health.recruitment.measure.line"].create(
            {"lead_id": twin_lead.id, "measure_id": self.measure.id, "cost": 300}
        )
        self.assertIn(twin_lead, self.lead.duplicate_lead_ids)
        wizard = (
            self.env["crm.merge.opportunity"]
            .with_context(active_model="crm.lead", active_ids=self.lead.duplicate_lead_ids.ids)
            .create({})
        )
        self.assertEqual(wizard.opportunity_ids, self.lead | twin_lead)
        merged = wizard.action_merge()
        lead = self.env["crm.lead"].browse(merged["res_id"])
        self.assertEqual(len(lead.health_household_line_ids), 1)
        self.assertEqual(lead.health_measure_cost, 300)
        self.assertEqual(lead.health_practice_mode, "msp")
        self.assertEqual(len((self.lead | twin_lead).exists()), 1)

    def test_sales_users_merge_their_leads(self):
        """Odoo's merge, by a sales manager without the recruitment groups."""
        sales_manager = new_test_user(
            self.env,
            login="hr_sales_manager",
            groups="base.group_user,sales_team.group_sale_manager",
        )
        sales_team = self.env["crm.team"].create({"name": "Sales", "use_opportunities": True})
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": name,
                    "type": "opportunity",
                    "team_id": sales_team.id,
                    "email_from": "a@b.example",
                }
                for name in ("One", "Two")
            ]
        )
        merged = leads.with_user(sales_manager)._merge_opportunity()
        self.assertEqual(len(leads.exists()), 1)
        self.assertIn(merged, leads)
