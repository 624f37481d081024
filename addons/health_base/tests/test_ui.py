from xmlrpc.client import Fault

from odoo.tests import HttpCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger


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

    @mute_logger("odoo.http")  # the server logs each refused call as a warning
    def test_xmlrpc_bad_input_is_refused_clearly(self):
        """An external tool creating contacts gets the same clear messages."""
        uid = self.manager.id
        call = self.xmlrpc_object.execute
        with self.assertRaises(Fault) as caught:
            call(
                get_db_name(),
                uid,
                "hb_tour_manager",
                "res.partner",
                "create",
                {"name": "Dr RPC", "health_rpps": "12345"},
            )
        self.assertIn("must have exactly 11 digits", caught.exception.faultString)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Dr RPC")]))
        with self.assertRaises(Fault) as caught:
            call(
                get_db_name(),
                uid,
                "hb_tour_manager",
                "health.territory",
                "create",
                {
                    "name": "RPC commune",
                    "territory_type": "commune",
                    "parent_id": self.epci.id,
                    "code": "ABC",
                },
            )
        self.assertIn("INSEE code of the commune", caught.exception.faultString)
