import base64
import re

from odoo.addons.health_base import tools
from odoo.addons.health_base.tests.common import read_xlsx
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestPipelineExport(RecruitmentCommon):
    """The export of the other team's officer (the demo candidacies are in
    the recruitment team): an open, an installed and a lost candidacy."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.exporter = cls.other_officer
        cls.open_lead = cls._make_lead(
            cls.env["res.partner"].create({"name": "Anne Encours"}), team=cls.other_team
        )
        cls.installed_lead = cls._make_lead(
            cls.env["res.partner"].create({"name": "Paul Installé"}),
            team=cls.other_team,
            health_candidate_type=tools.ROLE_LOCUM,
        )
        cls.installed_lead.write(
            {
                "health_practice_mode": "msp",
                "stage_id": cls.stage_installed.id,
                "health_installation_date": "2026-09-01",
                "health_installation_territory_id": cls.commune.id,
                "health_installation_practice_id": cls.practice.id,
            }
        )
        cls.env["health.recruitment.measure.line"].create(
            {"lead_id": cls.installed_lead.id, "measure_id": cls.measure.id, "cost": 1500}
        )
        cls.lost_lead = cls._make_lead(
            cls.env["res.partner"].create({"name": "Jean Parti"}), team=cls.other_team
        )
        cls.lost_lead.action_set_lost()
        # cls.lead, of another team, is not exported to this officer

    def _export(self, user, lang="en_US"):
        action = (
            self.env["crm.lead"]
            .with_user(user)
            .with_context(lang=lang)
            .action_health_export_pipeline()
        )
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(re.search(r"/web/content/(\d+)", action["url"]).group(1))
        attachment = self.env["ir.attachment"].browse(attachment_id)
        self.assertEqual(attachment.create_uid, user)
        return read_xlsx(base64.b64decode(attachment.datas))

    def test_pipeline_rows(self):
        sheets = self._export(self.exporter)
        header, *lines = sheets["Pipeline"]
        self.assertEqual(
            header[:6],
            ["Candidacy", "Candidate type", "Internship semester", "Source", "Stage", "Status"],
        )
        by_name = {line[0]: line for line in lines}
        self.assertEqual(
            set(by_name),
            {self.open_lead.name, self.installed_lead.name, self.lost_lead.name},
        )
        installed = by_name[self.installed_lead.name]
        self.assertEqual(installed[1], "Locum")
        self.assertEqual(installed[4], "Installed")
        self.assertEqual(installed[5], "Installed")
        self.assertEqual(installed[8], self.commune.name)
        self.assertEqual(installed[11], 1500)
        self.assertEqual(by_name[self.open_lead.name][5], "Open")
        self.assertEqual(by_name[self.lost_lead.name][5], "Lost")

    def test_summary_counts_open_candidacies_only(self):
        """An installed doctor (or a lost candidate) is not an open candidacy."""
        summary = {row[0]: row[1:] for row in self._export(self.exporter)["Summary"][1:]}
        self.assertEqual(summary["Candidacies"][0], 3)
        self.assertEqual(summary["Open candidacies"][0], 1)
        self.assertEqual(summary["Installations"][0], 1)
        self.assertEqual(summary["Measures cost of the installed doctors"], [None, 1500])
        self.assertEqual(summary["Measures cost per installation"][1], 1500)

    def test_export_in_the_user_language(self):
        sheets = self._export(self.exporter, lang="fr_FR")
        self.assertIn("Synthèse", sheets)
        values = {value for row in sheets["Pipeline"] for value in row}
        self.assertIn("Remplaçant", values)
        self.assertIn("Installé(e)", values)
        summary = {row[0] for row in sheets["Synthèse"]}
        self.assertIn("Coût des mesures par installation", summary)

    def test_only_recruitment_users_export(self):
        with self.assertRaises(AccessError):
            self.env["crm.lead"].with_user(self.health_user).action_health_export_pipeline()
        with self.assertRaises(AccessError):
            self.env["crm.lead"].with_user(self.salesman).action_health_export_pipeline()
        # the menu runs the same method through a server action
        action = self.env.ref("health_recruitment.crm_lead_action_health_pipeline_xlsx")
        result = action.with_user(self.exporter).run()
        self.assertEqual(result["type"], "ir.actions.act_url")
        self.assertIn(self.env.ref("health_recruitment.group_recruitment_user"), action.groups_id)
