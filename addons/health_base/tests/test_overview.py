from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import HealthBaseCommon


@tagged("post_install", "-at_install")
class TestOverview(HealthBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Tile = cls.env["health.overview.tile"]
        cls.tile = cls.env.ref("health_base.health_overview_tile_semester")
        cls.semester = cls.env["health.internship.semester"].create({"year": 2031, "season": "may"})

    def _tile(self, day, user=None):
        tile = self.tile.with_context(date=fields_date(day))
        return tile.with_user(user) if user else tile

    def test_semester_tile_follows_the_reference_date(self):
        early = self._tile(date(2031, 5, 11))
        self.assertEqual(early.value_display, self.semester.display_name)
        self.assertEqual(early.value, 10)
        self.assertEqual(early.target, (self.semester.date_end - self.semester.date_start).days + 1)
        self.assertAlmostEqual(early.progress, 100.0 * 10 / early.target)
        late = self._tile(date(2031, 10, 1))
        self.assertGreater(late.progress, early.progress)
        self.assertFalse(late.is_alert)

    def test_no_semester_is_an_alert(self):
        self.env["health.internship.semester"].search([]).write({"active": False})
        tile = self._tile(date(2031, 6, 1))
        self.assertTrue(tile.is_alert)
        self.assertFalse(tile.has_target)

    def test_action_opens_the_records_behind(self):
        action = self._tile(date(2031, 6, 1)).action_open()
        self.assertEqual(action["res_model"], "health.internship.semester")
        self.assertEqual(self.env[action["res_model"]].search(action["domain"]), self.semester)

    def test_tiles_show_to_users_of_all_their_groups(self):
        manager_group = self.env.ref("health_base.group_health_manager")
        tile = self.Tile.create(
            {
                "name": "Managers only",
                "code": "semester_copy",
                "section": "alerts",
                "group_ids": [(6, 0, manager_group.ids)],
            }
        )
        officer_tiles = self.Tile.with_user(self.user_officer).search([])
        manager_tiles = self.Tile.with_user(self.user_manager).search([])
        self.assertIn(self.tile, officer_tiles)
        self.assertNotIn(tile, officer_tiles)
        self.assertIn(tile, manager_tiles)
        # a tile with no method says so instead of failing
        self.assertEqual(tile.with_user(self.user_manager).value, 0.0)

    def test_access(self):
        with self.assertRaises(AccessError):
            self.Tile.with_user(self.user_employee).search([])
        with self.assertRaises(AccessError):
            self.tile.with_user(self.user_officer).write({"sequence": 3})
        self.tile.with_user(self.user_manager).write({"sequence": 3})
        self.assertEqual(self.tile.sequence, 3)
        with self.assertRaises(AccessError):
            self.Tile.with_user(self.user_manager).create({"name": "X", "code": "x"})

    @mute_logger("odoo.sql_db")
    def test_bad_input(self):
        with self.assertRaises(ValidationError):
            self.tile.with_user(self.user_manager).write({"section": "nowhere"})
        self.assertEqual(self.tile.section, "semester")
        with self.assertRaises(ValidationError):
            self.tile.with_user(self.user_manager).write({"name": "x" * 10000})
        self.assertEqual(self.tile.name, "Internship semester")

    def test_measure_roll_up(self):
        Measure = self.env["health.indicator.measure"]
        territories = self.epci_a + self.epci_b + self.dept + self.commune_a1
        pairs = [(self.commune_a1, 2), (self.commune_a2, 3), (self.commune_b1, 5), (False, 7)]
        self.assertEqual(
            Measure._health_roll_up(territories, pairs),
            {
                self.epci_a.id: 5.0,
                self.epci_b.id: 5.0,
                self.dept.id: 10.0,
                self.commune_a1.id: 2.0,
            },
        )
        sets = [(self.commune_a1, [1, 2]), (self.commune_a2, [2, 3]), (self.commune_b1, [4])]
        self.assertEqual(
            Measure._health_roll_up_sets(self.epci_a + self.dept, sets),
            {self.epci_a.id: 3.0, self.dept.id: 4.0},
        )

    def test_unknown_measure_is_empty(self):
        measure = self.env["health.indicator.measure"].create({"name": "X", "code": "nothing"})
        self.assertEqual(
            measure._health_values(self.dept, date(2031, 1, 1), date(2031, 12, 31)), {}
        )


def fields_date(day):
    return day.isoformat()
