import importlib.util
from datetime import date

from odoo.addons.health_base import tools
from odoo.exceptions import UserError
from odoo.modules.module import get_module_path
from odoo.tests import tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestStageRequirements(RecruitmentCommon):
    def test_new_candidacy_starts_at_first_contact(self):
        self.assertEqual(self.lead.stage_id, self.stage_contact)
        self.assertEqual(self.lead.health_furthest_stage_id, self.stage_contact)

    def test_pipeline_shows_the_team_stages_only(self):
        groups = (
            self.env["crm.lead"]
            .with_context(default_team_id=self.team.id)
            .web_read_group([("team_id", "=", self.team.id)], ["stage_id"], ["stage_id"])
        )
        stage_ids = {group["stage_id"][0] for group in groups["groups"]}
        self.assertEqual(stage_ids, set(self.team_stages().ids))

    def team_stages(self):
        return self.stage_contact | self.stage_discovery | self.stage_project | self.stage_installed

    def test_installed_requires_date_commune_and_practice(self):
        lead = self.lead.with_user(self.officer)
        with self.assertRaises(UserError) as caught:
            lead.write({"stage_id": self.stage_installed.id})
        message = str(caught.exception)
        self.assertIn("Installation Date", message)
        self.assertIn("Installation Commune", message)
        self.assertIn("Installation Practice", message)
        self.assertIn(self.lead.name, message)
        self.assertEqual(self.lead.stage_id, self.stage_contact)
        # the values written with the stage count
        lead.write(dict(self._installation_values(), stage_id=self.stage_installed.id))
        self.assertEqual(self.lead.stage_id, self.stage_installed)
        self.assertTrue(self.lead.health_is_installed)

    def test_error_is_translated(self):
        lead = self.lead.with_user(self.officer).with_context(lang="fr_FR")
        with self.assertRaises(UserError) as caught:
            lead.write({"stage_id": self.stage_installed.id})
        self.assertIn("Date d'installation", str(caught.exception))
        self.assertIn("champs", str(caught.exception))

    def test_batch_names_only_the_incomplete_candidacies(self):
        other = self._make_lead(
            self.env["res.partner"].create({"name": "Jean Complet"}),
            user=self.officer,
            health_practice_mode="msp",
        )
        leads = (self.lead | other).with_user(self.officer)
        with self.assertRaises(UserError) as caught:
            leads.write({"stage_id": self.stage_project.id})
        message = str(caught.exception)
        self.assertIn(self.lead.name, message)
        self.assertNotIn(other.name, message)
        self.assertEqual((self.lead | other).stage_id, self.stage_contact)
        leads.write({"health_practice_mode": "group", "stage_id": self.stage_project.id})
        self.assertEqual(other.stage_id, self.stage_project)

    def test_requirements_are_configured_on_the_stage(self):
        field = self.env["ir.model.fields"]._get("crm.lead", "health_availability_date")
        self.stage_discovery.health_required_field_ids = [(4, field.id)]
        with self.assertRaises(UserError) as caught:
            self.lead.write({"stage_id": self.stage_discovery.id})
        self.assertIn("Available From", str(caught.exception))
        self.stage_discovery.health_required_field_ids = [(3, field.id)]
        self.lead.write({"stage_id": self.stage_discovery.id})
        self.assertEqual(self.lead.stage_id, self.stage_discovery)

    def test_installation_schedules_check_ins(self):
        self.lead.write(dict(self._installation_values(), stage_id=self.stage_installed.id))
        check_in = self.env.ref("health_recruitment.mail_activity_type_check_in")
        activities = self.lead.activity_ids.filtered(lambda a: a.activity_type_id == check_in)
        self.assertEqual(
            sorted(activities.mapped("date_deadline")),
            [date(2027, 3, 1), date(2027, 9, 1), date(2028, 9, 1)],
        )
        self.assertEqual(activities.user_id, self.officer)
        # moving between won stages again does not schedule them twice
        self.lead.write({"health_outcome": "practising"})
        self.assertEqual(
            len(self.lead.activity_ids.filtered(lambda a: a.activity_type_id == check_in)), 3
        )

    def test_funnel_counts_the_stages_reached(self):
        self.lead.write({"stage_id": self.stage_discovery.id})
        self.lead.write({"health_practice_mode": "msp", "stage_id": self.stage_project.id})
        # going back keeps the furthest stage reached
        self.lead.write({"stage_id": self.stage_contact.id})
        self.assertEqual(self.lead.health_furthest_stage_id, self.stage_project)
        self.env.flush_all()
        rows = self.env["health.recruitment.funnel"].search([("lead_id", "=", self.lead.id)])
        self.assertEqual(
            rows.stage_id, self.stage_contact | self.stage_discovery | self.stage_project
        )

    def test_candidate_gets_the_role_of_the_candidate_type(self):
        self.assertIn(self.env.ref("health_base.role_intern"), self.candidate.health_role_ids)
        self.lead.health_candidate_type = tools.ROLE_LOCUM
        self.assertIn(self.env.ref("health_base.role_locum"), self.candidate.health_role_ids)
        self.assertTrue(self.candidate.is_health_professional)

    def test_lost_reasons_and_sources_are_seeded(self):
        self.lead.action_set_lost(
            lost_reason_id=self.env.ref("health_recruitment.lost_reason_other_territory").id
        )
        self.assertFalse(self.lead.active)
        self.assertEqual(self.lead.lost_reason_id.name, "Chose another territory")
        self.assertEqual(self.source.name, "Stand de congrès")

    def test_open_candidacy(self):
        """One definition: neither lost nor installed."""
        Lead = self.env["crm.lead"].with_context(active_test=False)
        lost = self._make_lead(self.env["res.partner"].create({"name": "Perdu"}))
        lost.action_set_lost()
        installed = self._install(
            self._make_lead(self.env["res.partner"].create({"name": "Installé"}))
        )
        leads = self.lead | lost | installed
        self.assertEqual(leads.filtered("health_is_open"), self.lead)
        domain = [("id", "in", leads.ids), *Lead._health_open_candidacy_domain()]
        self.assertEqual(Lead.search(domain), self.lead)
        # a lost candidacy restored is open again
        lost.action_unarchive()
        self.assertTrue(lost.health_is_open)
        self.assertEqual(Lead.search(domain), self.lead | lost)


