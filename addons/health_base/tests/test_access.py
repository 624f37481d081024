from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..tools import ROLE_GP, ROLE_INTERN
from .common import HealthBaseCommon, make_rpps


@tagged("post_install", "-at_install")
class TestAccess(HealthBaseCommon):
    def test_reference_data_readable_by_every_employee(self):
        for model in (
            "health.territory",
            "health.internship.semester",
            "health.partner.role",
            "health.organization.type",
        ):
            records = self.env[model].with_user(self.user_employee).search([], limit=1)
            self.assertTrue(records, f"{model}: nothing readable")
            self.assertTrue(records.read(["display_name"])[0]["display_name"], model)

    def test_portal_reads_nothing(self):
        for model in (
            "health.territory",
            "health.internship.semester",
            "health.partner.role",
            "health.toolbox.measure",
        ):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.user_portal).search([])

    def test_toolbox_is_for_the_suite_users(self):
        measure = self.env.ref("health_base.toolbox_measure_fa1")
        self.assertEqual(measure.with_user(self.user_officer).code, "FA1")
        with self.assertRaises(AccessError):
            measure.with_user(self.user_employee).read(["code"])

    def test_officer_cannot_change_reference_data(self):
        with self.assertRaises(AccessError):
            self.commune_a1.with_user(self.user_officer).write({"zoning": "zac"})
        with self.assertRaises(AccessError):
            self.env["health.internship.semester"].with_user(self.user_officer).create(
                {"year": 2040, "season": "may"}
            )
        with self.assertRaises(AccessError):
            self.env.ref("health_base.toolbox_measure_fa1").with_user(self.user_officer).write(
                {"name": "Changed"}
            )
        with self.assertRaises(AccessError):
            self.role_gp.with_user(self.user_officer).unlink()

    def test_manager_maintains_reference_data(self):
        env = self.env(user=self.user_manager)
        commune = env["health.territory"].create(
            {
                "name": "New commune",
                "territory_type": "commune",
                "parent_id": self.epci_b.id,
                "code": "2A099",
            }
        )
        commune.zoning = "zac"
        self.assertEqual(self.commune_a1.browse(commune.id).zoning, "zac")
        semester = env["health.internship.semester"].create({"year": 2040, "season": "may"})
        self.assertEqual(semester.code, "2040-05")
        axis = env["health.toolbox.axis"].create({"code": "T-A1", "name": "Test axis"})
        measure = env["health.toolbox.measure"].create(
            {"code": "T-1", "name": "Test measure", "axis_id": axis.id}
        )
        self.assertEqual(measure.axis_id, axis)
        role = env["health.partner.role"].create({"name": "Nurse", "code": "nurse"})
        self.assertEqual(env["health.partner.role"].get_by_code("nurse"), role)
        kind = env["health.organization.type"].create({"name": "Pharmacy", "code": "pharmacy"})
        self.assertEqual(kind.sudo().create_uid, self.user_manager)
        role.unlink()
        self.assertFalse(role.exists())

    def test_officer_records_health_data_on_partners(self):
        partner = (
            self.env["res.partner"]
            .with_user(self.user_officer)
            .create(
                {
                    "name": "Dr Officer Made",
                    "health_role_ids": [(6, 0, self.role_gp.ids)],
                    "health_rpps": make_rpps(10),
                    "health_territory_id": self.commune_a1.id,
                }
            )
        )
        self.assertTrue(partner.is_health_professional)
        Partner = self.env["res.partner"].with_user(self.user_officer)
        self.assertIn(partner, Partner.search(Partner._health_role_domain(ROLE_GP)))
        self.assertNotIn(partner, Partner.search(Partner._health_role_domain(ROLE_INTERN)))

    def test_menu_visible_by_group(self):
        root = self.env.ref("health_base.menu_health_root")
        config = self.env.ref("health_base.menu_health_configuration")
        Menu = self.env["ir.ui.menu"]
        officer_menus = Menu.with_user(self.user_officer)._visible_menu_ids()
        employee_menus = Menu.with_user(self.user_employee)._visible_menu_ids()
        manager_menus = Menu.with_user(self.user_manager)._visible_menu_ids()
        self.assertIn(root.id, officer_menus)
        self.assertNotIn(config.id, officer_menus)
        self.assertIn(config.id, manager_menus)
        self.assertNotIn(root.id, employee_menus)
