from xmlrpc.client import Fault

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, get_db_name, new_test_user, tagged
from odoo.tools import mute_logger

from .common import HealthBaseCommon

MISSING_ID = 999_999_999


@tagged("post_install", "-at_install")
class TestInputChecks(HealthBaseCommon):
    """Badly typed values are refused with a sentence, and nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Semester = cls.env["health.internship.semester"].with_user(cls.user_manager)
        cls.Territory = cls.env["health.territory"].with_user(cls.user_manager)
        cls.Partner = cls.env["res.partner"].with_user(cls.user_officer)

    def assertRefused(self, model, vals, message, domain):
        """``vals`` raise a ValidationError matching ``message`` and no
        record of ``domain`` appears."""
        before = model.sudo().with_context(active_test=False).search_count(domain)
        with self.assertRaisesRegex(ValidationError, message):
            model.create(vals)
        self.assertEqual(model.sudo().with_context(active_test=False).search_count(domain), before)

    def test_unknown_season_is_refused_before_computing_dates(self):
        # Used to fail with KeyError: 'summer' in _season_start_date.
        self.assertRefused(
            self.Semester,
            {"year": 2031, "season": "summer"},
            r"Season \(season\): 'summer' is not one of the allowed values \(november, may\)",
            [("year", "=", 2031)],
        )

    def test_text_in_a_number_field(self):
        self.assertRefused(
            self.Semester,
            {"year": "two thousand", "season": "may"},
            r"Year \(year\): 'two thousand' is not a whole number",
            [("season", "=", "may"), ("year", "=", 0)],
        )
        # digits sent as text are what Odoo itself accepts
        semester = self.Semester.create({"year": "2032", "season": "may"})
        self.assertEqual(semester.year, 2032)

    def test_date_written_the_french_way(self):
        self.assertRefused(
            self.Semester,
            {"year": 2033, "season": "may", "date_start": "31/12/2026"},
            r"Start \(date_start\): '31/12/2026' is not a date; write it as YYYY-MM-DD",
            [("year", "=", 2033)],
        )

    def test_many2one_to_a_missing_record(self):
        self.assertRefused(
            self.Territory,
            {
                "name": "Orpheline",
                "territory_type": "commune",
                "code": "2A099",
                "parent_id": MISSING_ID,
            },
            rf"Part of \(parent_id\): there is no Territory with the id {MISSING_ID}",
            [("name", "=", "Orpheline")],
        )
        with self.assertRaisesRegex(ValidationError, "is not the id of a record"):
            self.Territory.create(
                {"name": "Texte", "territory_type": "commune", "parent_id": "CC Alpha"}
            )

    def test_unknown_field_is_named(self):
        with self.assertRaisesRegex(ValidationError, "has no field colour"):
            self.Territory.create({"name": "Bleue", "territory_type": "epci", "colour": 3})

    def test_write_checks_too_and_changes_nothing(self):
        with self.assertRaisesRegex(ValidationError, "is not a whole number"):
            self.commune_a1.with_user(self.user_manager).write(
                {"name": "Renamed", "population": "x"}
            )
        self.assertEqual(self.commune_a1.name, "Alpha-le-Haut")

    def test_contact_name_length_is_limited(self):
        self.assertRefused(
            self.Partner,
            {"name": "A" * 10_000},
            r"Name \(name\) is too long: 10000 characters, at most 256",
            [("name", "=like", "AAAA%")],
        )

    def test_odoo_fields_of_contacts_keep_odoo_behaviour(self):
        """Only the fields the suite owns (and the name) are checked on a contact."""
        partner = self.Partner.create({"name": "Long Notes", "comment": "x" * 200_000})
        self.assertEqual(len(partner.comment), 200_000 + len("<p></p>"))

    def test_checked_fields_add_up_across_extensions(self):
        """A suite model checks every field; an extended Odoo model checks the
        union of the fields each addon declares, never only the last one's."""
        self.assertIsNone(self.env["health.territory"]._health_get_checked_fields())
        checked = self.env["res.partner"]._health_get_checked_fields()
        self.assertLessEqual({"name", "health_rpps", "health_territory_id"}, checked)
        declared = [
            cls.__dict__["_health_checked_fields"]
            for cls in type(self.env["res.partner"]).__mro__
            if cls.__dict__.get("_health_checked_fields")
        ]
        self.assertEqual(checked, set().union(*declared))

    def test_batch_with_one_bad_value_creates_nothing(self):
        self.assertRefused(
            self.Territory,
            [
                {"name": "Bonne", "territory_type": "commune", "code": "2A097"},
                {"name": "Mauvaise", "territory_type": "commune", "zoning": "red"},
            ],
            r"'red' is not one of the allowed values",
            [("name", "in", ["Bonne", "Mauvaise"])],
        )

    def test_missing_references_cost_one_query_per_model(self):
        """The existence of many2one ids is checked in one query per
        comodel, whatever the number of records."""

        def vals(count, offset):
            return [
                {
                    "name": f"Commune {offset + i}",
                    "territory_type": "commune",
                    "parent_id": self.epci_a.id,
                }
                for i in range(count)
            ]

        Territory = self.env["health.territory"]
        Territory._health_check_values(vals(1, 0))  # warm the caches
        with self.assertQueryCount(1):
            Territory._health_check_values(vals(5, 100))
        with self.assertQueryCount(1):
            Territory._health_check_values(vals(15, 200))

    def test_import_reports_the_message_and_creates_nothing(self):
        result = self.Partner.load(["name"], [["Short Name"], ["C" * 300]])
        self.assertFalse(result["ids"])
        self.assertIn("is too long: 300 characters", result["messages"][0]["message"])
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Short Name")]))

    def test_health_contact_email_and_phone(self):
        with self.assertRaisesRegex(ValidationError, "e-mail address dr.example.fr .* not valid"):
            self.Partner.create(
                {"name": "Dr Mail", "email": "dr.example.fr", "health_role_ids": self.role_gp.ids}
            )
        with self.assertRaisesRegex(ValidationError, "phone number call me .* not valid"):
            self.Partner.create(
                {"name": "Dr Phone", "phone": "call me", "health_role_ids": self.role_gp.ids}
            )
        doctor = self.Partner.create(
            {
                "name": "Dr Fine",
                "email": "dr.fine@example.fr",
                "phone": "+33 5 49 00 00 00",
                "mobile": "06.12.34.56.78",
                "health_role_ids": self.role_gp.ids,
            }
        )
        self.assertEqual(doctor.mobile, "06.12.34.56.78")
        # giving a role to a contact with a broken address is refused too
        other = self.Partner.create({"name": "Plain", "email": "not an address"})
        with self.assertRaisesRegex(ValidationError, "not an address"), self.env.cr.savepoint():
            other.health_role_ids = self.role_intern
        other.invalidate_recordset()
        self.assertFalse(other.health_role_ids)