@tagged("post_install", "-at_install")
class TestFurthestStageMigration(RecruitmentCommon):
    def _migrate(self):
        path = f"{get_module_path('health_recruitment')}/migrations/18.0.1.2.0/post-migration.py"
        spec = importlib.util.spec_from_file_location("health_recruitment_furthest", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, "18.0.1.1.0")

    def test_sequence_becomes_the_stage(self):
        back = self._make_lead(self.env["res.partner"].create({"name": "Revenu"}))
        self.env.flush_all()
        self.env.cr.execute("ALTER TABLE crm_lead ADD COLUMN health_max_stage_sequence INTEGER")
        # as the old field recorded them: one went back from the project,
        # the other is at its furthest stage; the new field holds the
        # current stage, as computed when the module is updated
        self.env.cr.execute(
            "UPDATE crm_lead SET health_max_stage_sequence = %s WHERE id = %s",
            (self.stage_project.sequence, back.id),
        )
        self.env.cr.execute(
            "UPDATE crm_lead SET health_max_stage_sequence = %s WHERE id = %s",
            (self.stage_contact.sequence, self.lead.id),
        )
        self._migrate()
        self.assertEqual(back.health_furthest_stage_id, self.stage_project)
        self.assertEqual(self.lead.health_furthest_stage_id, self.stage_contact)
        self.env.cr.execute(
            "SELECT 1 FROM information_schema.columns "
            "WHERE table_name = 'crm_lead' AND column_name = 'health_max_stage_sequence'"
        )
        self.assertFalse(self.env.cr.fetchall())
