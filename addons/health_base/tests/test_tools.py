import hashlib
from datetime import date, datetime

from odoo.tests import TransactionCase, freeze_time, new_test_user, tagged

from .. import tools


@tagged("post_install", "-at_install")
class TestParams(TransactionCase):
    def setUp(self):
        super().setUp()
        self.set_param = self.env["ir.config_parameter"].sudo().set_param

    def test_int_param(self):
        key = "health_base.test_int"
        self.assertEqual(tools.get_int_param(self.env, key, 7), 7)
        self.set_param(key, " 12 ")
        self.assertEqual(tools.get_int_param(self.env, key, 7), 12)
        self.assertEqual(tools.get_int_param(self.env, key, 7, maximum=10), 10)
        self.set_param(key, "-3")
        self.assertEqual(tools.get_int_param(self.env, key, 7, minimum=0), 0)
        self.set_param(key, "twelve")
        self.assertEqual(tools.get_int_param(self.env, key, 7), 7)
        self.set_param(key, "1.5")
        self.assertEqual(tools.get_int_param(self.env, key, 7), 7)

    def test_float_param(self):
        key = "health_base.test_float"
        self.set_param(key, "2,5")
        self.assertEqual(tools.get_float_param(self.env, key, 1.0), 2.5)
        self.set_param(key, "abc")
        self.assertEqual(tools.get_float_param(self.env, key, 1.0), 1.0)

    def test_bool_param(self):
        key = "health_base.test_bool"
        self.assertTrue(tools.get_bool_param(self.env, key, True))
        for text, expected in (("1", True), ("Yes", True), ("false", False), ("off", False)):
            self.set_param(key, text)
            self.assertIs(tools.get_bool_param(self.env, key), expected, text)
        self.set_param(key, "maybe")
        self.assertTrue(tools.get_bool_param(self.env, key, True))

    def test_officer_reads_parameters_without_rights_on_them(self):
        officer = new_test_user(self.env, login="hb_param_reader", groups="base.group_user")
        self.set_param("health_base.test_int", "4")
        self.assertEqual(tools.get_int_param(self.env(user=officer), "health_base.test_int", 1), 4)


@tagged("post_install", "-at_install")
class TestSchedule(TransactionCase):
    def test_local_time_follows_daylight_saving(self):
        # 10:00 in Paris: 09:00 UTC in winter, 08:00 UTC in summer.
        self.assertEqual(tools.local_to_utc(date(2027, 1, 12), 10), datetime(2027, 1, 12, 9, 0))
        self.assertEqual(tools.local_to_utc(date(2027, 7, 12), 10), datetime(2027, 7, 12, 8, 0))
        self.assertEqual(
            tools.local_to_utc(date(2027, 7, 12), 10, 30, tz="Europe/London"),
            datetime(2027, 7, 12, 9, 30),
        )

    def test_public_holidays(self):
        holidays = tools.french_public_holidays(2027)
        self.assertEqual(len(holidays), 11)
        self.assertIn(date(2027, 3, 29), holidays)  # Easter Monday 2027
        self.assertIn(date(2027, 5, 6), holidays)  # Ascension 2027
        self.assertIn(date(2027, 5, 17), holidays)  # Whit Monday 2027
        self.assertIn(date(2027, 7, 14), holidays)

    def test_working_days(self):
        self.assertTrue(tools.is_working_day(date(2027, 1, 12)))  # a Tuesday
        self.assertFalse(tools.is_working_day(date(2027, 1, 16)))  # a Saturday
        self.assertFalse(tools.is_working_day(date(2027, 11, 11)))  # Armistice, a Thursday
        self.assertEqual(tools.next_working_day(date(2027, 1, 16)), date(2027, 1, 18))
        self.assertEqual(tools.next_working_day(date(2027, 1, 12)), date(2027, 1, 12))
        # Saturday 25 December 2027, Sunday, then Monday is a working day
        self.assertEqual(tools.next_working_day(date(2027, 12, 25)), date(2027, 12, 27))
        # Saturday 1 May 2027 → Monday 3 May
        self.assertEqual(tools.next_working_day(date(2027, 5, 1)), date(2027, 5, 3))


@tagged("post_install", "-at_install")
class TestRolesAndDates(TransactionCase):
    def test_role_constants_name_the_roles_of_the_data(self):
        Role = self.env["health.partner.role"]
        codes = [
            tools.ROLE_GP,
            tools.ROLE_MSU,
            tools.ROLE_INTERN,
            tools.ROLE_STUDENT,
            tools.ROLE_LOCUM,
            tools.ROLE_FOREIGN_DOCTOR,
        ]
        roles = Role.get_by_codes(codes)
        self.assertEqual(sorted(roles.mapped("code")), sorted(codes))
        intern = self.env.ref("health_base.role_intern")
        self.assertEqual(Role.get_by_code(tools.ROLE_INTERN), intern)
        self.assertFalse(Role.get_by_code("astronaut"))

    def test_candidate_types_are_roles(self):
        Role = self.env["health.partner.role"].with_context(active_test=False)
        codes = set(Role.search([]).mapped("code"))
        self.assertTrue({key for key, _label in tools.CANDIDATE_TYPES} <= codes)

    def test_reference_date(self):
        self.assertEqual(
            tools.reference_date(self.env(context={"date": "2031-02-03"})), date(2031, 2, 3)
        )
        with freeze_time("2029-08-09 12:00:00"):
            self.assertEqual(tools.reference_date(self.env), date(2029, 8, 9))
            self.assertEqual(tools.reference_date(self.env["res.partner"]), date(2029, 8, 9))


@tagged("post_install", "-at_install")
class TestKeyedHash(TransactionCase):
    def test_keyed_hash_counts_without_revealing(self):
        first = tools.keyed_hash(self.env, "192.0.2.10")
        self.assertEqual(first, tools.keyed_hash(self.env, "192.0.2.10"))
        self.assertNotEqual(first, tools.keyed_hash(self.env, "192.0.2.11"))
        # not the plain hash anyone could compute for every IPv4 address
        self.assertNotEqual(first, hashlib.sha256(b"192.0.2.10").hexdigest())
        # keyed by the database's secret: another database gives another hash
        self.env["ir.config_parameter"].sudo().set_param("database.secret", "another secret")
        self.assertNotEqual(first, tools.keyed_hash(self.env, "192.0.2.10"))
        self.assertEqual(len(tools.keyed_hash(self.env, None)), 64)
