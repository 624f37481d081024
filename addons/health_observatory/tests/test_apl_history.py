from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import ObservatoryCommon
from .test_import_open_data import apl_workbook, drees_rows


def edition(values_by_year):
    """A DREES workbook with a sheet per year: ``{year: [(code, value)]}``."""
    return apl_workbook(
        {f"APL {year}": drees_rows(values) for year, values in values_by_year.items()}
    )


EDITION_2023 = {
    2021: [("2A001", 3.5), ("2A002", 2.0)],
    2022: [("2A001", 3.0), ("2A002", 2.1)],
    2023: [("2A001", 2.5), ("2A002", 2.2), ("2A003", 4.0)],
}


@tagged("post_install", "-at_install")
class TestAplHistory(ObservatoryCommon):
    def history(self, commune):
        rows = self.env["health.observatory.apl"].search([("territory_id", "=", commune.id)])
        return {row.year: row.value for row in rows}

    def test_every_year_is_kept_and_the_latest_is_current(self):
        summary = self.import_file("apl", edition(EDITION_2023), "apl.xlsx")
        self.assertIn("APL 2021, 2022, 2023 of 3 communes", summary)
        self.assertIn("7 values added, 0 changed", summary)
        self.assertEqual(self.history(self.commune_a1), {2021: 3.5, 2022: 3.0, 2023: 2.5})
        self.assertEqual(self.history(self.commune_b1), {2023: 4.0})
        self.assertEqual((self.commune_a1.health_apl, self.commune_a1.health_apl_year), (2.5, 2023))
        # the indicators read the current APL (latest year)
        self.env["health.observatory.indicator"]._refresh(date(2027, 3, 1))
        indicator = self.env["health.observatory.indicator"].search(
            [("territory_id", "=", self.commune_a1.id)]
        )
        self.assertEqual(indicator.apl, 2.5)
        self.assertEqual(
            self.commune_a1.health_apl_ids.mapped("year"), [2023, 2022, 2021], "latest first"
        )

    def test_reimport_changes_nothing(self):
        self.import_file("apl", edition(EDITION_2023), "apl.xlsx")
        Apl = self.env["health.observatory.apl"]
        self.env.flush_all()
        rows = Apl.search([])
        stamps = {row.id: row.write_date for row in rows}
        summary = self.import_file("apl", edition(EDITION_2023), "apl.xlsx")
        self.assertIn("0 values added, 0 changed", summary)
        self.assertEqual(Apl.search([]), rows)
        self.assertEqual({row.id: row.write_date for row in rows}, stamps)

    def test_newer_edition_corrects_and_adds_years(self):
        self.import_file("apl", edition(EDITION_2023), "apl.xlsx")
        newer = edition(
            {
                2022: [("2A001", 3.1), ("2A002", 2.1)],
                2023: [("2A001", 2.5), ("2A002", 2.2), ("2A003", 4.0)],
                2024: [("2A001", 2.2), ("2A003", 3.9)],
            }
        )
        summary = self.import_file("apl", newer, "apl_2024.xlsx")
        self.assertIn("2 values added, 1 changed", summary)
        # 2021 is no longer published: it stays in the history
        self.assertEqual(
            self.history(self.commune_a1), {2021: 3.5, 2022: 3.1, 2023: 2.5, 2024: 2.2}
        )
        self.assertEqual((self.commune_a1.health_apl, self.commune_a1.health_apl_year), (2.2, 2024))
        # a commune missing from the newest year keeps its latest known APL
        self.assertEqual((self.commune_a2.health_apl, self.commune_a2.health_apl_year), (2.2, 2023))

    def test_csv_with_a_column_per_year(self):
        text = (
            "code_commune,nom_commune,apl_mg_2022,apl_mg_moins_65_ans_2022,apl_mg_2023\n"
            "2A001,A,3.0,2.0,2.5\n2A002,B,,1.0,1.8\n"
        )
        self.import_file("apl", self.csv_file(text), "apl.csv")
        self.assertEqual(self.history(self.commune_a1), {2022: 3.0, 2023: 2.5})
        self.assertEqual(self.history(self.commune_a2), {2023: 1.8})

    def test_malformed_year_writes_nothing(self):
        count = self.env["health.observatory.apl"].search_count([])
        bad = edition({2022: [("2A001", 3.0), ("2A002", "n.d.")], 2023: [("2A001", 2.5)]})
        with self.assertRaisesRegex(UserError, "n.d. of 2A002 is not a number"):
            self.import_file("apl", bad, "apl.xlsx")
        self.assertEqual(self.env["health.observatory.apl"].search_count([]), count)
        self.assertFalse(self.commune_a1.health_apl)

    def test_access(self):
        self.import_file("apl", edition(EDITION_2023), "apl.xlsx")
        Apl = self.env["health.observatory.apl"]
        as_observer = Apl.with_user(self.user_observer)
        self.assertEqual(len(as_observer.search([("territory_id", "=", self.commune_a1.id)])), 3)
        # the history comes from the DREES files: users read it, only the
        # observatory's administrators correct it by hand
        with self.assertRaises(AccessError):
            as_observer.create({"territory_id": self.commune_a1.id, "year": 2020, "value": 1.0})
        with self.assertRaises(AccessError):
            Apl.with_user(self.user_officer).search_read([], ["value"])
        with self.assertRaises(AccessError):
            self.import_file("apl", edition(EDITION_2023), "apl.xlsx", user=self.user_officer)
        as_manager = Apl.with_user(self.user_obs_manager)
        as_manager.create({"territory_id": self.commune_a1.id, "year": 2020, "value": 1.0})
        self.assertEqual(self.commune_a1.health_apl_year, 2023)

    def test_bad_input_is_refused(self):
        Apl = self.env["health.observatory.apl"].with_user(self.user_obs_manager)
        count = Apl.search_count([])
        for vals in (
            {"territory_id": self.commune_a1.id, "year": "deux mille", "value": 1.0},
            {"territory_id": self.commune_a1.id, "year": 2023, "value": "1,5"},
            {"territory_id": 999999999, "year": 2023, "value": 1.0},
            {"territory_id": self.commune_a1.id, "year": 23, "value": 1.0},
            {"territory_id": self.commune_a1.id, "year": 2023, "value": -1.0},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Apl.create(vals)
        self.assertEqual(Apl.search_count([]), count)
        Apl.create({"territory_id": self.commune_a1.id, "year": 2023, "value": 1.0})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            Apl.create({"territory_id": self.commune_a1.id, "year": 2023, "value": 2.0})

    def test_history_action(self):
        action = self.commune_a1.with_user(self.user_observer).action_health_view_apl_history()
        self.assertEqual(action["res_model"], "health.observatory.apl")
        self.assertEqual(action["domain"], [("territory_id", "child_of", self.commune_a1.id)])
        self.import_file("apl", edition(EDITION_2023), "apl.xlsx")
        groups = (
            self.env["health.observatory.apl"]
            .with_user(self.user_observer)
            .read_group(action["domain"], ["value:avg"], ["year"])
        )
        self.assertEqual(
            [(g["year"], g["value"]) for g in groups], [(2021, 3.5), (2022, 3.0), (2023, 2.5)]
        )
