from odoo.addons.health_base import tools
from odoo.tests import tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestPipelineLoad(RecruitmentCommon):
    """The pipeline loads with a number of queries that does not depend on
    the number of candidates."""

    KANBAN_SPEC = {
        "name": {},
        "partner_id": {"fields": {"display_name": {}}},
        "health_candidate_type": {},
        "health_semester_id": {"fields": {"display_name": {}}},
        "stage_id": {"fields": {"display_name": {}}},
        "user_id": {"fields": {"display_name": {}}},
        "tag_ids": {"fields": {"display_name": {}}},
        "priority": {},
        "activity_ids": {},
        "activity_state": {},
    }

    def _prepare(self, size):
        partners = self.env["res.partner"].create(
            [{"name": f"Load {size} {i}"} for i in range(size)]
        )
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"Load {size} {i}",
                    "type": "opportunity",
                    "team_id": self.team.id,
                    "partner_id": partner.id,
                    "user_id": self.officer.id,
                    "health_candidate_type": tools.ROLE_INTERN,
                    "health_semester_id": self.semester.id,
                    "tag_ids": [(0, 0, {"name": f"Load tag {size} {i}"})],
                }
                for i, partner in enumerate(partners)
            ]
        )
        return leads

    def _load(self, leads):
        Lead = (
            self.env["crm.lead"]
            .with_user(self.officer)
            .with_context(default_team_id=self.team.id, lang="en_US")
        )
        domain = [("id", "in", leads.ids)]
        groups = Lead.web_read_group(domain, ["stage_id"], ["stage_id"])["groups"]
        records = Lead.web_search_read(domain, self.KANBAN_SPEC, limit=len(leads))["records"]
        return groups, records

    def test_pipeline_query_count(self):
        self.assertQueryCountSame(self._prepare, self._load, n=10)
        leads = self._prepare(5)
        groups, records = self._load(leads)
        self.assertEqual(groups[0]["stage_id_count"], 5)
        self.assertEqual({record["name"] for record in records}, set(leads.mapped("name")))
