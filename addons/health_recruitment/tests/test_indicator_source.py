from datetime import date, datetime

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestCandidaciesFromSource(RecruitmentCommon):
    """The indicator measure of the candidacies from a source."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.measure = cls.env.ref("health_recruitment.health_indicator_measure_candidacies_website")
        cls.website = cls.env.ref("health_recruitment.utm_source_website")
        cls.word_of_mouth = cls.env.ref("health_recruitment.utm_source_word_of_mouth")
        cls.territories = cls.epci_a + cls.epci_b + cls.dept
        cls.leads = cls.env["crm.lead"]
        for name, source, communes, created in (
            ("Site A", cls.website, cls.commune_a1 + cls.commune_a2, datetime(2042, 3, 1, 0, 0)),
            ("Site A fin", cls.website, cls.commune_a1, datetime(2042, 3, 31, 23, 30)),
            ("Site B", cls.website, cls.commune_b1, datetime(2042, 3, 15, 9, 0)),
            ("Congrès A", cls.source, cls.commune_a1, datetime(2042, 3, 10, 9, 0)),
            ("Site avant", cls.website, cls.commune_a1, datetime(2042, 2, 28, 23, 59)),
            ("Site après", cls.website, cls.commune_a1, datetime(2042, 4, 1, 0, 0)),
        ):
            lead = cls._make_lead(
                cls.env["res.partner"].create({"name": name}),
                source_id=source.id,
                health_target_territory_ids=[(6, 0, communes.ids)],
            )
            cls.env.cr.execute(
                "UPDATE crm_lead SET create_date = %s WHERE id = %s", (created, lead.id)
            )
            cls.leads |= lead
        cls.env.invalidate_all()

    def _values(self, date_from=date(2042, 3, 1), date_to=date(2042, 3, 31), measure=None):
        return (measure or self.measure)._health_values(self.territories, date_from, date_to)

    def test_demo_measure_bound_to_the_public_site(self):
        self.assertEqual(self.measure.code, "candidacies_source")
        self.assertEqual(self.measure.utm_source_id, self.website)
        self.assertTrue(self.measure.available)
        self.assertTrue(self.measure.is_source_measure)

    def test_counts_the_source_in_the_period_and_territories(self):
        # two candidacies of the site in EPCI A (one targeting two of its
        # communes counts once), one in EPCI B, all three in the département;
        # the congress and the candidacies out of the period are not counted
        self.assertEqual(
            self._values(), {self.epci_a.id: 2.0, self.epci_b.id: 1.0, self.dept.id: 3.0}
        )
        self.assertEqual(self._values(date(2042, 4, 1), date(2042, 4, 30))[self.epci_a.id], 1.0)
        self.assertEqual(self._values(date(2042, 2, 1), date(2042, 2, 28))[self.epci_a.id], 1.0)
        self.assertEqual(self._values(date(2042, 3, 2), date(2042, 3, 30))[self.epci_a.id], 0.0)

    def test_bound_to_another_source(self):
        self.measure.with_user(self.user_manager).utm_source_id = self.source
        self.assertEqual(
            self._values(), {self.epci_a.id: 1.0, self.epci_b.id: 0.0, self.dept.id: 1.0}
        )
        self.measure.with_user(self.user_manager).utm_source_id = self.word_of_mouth
        self.assertEqual(set(self._values().values()), {0.0})

    def test_the_source_is_required(self):
        Measure = self.measure.with_user(self.user_manager)
        for value in (False, 999999999, "Site internet du territoire", "12"):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                Measure.write({"utm_source_id": value})
            self.assertEqual(self.measure.utm_source_id, self.website)
        Measures = self.env["health.indicator.measure"].with_context(active_test=False)
        count = Measures.search_count([])
        with self.assertRaises(ValidationError):
            Measures.create({"name": "Sans source", "code": "candidacies_source_none"})
        self.assertEqual(Measures.search_count([]), count)
        # nor through an import
        result = Measure.load(
            ["id", "utm_source_id/id"],
            [["health_recruitment.health_indicator_measure_candidacies_website", ""]],
        )
        self.assertFalse(result["ids"])
        self.assertEqual(self.measure.utm_source_id, self.website)

    def test_one_measure_per_source(self):
        congress = self.env["health.indicator.measure"].create(
            {
                "name": "Candidatures venues des congrès",
                "code": "candidacies_source_congress",
                "utm_source_id": self.source.id,
            }
        )
        self.assertTrue(congress.available)
        self.assertIn(congress, congress.search([("available", "=", True)]))
        self.assertEqual(
            self._values(measure=congress),
            {self.epci_a.id: 1.0, self.epci_b.id: 0.0, self.dept.id: 1.0},
        )
        # the public site's measure is unchanged
        self.assertEqual(self._values()[self.dept.id], 3.0)

    def test_other_measures_need_no_source(self):
        candidacies = self.env.ref("health_base.health_indicator_measure_candidacies")
        self.assertFalse(candidacies.utm_source_id)
        self.assertFalse(candidacies.is_source_measure)
        # every source counts there: the four candidacies of March
        self.assertEqual(self._values(measure=candidacies)[self.dept.id], 4.0)

    def test_only_the_managers_bind_the_source(self):
        with self.assertRaises(AccessError):
            self.measure.with_user(self.user_officer).utm_source_id = self.source
        with self.assertRaises(AccessError):
            self.measure.with_user(self.officer).utm_source_id = self.source
        self.assertEqual(self.measure.utm_source_id, self.website)
