from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import HealthEventsCommon


@tagged("post_install", "-at_install")
class TestAccess(HealthEventsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls._generate()

    def test_organiser_runs_the_evening(self):
        event = self.event.with_user(self.user_events)
        self.assertEqual(event.read(["health_invitation_count"])[0]["health_invitation_count"], 4)
        event.action_health_invite()
        invitation = event.health_invitation_ids[0]
        invitation.action_register()
        with self._on_evening_day(event):
            invitation.registration_id.action_health_mark_attended()
        event.write({"health_kit_line_ids": [(0, 0, {"name": "Guide"})]})
        self.env["health.event.indicator.report"].with_user(self.user_events).search([])
        # organisers do not delete invitations
        with self.assertRaises(AccessError):
            invitation.unlink()

    def test_manager_deletes_and_configures(self):
        invitation = self.event.health_invitation_ids[0].with_user(self.user_events_manager)
        invitation.unlink()
        self.event_type.with_user(self.user_events_manager).health_offset_days = 10
        with self.assertRaises(AccessError):
            self.event_type.with_user(self.user_events).health_offset_days = 12

    def test_others_see_nothing(self):
        for user in (self.user_employee, self.user_officer):
            for model in (
                "health.event.invitation",
                "health.event.kit.line",
                "health.event.indicator.report",
            ):
                with self.assertRaises(AccessError, msg=f"{model} {user.login}"):
                    self.env[model].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.env["event.event"].with_user(user).browse(self.event.id).write({"name": "X"})

    def test_events_groups_imply_odoo_event_groups(self):
        self.assertTrue(self.user_events.has_group("event.group_event_user"))
        self.assertFalse(self.user_events.has_group("event.group_event_manager"))
        self.assertTrue(self.user_events.has_group("health_base.group_health_user"))
        self.assertTrue(self.user_events_manager.has_group("event.group_event_manager"))
        self.assertTrue(
            self.env.ref("base.user_admin").has_group("health_events.group_health_events_manager")
        )

    def test_menu_visible_by_group(self):
        menu = self.env.ref("health_events.menu_health_events")
        config = self.env.ref("health_events.event_type_menu_health")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.user_events)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(self.user_officer)._visible_menu_ids())
        self.assertNotIn(config.id, Menu.with_user(self.user_events)._visible_menu_ids())
        self.assertIn(config.id, Menu.with_user(self.user_events_manager)._visible_menu_ids())
