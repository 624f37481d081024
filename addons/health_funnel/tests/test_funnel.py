from datetime import timedelta

from odoo.addons.health_base.tests.common import QueryCountMixin
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import FunnelCommon, at_evening


@tagged("post_install", "-at_install")
class TestFunnel(FunnelCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.semester = cls.env["health.internship.semester"].create({"year": 2043, "season": "may"})
        cls.event, cls.invitations, cls.leads = cls._funnel_fixture(
            cls.semester, cls.epci_a, at_evening(cls.semester)
        )
        cls.head = cls._head_of_service("funnel_head")
        cls.today = cls.semester.date_start + timedelta(days=30)

    def _sums(self, domain=None, user=None):
        Funnel = self.env["health.funnel"].with_user(user or self.head)
        fields = ["invited", "registered", "attended", "candidacy", "visit", "project", "installed"]
        rates = ["registered_rate", "attended_rate", "candidacy_rate", "overall_rate"]
        [row] = Funnel._read_group(
            domain or [("semester_id", "=", self.semester.id)],
            [],
            [f"{name}:sum" for name in fields] + [f"{name}:avg" for name in rates],
        )
        return dict(zip(fields + rates, row, strict=True))

    def test_steps_of_the_funnel(self):
        sums = self._sums()
        self.assertEqual(
            [sums[name] for name in ("invited", "registered", "attended", "candidacy")],
            [4, 3, 2, 3],
        )
        self.assertEqual([sums["visit"], sums["project"], sums["installed"]], [2, 2, 1])

    def test_rates_are_ratios_of_sums(self):
        sums = self._sums()
        self.assertAlmostEqual(sums["registered_rate"], 75.0)
        self.assertAlmostEqual(sums["attended_rate"], 200.0 / 3)
        self.assertAlmostEqual(sums["candidacy_rate"], 150.0)
        self.assertAlmostEqual(sums["overall_rate"], 25.0)
        # grouped by territory, each group gets its own ratio
        groups = self.env["health.funnel"]._read_group(
            [("semester_id", "=", self.semester.id)], ["territory_id"], ["registered_rate:avg"]
        )
        self.assertEqual(groups, [(self.epci_a, 75.0)])
        # an empty selection gives 0, not a division error
        self.assertEqual(self._sums([("id", "=", 0)])["overall_rate"], 0.0)

    def test_lost_candidacy_still_counts_as_a_candidacy(self):
        self.leads[2].action_set_lost()
        self.assertEqual(self._sums()["candidacy"], 3)

    def test_tiles_of_the_semester(self):
        tile = self.env.ref("health_funnel.health_overview_tile_funnel_attended")
        tile = tile.with_user(self.head).with_context(date=self.today.isoformat())
        self.assertEqual((tile.value, tile.target), (2, 4))
        self.assertIn("4", tile.subtitle)
        action = tile.action_open()
        self.assertEqual(action["res_model"], "health.funnel")
        rows = self.env["health.funnel"].search(action["domain"])
        self.assertEqual(rows.invitation_id, self.invitations)
        candidacies = self.env.ref("health_funnel.health_overview_tile_funnel_candidacies")
        candidacies = candidacies.with_user(self.head).with_context(date=self.today.isoformat())
        self.assertEqual((candidacies.value, candidacies.target), (3, 2))

    def test_access(self):
        events_only = new_test_user(
            self.env,
            login="funnel_events",
            groups="base.group_user,health_events.group_health_events_user",
        )
        nobody = new_test_user(
            self.env, login="funnel_suite", groups="base.group_user,health_base.group_health_user"
        )
        tiles = self.env["health.overview.tile"].with_user(events_only).search([])
        self.assertNotIn(self.env.ref("health_funnel.health_overview_tile_funnel_attended"), tiles)
        self.assertIn(
            self.env.ref("health_funnel.health_overview_tile_funnel_attended"),
            self.env["health.overview.tile"].with_user(self.head).search([]),
        )
        with self.assertRaises(AccessError):
            self.env["health.funnel"].with_user(nobody).search([])


@tagged("post_install", "-at_install")
class TestOverviewQueries(QueryCountMixin, FunnelCommon):
    def test_landing_page_queries_do_not_grow(self):
        """Reading every tile of the head of service makes as many queries for
        2 evenings (8 invitations, 6 candidacies) as for 6 (24, 18)."""
        head = self._head_of_service("queries_head")
        semester = self.env["health.internship.semester"].create({"year": 2044, "season": "may"})
        today = (semester.date_start + timedelta(days=40)).isoformat()
        created = []

        def prepare(size):
            for __ in range(size):
                # one evening per territory and semester: a commune each
                commune = self.env["health.territory"].create(
                    {
                        "name": f"Commune du comptage {len(created)}",
                        "territory_type": "commune",
                        "code": f"2A{500 + len(created):03d}",
                        "parent_id": self.epci_a.id,
                    }
                )
                begin = at_evening(semester) + timedelta(days=len(created))
                created.append(self._funnel_fixture(semester, commune, begin))
            return size

        def run(size):
            tiles = self.env["health.overview.tile"].with_user(head).with_context(date=today)
            tiles.search([]).read(["value_display", "target_display", "progress", "subtitle"])

        self.assertQueryCountSame(prepare, run, n=2)
