from datetime import date, datetime, timedelta
from itertools import count
from unittest.mock import patch

from odoo.addons.health_base.tests.common import read_xlsx
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import HealthConventionsCommon

REPORT = "health_conventions.action_report_health_territory_annual"
MEASURE_NAME = "Conventions started (test)"
_codes = count(1)


def _conventions_started(self, territories, date_from, date_to):
    """A measure made of the test's data: conventions signed or in force
    that started in the period, by their territory (rolled up)."""
    groups = self.env["health.convention"]._read_group(
        [
            ("state", "in", ("signed", "in_force", "expired", "terminated")),
            ("date_start", ">=", date_from),
            ("date_start", "<=", date_to),
        ],
        ["territory_id"],
        ["__count"],
    )
    return self._health_roll_up(territories, groups)


@tagged("post_install", "-at_install")
class TestTerritoryAnnualReport(HealthConventionsCommon):
    """The annual report of a territory: every measure for the territory and
    the territories it contains (the year and the year before), and the
    indicators of the conventions of the territory, of its parts and of the
    territories that contain it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.measure = cls.env["health.indicator.measure"].create(
            {"name": MEASURE_NAME, "code": "test_territory_report", "unit": "conventions"}
        )
        cls.conv_commune = cls._in_force(cls.commune_a1, date(2025, 1, 1), title="Commune pact")
        cls.measured, cls.recorded = cls.env["health.convention.indicator"].create(
            [
                {
                    "convention_id": cls.conv_commune.id,
                    "name": "Started here",
                    "target": 4,
                    "measure_id": cls.measure.id,
                },
                {"convention_id": cls.conv_commune.id, "name": "Evenings held", "target": 2},
            ]
        )
        cls.env["health.convention.indicator.value"].create(
            [
                {"indicator_id": cls.recorded.id, "year": 2025, "value": 3},
                {"indicator_id": cls.recorded.id, "year": 2024, "value": 1},
            ]
        )
        # started the year before, still in force: previous-year column
        cls.conv_old = cls._in_force(
            cls.commune_a2, date(2024, 6, 1), duration_months=36, title="Older pact"
        )
        cls.conv_dept = cls._in_force(cls.dept, date(2025, 2, 1), title="Department pact")
        # not covering CC Alpha in 2025: a sibling, a draft, one ended in 2023
        cls.conv_sibling = cls._in_force(cls.epci_b, date(2025, 1, 1), title="Sibling pact")
        cls.conv_draft = cls._make_convention(
            territory_id=cls.commune_a1.id,
            effective_date_mode="fixed",
            date_start=date(2025, 1, 1),
            title="Draft pact",
        )
        cls.conv_ended = cls._in_force(cls.commune_a1, date(2023, 1, 1), title="Ended pact")

    @classmethod
    def _in_force(cls, territory, start, duration_months=12, **vals):
        signed = (start - timedelta(days=20), start - timedelta(days=10))
        return cls._make_convention(
            signed=signed,
            territory_id=territory.id,
            effective_date_mode="fixed",
            date_start=start,
            duration_months=duration_months,
            state="in_force",
            **vals,
        )

    def _patched(self):
        return patch.object(
            type(self.env["health.indicator.measure"]),
            "_health_measure_test_territory_report",
            _conventions_started,
            create=True,
        )

    def _sheets(self, territory, year=2025, user=None):
        with self._patched():
            content = territory.with_user(user or self.user_conventions)._health_annual_report_xlsx(
                year
            )
        sheets = read_xlsx(content)
        figures, conventions = sheets.values()
        return figures, conventions

    @staticmethod
    def _figure(rows, territory):
        return next(row[3:5] for row in rows if row[:2] == [territory.complete_name, MEASURE_NAME])

    # ------------------------------------------------------------ figures

    def test_figures_of_the_territory_and_its_parts(self):
        figures, conventions = self._sheets(self.epci_a)
        # the year and the year before, for the EPCI and each of its communes
        self.assertEqual(self._figure(figures, self.epci_a), [1.0, 1.0])
        self.assertEqual(self._figure(figures, self.commune_a1), [1.0, 0.0])
        self.assertEqual(self._figure(figures, self.commune_a2), [0.0, 1.0])
        names = {row[0] for row in figures[3:] if row}
        self.assertEqual(
            names,
            {t.complete_name for t in (self.epci_a, self.commune_a1, self.commune_a2)},
        )
        # the conventions of the territory, of its parts and of the département
        by_name = {}
        for row in conventions[3:]:
            if row:
                by_name.setdefault(row[0], []).append(row)
        self.assertEqual(
            set(by_name), {c.name for c in (self.conv_commune, self.conv_old, self.conv_dept)}
        )
        self.assertEqual(by_name[self.conv_dept.name][0][3], "wider territory")
        self.assertEqual(by_name[self.conv_commune.name][0][3], "part of the territory")
        measured, recorded = by_name[self.conv_commune.name]
        self.assertEqual(measured[4:], ["Started here", "", 4.0, 1.0, 0.25, "measured"])
        self.assertEqual(recorded[4:], ["Evenings held", "", 2.0, 3.0, 1.5, "recorded"])

    def test_figures_follow_the_data(self):
        self._in_force(self.commune_a1, date(2025, 9, 1), title="Second commune pact")
        figures, conventions = self._sheets(self.epci_a)
        self.assertEqual(self._figure(figures, self.epci_a), [2.0, 1.0])
        self.assertEqual(self._figure(figures, self.commune_a1), [2.0, 0.0])
        row = next(row for row in conventions if row and row[4:5] == ["Started here"])
        self.assertEqual(row[6:9], [4.0, 2.0, 0.5])
        # the previous year's report: its own figures and the conventions of 2024
        figures, conventions = self._sheets(self.epci_a, year=2024)
        # 2024: the older pact; 2023: the pact that ended that year
        self.assertEqual(self._figure(figures, self.epci_a), [1.0, 1.0])
        self.assertEqual({row[0] for row in conventions[3:] if row}, {self.conv_old.name})

    def test_the_own_convention_of_a_commune(self):
        __, conventions = self._sheets(self.commune_a1)
        scopes = {row[0]: row[3] for row in conventions[3:] if row}
        self.assertEqual(scopes[self.conv_commune.name], "this territory")
        self.assertEqual(scopes[self.conv_dept.name], "wider territory")
        self.assertNotIn(self.conv_old.name, scopes)

    def test_report_in_french(self):
        with self._patched():
            html, __ = (
                self.env["ir.actions.report"]
                .with_user(self.user_conventions)
                ._render_qweb_html(REPORT, self.epci_a.ids, data={"year": 2025})
            )
        html = html.decode()
        for text in (
            "CC Alpha",
            "Alpha-le-Haut",
            "Alpha-le-Bas",
            MEASURE_NAME,
            self.conv_commune.name,
            "Department pact",
            "Started here",
            "2024",
        ):
            self.assertIn(text, html)
        for text in ("Sibling pact", "Draft pact", "Ended pact"):
            self.assertNotIn(text, html)
        if self.env["res.lang"]._lang_get("fr_FR"):
            self.assertIn("Rapport annuel", html)
            self.assertIn("Conventions du territoire", html)

    # ------------------------------------------------------------ committee

    def _committee(self, **vals):
        return self.env["calendar.event"].create(
            {
                "name": "Comité territorial",
                "start": datetime(2026, 3, 10, 8, 0),
                "stop": datetime(2026, 3, 10, 10, 0),
                **vals,
            }
        )

    def _attachments(self, committee):
        return self.env["ir.attachment"].search(
            [("res_model", "=", "calendar.event"), ("res_id", "=", committee.id)]
        )

    def test_attached_to_the_committee_in_one_click(self):
        committee = self._committee(health_territory_id=self.epci_a.id)
        with self._patched():
            committee.with_user(self.user_conventions).action_health_attach_annual_report()
        attachments = self._attachments(committee)
        self.assertEqual(len(attachments), 2)
        self.assertIn("2025", committee.health_minutes)
        pdf = attachments.filtered(lambda a: a.mimetype == "application/pdf")
        # in tests Odoo renders the report's HTML instead of calling wkhtmltopdf
        self.assertIn("Alpha-le-Haut", pdf.raw.decode())
        sheets = read_xlsx((attachments - pdf).raw)
        figures = next(iter(sheets.values()))
        self.assertEqual(self._figure(figures, self.epci_a), [1.0, 1.0])

    def test_wizard_attaches_to_a_meeting(self):
        meeting = self._committee()
        wizard_action = self.epci_a.with_user(self.user_conventions).action_health_annual_report()
        self.assertEqual(wizard_action["res_model"], "health.territory.annual.report")
        form = Form(
            self.env["health.territory.annual.report"]
            .with_user(self.user_conventions)
            .with_context(wizard_action["context"], date="2026-01-15")
        )
        self.assertEqual(form.year, 2025)
        form.committee_id = meeting
        self.assertEqual(form.year, 2025)
        wizard = form.save()
        with self._patched():
            action = wizard.action_attach()
        self.assertEqual(action["res_id"], meeting.id)
        self.assertEqual(len(self._attachments(meeting)), 2)
        self.assertEqual(meeting.health_territory_id, self.epci_a)
        self.assertIn("annual-report-CC Alpha-2025.pdf", meeting.health_minutes)
        # printing and downloading from the wizard
        self.assertEqual(wizard.action_print()["data"], {"year": 2025})
        with self._patched():
            self.assertEqual(wizard.action_download_xlsx()["type"], "ir.actions.act_url")

    def test_steered_territory_is_checked(self):
        committee = self._committee()
        for value in (999999999, "CC Alpha", -1):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                committee.with_user(self.user_conventions).write({"health_territory_id": value})
        self.assertFalse(committee.health_territory_id)

    def test_wizard_needs_a_meeting_to_attach(self):
        wizard = (
            self.env["health.territory.annual.report"]
            .with_user(self.user_conventions)
            .create({"territory_id": self.epci_a.id, "year": 2025})
        )
        with self.assertRaises(UserError):
            wizard.action_attach()

    def test_wizard_refuses_a_wrong_year(self):
        Wizard = self.env["health.territory.annual.report"].with_user(self.user_conventions)
        before = Wizard.search_count([])
        for year in ("2025a", 1850, "31/12/2025"):
            with self.subTest(year=year), self.assertRaises(ValidationError):
                Wizard.create({"territory_id": self.epci_a.id, "year": year})
        self.assertEqual(Wizard.search_count([]), before)

    # ------------------------------------------------------------ access

    def test_only_conventions_users_print_it(self):
        committee = self._committee(health_territory_id=self.epci_a.id)
        user = self.user_officer
        territory = self.epci_a.with_user(user)
        with self._patched():
            with self.assertRaises(AccessError):
                self.env["ir.actions.report"].with_user(user)._render_qweb_html(
                    REPORT, territory.ids, data={"year": 2025}
                )
            with self.assertRaises(AccessError):
                territory._health_annual_report_xlsx(2025)
            with self.assertRaises(AccessError):
                territory.action_health_annual_report()
            with self.assertRaises(AccessError):
                self.env["health.territory.annual.report"].with_user(user).create(
                    {"territory_id": territory.id, "year": 2025}
                )
            with self.assertRaises(AccessError):
                committee.with_user(user).action_health_attach_annual_report()
        self.assertFalse(self._attachments(committee))
        self.assertFalse(committee.health_minutes)
        # the report is offered in the print menu of the conventions' users only
        report = self.env.ref(REPORT)
        self.assertEqual(report.groups_id, self.env.ref("health_conventions.group_convention_user"))

    # ------------------------------------------------------------ batch

    def test_query_count_does_not_grow_with_the_territory(self):
        """As many queries for 5 communes and 5 conventions as for 15."""

        def run(epci):
            epci.env["ir.actions.report"]._render_qweb_html(REPORT, epci.ids, data={"year": 2025})
            epci._health_annual_report_xlsx(2025)

        with self._patched():
            self.assertQueryCountSame(self._prepare_batch, run)

    def test_convention_reports_in_one_batch(self):
        """The annual reports of 5 conventions take as many queries as those
        of 15: indicators and measures are computed once for the batch."""

        def prepare(size):
            epci = self._prepare_batch(size)
            return (
                self.env["health.convention"]
                .search([("territory_id", "child_of", epci.id)])
                .with_user(self.user_conventions)
            )

        def run(conventions):
            conventions.env["ir.actions.report"]._render_qweb_html(
                "health_conventions.action_report_health_convention_annual",
                conventions.ids,
                data={"year": 2025},
            )

        with self._patched():
            self.assertQueryCountSame(prepare, run)

    def _prepare_batch(self, size):
        """A new EPCI of ``size`` communes, each with a convention in force in
        2025 that has a measured and a recorded indicator."""
        seq = next(_codes)
        epci = self.env["health.territory"].create(
            {
                "name": f"CC Batch {seq}",
                "territory_type": "epci",
                "code": f"29{seq:07d}",
                "parent_id": self.dept.id,
            }
        )
        communes = self.env["health.territory"].create(
            [
                {
                    "name": f"Batch {seq}-{i}",
                    "territory_type": "commune",
                    "code": f"9{seq:02d}{i:02d}",
                    "parent_id": epci.id,
                }
                for i in range(size)
            ]
        )
        conventions = self.env["health.convention"].create(
            [
                {
                    "title": f"Batch pact {i}",
                    "territory_id": commune.id,
                    "effective_date_mode": "fixed",
                    "date_start": date(2025, 1, 1),
                    "duration_months": 12,
                    "transmission_required": False,
                    "state": "in_force",
                }
                for i, commune in enumerate(communes)
            ]
        )
        indicators = self.env["health.convention.indicator"].create(
            [
                vals
                for convention in conventions
                for vals in (
                    {
                        "convention_id": convention.id,
                        "name": "Measured",
                        "target": 1,
                        "measure_id": self.measure.id,
                    },
                    {"convention_id": convention.id, "name": "Recorded", "target": 1},
                )
            ]
        )
        self.env["health.convention.indicator.value"].create(
            [
                {"indicator_id": indicator.id, "year": 2025, "value": 1}
                for indicator in indicators.filtered(lambda i: not i.measure_id)
            ]
        )
        return epci.with_user(self.user_conventions)
