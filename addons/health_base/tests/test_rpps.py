from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import HealthBaseCommon, make_rpps

VALID = make_rpps(1)
VALID_2 = make_rpps(2)


@tagged("post_install", "-at_install")
class TestRpps(HealthBaseCommon):
    def test_valid_number_is_kept_and_normalised(self):
        partner = self.env["res.partner"].create(
            {"name": "Dr Valid", "health_rpps": f" {VALID[:4]} {VALID[4:8]} {VALID[8:]} "}
        )
        self.assertEqual(partner.health_rpps, VALID)
        partner.health_rpps = f"{VALID_2[:6]} {VALID_2[6:]}"
        self.assertEqual(partner.health_rpps, VALID_2)

    def test_wrong_length_says_eleven_digits(self):
        with self.assertRaisesRegex(ValidationError, "exactly 11 digits"):
            self.env["res.partner"].create({"name": "Dr Short", "health_rpps": VALID[:10]})
        with self.assertRaisesRegex(ValidationError, "exactly 11 digits"):
            self.env["res.partner"].create({"name": "Dr Long", "health_rpps": VALID + "0"})

    def test_letters_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "exactly 11 digits"):
            self.env["res.partner"].create({"name": "Dr Typo", "health_rpps": VALID[:10] + "O"})

    def test_wrong_check_digit_names_the_expected_one(self):
        wrong = VALID[:10] + str((int(VALID[10]) + 1) % 10)
        with self.assertRaisesRegex(ValidationError, rf"check digit\) should be {VALID[10]}"):
            self.env["res.partner"].create({"name": "Dr Wrong", "health_rpps": wrong})

    def test_unique_names_the_holder(self):
        self.env["res.partner"].create({"name": "Dr First", "health_rpps": VALID})
        with self.assertRaisesRegex(ValidationError, "already used by .*Dr First"):
            self.env["res.partner"].create({"name": "Dr Second", "health_rpps": VALID})

    def test_unique_against_archived_partner(self):
        self.env["res.partner"].create(
            {"name": "Dr Archived", "health_rpps": VALID, "active": False}
        )
        with self.assertRaisesRegex(ValidationError, "Dr Archived"):
            self.env["res.partner"].create({"name": "Dr New", "health_rpps": VALID})

    def test_batch_with_duplicate_creates_nothing(self):
        Partner = self.env["res.partner"]
        before = Partner.search_count([("name", "like", "Dr Batch")])
        with self.assertRaisesRegex(ValidationError, "several contacts at once"):
            Partner.create(
                [
                    {"name": "Dr Batch 1", "health_rpps": VALID},
                    {"name": "Dr Batch 2", "health_rpps": VALID},
                ]
            )
        self.assertEqual(Partner.search_count([("name", "like", "Dr Batch")]), before)

    def test_write_to_a_used_number_is_refused(self):
        self.env["res.partner"].create({"name": "Dr Holder", "health_rpps": VALID})
        other = self.env["res.partner"].create({"name": "Dr Other", "health_rpps": VALID_2})
        with self.assertRaisesRegex(ValidationError, "already used by Dr Holder"):
            other.write({"health_rpps": VALID})
        pair = self.env["res.partner"].create([{"name": "Dr P1"}, {"name": "Dr P2"}])
        with self.assertRaisesRegex(ValidationError, "several contacts at once"):
            pair.write({"health_rpps": make_rpps(3)})
        # writing the same number again on its holder is fine
        other.write({"health_rpps": VALID_2})

    def test_database_refuses_duplicates_too(self):
        """The SQL constraint backs the Python check (e.g. concurrent imports)."""
        first = self.env["res.partner"].create({"name": "Dr SQL 1", "health_rpps": VALID})
        second = self.env["res.partner"].create({"name": "Dr SQL 2"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute(
                "UPDATE res_partner SET health_rpps = %s WHERE id = %s",
                (first.health_rpps, second.id),
            )

    def test_error_is_translated(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["health_base"], ["fr_FR"])
        partner_fr = self.env["res.partner"].with_context(lang="fr_FR")
        with self.assertRaisesRegex(ValidationError, "11 chiffres"):
            partner_fr.create({"name": "Dr FR", "health_rpps": "123"})

    def test_import_reports_the_bad_line_and_creates_nothing(self):
        Partner = self.env["res.partner"]
        result = Partner.load(
            ["name", "health_rpps"],
            [["Dr Import OK", make_rpps(20)], ["Dr Import KO", "1234"]],
        )
        self.assertFalse(result["ids"])
        self.assertTrue(
            any("exactly 11 digits" in message["message"] for message in result["messages"])
        )
        self.assertFalse(Partner.search([("name", "like", "Dr Import")]))

    def test_rpps_checks_cost_the_same_for_one_or_many(self):
        """The uniqueness check runs once per batch, not once per partner."""
        Partner = self.env["res.partner"]

        def check_queries(count, offset):
            numbers = [make_rpps(offset + i) for i in range(count)]
            before = self.cr.sql_log_count
            Partner.browse()._health_check_rpps_free(numbers)
            return self.cr.sql_log_count - before

        self.assertEqual(check_queries(1, 100), 1)
        self.assertEqual(check_queries(200, 200), 1)
