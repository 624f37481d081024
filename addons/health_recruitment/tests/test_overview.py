from datetime import date, datetime

from odoo.tests import tagged

from .common import RecruitmentCommon

TODAY = date(2042, 2, 15)


@tagged("post_install", "-at_install")
class TestRecruitmentOverview(RecruitmentCommon):
    """The recruitment tiles of the steering overview, on candidacies built
    here (semester 2041-2042, reference date 15 February 2042)."""

    def _tile(self, code, user=None):
        xmlid = {"open": "open_candidacies", "stale": "stale_candidacies"}.get(code, code)
        tile = self.env.ref(f"health_recruitment.health_overview_tile_{xmlid}")
        return tile.with_user(user or self.manager).with_context(date=TODAY.isoformat())

    def _figure(self, code, user=None):
        return self._tile(code, user)._health_figure(TODAY)

    def _records(self, code, user=None):
        action = self._tile(code, user).action_open()
        return (
            self.env[action["res_model"]].with_user(user or self.manager).search(action["domain"])
        )

    def _candidate(self, name, **values):
        partner = self.env["res.partner"].create({"name": name})
        values.setdefault("user", self.officer)
        return self._make_lead(partner, **values)

    def test_semester_candidacies_within_the_reader_rights(self):
        other = self._candidate("Paul Autre", team=self.other_team, user=self.other_officer)
        self.assertEqual(self._tile("semester_candidacies").value, 2)
        self.assertEqual(self._records("semester_candidacies"), self.lead + other)
        # the officer of the other team counts only his team's candidacy
        self.assertEqual(self._tile("semester_candidacies", self.other_officer).value, 1)
        # a candidacy of another semester is not counted
        self._candidate("Hors Semestre", health_semester_id=False)
        self.assertEqual(self._figure("semester_candidacies")["value"], 2)

    def test_open_candidacies_and_furthest_stage(self):
        before = self._figure("open")["value"]
        lead = self._candidate("Jeanne Ouverte")
        self.assertEqual(self._figure("open")["value"], before + 1)
        self._install(lead)
        self.assertEqual(self._figure("open")["value"], before)
        self.assertNotIn(lead, self._records("open"))

    def test_installed_this_year(self):
        first, second = self._candidate("Inès Janvier"), self._candidate("Luc Décembre")
        self._install(first)
        self._install(second)
        first.health_installation_date = date(2042, 1, 10)
        second.health_installation_date = date(2041, 12, 31)
        self.assertEqual(self._tile("installed_year").value, 1)
        self.assertEqual(self._records("installed_year"), first)

    def test_still_practising_after_12_and_24_months(self):
        base12 = self._figure("practising_12")
        base24 = self._figure("practising_24")
        stayed, left, recent = (
            self._candidate("Restée"),
            self._candidate("Partie"),
            self._candidate("Récente"),
        )
        for lead in stayed + left + recent:
            self._install(lead)
        (stayed + left).write({"health_installation_date": date(2040, 1, 15)})
        recent.health_installation_date = date(2041, 6, 1)
        left.write({"health_outcome": "left", "health_outcome_date": date(2041, 3, 1)})
        twelve, twentyfour = self._figure("practising_12"), self._figure("practising_24")
        self.assertEqual(twelve["value"], base12["value"] + 1)
        self.assertEqual(twelve["target"], base12["target"] + 2)
        self.assertEqual(twentyfour["value"], base24["value"] + 1)
        self.assertEqual(twentyfour["target"], base24["target"] + 2)
        tile = self._tile("practising_12")
        self.assertLess(tile.progress, 100.0)
        self.assertIn(stayed, self._records("practising_12"))
        self.assertNotIn(left, self._records("practising_12"))
        self.assertNotIn(recent, self._records("practising_12"))

    def test_cost_per_installation(self):
        first, second = self._candidate("Coût Un"), self._candidate("Coût Deux")
        self.env["health.recruitment.measure.line"].create(
            [
                {"lead_id": first.id, "measure_id": self.measure.id, "cost": 900.0},
                {"lead_id": second.id, "measure_id": self.measure.id, "cost": 300.0},
            ]
        )
        for lead in first + second:
            self._install(lead)
        (first + second).write({"health_installation_date": date(2042, 2, 1)})
        parts = sum(
            amount
            for __, amount in self.env["health.overview.tile"]._health_installation_cost_parts(
                date(2042, 1, 1), TODAY
            )
        )
        figure = self._figure("cost_per_installation")
        self.assertAlmostEqual(figure["value"], (1200.0 + parts) / 2)
        self.assertEqual(self.env["crm.lead"].search(figure["domain"]), first + second)

    def test_cost_tile_is_for_managers(self):
        tiles = self.env["health.overview.tile"].with_user(self.officer).search([])
        self.assertNotIn(
            self.env.ref("health_recruitment.health_overview_tile_cost_per_installation"), tiles
        )
        self.assertIn(
            self.env.ref("health_recruitment.health_overview_tile_open_candidacies"), tiles
        )
        self.assertIn(
            self.env.ref("health_recruitment.health_overview_tile_cost_per_installation"),
            self.env["health.overview.tile"].with_user(self.manager).search([]),
        )
        # a user of the suite without recruitment sees none of its tiles
        self.assertFalse(
            self.env["health.overview.tile"]
            .with_user(self.health_user)
            .search([("code", "=like", "recruitment_%")])
        )

    def test_candidacies_without_activity(self):
        before = self._figure("stale")["value"]
        stale, planned, recent = (
            self._candidate("Oubliée"),
            self._candidate("Relancée"),
            self._candidate("Récente"),
        )
        (stale + planned + recent).activity_ids.unlink()
        (stale + planned).write({"date_last_stage_update": datetime(2041, 12, 1, 9, 0)})
        recent.write({"date_last_stage_update": datetime(2042, 1, 20, 9, 0)})
        planned.activity_schedule("mail.mail_activity_data_todo", date_deadline=TODAY)
        figure = self._figure("stale")
        self.assertEqual(figure["value"], before + 1)
        self.assertTrue(figure["alert"])
        records = self._records("stale")
        self.assertIn(stale, records)
        self.assertNotIn(planned, records)
        self.assertNotIn(recent, records)

    def test_measures(self):
        Measure = self.env["health.indicator.measure"]
        installations = self.env.ref("health_base.health_indicator_measure_installations")
        candidacies = self.env.ref("health_base.health_indicator_measure_candidacies")
        lead = self._candidate(
            "Mesurée", health_target_territory_ids=[(6, 0, (self.commune_a1 + self.commune_a2).ids)]
        )
        self._install(lead)
        lead.health_installation_date = date(2042, 1, 5)
        territories = self.epci_a + self.epci_b
        self.assertEqual(
            installations._health_values(territories, date(2042, 1, 1), date(2042, 12, 31)),
            {self.epci_a.id: 1.0, self.epci_b.id: 0.0},
        )
        self.assertEqual(
            installations._health_values(territories, date(2041, 1, 1), date(2041, 12, 31)),
            {self.epci_a.id: 0.0, self.epci_b.id: 0.0},
        )
        today = lead.create_date.date()
        counted = candidacies._health_values(self.epci_a + self.dept, today, today)
        # the candidacy targets two communes of the EPCI: counted once, with
        # the fixture's candidacy of the same day
        self.assertEqual(counted[self.epci_a.id], 2.0)
        self.assertEqual(counted[self.dept.id], 2.0)
        self.assertTrue(Measure.search([("code", "=", "installations")]))
