from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RecruitmentCommon

TODAY = date(2026, 11, 25)


@tagged("post_install", "-at_install")
class TestPersonas(RecruitmentCommon):
    """The recruitment personas of the demo data (one officer per team)."""

    def test_demo_personas(self):
        officer_a = self.env.ref(
            "health_recruitment.user_recruitment_officer_a_demo", raise_if_not_found=False
        )
        if not officer_a:
            self.skipTest("installed without demo data")
        officer_b = self.env.ref("health_recruitment.user_recruitment_officer_b_demo")
        team_a = self.env.ref("health_recruitment.crm_team_recruitment")
        team_b = self.env.ref("health_recruitment.crm_team_recruitment_b_demo")
        programme_officer = self.env.ref("health_base.user_health_officer_demo")
        self.assertEqual((officer_a.login, officer_b.login), ("recrutement-a", "recrutement-b"))
        self.assertEqual(officer_a.lang, "fr_FR")
        for officer, team in ((officer_a, team_a), (officer_b, team_b)):
            self.assertIn(officer, team.member_ids)
            self.assertTrue(officer.has_group("health_recruitment.group_recruitment_user"))
            self.assertFalse(officer.has_group("health_recruitment.group_recruitment_manager"))
            self.assertFalse(officer.has_group("health_base.group_health_manager"))
        self.assertTrue(team_b.health_is_recruitment)
        # the programme officer of the conventions has no recruitment rights
        self.assertFalse(programme_officer.has_group("health_recruitment.group_recruitment_user"))
        self.assertNotIn(programme_officer, team_a.member_ids | team_b.member_ids)
        # nor are the personas administrators of the invoicing
        for group in ("account.group_account_manager", "account.group_account_invoice"):
            if self.env.ref(group, raise_if_not_found=False):
                for user in (officer_a, officer_b):
                    self.assertFalse(user.has_group(group), f"{user.login} in {group}")
        # each team sees its candidacies only
        Lead = self.env["crm.lead"].with_context(active_test=False)
        leads_a = Lead.with_user(officer_a).search([("health_is_recruitment", "=", True)])
        leads_b = Lead.with_user(officer_b).search([("health_is_recruitment", "=", True)])
        self.assertTrue(leads_a)
        self.assertTrue(leads_b)
        self.assertEqual(leads_a.team_id, team_a)
        self.assertEqual(leads_b.team_id, team_b)
        self.assertTrue(all(stage.team_id == team_b for stage in leads_b.stage_id))

    def test_demo_measures_in_company_currency(self):
        lines = self.env["health.recruitment.measure.line"].search([])
        for line in lines:
            self.assertEqual(line.currency_id, line.lead_id.company_id.currency_id)


