import io

import xlsxwriter

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ObservatoryCommon, sample_bytes


def apl_workbook(sheets):
    """An xlsx like the DREES one: ``{sheet name: rows}``."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
    workbook.close()
    buffer.seek(0)
    return buffer


def drees_rows(values, header_text="APL aux médecins généralistes"):
    return [
        ["Indicateur d'accessibilité potentielle localisée (APL) aux médecins généralistes"],
        ["Source : SNIIR-AM, Insee ; traitements DREES"],
        [],
        [
            "Code commune INSEE",
            "Commune",
            header_text,
            "APL aux médecins généralistes de moins de 65 ans",
            "Population totale",
        ],
        *[[code, "X", value, 1.0, 100] for code, value in values],
        [],
        ["Note : lecture…"],
    ]


@tagged("post_install", "-at_install")
class TestImportPopulation(ObservatoryCommon):
    def test_good_and_newer_file(self):
        insee = (
            "REG;DEP;CODCOM;COM;PMUN;PCAP;PTOT\n94;2A;001;Alpha-le-Haut;4 100;10;4110\n"
            "94;2A;2;Alpha-le-Bas;900;0;900\n94;2B;010;Ailleurs;77;0;77\n"
        )
        summary = self.import_file("population", self.csv_file(insee), "insee.csv")
        self.assertEqual(self.commune_a1.population, 4100, summary)
        self.assertEqual(self.commune_a2.population, 900)
        self.assertEqual(self.epci_a.population, 5000)
        self.assertEqual(self.dept.population, 25000)
        self.env.flush_all()
        write_date = self.commune_a1.write_date
        summary = self.import_file("population", self.csv_file(insee), "insee.csv")
        self.assertIn("0 populations changed", summary)
        self.assertEqual(self.commune_a1.write_date, write_date)
        newer = insee.replace("4 100", "4200")
        self.import_file("population", self.csv_file(newer), "insee.csv")
        self.assertEqual(self.commune_a1.population, 4200)

    def test_malformed(self):
        bad = "DEP;CODCOM;PMUN\n2A;001;4100\n2A;002;about 900\n"
        with self.assertRaisesRegex(UserError, "line 3.*not a whole number"):
            self.import_file("population", self.csv_file(bad), "insee.csv")
        self.assertEqual(self.commune_a1.population, 4000)
        with self.assertRaisesRegex(UserError, "PMUN"):
            self.import_file("population", self.csv_file("DEP;CODCOM;X\n2A;001;1\n"), "i.csv")


@tagged("post_install", "-at_install")
class TestImportApl(ObservatoryCommon):
    def test_xlsx_takes_the_latest_year_whatever_the_wording(self):
        workbook = apl_workbook(
            {
                "APL 2022": drees_rows([("2A001", 3.1)]),
                "APL 2023": drees_rows(
                    [("2A001", 2.4567), ("2A003", 4.0), ("2B999", 1.0)],
                    header_text="APL aux médecins généralistes (en nombre de consultations)",
                ),
            }
        )
        summary = self.import_file("apl", workbook, "apl.xlsx")
        self.assertAlmostEqual(self.commune_a1.health_apl, 2.457, places=3)
        self.assertEqual(self.commune_a1.health_apl_year, 2023)
        self.assertEqual(self.commune_b1.health_apl, 4.0)
        self.assertIn("2 communes", summary)
        again = apl_workbook({"APL 2023": drees_rows([("2A001", 2.4567), ("2A003", 4.0)])})
        self.assertIn("0 changed", self.import_file("apl", again, "apl.xlsx"))
        newer = apl_workbook({"APL 2024": drees_rows([("2A001", 2.0)])})
        self.import_file("apl", newer, "apl.xlsx")
        self.assertEqual((self.commune_a1.health_apl, self.commune_a1.health_apl_year), (2.0, 2024))

    def test_csv(self):
        text = "code_commune,nom_commune,apl_mg_2023,apl_mg_moins_65_ans_2023\n2A002,B,1.5,1.2\n"
        self.import_file("apl", self.csv_file(text), "apl.csv")
        self.assertEqual(self.commune_a2.health_apl, 1.5)
        self.assertEqual(self.commune_a2.health_apl_year, 2023)

    def test_malformed(self):
        with self.assertRaisesRegex(UserError, "no sheet is named after a year"):
            self.import_file("apl", apl_workbook({"Feuil1": drees_rows([])}), "apl.xlsx")
        with self.assertRaisesRegex(UserError, "Code commune"):
            self.import_file("apl", apl_workbook({"APL 2023": [["a", "b"], [1, 2]]}), "apl.xlsx")
        bad = apl_workbook({"APL 2023": drees_rows([("2A001", 2.0), ("2A003", "n.d.")])})
        with self.assertRaisesRegex(UserError, "n.d. of 2A003 is not a number"):
            self.import_file("apl", bad, "apl.xlsx")
        with self.assertRaisesRegex(UserError, "not an Excel workbook"):
            self.import_file("apl", io.BytesIO(b"not a zip"), "apl.xlsx")
        self.assertFalse(self.commune_a1.health_apl)


@tagged("post_install", "-at_install")
class TestImportZoning(ObservatoryCommon):
    def test_good_and_newer_file(self):
        self.commune_a2.health_successor_code = "2A003"
        text = "code_commune_2025,zonage_mg_source\n2A001,2_ZAC\n2A003,1_ZIP\n2B001,3_HZ\n"
        self.import_file("zoning", self.csv_file(text), "zonage.csv")
        self.assertEqual(self.commune_a1.zoning, "zac")
        self.assertEqual(self.commune_b1.zoning, "zip")
        # merged commune: zoned through the code of the commune it joined
        self.assertEqual(self.commune_a2.zoning, "zip")
        self.assertIn("0 changed", self.import_file("zoning", self.csv_file(text), "z.csv"))
        newer = text.replace("2A001,2_ZAC", "2A001,3_HZ")
        self.import_file("zoning", self.csv_file(newer), "zonage.csv")
        self.assertEqual(self.commune_a1.zoning, "none")

    def test_malformed(self):
        text = "code_commune,zonage\n2A001,ZAC\n2A003,zone rouge\n"
        with self.assertRaisesRegex(UserError, "line 3.*unknown zoning zone rouge"):
            self.import_file("zoning", self.csv_file(text), "zonage.csv")
        self.assertEqual(self.commune_a1.zoning, "zip")
        self.assertEqual(self.commune_b1.zoning, "none")


@tagged("post_install", "-at_install")
class TestImportCommunes(ObservatoryCommon):
    def test_shipped_communes(self):
        text = sample_bytes("communes_79.csv").decode()
        self.import_file("communes", self.csv_file(text), "communes_79.csv")
        Territory = self.env["health.territory"]
        dep = Territory.search([("territory_type", "=", "departement"), ("code", "=", "79")])
        self.assertEqual(dep.name, "Deux-Sèvres")
        self.assertEqual(dep.population, 374587)
        communes = Territory.search(
            [("id", "child_of", dep.id), ("territory_type", "=", "commune")]
        )
        self.assertEqual(len(communes), 256)
        self.assertEqual(
            len(Territory.search([("parent_id", "=", dep.id), ("territory_type", "=", "epci")])), 8
        )
        niort = communes.filtered(lambda c: c.code == "79191")
        self.assertAlmostEqual(niort.latitude, 46.3, delta=0.1)
        caunay = communes.filtered(lambda c: c.code == "79060")
        self.assertEqual(caunay.health_successor_code, "79307")
        summary = self.import_file("communes", self.csv_file(text), "communes_79.csv")
        self.assertIn("0 territories created, 0 updated", summary)
        zoning = sample_bytes("zonage_79.csv").decode()
        self.import_file("zoning", self.csv_file(zoning), "zonage_79.csv")
        self.assertEqual(
            caunay.zoning, niort.browse(communes.filtered(lambda c: c.code == "79307").id).zoning
        )
        self.assertEqual(set(communes.mapped("zoning")), {"zip", "zac"})

    def test_malformed(self):
        count = self.env["health.territory"].search_count([])
        text = sample_bytes("communes_79.csv").decode().splitlines()
        text[5] = text[5].replace("46.", "north ")
        with self.assertRaisesRegex(UserError, "line 6.*coordinates"):
            self.import_file("communes", self.csv_file("\n".join(text)), "communes.csv")
        self.assertEqual(self.env["health.territory"].search_count([]), count)
