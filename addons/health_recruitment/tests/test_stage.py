from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestStageRequirements(RecruitmentCommon):
    def test_new_candidacy_starts_at_first_contact(self):
        self.assertEqual(self.lead.stage_id, self.stage_contact)
        self.assertEqual(self.lead.health_max_stage_sequence, self.stage_contact.sequence)

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
        self.env.flush_all()
        rows = self.env["health.recruitment.funnel"].search([("lead_id", "=", self.lead.id)])
        self.assertEqual(
            rows.stage_id, self.stage_contact | self.stage_discovery | self.stage_project
        )

    def test_candidate_gets_the_role_of_the_candidate_type(self):
        self.assertIn(self.env.ref("health_base.role_intern"), self.candidate.health_role_ids)
        self.lead.health_candidate_type = "locum"
        self.assertIn(self.env.ref("health_base.role_locum"), self.candidate.health_role_ids)
        self.assertTrue(self.candidate.is_health_professional)

    def test_lost_reasons_and_sources_are_seeded(self):
        self.lead.action_set_lost(
            lost_reason_id=self.env.ref("health_recruitment.lost_reason_other_territory").id
        )
        self.assertFalse(self.lead.active)
        self.assertEqual(self.lead.lost_reason_id.name, "Chose another territory")
        self.assertEqual(self.source.name, "Stand de congrès")