@tagged("post_install", "-at_install")
class TestAnonymiseWizard(RecruitmentCommon):
    def test_contact_action_asks_confirmation_then_anonymises(self):
        partner = self.env["res.partner"].create({"name": "Oubli Demande", "email": "o@d.example"})
        lead = self._make_lead(partner, user=self.officer)
        server_action = self.env.ref("health_recruitment.res_partner_action_health_anonymize")
        action = (
            server_action.with_user(self.manager)
            .with_context(active_model="res.partner", active_ids=partner.ids, active_id=partner.id)
            .run()
        )
        # an action to open (the confirmation dialog), not True
        self.assertIsInstance(action, dict)
        self.assertEqual(action["res_model"], "health.recruitment.anonymize.wizard")
        self.assertEqual(action["target"], "new")
        self.assertFalse(partner.health_anonymized)
        wizard = (
            self.env["health.recruitment.anonymize.wizard"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.partner_ids, partner)
        self.assertEqual(wizard.candidacy_count, 1)
        arch = wizard.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("cannot be undone", arch)
        self.assertIn("Kept for the statistics", arch)
        wizard.action_confirm()
        self.assertTrue(partner.health_anonymized)
        self.assertTrue(lead.health_anonymized)
        self.assertFalse(partner.email)

    def test_officer_cannot_anonymise(self):
        partner = self.env["res.partner"].create({"name": "Pas Touche"})
        self._make_lead(partner, user=self.officer)
        with self.assertRaises(UserError):
            partner.with_user(self.officer).action_health_anonymize_wizard()
        self.assertEqual(partner.name, "Pas Touche")


@tagged("post_install", "-at_install")
class TestCurrencyAndPlans(RecruitmentCommon):
    def test_measure_currency_follows_company_currency(self):
        usd = self.env.ref("base.USD")
        eur = self.env.ref("base.EUR")
        (usd | eur).active = True
        company = self.env["res.company"].create({"name": "Pays de Sorne", "currency_id": usd.id})
        self.env.user.company_ids |= company
        lead = self.env["crm.lead"].create(
            {
                "name": "Devise Suivie",
                "type": "opportunity",
                "company_id": company.id,
                "user_id": False,
                "team_id": False,
            }
        )
        line = self.env["health.recruitment.measure.line"].create(
            {"lead_id": lead.id, "measure_id": self.measure.id, "cost": 300}
        )
        self.assertEqual(line.currency_id, usd)
        company.currency_id = eur
        self.env.invalidate_all()  # as the next request reads it
        self.assertEqual(line.currency_id, eur)

    @freeze_time("2026-11-25")
    def test_plan_activities_are_never_late(self):
        activity_type = self.env.ref("health_recruitment.mail_activity_type_measure")
        plan = self.env["mail.activity.plan"].create(
            {
                "name": "Plan",
                "res_model": "crm.lead",
                "template_ids": [
                    (
                        0,
                        0,
                        {
                            "activity_type_id": activity_type.id,
                            "summary": "Before 7 days",
                            "delay_count": 7,
                            "delay_unit": "days",
                            "delay_from": "before_plan_date",
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "activity_type_id": activity_type.id,
                            "summary": "After 1 month",
                            "delay_count": 1,
                            "delay_unit": "months",
                            "delay_from": "after_plan_date",
                        },
                    ),
                ],
            }
        )
        self.measure.recruitment_activity_plan_id = plan
        Line = self.env["health.recruitment.measure.line"].with_user(self.officer)
        Line.create({"lead_id": self.lead.id, "measure_id": self.measure.id, "state": "accepted"})
        deadlines = {a.summary: a.date_deadline for a in self.lead.activity_ids}
        self.assertEqual(deadlines["Before 7 days"], date(2026, 12, 2))
        self.assertEqual(deadlines["After 1 month"], date(2026, 12, 25))
        # with a due date ahead, "before" counts back from it, never before today
        lead = self._make_lead(
            self.env["res.partner"].create({"name": "Plan Daté"}), user=self.officer
        )
        Line.create(
            {
                "lead_id": lead.id,
                "measure_id": self.measure.id,
                "state": "accepted",
                "date_due": "2027-01-31",
            }
        )
        deadlines = {a.summary: a.date_deadline for a in lead.activity_ids}
        self.assertEqual(deadlines["Before 7 days"], date(2027, 1, 24))
        lead = self._make_lead(
            self.env["res.partner"].create({"name": "Plan Proche"}), user=self.officer
        )
        Line.create(
            {
                "lead_id": lead.id,
                "measure_id": self.measure.id,
                "state": "accepted",
                "date_due": "2026-11-28",
            }
        )
        self.assertGreaterEqual(min(lead.activity_ids.mapped("date_deadline")), TODAY)


@tagged("post_install", "-at_install")
class TestCandidacyWording(RecruitmentCommon):
    """Candidacies read as candidacies; the sales pipeline keeps Odoo's."""

    def test_lost_reasons_and_sources(self):
        Lost = self.env["crm.lead.lost"].with_user(self.officer)
        wizard = Lost.create({"lead_ids": [(6, 0, self.lead.ids)]})
        self.assertTrue(wizard.health_is_recruitment)
        reasons = self.env["crm.lost.reason"].search([("health_is_recruitment", "=", True)])
        self.assertIn(self.env.ref("health_recruitment.lost_reason_personal"), reasons)
        stock = self.env.ref("crm.lost_reason_1", raise_if_not_found=False)
        if stock:
            self.assertNotIn(stock, reasons)
        sales_lead = self.env["crm.lead"].create({"name": "Chairs", "type": "opportunity"})
        self.assertFalse(
            Lost.sudo().create({"lead_ids": [(6, 0, sales_lead.ids)]}).health_is_recruitment
        )
        arch = self.env["crm.lead.lost"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("health_is_recruitment", arch)
        self.assertTrue(self.source.health_is_recruitment)
        form_arch = self.env["crm.lead"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("('health_is_recruitment', '=', True)", form_arch)
        self.assertIn("Withdrawn", form_arch)

    def test_pipeline_shows_the_team_stages_only(self):
        sales_team = self.env["crm.team"].create({"name": "Sales", "use_opportunities": True})
        shared_stage = self.env["crm.stage"].create({"name": "Qualified (shared)"})
        Lead = self.env["crm.lead"].with_user(self.officer)
        # the candidates' pipeline (default team of the action)
        groups = Lead.with_context(default_team_id=self.team.id).read_group(
            [("health_is_recruitment", "=", True)], ["stage_id"], ["stage_id"]
        )
        stages = self.env["crm.stage"].browse([g["stage_id"][0] for g in groups])
        self.assertIn(self.stage_installed, stages)
        self.assertNotIn(shared_stage, stages)
        self.assertFalse(stages.filtered(lambda stage: stage.team_id != self.team))
        # the CRM app ("My pipeline"), without a team: the stages of the user's teams
        groups = Lead.read_group([("user_id", "=", self.officer.id)], ["stage_id"], ["stage_id"])
        stages = self.env["crm.stage"].browse([g["stage_id"][0] for g in groups])
        self.assertNotIn(shared_stage, stages)
        self.assertIn(self.stage_contact, stages)
        # a sales pipeline keeps Odoo's shared stages
        groups = (
            self.env["crm.lead"]
            .with_context(default_team_id=sales_team.id)
            .read_group([("team_id", "=", sales_team.id)], ["stage_id"], ["stage_id"])
        )
        stages = self.env["crm.stage"].browse([g["stage_id"][0] for g in groups])
        self.assertIn(shared_stage, stages)

    def test_activity_menu_names_candidacies(self):
        self.lead.activity_schedule(
            "mail.mail_activity_data_todo", user_id=self.officer.id, summary="Call"
        )
        groups = self.env["res.users"].with_user(self.officer)._get_activity_groups()
        lead_group = next(group for group in groups if group["model"] == "crm.lead")
        self.assertEqual(lead_group["name"], "Candidacies")


@tagged("post_install", "-at_install")
class TestIndicators(RecruitmentCommon):
    def test_analysis_counts_candidacies(self):
        arch = self.env.ref("health_recruitment.crm_lead_view_pivot_health").arch
        self.assertIn('display_quantity="1"', arch)

    def test_funnel_runs_in_stage_order_and_counts_candidacies_once(self):
        graph = self.env.ref("health_recruitment.health_recruitment_funnel_view_graph").arch
        self.assertNotIn('order="asc"', graph)
        self.lead.write({"health_candidate_type": "intern", "stage_id": self.stage_discovery.id})
        self.env.flush_all()
        Funnel = self.env["health.recruitment.funnel"].with_user(self.officer)
        domain = [("lead_id", "=", self.lead.id)]
        total = Funnel.read_group(domain, ["lead_id:count_distinct"], [])[0]["lead_id"]
        self.assertEqual(total, 1)
        rows = Funnel.read_group(domain, ["lead_id:count_distinct"], ["stage_id"])
        self.assertEqual(len(rows), 2)

    def test_cost_per_installation(self):
        commune = self.commune
        for name, cost in (("Coût Un", 1000), ("Coût Deux", 500)):
            lead = self._make_lead(
                self.env["res.partner"].create({"name": name}), user=self.officer
            )
            self.env["health.recruitment.measure.line"].create(
                {
                    "lead_id": lead.id,
                    "measure_id": self.measure.id,
                    "cost": cost,
                    "state": "delivered",
                }
            )
            self._install(lead)
        self.env.flush_all()
        row = (
            self.env["health.recruitment.installation.cost"]
            .with_user(self.officer)
            .search([("territory_id", "=", commune.id), ("team_id", "=", self.team.id)])
        )
        self.assertEqual(row.installation_count, 2)
        self.assertEqual(row.total_cost, 1500)
        self.assertEqual(row.cost_per_installation, 750)
        self.assertEqual(row.currency_id, self.lead.company_id.currency_id)
        # the officer of another team does not see it
        self.assertFalse(
            self.env["health.recruitment.installation.cost"]
            .with_user(self.other_officer)
            .search([("team_id", "=", self.team.id)])
        )
