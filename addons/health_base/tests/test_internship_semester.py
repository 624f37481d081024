from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import HealthBaseCommon


@tagged("post_install", "-at_install")
class TestInternshipSemester(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Semester = cls.env["health.internship.semester"]
        # start from an empty table: demo semesters must not influence results
        cls.Semester.with_context(active_test=False).search([]).unlink()

    def test_dates_from_year_and_season(self):
        november, may = self.Semester.create(
            [{"year": 2031, "season": "november"}, {"year": 2032, "season": "may"}]
        )
        self.assertEqual(november.date_start, date(2031, 11, 2))
        self.assertEqual(november.date_end, date(2032, 5, 1))  # across the year end
        self.assertEqual(november.code, "2031-11")
        self.assertEqual(november.academic_year, "2031-2032")
        self.assertEqual(may.date_start, date(2032, 5, 2))
        self.assertEqual(may.date_end, date(2032, 11, 1))
        self.assertEqual(may.academic_year, "2031-2032")

    def test_dates_follow_a_change_of_year(self):
        semester = self.Semester.create({"year": 2030, "season": "may"})
        semester.write({"year": 2033})
        self.assertEqual(semester.date_start, date(2033, 5, 2))

    def test_dates_can_be_adjusted_by_hand(self):
        semester = self.Semester.create(
            {"year": 2030, "season": "november", "date_start": date(2030, 11, 4)}
        )
        self.assertEqual(semester.date_start, date(2030, 11, 4))
        self.assertEqual(semester.date_end, date(2031, 5, 1))

    def test_key_for_date_across_year_ends(self):
        key = self.Semester.get_key_for_date
        self.assertEqual(key(date(2026, 1, 15)), (2025, "november"))
        self.assertEqual(key(date(2026, 5, 1)), (2025, "november"))
        self.assertEqual(key(date(2026, 5, 2)), (2026, "may"))
        self.assertEqual(key(date(2026, 11, 1)), (2026, "may"))
        self.assertEqual(key(date(2026, 11, 2)), (2026, "november"))
        self.assertEqual(key(date(2026, 12, 31)), (2026, "november"))
        self.assertEqual(key(date(2028, 2, 29)), (2027, "november"))

    def test_current_semester(self):
        nov_2025, may_2026 = self.Semester.create(
            [{"year": 2025, "season": "november"}, {"year": 2026, "season": "may"}]
        )
        with freeze_time("2026-01-10"):
            self.assertEqual(self.Semester.get_for_date(), nov_2025)
            self.assertTrue(nov_2025.is_current)
            self.assertFalse(may_2026.is_current)
            self.assertEqual(self.Semester.search([("is_current", "=", True)]), nov_2025)
            self.assertEqual(self.Semester.search([("is_current", "!=", True)]), may_2026)
        dated = self.Semester.with_context(date="2026-06-01")
        self.assertEqual(dated.get_for_date(), may_2026)
        self.assertEqual(dated.search([("is_current", "=", True)]), may_2026)
        self.assertEqual(dated.search([("is_current", "=", False)]), nov_2025)

    def test_unique_and_bad_input(self):
        self.Semester.create({"year": 2030, "season": "may"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.Semester.create({"year": 2030, "season": "may"})
        with self.assertRaisesRegex(ValidationError, "between 2000 and 2100"):
            self.Semester.create({"year": 1850, "season": "may"})
        with self.assertRaises(ValidationError):
            self.Semester.search([("is_current", "in", [True])])

    def test_display_name_is_translated(self):
        semester = self.Semester.create({"year": 2030, "season": "november"})
        self.assertEqual(semester.display_name, "November 2030 semester")
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["health_base"], ["fr_FR"])
        self.assertEqual(
            semester.with_context(lang="fr_FR").display_name, "Semestre de novembre 2030"
        )

    def test_name_search_in_words(self):
        nov_2025, may_2026, may_2025 = self.Semester.create(
            [
                {"year": 2025, "season": "november"},
                {"year": 2026, "season": "may"},
                {"year": 2025, "season": "may"},
            ]
        )

        def found(text):
            return self.Semester.browse([sid for sid, _name in self.Semester.name_search(text)])

        self.assertEqual(found("novembre 2025"), nov_2025)
        self.assertEqual(found("May 2026"), may_2026)
        self.assertEqual(found("mai"), may_2026 | may_2025)
        self.assertEqual(found("2025-11"), nov_2025)
        self.assertEqual(found("2025"), nov_2025 | may_2025)
        self.assertFalse(found("2031"))

    def test_cron_creates_the_next_semesters_once(self):
        with freeze_time("2026-12-15"):
            created = self.Semester._cron_create_upcoming_semesters()
            self.assertEqual(created.mapped("code"), ["2026-11", "2027-05", "2027-11"])
            self.assertFalse(self.Semester._cron_create_upcoming_semesters())
        with freeze_time("2027-05-03"):
            created = self.Semester._cron_create_upcoming_semesters()
            self.assertEqual(created.mapped("code"), ["2028-05"])

    def test_cron_respects_the_lookahead_parameter(self):
        self.env["ir.config_parameter"].set_param("health_base.semester_lookahead", "4")
        created = self.Semester._cron_create_upcoming_semesters(day=date(2026, 1, 5))
        self.assertEqual(
            sorted(created.mapped("code")),
            ["2025-11", "2026-05", "2026-11", "2027-05", "2027-11"],
        )
        self.env["ir.config_parameter"].set_param("health_base.semester_lookahead", "oops")
        self.assertEqual(self.Semester._get_lookahead(), 2)

    def test_cron_keeps_archived_semesters_archived(self):
        archived = self.Semester.create({"year": 2026, "season": "may", "active": False})
        created = self.Semester._cron_create_upcoming_semesters(day=date(2026, 6, 1))
        self.assertNotIn("2026-05", created.mapped("code"))
        self.assertFalse(archived.active)

    def test_scheduled_action_runs(self):
        cron = self.env.ref("health_base.ir_cron_create_upcoming_semesters")
        with freeze_time("2030-03-01"):
            cron.method_direct_trigger()
        self.assertEqual(
            self.Semester.search([("year", ">=", 2029)]).mapped("code"),
            ["2030-11", "2030-05", "2029-11"],
        )


@tagged("post_install", "-at_install")
class TestSemesterApi(HealthBaseCommon):
    """The public look-ups other addons use."""

    def test_get_for_date_and_next_without_creating(self):
        Semester = self.env["health.internship.semester"].with_context(active_test=False)
        Semester.search([("year", ">=", 2040)]).unlink()
        self.assertFalse(Semester.get_for_date(date(2041, 1, 10)))
        self.assertFalse(Semester.get_next(date(2041, 1, 10)))
        self.assertFalse(Semester.search([("year", ">=", 2040)]), "nothing created")

    def test_officer_gets_missing_semesters_created(self):
        Semester = self.env["health.internship.semester"]
        Semester.with_context(active_test=False).search([("year", ">=", 2040)]).unlink()
        officer_semesters = Semester.with_user(self.user_officer)
        current = officer_semesters.get_for_date(date(2041, 1, 10), create=True)
        self.assertEqual(current.code, "2040-11")
        self.assertEqual(current.env.uid, self.user_officer.id, "returned in the caller's env")
        following = officer_semesters.get_next(date(2041, 1, 10), create=True)
        self.assertEqual(following.code, "2041-05")
        self.assertEqual(following.date_start, date(2041, 5, 2))
        # asked again: the same records, none created twice
        self.assertEqual(officer_semesters.get_next(date(2041, 1, 10), create=True), following)
        self.assertEqual(Semester.search_count([("year", ">=", 2040)]), 2)

    def test_get_next_finds_archived_semester(self):
        Semester = self.env["health.internship.semester"]
        Semester.with_context(active_test=False).search([("year", "=", 2042)]).unlink()
        archived = Semester.create({"year": 2042, "season": "may", "active": False})
        self.assertEqual(Semester.get_next(date(2042, 1, 5), create=True), archived)

    def test_reference_date_from_context(self):
        Semester = self.env["health.internship.semester"]
        nov = Semester.get_for_date(date(2043, 12, 1), create=True)
        self.assertEqual(Semester.with_context(date="2043-12-01").get_for_date(), nov)
