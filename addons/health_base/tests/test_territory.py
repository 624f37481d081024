from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import HealthBaseCommon


@tagged("post_install", "-at_install")
class TestTerritory(HealthBaseCommon):
    def test_complete_name_follows_the_hierarchy(self):
        self.assertEqual(
            self.commune_a1.complete_name, "Test Département / CC Alpha / Alpha-le-Haut"
        )
        self.epci_a.name = "CC Alpha-Omega"
        self.assertEqual(
            self.commune_a1.complete_name,
            "Test Département / CC Alpha-Omega / Alpha-le-Haut",
        )

    def test_levels_must_nest(self):
        Territory = self.env["health.territory"]
        with self.assertRaisesRegex(ValidationError, "cannot be part of Alpha-le-Haut"):
            Territory.create(
                {
                    "name": "CC Wrong",
                    "territory_type": "epci",
                    "parent_id": self.commune_a1.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "say which territory it is part of"):
            Territory.create({"name": "Lonely commune", "territory_type": "commune"})
        with self.assertRaisesRegex(ValidationError, "cannot be part of"):
            Territory.create(
                {
                    "name": "Nested département",
                    "territory_type": "departement",
                    "parent_id": self.dept.id,
                }
            )
        # a commune directly under its département is allowed
        commune = Territory.create(
            {"name": "Free commune", "territory_type": "commune", "parent_id": self.dept.id}
        )
        self.assertEqual(commune.parent_id, self.dept)

    def test_level_change_keeps_the_tree_consistent(self):
        with self.assertRaisesRegex(
            ValidationError, "CC Alpha cannot be a Commune: it contains Alpha-le-"
        ):
            self.epci_a.write({"territory_type": "commune", "code": False})

    def test_no_cycle(self):
        with self.assertRaises(UserError):
            self.epci_a.parent_id = self.epci_a
        with self.assertRaises(UserError):
            self.dept.write({"parent_id": self.commune_a1.id})

    def test_official_codes(self):
        Territory = self.env["health.territory"]
        with self.assertRaisesRegex(ValidationError, "five characters"):
            Territory.create(
                {
                    "name": "Bad commune",
                    "territory_type": "commune",
                    "code": "123",
                    "parent_id": self.epci_a.id,
                }
            )
        with self.assertRaisesRegex(ValidationError, "SIREN"):
            self.epci_b.code = "12345"
        with self.assertRaisesRegex(ValidationError, "INSEE code of the département"):
            self.dept.code = "100"
        # lower-case Corsican codes are normalised
        commune = Territory.create(
            {
                "name": "Corsican commune",
                "territory_type": "commune",
                "code": " 2a004 ",
                "parent_id": self.epci_a.id,
            }
        )
        self.assertEqual(commune.code, "2A004")

    def test_coordinates_in_range(self):
        self.commune_a1.write({"latitude": 46.3240, "longitude": -0.4580})
        self.assertAlmostEqual(self.commune_a1.latitude, 46.324)
        with self.assertRaisesRegex(ValidationError, "out of range"), self.env.cr.savepoint():
            self.commune_a1.write({"latitude": 123.0})
        with self.assertRaisesRegex(ValidationError, "out of range"), self.env.cr.savepoint():
            self.commune_a1.write({"longitude": -181.0})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.commune_a1.write({"latitude": "north"})
        self.assertAlmostEqual(self.commune_a1.latitude, 46.324)

    def test_code_unique_per_level(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env["health.territory"].create(
                {
                    "name": "Twin",
                    "territory_type": "commune",
                    "code": "2A001",
                    "parent_id": self.epci_b.id,
                }
            )

    def test_search_by_area_finds_what_lies_below(self):
        Partner = self.env["res.partner"]
        in_a1, in_a2, in_b1, in_epci_b = Partner.create(
            [
                {"name": "Dr A1", "health_territory_id": self.commune_a1.id},
                {"name": "Dr A2", "health_territory_id": self.commune_a2.id},
                {"name": "Dr B1", "health_territory_id": self.commune_b1.id},
                {"name": "Org B", "health_territory_id": self.epci_b.id},
            ]
        )
        by_name = Partner.search([("health_territory_area", "ilike", "CC Alpha")])
        self.assertEqual(by_name, in_a1 | in_a2)
        by_id = Partner.search([("health_territory_area", "=", self.epci_b.id)])
        self.assertEqual(by_id, in_b1 | in_epci_b)
        by_code = Partner.search([("health_territory_area", "=", "2A")])
        self.assertEqual(by_code, in_a1 | in_a2 | in_b1 | in_epci_b)
        self.assertFalse(Partner.search([("health_territory_area", "ilike", "Nowhere")]))
        several = Partner.search(
            [("health_territory_area", "in", ["Alpha-le-Bas", "Beta-sur-Mer"])]
        )
        self.assertEqual(several, in_a2 | in_b1)
        nowhere = Partner.create({"name": "Dr Nowhere"})
        outside = Partner.search(
            [("health_territory_area", "not ilike", "CC Alpha"), ("name", "like", "Dr ")]
        )
        self.assertIn(nowhere, outside)
        self.assertIn(in_b1, outside)
        self.assertNotIn(in_a1, outside)
        without = Partner.search([("health_territory_area", "=", False), ("name", "like", "Dr ")])
        self.assertIn(nowhere, without)
        self.assertNotIn(in_b1, without)
        # the territory search view offers the same on territories
        within = self.env["health.territory"].search([("parent_id", "child_of", self.epci_a.id)])
        self.assertEqual(within, self.epci_a | self.commune_a1 | self.commune_a2)

    def test_partner_count_includes_children_in_one_query(self):
        self.env["res.partner"].create(
            [
                {"name": "Dr A1", "health_territory_id": self.commune_a1.id},
                {"name": "Dr A2", "health_territory_id": self.commune_a2.id},
                {"name": "Dr B1", "health_territory_id": self.commune_b1.id},
            ]
        )
        territories = self.dept | self.epci_a | self.epci_b | self.commune_a1
        self.env["res.partner"].flush_model()
        # the areas below, one grouped count, the paths of the counted areas:
        # three queries whatever the number of territories
        for batch in (self.commune_a1, territories):
            self.env.invalidate_all()
            with self.assertQueryCount(3):
                counts = [t.partner_count for t in batch]
        self.assertEqual(counts, [3, 2, 1, 1])

    def test_action_view_partners_lists_the_area(self):
        partner = self.env["res.partner"].create(
            {"name": "Dr A2", "health_territory_id": self.commune_a2.id}
        )
        action = self.epci_a.action_view_partners()
        self.assertIn(partner, self.env["res.partner"].search(action["domain"]))


@tagged("post_install", "-at_install")
class TestZoningOverlays(HealthBaseCommon):
    def test_overlays_add_to_the_zoning(self):
        """QPV and FRR are not a third zoning: a commune in ZIP may hold a
        priority neighbourhood and be in rural revitalisation at once."""
        commune = self.commune_a1.with_user(self.user_manager)
        commune.write({"zoning_qpv": True, "zoning_frr": True})
        self.assertEqual(
            (commune.zoning, commune.zoning_qpv, commune.zoning_frr), ("zip", True, True)
        )
        Territory = self.env["health.territory"]
        self.assertEqual(
            Territory.search([("zoning_qpv", "=", True), ("code", "=like", "2A%")]), commune
        )
        with self.assertRaises(AccessError):
            self.commune_a2.with_user(self.user_officer).write({"zoning_frr": True})
        self.assertFalse(self.commune_a2.zoning_frr)
