from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import RecruitmentCommon

TODAY = date(2042, 2, 15)
YEAR_START = date(2042, 1, 1)


@tagged("post_install", "-at_install")
class TestInstallationCost(RecruitmentCommon):
    """One definition of the cost per installation over a period, read by the
    overview tile, the period summary and (for the measures) the report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Cost = cls.env["health.recruitment.installation.cost"]
        cls.Summary = cls.env["health.recruitment.installation.cost.summary"]
        cls.first = cls._installed("Coût Un", 900.0, date(2042, 2, 1), cls.commune_a1)
        cls.second = cls._installed("Coût Deux", 300.0, date(2042, 2, 15), cls.commune_a1)
        cls.elsewhere = cls._installed("Coût Ailleurs", 100.0, date(2042, 1, 1), cls.commune_b1)
        # installed the year before: out of the period
        cls.before = cls._installed("Coût Avant", 5000.0, date(2041, 12, 31), cls.commune_a1)
        declined = cls.env["health.recruitment.measure.line"].create(
            {"lead_id": cls.first.id, "measure_id": cls.measure.id, "cost": 70.0}
        )
        declined.state = "declined"

    @classmethod
    def _installed(cls, name, cost, day, commune):
        lead = cls._make_lead(cls.env["res.partner"].create({"name": name}), user=cls.officer)
        cls.env["health.recruitment.measure.line"].create(
            {"lead_id": lead.id, "measure_id": cls.measure.id, "cost": cost}
        )
        lead.write(
            {
                "health_installation_date": day,
                "health_installation_territory_id": commune.id,
                "health_installation_practice_id": cls.practice.id,
                "health_practice_mode": "msp",
                "stage_id": cls.stage_installed.id,
            }
        )
        lead.health_installation_date = day
        return lead

    def _summary(self, territories=None, user=None):
        Cost = self.Cost.with_user(user or self.manager)
        return Cost._health_cost_summary(YEAR_START, TODAY, territories)

    def test_one_definition_for_the_tile_and_the_summary(self):
        figure = self._summary()
        self.assertEqual(figure["count"], 3)
        self.assertEqual(figure["parts"][0][1], 1300.0)
        hook = self.env["health.overview.tile"].with_user(self.manager)
        self.assertEqual(
            figure["parts"][1:], hook._health_installation_cost_parts(YEAR_START, TODAY)
        )
        self.assertAlmostEqual(figure["total"], sum(amount for __, amount in figure["parts"]))
        self.assertAlmostEqual(figure["cost_per_installation"], figure["total"] / 3)
        self.assertEqual(
            self.env["crm.lead"].search(figure["domain"]), self.first + self.second + self.elsewhere
        )
        # the overview tile shows this figure
        tile = self.env.ref("health_recruitment.health_overview_tile_cost_per_installation")
        tile_figure = tile.with_user(self.manager)._health_figure(TODAY)
        self.assertAlmostEqual(tile_figure["value"], figure["cost_per_installation"])
        self.assertEqual(tile_figure["domain"], figure["domain"])
        # the period summary too
        summary = self.Summary.with_user(self.manager).create(
            {"date_from": "2042-01-01", "date_to": "2042-02-15"}
        )
        self.assertEqual(summary.installation_count, 3)
        self.assertEqual(summary.measures_cost, 1300.0)
        self.assertAlmostEqual(summary.total_cost, figure["total"], places=2)
        self.assertAlmostEqual(summary.programme_cost, figure["total"] - 1300.0, places=2)
        self.assertAlmostEqual(
            summary.cost_per_installation, figure["cost_per_installation"], places=2
        )
        self.assertIn("Toolbox measures:", summary.parts_display)
        self.assertEqual(len(summary.parts_display.splitlines()), len(figure["parts"]))
        action = summary.action_open_installations()
        self.assertEqual(
            self.env["crm.lead"].search(action["domain"]), self.first + self.second + self.elsewhere
        )

    def test_without_installation_no_division(self):
        figure = self.Cost.with_user(self.manager)._health_cost_summary(
            date(2043, 1, 1), date(2043, 1, 31)
        )
        self.assertEqual(figure["count"], 0)
        self.assertEqual(figure["cost_per_installation"], 0.0)

    def test_territory_counts_its_installations_and_measures_only(self):
        figure = self._summary(self.epci_a)
        self.assertEqual(figure["count"], 2)
        self.assertEqual(len(figure["parts"]), 1, "programme-wide parts belong to no territory")
        self.assertEqual(figure["cost_per_installation"], 600.0)
        self.assertEqual(self._summary(self.dept)["count"], 3)
        summary = self.Summary.with_user(self.manager).create(
            {"date_from": "2042-01-01", "date_to": "2042-02-15", "territory_id": self.epci_b.id}
        )
        self.assertEqual(summary.installation_count, 1)
        self.assertEqual(summary.programme_cost, 0.0)
        self.assertEqual(summary.cost_per_installation, 100.0)

    def test_officer_counts_the_installations_of_the_team(self):
        self.elsewhere.write({"team_id": self.other_team.id, "user_id": self.other_officer.id})
        figure = self.Cost.with_user(self.officer)._health_cost_summary(
            YEAR_START, TODAY, self.dept
        )
        self.assertEqual(figure["count"], 2)
        self.assertEqual(figure["parts"][0][1], 1200.0)

    def test_report_by_commune_and_year(self):
        self.env.flush_all()
        rows = self.Cost.with_user(self.manager).search([("territory_id", "=", self.commune_a1.id)])
        by_year = {row.installation_year: row for row in rows}
        self.assertEqual(set(by_year), {2041, 2042})
        self.assertEqual(by_year[2042].installation_count, 2)
        self.assertEqual(by_year[2042].total_cost, 1200.0)
        self.assertEqual(by_year[2042].cost_per_installation, 600.0)
        self.assertEqual(by_year[2041].cost_per_installation, 5000.0)
        # grouped by commune: the group's cost over its installations, not
        # the average of the rows' ratios (2800)
        [group] = self.Cost.with_user(self.manager).read_group(
            [("territory_id", "=", self.commune_a1.id)],
            ["installation_count:sum", "total_cost:sum", "cost_per_installation:avg"],
            ["territory_id"],
        )
        self.assertEqual(group["installation_count"], 3)
        self.assertAlmostEqual(group["cost_per_installation"], 6200.0 / 3)

    def test_summary_bad_input(self):
        Summary = self.Summary.with_user(self.manager)
        before = Summary.search_count([])
        for values in (
            {"date_from": "2042-02-15", "date_to": "2042-01-01"},
            {"date_from": "01/01/2042", "date_to": "2042-02-15"},
            {"date_from": "2042-01-01", "date_to": "2042-02-15", "territory_id": 999999999},
            {"date_from": "2042-01-01", "date_to": "2042-02-15", "territory_id": "Alpha"},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                Summary.create(values)
        self.assertEqual(Summary.search_count([]), before)

    def test_summary_is_for_managers(self):
        with self.assertRaises(AccessError):
            self.Summary.with_user(self.officer).create(
                {"date_from": "2042-01-01", "date_to": "2042-02-15"}
            )
        with self.assertRaises(AccessError):
            self.Summary.with_user(self.health_user).create(
                {"date_from": "2042-01-01", "date_to": "2042-02-15"}
            )
