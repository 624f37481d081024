from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="hb_tour_manager",
            groups="base.group_user,health_base.group_health_manager",
            name="Tour Manager",
        )
        Territory = cls.env["health.territory"]
        cls.dept = Territory.create(
            {"name": "Tour Département", "territory_type": "departement", "code": "2B"}
        )
        cls.epci = Territory.create(
            {
                "name": "CC des Collines du Tour",
                "territory_type": "epci",
                "code": "200000099",
                "parent_id": cls.dept.id,
            }
        )
        cls.intern = cls.env["res.partner"].create({"name": "Tour Intern Zoé"})

    def test_territory_and_partner_tour(self):
        self.start_tour("/odoo", "health_base_territory_tour", login="hb_tour_manager")
        commune = self.env["health.territory"].search([("code", "=", "2B190")])
        self.assertEqual(commune.name, "Saint-Tour-des-Monts")
        self.assertEqual(commune.parent_id, self.epci)
        self.assertEqual(commune.zoning, "zip")
        self.assertEqual(self.intern.health_territory_id, commune)
        self.assertEqual(self.intern.health_rpps, "19000000992")
        self.assertEqual(self.intern.health_role_ids, self.env.ref("health_base.role_intern"))
        self.assertIn(
            self.intern,
            self.env["res.partner"].search(
                [("health_territory_area", "ilike", "Collines du Tour")]
            ),
        )
