from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

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

    def test_unassigned_candidacy_of_another_team_stays_hidden(self):
        """Odoo's "Personal Leads" rule opens the unassigned leads to every
        salesman, recruitment users included: a candidacy always has an officer."""
        lead = self._make_lead(
            self.env["res.partner"].create({"name": "Sans Chargé"}), team=self.other_team
        )
        self.assertEqual(lead.user_id, self.other_officer)
        self.assertEqual(self.other_lead.user_id, self.other_officer)
        for record in (lead, self.other_lead):
            with self.assertRaises(AccessError):
                record.with_user(self.officer).read(["name"])
        self.assertNotIn(lead, self.env["crm.lead"].with_user(self.officer).search([]))
        self.assertNotIn(lead, self.env["crm.lead"].with_user(self.salesman).search([]))
        # nor can the officer be removed
        with self.assertRaises(ValidationError):
            lead.with_user(self.other_officer).write({"user_id": False})
        self.assertEqual(lead.user_id, self.other_officer)

    def test_officer_of_a_new_candidacy(self):
        leader = new_test_user(
            self.env,
            login="hr_leader",
            groups="base.group_user,health_recruitment.group_recruitment_user",
        )
        # the creator, when a member of a team without leader
        self.team.user_id = False
        Lead = self.env["crm.lead"].with_user(self.officer)
        lead = Lead.create(
            {"name": "New", "type": "opportunity", "team_id": self.team.id, "user_id": False}
        )
        self.assertEqual(lead.user_id, self.officer)
        # the team leader first
        self.team.user_id = leader
        lead = Lead.create(
            {"name": "New", "type": "opportunity", "team_id": self.team.id, "user_id": False}
        )
        self.assertEqual(lead.user_id, leader)
        self.assertEqual(lead.team_id, self.team)
        # Odoo's default otherwise: the creator
        lead = Lead.create({"name": "Mine", "type": "opportunity", "team_id": self.team.id})
        self.assertEqual(lead.user_id, self.officer)

    def test_no_global_rule_names_a_field_of_the_suite(self):
        """Odoo's CRM tests run while crm loads, before the suite's Python:
        a rule applying to them must name Odoo's fields only."""
        rules = self.env["ir.rule"].search([("model_id.model", "=", "crm.lead")])
        for rule in rules.filtered("global"):
            self.assertNotIn("health_", rule.domain_force, rule.name)
        suite_rules = rules.filtered(
            lambda rule: rule.get_external_id()[rule.id].startswith("health_")
        )
        self.assertTrue(suite_rules)
        for rule in suite_rules:
            self.assertTrue(rule.groups, rule.name)
            self.assertNotIn("health_", rule.domain_force, rule.name)
        self.assertFalse(
            self.env.ref(
                "health_recruitment.crm_lead_rule_health_recruitment_team", raise_if_not_found=False
            )
        )
        # the administrator runs crm's tours: a recruitment manager
        admin = self.env.ref("base.user_admin")
        domain = self.env["ir.rule"].with_user(admin)._compute_domain("crm.lead", "read")
        self.assertNotIn("health_", str(domain))

    def test_salesman_keeps_odoo_rules(self):
        """A salesman out of the recruitment groups keeps Odoo's behaviour:
        their leads and the unassigned ones, with no officer required."""
        # Odoo's rules only, which hold before the suite's code is loaded
        domain = self.env["ir.rule"].with_user(self.salesman)._compute_domain("crm.lead", "read")
        self.assertNotIn("health_", str(domain))
        sales_team = self.env["crm.team"].create(
            {"name": "Sales", "use_opportunities": True, "member_ids": [(6, 0, self.salesman.ids)]}
        )
        Lead = self.env["crm.lead"].with_user(self.salesman)
        unassigned = Lead.create({"name": "Unassigned", "team_id": sales_team.id, "user_id": False})
        self.assertFalse(unassigned.user_id)
        mine = Lead.create({"name": "Mine", "team_id": sales_team.id})
        self.assertEqual(mine.user_id, self.salesman)
        colleague = self.env["crm.lead"].create(
            {"name": "Colleague's", "team_id": sales_team.id, "user_id": self.manager.id}
        )
        found = Lead.search([("id", "in", (unassigned | mine | colleague | self.lead).ids)])
        self.assertEqual(found, unassigned | mine)
        unassigned.write({"user_id": False, "name": "Still unassigned"})
        self.assertEqual(unassigned.name, "Still unassigned")

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
