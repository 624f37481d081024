import base64
import io

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import ObservatoryCommon, rpps_file, rpps_line, sample_bytes

GP1, GP2, GP3, GP4 = "899000000011", "899000000029", "899000000037", "899000000045"


@tagged("post_install", "-at_install")
class TestImportRpps(ObservatoryCommon):
    def _base_file(self):
        return rpps_file(
            rpps_line(GP1, "MARTIN", "Anne", "2A001"),
            # second site of the same GP, salaried in a health centre: one GP, mixed
            rpps_line(GP1, "MARTIN", "Anne", "2A002", mode="S", sector="SA05"),
            rpps_line(GP2, "DURAND", "Paul", "2A002", skill="SM54", sector="SA52"),
            rpps_line(GP3, "PETIT", "Lise", "2A003", skill="SM26", sector="SA08"),
            # filtered out: nurse, cardiologist, hospital GP, locum, other département
            rpps_line("899000000052", "SOIN", "Iris", "2A001", profession="60", skill=""),
            rpps_line("899000000060", "COEUR", "Jean", "2A001", skill="SM04"),
            rpps_line("899000000078", "HOPITAL", "Marc", "2A001", mode="S", sector="SA01"),
            rpps_line("899000000086", "REMPLACE", "Eve", "", genre="GENR02", sector=""),
            rpps_line("899000000094", "AILLEURS", "Luc", "79191"),
        )

    def _roster(self):
        return self.env["res.partner"].search(
            [("health_rpps_national_id", "in", [GP1, GP2, GP3, GP4])]
        )

    def test_good_file(self):
        summary = self.import_file("rpps", self._base_file(), "pa.txt", "2026-12-01")
        roster = self._roster()
        self.assertEqual(len(roster), 3, summary)
        anne = roster.filtered(lambda p: p.health_rpps_national_id == GP1)
        self.assertEqual(anne.name, "Anne MARTIN")
        self.assertEqual(anne.health_practice_commune_id, self.commune_a1)
        self.assertEqual(anne.health_practice_mode, "mixed")
        self.assertEqual(anne.health_practice_structure, "solo")
        self.assertTrue(anne.health_practising)
        self.assertIn(self.role_gp, anne.health_role_ids)
        paul = roster.filtered(lambda p: p.health_rpps_national_id == GP2)
        self.assertEqual(paul.health_practice_structure, "msp")
        arrivals = self.env["health.observatory.movement"].search(
            [("partner_id", "in", roster.ids)]
        )
        self.assertEqual(arrivals.mapped("movement_type"), ["arrival"] * 3)
        self.assertEqual(str(arrivals[0].date), "2026-12-01")
        self.assertFalse(
            self.env["res.partner"].search([("health_rpps_national_id", "=", "899000000094")])
        )

    def test_second_import_changes_nothing(self):
        self.import_file("rpps", self._base_file(), "pa.txt", "2026-12-01")
        self.env.flush_all()
        roster = self._roster()
        before = {p.id: p.write_date for p in roster}
        movements = self.env["health.observatory.movement"].search_count([])
        summary = self.import_file("rpps", self._base_file(), "pa.txt", "2027-01-01")
        self.env.flush_all()
        roster.invalidate_recordset()
        self.assertEqual({p.id: p.write_date for p in roster}, before, summary)
        self.assertEqual(self.env["health.observatory.movement"].search_count([]), movements)
        self.assertIn("0 new contacts, 0 updated, 0 arrivals, 0 departures", summary)

    def test_newer_file_records_arrivals_and_departures(self):
        self.import_file("rpps", self._base_file(), "pa.txt", "2026-12-01")
        newer = rpps_file(
            rpps_line(GP1, "MARTIN", "Anne", "2A001"),
            rpps_line(GP3, "PETIT", "Lise", "2A001", skill="SM26", sector="SA08"),  # moved
            rpps_line(GP4, "NOUVEAU", "Léa", "2A003"),  # arrived
        )  # GP2 left
        self.import_file("rpps", newer, "pa2.txt", "2027-06-01")
        Movement = self.env["health.observatory.movement"]
        news = Movement.search([("date", "=", "2027-06-01")])
        got = sorted(
            (m.partner_id.health_rpps_national_id, m.territory_id.code, m.movement_type)
            for m in news
        )
        self.assertEqual(
            got,
            [
                (GP2, "2A002", "departure"),
                (GP3, "2A001", "arrival"),
                (GP3, "2A003", "departure"),
                (GP4, "2A003", "arrival"),
            ],
        )
        paul = self._roster().filtered(lambda p: p.health_rpps_national_id == GP2)
        self.assertFalse(paul.health_practising)
        anne = self._roster().filtered(lambda p: p.health_rpps_national_id == GP1)
        self.assertEqual(anne.health_practice_mode, "liberal")

    def test_malformed_file_imports_nothing(self):
        partners = self.env["res.partner"].search_count([])
        movements = self.env["health.observatory.movement"].search_count([])
        bad_lines = rpps_file(
            rpps_line(GP1, "MARTIN", "Anne", "2A001"),
            rpps_line(GP2, "DURAND", "Paul", "2A002") + "extra|",
        )
        with self.assertRaisesRegex(UserError, "line 3.*57 fields instead of 56"):
            self.import_file("rpps", bad_lines, "bad.txt")
        no_column = rpps_file().getvalue().replace(b"Code savoir-faire", b"Savoir")
        with self.assertRaisesRegex(UserError, "Code savoir-faire"):
            self.import_file("rpps", self.csv_file(no_column.decode()), "bad.txt")
        with self.assertRaisesRegex(UserError, "not a UTF-8"):
            self.import_file("rpps", io.BytesIO(b"\xff\xfe\x00bad|\n"), "bad.txt")
        with self.assertRaisesRegex(UserError, "separated by '|'"):
            self.import_file("rpps", self.csv_file("a;b;c\n1;2;3\n"), "bad.csv")
        self.assertEqual(self.env["res.partner"].search_count([]), partners)
        self.assertEqual(self.env["health.observatory.movement"].search_count([]), movements)

    def test_wizard_reads_the_uploaded_file(self):
        wizard = self.Import.create(
            {
                "import_type": "rpps",
                "file": base64.b64encode(self._base_file().getvalue()),
                "filename": "pa.txt",
                "extraction_date": "2026-12-01",
            }
        )
        wizard.action_import()
        self.assertIn("3 new contacts", wizard.result)
        self.assertEqual(len(self._roster()), 3)

    def test_shipped_sample(self):
        """The Deux-Sèvres sample: 300 GPs placed in 147 communes, de-duplicated,
        without hospital doctors, locums and the other professions."""
        self.import_file(
            "communes", self.csv_file(sample_bytes("communes_79.csv").decode()), "communes_79.csv"
        )
        sample = sample_bytes("rpps_personne_activite_79_synthetic.txt").decode()
        expected = set()
        for line in sample.splitlines()[1:]:
            row = dict(zip(sample.splitlines()[0].split("|"), line.split("|"), strict=True))
            if (
                row["Code profession"] == "10"
                and row["Code savoir-faire"] in ("SM26", "SM53", "SM54")
                and row["Code secteur d'activité"] != "SA01"
                and row["Code genre activité"] != "GENR02"
            ):
                expected.add(row["Identification nationale PP"])
        self.import_file("rpps", self.csv_file(sample), "sample.txt")
        imported = self.env["res.partner"].search(
            [("health_rpps_national_id", "!=", False), ("health_practising", "=", True)]
        )
        self.assertEqual(set(imported.mapped("health_rpps_national_id")), expected)
        self.assertGreater(len(expected), 250)

    def test_access(self):
        with self.assertRaises(AccessError):
            self.import_file("rpps", self._base_file(), user=self.user_officer)
        self.assertFalse(self._roster())
