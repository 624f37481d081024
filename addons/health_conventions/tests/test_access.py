from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestAccess(HealthConventionsCommon):
    def test_suite_user_without_the_group_sees_nothing(self):
        convention = self._make_convention()
        for model in ("health.convention", "health.convention.template"):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.user_health).search([])
        with self.assertRaises(AccessError):
            convention.with_user(self.user_health).read(["title"])

    def test_officer_runs_conventions(self):
        env = self.env(user=self.user_officer)
        convention = self._make_convention(env=env, template_id=self.template.id)
        convention.action_sign()
        convention.action_put_in_force()
        env["health.convention.amendment"].create(
            {"convention_id": convention.id, "subject": "Officer amendment"}
        )
        convention.action_plan_committees()
        self.assertEqual(convention.state, "in_force")
        with self.assertRaises(AccessError):
            convention.unlink()

    def test_officer_reads_but_does_not_change_templates(self):
        template = self.template.with_user(self.user_officer)
        self.assertEqual(template.line_ids.mapped("title"), ["Object", "Duration"])
        with self.assertRaises(AccessError):
            template.write({"name": "Changed"})
        with self.assertRaises(AccessError):
            template.line_ids[0].unlink()

    def test_manager_maintains_templates_and_deletes(self):
        env = self.env(user=self.user_manager)
        template = env["health.convention.template"].create({"name": "Manager template"})
        env["health.convention.template.line"].create(
            {"template_id": template.id, "title": "Clause"}
        )
        convention = self._make_convention(env=env)
        convention.unlink()

    def test_multi_company_rule(self):
        other_company = self.env["res.company"].create({"name": "Other Département"})
        foreign = self._make_convention(company_id=other_company.id)
        mine = self._make_convention()
        visible = self.env["health.convention"].with_user(self.user_officer).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(foreign, visible)
        with self.assertRaises(AccessError):
            foreign.with_user(self.user_officer).read(["title"])

    def test_views_load_for_the_officer(self):
        Convention = self.env["health.convention"].with_user(self.user_officer)
        views = Convention.get_views(
            [
                (False, "list"),
                (False, "form"),
                (False, "kanban"),
                (False, "search"),
            ]
        )
        self.assertEqual(set(views["views"]), {"list", "form", "kanban", "search"})
        for model in ("health.convention.amendment", "health.convention.template"):
            self.env[model].with_user(self.user_officer).get_views(
                [(False, "list"), (False, "form")]
            )
