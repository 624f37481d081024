from odoo.tests import tagged

from .common import RecruitmentCommon

PIPELINE_QUERIES = 15


@tagged("post_install", "-at_install")
class TestPipelineLoad(RecruitmentCommon):
    """The pipeline loads with a fixed number of queries, whatever its size."""

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

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partners = cls.env["res.partner"].create([{"name": f"Load {i}"} for i in range(30)])
        cls.env["crm.lead"].create(
            [
                {
                    "name": f"Load {i}",
                    "type": "opportunity",
                    "team_id": cls.team.id,
                    "partner_id": partner.id,
                    "user_id": cls.officer.id,
                    "health_candidate_type": "intern",
                    "health_semester_id": cls.semester.id,
                }
                for i, partner in enumerate(partners)
            ]
        )

    def _load(self, limit):
        Lead = (
            self.env["crm.lead"]
            .with_user(self.officer)
            .with_context(default_team_id=self.team.id, lang="en_US")
        )
        domain = [("type", "=", "opportunity"), ("health_is_recruitment", "=", True)]
        Lead.web_read_group(domain, ["stage_id"], ["stage_id"])
        Lead.web_search_read(domain, self.KANBAN_SPEC, limit=limit)

    def test_pipeline_query_count(self):
        def count(limit):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self._load(limit)
            return self.cr.sql_log_count - before

        # the number of queries does not depend on the number of candidates
        count(10)  # warm the caches (rules, translations, ...)
        self.assertEqual(count(10), count(30))
        self.env.invalidate_all()
        with self.assertQueryCount(PIPELINE_QUERIES):
            self._load(20)
