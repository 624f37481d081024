from datetime import date

from odoo.addons.health_base.tests.common import make_rpps
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import RecruitmentCommon


@tagged("post_install", "-at_install")
class TestBadInput(RecruitmentCommon):
    """Values sent by a script or an import, written by the least-privileged
    recruitment user: refused with a sentence, nothing written."""

    def setUp(self):
        super().setUp()
        self.env = self.env(user=self.officer)
        self.lead = self.lead.with_env(self.env)

    def _assert_refused(self, model, vals, words=(), record=None):
        Model = self.env[model]
        count = Model.search_count([])
        before = record.read(list(vals))[0] if record else None
        with self.assertRaises(ValidationError) as caught:
            if record:
                record.write(vals)
            else:
                Model.create(vals)
        for word in words:
            self.assertIn(word, str(caught.exception))
        self.assertEqual(Model.search_count([]), count)
        if record:
            record.invalidate_recordset()
            self.assertEqual(record.read(list(vals))[0], before)

    def _line_vals(self, **values):
        return dict({"lead_id": self.lead.id, "measure_id": self.measure.id}, **values)

    def test_text_in_numeric_fields(self):
        self._assert_refused(
            "health.recruitment.measure.line", self._line_vals(cost="douze cents"), ["cost"]
        )
        self._assert_refused(
            "health.recruitment.household.line",
            {
                "lead_id": self.lead.id,
                "member_type": "child",
                "need_type": "schooling",
                "child_age": "six",
            },
            ["child_age"],
        )

    def test_date_in_french_format(self):
        self._assert_refused(
            "crm.lead",
            {"health_availability_date": "31/12/2026"},
            ["YYYY-MM-DD"],
            record=self.lead,
        )
        self._assert_refused(
            "health.recruitment.measure.line", self._line_vals(date_due="31/12/2026"), ["date_due"]
        )

    def test_unknown_selection_key(self):
        self._assert_refused(
            "crm.lead", {"health_candidate_type": "surgeon"}, ["surgeon"], record=self.lead
        )
        self._assert_refused(
            "health.recruitment.measure.line", self._line_vals(state="paid"), ["paid"]
        )

    def test_missing_record(self):
        self._assert_refused(
            "crm.lead", {"health_semester_id": 999999999}, ["999999999"], record=self.lead
        )
        self._assert_refused(
            "health.recruitment.measure.line", self._line_vals(measure_id=999999999), ["999999999"]
        )
        self._assert_refused(
            "calendar.event",
            {
                "name": "Visit",
                "start": "2026-12-04 09:00:00",
                "stop": "2026-12-04 12:00:00",
                "health_visit_territory_id": 999999999,
            },
            ["999999999"],
        )

    def test_very_long_texts(self):
        self._assert_refused(
            "health.recruitment.household.line",
            {
                "lead_id": self.lead.id,
                "member_type": "spouse",
                "need_type": "spouse_job",
                "member_name": "x" * 10_000,
            },
            ["10000"],
        )
        self._assert_refused(
            "crm.lead", {"health_current_practice": "x" * 10_000}, ["10000"], record=self.lead
        )

    def test_rpps_with_letters(self):
        self._assert_refused(
            "crm.lead", {"health_rpps": "1012345678A"}, ["11 digits"], record=self.lead
        )

    def test_business_rules(self):
        self._assert_refused("health.recruitment.measure.line", self._line_vals(cost=-50), ["-50"])
        self._assert_refused(
            "health.recruitment.household.line",
            {
                "lead_id": self.lead.id,
                "member_type": "child",
                "need_type": "schooling",
                "child_age": -2,
            },
            ["-2"],
        )
        self._assert_refused(
            "crm.lead",
            {"health_installation_date": "2026-09-01", "health_outcome_date": "2026-08-01"},
            ["2026-08-01"],
            record=self.lead,
        )
        self._assert_refused(
            "crm.lead",
            {"health_installation_territory_id": self.epci.id},
            ["commune"],
            record=self.lead,
        )
        partner = self.candidate.with_env(self.env)
        self._assert_refused(
            "res.partner", {"health_candidate_birthdate": "2999-01-01"}, ["2999"], record=partner
        )
        self._assert_refused(
            "res.partner",
            {"health_candidate_consent_date": "1990-01-01"},
            ["1994-03-12"],
            record=partner,
        )
        self._assert_refused(
            "res.partner",
            {"health_candidate_birthdate": "12/03/1994"},
            ["YYYY-MM-DD"],
            record=partner,
        )
        self.assertEqual(self.candidate.health_birthdate, date(1994, 3, 12))

    def test_import(self):
        Lead = self.env["crm.lead"]
        count = Lead.search_count([])
        result = Lead.load(
            ["name", "type", "team_id/id", "health_rpps"],
            [
                [
                    "Imported fine",
                    "opportunity",
                    "health_recruitment.crm_team_recruitment",
                    make_rpps(41),
                ],
                [
                    "Imported wrong",
                    "opportunity",
                    "health_recruitment.crm_team_recruitment",
                    "RPPS 123",
                ],
            ],
        )
        self.assertFalse(result["ids"])
        self.assertTrue(result["messages"])
        self.assertIn("RPPS", result["messages"][0]["message"])
        self.assertEqual(Lead.search_count([]), count)
