from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestAccess(RecruitmentCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_partner = cls.env["res.partner"].create({"name": "Paul Ailleurs"})
        cls.other_lead = cls._make_lead(cls.other_partner, team=cls.other_team)
        cls.env["health.recruitment.household.line"].create(
            {"lead_id": cls.lead.id, "member_type": "spouse", "need_type": "spouse_job"}
        )
        cls.env["health.recruitment.measure.line"].create(
            {"lead_id": cls.lead.id, "measure_id": cls.measure.id}
        )

    def test_officer_sees_the_candidates_of_their_teams_only(self):
        Lead = self.env["crm.lead"].with_user(self.officer)
        found = Lead.search([("health_is_recruitment", "=", True)])
        self.assertIn(self.lead, found)
        self.assertNotIn(self.other_lead, found)
        with self.assertRaises(AccessError):
            self.other_lead.with_user(self.officer).read(["name"])
        # unassigned, yet hidden from a recruitment user of another team
        self.assertFalse(self.lead.user_id.id == self.other_officer.id)
        with self.assertRaises(AccessError):
            self.lead.with_user(self.other_officer).read(["name"])

    def test_officer_sees_colleagues_candidates_in_the_team(self):
        colleague = self.env["crm.team.member"].search([("crm_team_id", "=", self.team.id)])
        self.assertTrue(colleague)
        self.lead.user_id = self.manager
        self.assertEqual(self.lead.with_user(self.officer).name, self.lead.name)

    def test_manager_sees_all(self):
        found = self.env["crm.lead"].with_user(self.manager).search([])
        self.assertIn(self.lead, found)
        self.assertIn(self.other_lead, found)
        lines = self.env["health.recruitment.household.line"].with_user(self.manager).search([])
        self.assertIn(self.lead, lines.lead_id)

    def test_other_suite_users_do_not_read_candidate_files(self):
        for record in (
            self.lead,
            self.lead.health_household_line_ids,
            self.lead.health_measure_line_ids,
        ):
            with self.assertRaises(AccessError, msg=record._name):
                record.with_user(self.health_user).read(["display_name"])
        candidate = self.candidate.with_user(self.health_user)
        # the name, yes; the personal fields of the file, no
        self.assertEqual(candidate.read(["name"])[0]["name"], "Marie Dupont")
        with self.assertRaises(AccessError):
            candidate.read(["health_birthdate"])
        with self.assertRaises(AccessError):
            candidate.read(["health_consent_text"])

    def test_salesman_does_not_see_candidates(self):
        found = self.env["crm.lead"].with_user(self.salesman).search([])
        self.assertNotIn(self.lead, found)
        self.assertNotIn(self.other_lead, found)
        with self.assertRaises(AccessError):
            self.env["health.recruitment.household.line"].with_user(self.salesman).search([])

    def test_officer_files_household_and_measures(self):
        env = self.env(user=self.officer)
        env["health.recruitment.household.line"].create(
            {"lead_id": self.lead.id, "member_type": "child", "need_type": "schooling"}
        )
        env["health.recruitment.measure.line"].create(
            {"lead_id": self.lead.id, "measure_id": self.measure.id, "cost": 100}
        )
        with self.assertRaises(AccessError):
            env["health.recruitment.household.line"].create(
                {"lead_id": self.other_lead.id, "member_type": "child", "need_type": "schooling"}
            )
        lines = env["health.recruitment.measure.line"].search(
            [("lead_id", "in", (self.lead | self.other_lead).ids)]
        )
        self.assertEqual(lines.lead_id, self.lead)

    def test_partner_lists_the_candidacies(self):
        second = self._make_lead(self.candidate, user=self.officer)
        partner = self.candidate.with_user(self.officer)
        self.assertEqual(partner.health_candidacy_count, 2)
        self.assertEqual(partner.health_candidacy_ids, self.lead | second)
        action = partner.action_health_view_candidacies()
        self.assertEqual(action["domain"], [("partner_id", "=", self.candidate.id)])

    def test_manager_configures_the_stage_requirements(self):
        stage = self.stage_installed.with_user(self.manager)
        self.assertIn("health_installation_date", stage.health_required_field_ids.mapped("name"))
        stage.read(["health_required_field_ids"])
        field = self.env["ir.model.fields"]._get("crm.lead", "health_availability_date")
        stage.health_required_field_ids = [(4, field.id)]
        self.assertIn(field, self.stage_installed.health_required_field_ids)
        with self.assertRaises(AccessError):
            self.stage_installed.with_user(self.officer).write(
                {"health_required_field_ids": [(5,)]}
            )

    def test_menus_by_group(self):
        menu = self.env.ref("health_recruitment.menu_health_recruitment")
        config = self.env.ref("health_recruitment.crm_stage_menu_health")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.officer)._visible_menu_ids())
        self.assertNotIn(config.id, Menu.with_user(self.officer)._visible_menu_ids())
        self.assertIn(config.id, Menu.with_user(self.manager)._visible_menu_ids())
        # the configuration menu of the suite holds the entries
        self.assertIn(
            self.env.ref("health_base.menu_health_configuration").id,
            Menu.with_user(self.manager)._visible_menu_ids(),
        )
        self.assertNotIn(menu.id, Menu.with_user(self.health_user)._visible_menu_ids())
