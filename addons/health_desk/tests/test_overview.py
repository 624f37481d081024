from datetime import date, datetime

from freezegun import freeze_time

from odoo.addons.health_base.tests.common import QueryCountMixin
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DeskCommon

# Monday 3 March 2031: far from the demo requests, which are dated from the
# day the demo is loaded
MONDAY = datetime(2031, 3, 3, 9, 0)
CHECKED = date(2031, 3, 10)


@tagged("post_install", "-at_install")
class TestDeskOverview(QueryCountMixin, DeskCommon):
    """The desk's tiles (open, overdue, answered in time, satisfaction) and its
    measure of the requests received from a territory, on requests built here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # desk A, 3 working days: due Thursday 6 March, never answered
        cls.late = cls._ticket(cls, health_received_date=MONDAY)
        # desk A: answered on Wednesday, in time
        cls.in_time = cls._ticket(
            cls,
            health_received_date=MONDAY,
            health_first_answer_date=datetime(2031, 3, 5, 14, 0),
        )
        # desk B, 0 working day: due the Monday itself, answered on Tuesday
        cls.late_answer = cls._ticket(
            cls,
            category_id=cls.cat_housing.id,
            health_received_date=MONDAY,
            health_first_answer_date=datetime(2031, 3, 4, 14, 0),
        )
        # desk A, received on Friday 7 March: due on Wednesday 12 March
        cls.fresh = cls._ticket(cls, health_received_date=datetime(2031, 3, 7, 9, 0))

    def _tile(self, code, user, day=CHECKED):
        tile = self.env.ref(f"health_desk.health_overview_tile_{code}")
        # the figures are computed when read: drop those of a previous read
        tile.invalidate_recordset()
        return tile.with_user(user).with_context(date=day.isoformat())

    def _records(self, tile):
        """What the tile opens, as its reader sees it."""
        action = tile.action_open()
        return tile.env[action["res_model"]].search(action["domain"])

    def _close(self, tickets, satisfaction):
        with freeze_time("2031-03-05 10:00:00"):
            tickets.write({"stage_id": self.stage_done.id})
        tickets.write({"health_satisfaction": satisfaction})

    def test_open_requests(self):
        tile = self._tile("open", self.desk_officer)
        self.assertEqual(tile.value, 3)
        self.assertEqual(tile.subtitle, "2 not answered yet")
        self.assertEqual(self._records(tile), self.late + self.in_time + self.fresh)
        # the day before its receipt, the fresh request is not counted yet
        self.assertEqual(self._tile("open", self.desk_officer, date(2031, 3, 6)).value, 2)
        self._close(self.in_time, "3")
        self.assertEqual(self._tile("open", self.desk_officer).value, 2)
        # the officer of desk B counts the requests of desk B only
        self.assertEqual(self._tile("open", self.desk_officer_b).value, 1)

    def test_overdue_requests(self):
        tile = self._tile("overdue", self.desk_officer)
        self.assertEqual(tile.value, 1)
        self.assertTrue(tile.is_alert)
        self.assertEqual(self._records(tile), self.late)
        # on its due date, the request is not late yet
        on_time = self._tile("overdue", self.desk_officer, date(2031, 3, 6))
        self.assertEqual(on_time.value, 0)
        self.assertFalse(on_time.is_alert)
        # the overview and the nightly flag follow the one rule of the desk
        Ticket = self.env["helpdesk.ticket"]
        Ticket._cron_health_desk_overdue(today=CHECKED)
        flagged = Ticket.with_user(self.desk_officer).search([("health_overdue", "=", True)])
        self.assertEqual(flagged, self._records(tile))
        self.late.health_first_answer_date = datetime(2031, 3, 10, 8, 0)
        self.assertEqual(self._tile("overdue", self.desk_officer).value, 0)

    def test_answered_in_time(self):
        officer = self._tile("in_time", self.desk_officer)
        self.assertEqual(officer.value, 100.0)
        self.assertEqual(officer.target, 100.0)
        manager = self._tile("in_time", self.desk_manager)
        self.assertEqual(manager.value, 50.0)
        self.assertIn("1 of the 2 requests received in 2031", manager.subtitle)
        self.assertEqual(self._records(manager), self.in_time + self.late_answer)
        # the requests of the year before do not count
        self.assertEqual(self._tile("in_time", self.desk_manager, date(2030, 12, 31)).value, 0.0)

    def test_satisfaction(self):
        self._close(self.late + self.in_time, "3")
        self._close(self.late_answer, "1")
        tile = self._tile("satisfaction", self.desk_manager)
        self.assertAlmostEqual(tile.value, 200.0 / 3, places=2)
        self.assertIn("2 satisfied, 0 partly, 1 not satisfied, of 3 requesters", tile.subtitle)
        self.assertEqual(self._records(tile), self.late + self.in_time + self.late_answer)
        # closed before the day looked at: not counted on the Tuesday
        self.assertEqual(self._tile("satisfaction", self.desk_manager, date(2031, 3, 4)).value, 0)

    def test_tiles_for_desk_officers_only(self):
        Tile = self.env["health.overview.tile"]
        tile = self.env.ref("health_desk.health_overview_tile_overdue")
        self.assertIn(tile, Tile.with_user(self.desk_officer).search([]))
        self.assertIn(tile, Tile.with_user(self.env.ref("base.user_admin")).search([]))
        self.assertNotIn(tile, Tile.with_user(self.user_officer).search([]))
        with self.assertRaises(AccessError):
            tile.with_user(self.user_officer).action_open()
        # a reader without the desk's rights gets no figure, even called directly
        for code in ("open", "overdue", "in_time", "satisfaction"):
            values = getattr(Tile.with_user(self.user_officer), f"_health_tile_desk_{code}")(
                CHECKED
            )
            self.assertFalse(values.get("res_model"), code)
            self.assertFalse(values.get("value"), code)

    def test_demo_personas_see_the_desk_tiles(self):
        Tile = self.env["health.overview.tile"]
        tile = self.env.ref("health_desk.health_overview_tile_open")
        for xmlid in ("health_base.user_health_manager_demo", "health_desk.user_desk_officer_demo"):
            user = self.env.ref(xmlid, raise_if_not_found=False)
            if user:
                self.assertIn(tile, Tile.with_user(user).search([]), xmlid)

    def test_requests_measure(self):
        Partner = self.env["res.partner"]
        from_b1 = Partner.create(
            {"name": "Requester B1", "health_territory_id": self.commune_b1.id}
        )
        year = (date(2031, 1, 1), date(2031, 12, 31))
        measure = self.env.ref("health_desk.health_indicator_measure_desk_requests")
        territories = self.epci_a + self.epci_b + self.dept
        before = measure._health_values(territories, *year)
        self.assertEqual(before, {self.epci_a.id: 0.0, self.epci_b.id: 0.0, self.dept.id: 0.0})
        # about a commune of EPCI A; the commune asked about wins over the requester's
        self._ticket(health_territory_id=self.commune_a1.id, health_received_date=MONDAY)
        self._ticket(
            partner_id=from_b1.id,
            health_territory_id=self.commune_a2.id,
            health_received_date=MONDAY,
        )
        # no commune: the requester's; received on 1 January in Paris
        self._ticket(partner_id=from_b1.id, health_received_date=datetime(2030, 12, 31, 23, 30))
        # 1 January 2032 in Paris: next year
        self._ticket(partner_id=from_b1.id, health_received_date=datetime(2031, 12, 31, 23, 30))
        self.assertEqual(
            measure._health_values(territories, *year),
            {self.epci_a.id: 2.0, self.epci_b.id: 1.0, self.dept.id: 3.0},
        )
        self.assertEqual(
            measure._health_values(territories, date(2032, 1, 1), date(2032, 12, 31)),
            {self.epci_a.id: 0.0, self.epci_b.id: 1.0, self.dept.id: 1.0},
        )

    def test_requests_measure_queries(self):
        measure = self.env.ref("health_desk.health_indicator_measure_desk_requests")
        territories = self.epci_a + self.epci_b + self.dept
        Partner = self.env["res.partner"]

        def prepare(size):
            partners = Partner.create(
                [
                    {"name": f"Requester {index}", "health_territory_id": self.commune_b1.id}
                    for index in range(size)
                ]
            )
            self.env["helpdesk.ticket"].create(
                [
                    {
                        "name": "Question",
                        "description": "<p>?</p>",
                        "category_id": self.cat_admin.id,
                        "team_id": self.desk.id,
                        "partner_id": partner.id,
                        "health_received_date": datetime(2033, 3, 3, 9, 0),
                    }
                    for partner in partners
                ]
            )
            return size

        def run(size):
            measure._health_values(territories, date(2033, 1, 1), date(2033, 12, 31))

        self.assertQueryCountSame(prepare, run)

    def test_tiles_queries(self):
        tiles = self.env["health.overview.tile"].search([("code", "like", "desk_")])
        self.assertEqual(len(tiles), 4)

        def prepare(size):
            for _index in range(size):
                self._ticket(health_received_date=MONDAY)
            return tiles.with_user(self.desk_manager).with_context(date=CHECKED.isoformat())

        def run(records):
            records.mapped("value_display")

        self.assertQueryCountSame(prepare, run)
