from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestAccess(HealthConventionsCommon):
    def test_suite_user_without_the_group_sees_nothing(self):
        convention = self._make_convention()
        for user in (self.user_officer, self.user_employee):
            for model in ("health.convention", "health.convention.template"):
                with self.assertRaises(AccessError, msg=f"{model} as {user.login}"):
                    self.env[model].with_user(user).search([])
            with self.assertRaises(AccessError):
                convention.with_user(user).read(["title"])
            with self.assertRaises(AccessError):
                self._make_convention(env=self.env(user=user))
        # the conventions' user sees it
        visible = self.env["health.convention"].with_user(self.user_conventions).search([])
        self.assertIn(convention, visible)

    def test_officer_runs_conventions(self):
        env = self.env(user=self.user_conventions)
        convention = self._make_convention(env=env, template_id=self.template.id)
        convention.action_sign()
        convention.action_put_in_force()
        amendment = env["health.convention.amendment"].create(
            {"convention_id": convention.id, "subject": "Officer amendment"}
        )
        committees = convention._plan_committees()
        self.assertEqual(convention.state, "in_force")
        self.assertEqual(amendment.number, 1)
        self.assertEqual(convention.amendment_ids, amendment)
        self.assertEqual(len(committees), 1)
        self.assertEqual(committees.health_convention_id, convention)
        with self.assertRaises(AccessError):
            convention.unlink()
        self.assertTrue(convention.exists())

    def test_officer_records_the_authorising_acts(self):
        env = self.env(user=self.user_conventions)
        convention = self._make_convention(env=env)
        act = self._make_act(env=env, number="CP-2025-ACCESS")
        convention.party_ids[0].write({"act_ids": [Command.link(act.id)]})
        self.assertEqual(convention.party_ids[0].act_ids, act)
        self.assertEqual(act.create_uid, self.user_conventions)
        # the acts are health_base's: a plain employee cannot read them
        with self.assertRaises(AccessError):
            act.with_user(self.user_employee).read(["number"])

    def test_officer_reads_but_does_not_change_templates(self):
        template = self.template.with_user(self.user_conventions)
        self.assertEqual(template.line_ids.mapped("title"), ["Object", "Duration"])
        with self.assertRaises(AccessError):
            template.write({"name": "Changed"})
        with self.assertRaises(AccessError):
            template.line_ids[0].unlink()
        self.assertEqual(self.template.name, "Test template")
        self.assertEqual(len(self.template.line_ids), 2)

    def test_manager_maintains_templates_and_deletes(self):
        env = self.env(user=self.user_conventions_manager)
        template = env["health.convention.template"].create({"name": "Manager template"})
        line = env["health.convention.template.line"].create(
            {"template_id": template.id, "title": "Clause"}
        )
        self.assertEqual(template.line_ids, line)
        convention = self._make_convention(env=env)
        convention.unlink()
        self.assertFalse(convention.exists())

    def test_multi_company_rule(self):
        other_company = self.env["res.company"].create({"name": "Other Département"})
        foreign = self._make_convention(company_id=other_company.id)
        mine = self._make_convention()
        visible = self.env["health.convention"].with_user(self.user_conventions).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(foreign, visible)
        with self.assertRaises(AccessError):
            foreign.with_user(self.user_conventions).read(["title"])

    def test_views_load_for_the_officer(self):
        Convention = self.env["health.convention"].with_user(self.user_conventions)
        views = Convention.get_views(
            [
                (False, "list"),
                (False, "form"),
                (False, "kanban"),
                (False, "search"),
            ]
        )
        self.assertEqual(set(views["views"]), {"list", "form", "kanban", "search"})
        for model in (
            "health.convention.amendment",
            "health.convention.template",
            "health.convention.party",
        ):
            views = (
                self.env[model]
                .with_user(self.user_conventions)
                .get_views([(False, "list"), (False, "form")])
            )
            self.assertEqual(set(views["views"]), {"list", "form"}, model)
            self.assertIn(model, views["models"])