@tagged("post_install", "-at_install")
class TestInputChecksXmlRpc(HttpCase):
    """The same refusals over XML-RPC: a fault with the sentence, nothing written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="hb_rpc_officer",
            groups="base.group_user,health_base.group_health_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="hb_rpc_manager",
            groups="base.group_user,health_base.group_health_manager",
        )

    def _call(self, user, model, method, *args):
        return self.xmlrpc_object.execute(get_db_name(), user.id, user.login, model, method, *args)

    @mute_logger("odoo.http")
    def test_bad_values_over_xmlrpc(self):
        cases = [
            (
                self.manager,
                "health.internship.semester",
                {"year": 2036, "season": "summer"},
                "is not one of the allowed values",
            ),
            (
                self.manager,
                "health.internship.semester",
                {"year": "abc", "season": "may"},
                "is not a whole number",
            ),
            (
                self.manager,
                "health.internship.semester",
                {"year": 2036, "season": "may", "date_end": "31/12/2026"},
                "write it as YYYY-MM-DD",
            ),
            (
                self.manager,
                "health.territory",
                {"name": "RPC orpheline", "territory_type": "epci", "parent_id": MISSING_ID},
                "there is no Territory with the id",
            ),
            (self.officer, "res.partner", {"name": "B" * 10_000}, "is too long"),
        ]
        for user, model, vals, message in cases:
            with self.subTest(model=model, vals=str(vals)[:60]):
                with self.assertRaises(Fault) as caught:
                    self._call(user, model, "create", vals)
                self.assertIn(message, caught.exception.faultString)
                self.assertNotIn("Traceback", caught.exception.faultString.split("\n")[0])
        self.assertFalse(self.env["health.internship.semester"].search_count([("year", "=", 2036)]))
        self.assertFalse(
            self.env["health.territory"].search_count([("name", "=", "RPC orpheline")])
        )
        self.assertFalse(self.env["res.partner"].search_count([("name", "=like", "BBBB%")]))
