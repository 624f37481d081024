from datetime import date, datetime, timedelta
from unittest.mock import patch

from odoo.addons.health_base.tests.common import read_xlsx
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import HealthConventionsCommon


@tagged("post_install", "-at_install")
class TestConventionsOverview(HealthConventionsCommon):
    """Notice deadlines, renewals, expiries, committees and indicators of the
    steering overview, and the indicators measured by the suite, on a
    convention built here (signed in March 2025 for one year, tacitly
    renewable with two months' notice)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.convention = cls._make_convention(
            tacit_renewal=True, notice_months=2, territory_id=cls.epci_a.id
        )
        cls.convention.with_context(date="2025-03-15").action_sign()
        cls.convention.with_context(date="2025-03-15").action_put_in_force()
        cls.deadline = cls.convention.notice_deadline

    def _figure(self, code, day, user=None):
        tile = self.env.ref(f"health_conventions.health_overview_tile_{code}")
        return tile.with_user(user or self.user_conventions)._health_figure(day)

    def _found(self, figure):
        return self.env[figure["res_model"]].search(figure["domain"])

    def test_notice_deadlines_and_alert(self):
        self.assertTrue(self.deadline)
        close = self.deadline - timedelta(days=20)
        far = self.deadline - timedelta(days=60)
        self.assertIn(self.convention, self._found(self._figure("notice_90", close)))
        self.assertIn(self.convention, self._found(self._figure("notice_90", far)))
        self.assertNotIn(
            self.convention,
            self._found(self._figure("notice_90", self.deadline - timedelta(days=100))),
        )
        alert = self._figure("notice_undecided", close)
        self.assertIn(self.convention, self._found(alert))
        self.assertTrue(alert["alert"])
        self.assertNotIn(self.convention, self._found(self._figure("notice_undecided", far)))
        # a decision recorded (the termination) clears the alert
        self.convention.termination_date = self.deadline
        self.assertNotIn(self.convention, self._found(self._figure("notice_undecided", close)))

    def test_expiries_and_renewals_of_the_year(self):
        end_year = self.convention.date_end.year
        day = date(end_year, 1, 15)
        self.assertIn(self.convention, self._found(self._figure("expiries_year", day)))
        self.assertNotIn(
            self.convention, self._found(self._figure("expiries_year", date(end_year + 1, 1, 15)))
        )
        before = self._figure("renewals_year", date(2031, 6, 1))["value"]
        renewal = self.env["health.convention.renewal"].create(
            {"convention_id": self.convention.id, "kind": "express", "date": date(2031, 3, 1)}
        )
        figure = self._figure("renewals_year", date(2031, 6, 1))
        self.assertEqual(figure["value"], before + 1)
        self.assertIn(renewal, self._found(figure))
        self.assertNotIn(renewal, self._found(self._figure("renewals_year", date(2031, 2, 1))))

    def test_committees_within_60_days(self):
        day = date(2031, 5, 1)
        before = self._figure("committees_due", day)["value"]
        committee = self.env["calendar.event"].create(
            {
                "name": "Comité de pilotage",
                "health_convention_id": self.convention.id,
                "start": datetime(2031, 6, 10, 8, 0),
                "stop": datetime(2031, 6, 10, 10, 0),
            }
        )
        figure = self._figure("committees_due", day)
        self.assertEqual(figure["value"], before + 1)
        self.assertIn(committee, self._found(figure))
        self.assertNotIn(committee, self._found(self._figure("committees_due", date(2031, 3, 1))))

    def _indicators(self):
        Indicator = self.env["health.convention.indicator"]
        behind, reached = Indicator.create(
            [
                {"convention_id": self.convention.id, "name": "Behind", "target": 5},
                {"convention_id": self.convention.id, "name": "Reached", "target": 5},
            ]
        )
        self.env["health.convention.indicator.value"].create(
            [
                {"indicator_id": behind.id, "year": 2025, "value": 3},
                {"indicator_id": reached.id, "year": 2025, "value": 6},
            ]
        )
        return behind, reached

    def test_indicators_behind_target(self):
        behind, reached = self._indicators()
        figure = self._figure("indicators_behind", date(2026, 2, 1))
        found = self._found(figure)
        self.assertIn(behind, found)
        self.assertNotIn(reached, found)
        self.assertGreaterEqual(figure["target"], 2)

    def _measure(self):
        measure = self.env["health.indicator.measure"].create(
            {"name": "Test measure", "code": "test_overview"}
        )
        epci = self.epci_a

        def values(self, territories, date_from, date_to):
            return {t.id: (10.0 if t == epci else 1.0) * date_from.year for t in territories}

        return measure, patch.object(
            type(self.env["health.indicator.measure"]),
            "_health_measure_test_overview",
            values,
            create=True,
        )

    def test_measured_indicator_fills_itself(self):
        measure, patched = self._measure()
        behind, manual = self._indicators()
        behind.measure_id = measure
        with patched:
            behind.with_context(date="2026-06-01").invalidate_recordset(["actual"])
            self.assertEqual(behind.with_context(date="2026-06-01").actual, 20260.0)
            self.assertEqual(manual.with_context(date="2025-06-01").actual, 6.0)
            (behind + manual)._health_fill_values(2026)
            value = behind.value_ids.filtered(lambda v: v.year == 2026)
            self.assertEqual(value.value, 20260.0)
            self.assertFalse(manual.value_ids.filtered(lambda v: v.year == 2026))
            # filled again: the year's row is updated, not duplicated
            self.convention.territory_id = self.epci_b
            behind._health_fill_values(2026)
            self.assertEqual(behind.value_ids.filtered(lambda v: v.year == 2026).value, 2026.0)
            # the scheduled action fills the previous and the current year
            self.env["health.convention.indicator"]._cron_fill_measured_values("2027-01-05")
            self.assertEqual(sorted(behind.value_ids.mapped("year")), [2025, 2026, 2027])

    def test_measure_as_a_conventions_user(self):
        """The officer of the conventions fills the values whatever his rights
        on the applications that measure them."""
        measure, patched = self._measure()
        indicator, __ = self._indicators()
        indicator.measure_id = measure
        with patched:
            indicator.with_user(self.user_conventions).with_context(
                date="2026-03-01"
            ).action_health_fill_values()
        self.assertEqual(indicator.value_ids.filtered(lambda v: v.year == 2026).value, 20260.0)

    # ------------------------------------------------------------ annual report

    def test_annual_report_attached_to_the_committee(self):
        measure, patched = self._measure()
        behind, reached = self._indicators()
        reached.measure_id = measure
        committee = self.env["calendar.event"].create(
            {
                "name": "Comité de pilotage 2026",
                "health_convention_id": self.convention.id,
                "start": datetime(2026, 3, 10, 8, 0),
                "stop": datetime(2026, 3, 10, 10, 0),
            }
        )
        with patched:
            committee.with_user(self.user_conventions).action_health_attach_annual_report()
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "calendar.event"), ("res_id", "=", committee.id)]
        )
        self.assertEqual(len(attachments), 2)
        self.assertIn("2025", committee.health_minutes)
        pdf = attachments.filtered(lambda a: a.mimetype == "application/pdf")
        xlsx = attachments - pdf
        # in tests Odoo renders the report's HTML instead of calling wkhtmltopdf
        body = pdf.raw.decode()
        self.assertIn("Rapport annuel", body)
        self.assertIn("Behind", body)
        sheets = read_xlsx(xlsx.raw)
        indicators = next(rows for name, rows in sheets.items() if "ndicat" in name)
        row = next(row for row in indicators if row and row[0] == "Behind")
        self.assertEqual(row[2:5], [5.0, 3.0, 0.6])
        row = next(row for row in indicators if row and row[0] == "Reached")
        # the measured indicator reports the measure of 2025 for its territory
        self.assertEqual(row[3], 20250.0)
        figures = next(rows for name, rows in sheets.items() if rows is not indicators)
        # the territory's figures of the year and of the year before
        territory_row = next(row for row in figures if row[1:2] == ["Test measure"])
        self.assertEqual(territory_row[0], self.epci_a.complete_name)
        self.assertEqual(territory_row[3:5], [20250.0, 20240.0])

    def test_committee_without_convention(self):
        meeting = self.env["calendar.event"].create(
            {
                "name": "Réunion",
                "start": datetime(2026, 3, 10, 8, 0),
                "stop": datetime(2026, 3, 10, 9, 0),
            }
        )
        with self.assertRaises(UserError):
            meeting.action_health_attach_annual_report()
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "calendar.event"), ("res_id", "=", meeting.id)]
            )
        )
