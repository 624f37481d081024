import io

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ObservatoryCommon
from .test_import_open_data import apl_workbook

INSEE_HEADER = [
    "Code région",
    "Nom de la région",
    "Code département",
    "Code arrondissement",
    "Code canton",
    "Code commune",
    "Nom de la commune",
    "Population municipale",
    "Population comptée à part",
    "Population totale",
]


def insee_workbook(rows, header=None, sheet="Communes"):
    """A workbook like INSEE's legal populations: a summary sheet first, then
    the communes with title rows above their table."""
    return apl_workbook(
        {
            "Régions": [["Populations légales 2021"], [], ["Code région", "Population"], [94, 1]],
            sheet: [
                ["Recensement de la population"],
                ["Populations légales des communes en vigueur au 1er janvier 2024"],
                ["Date de référence statistique : 1er janvier 2021"],
                [],
                header or INSEE_HEADER,
                *rows,
                [],
                ["Source : Insee, recensement de la population 2021"],
            ],
        }
    )


def commune_row(dep, com, name, pmun):
    return [94, "Corse", dep, 1, "01", com, name, pmun, 10, 0]


@tagged("post_install", "-at_install")
class TestImportPopulationXlsx(ObservatoryCommon):
    ROWS = (
        commune_row("2A", "001", "Alpha-le-Haut", 4100),
        # numbers lose their leading zeros in a spreadsheet
        commune_row("2A", 2, "Alpha-le-Bas", 900.0),
        commune_row("2B", "010", "Ailleurs", 77),
    )

    def test_good_newer_and_same_file(self):
        summary = self.import_file("population", insee_workbook(self.ROWS), "ensemble.xlsx")
        self.assertIn("2 communes of the territory found, 2 populations changed", summary)
        self.assertEqual((self.commune_a1.population, self.commune_a2.population), (4100, 900))
        self.assertEqual(self.epci_a.population, 5000)
        self.env.flush_all()
        stamp = self.commune_a1.write_date
        summary = self.import_file("population", insee_workbook(self.ROWS), "ensemble.xlsx")
        self.assertIn("0 populations changed", summary)
        self.assertEqual(self.commune_a1.write_date, stamp)
        newer = [commune_row("2A", "001", "Alpha-le-Haut", 4200), *self.ROWS[1:]]
        self.import_file("population", insee_workbook(newer), "ensemble.xlsx")
        self.assertEqual(self.commune_a1.population, 4200)
        self.assertEqual(self.epci_a.population, 5100)

    def test_other_wording(self):
        """Another edition: full codes (CODGEO), PMUN, a sheet named otherwise."""
        workbook = insee_workbook(
            [["2A003", "Beta-sur-Mer", "12 345"]],
            header=["CODGEO", "LIBGEO", "PMUN 2021"],
            sheet="Feuil1",
        )
        self.import_file("population", workbook, "pop.xlsx")
        self.assertEqual(self.commune_b1.population, 12345)
        workbook = insee_workbook(
            [["2A003", "Beta-sur-Mer", 12346]],
            header=["Code géographique", "Libellé", "Population municipale 2021"],
            sheet="Feuil1",
        )
        self.import_file("population", workbook, "pop.xlsx")
        self.assertEqual(self.commune_b1.population, 12346)

    def test_malformed_writes_nothing(self):
        rows = [*self.ROWS, commune_row("2A", "003", "Beta-sur-Mer", "n.d.")]
        with self.assertRaisesRegex(UserError, "line 9.*n.d. of 2A003 is not a whole number"):
            self.import_file("population", insee_workbook(rows), "ensemble.xlsx")
        with self.assertRaisesRegex(UserError, "not an Excel workbook"):
            self.import_file("population", io.BytesIO(b"PK not a zip"), "ensemble.xlsx")
        self.assertEqual((self.commune_a1.population, self.commune_a2.population), (4000, 1000))

    def test_malformed_message_is_translated(self):
        if not self.env["res.lang"]._lang_get("fr_FR").active:
            self.skipTest("French is not installed")
        wizard = (
            self.env["health.observatory.import"]
            .with_user(self.user_observer)
            .with_context(lang="fr_FR")
        )
        bad = apl_workbook({"Communes": [["rien"], ["Code", "Nom"]]})
        with self.assertRaisesRegex(UserError, "n'a pas été importé.*pas de tableau"):
            wizard._import_stream("population", bad, "ensemble.xlsx")
        self.assertEqual(self.commune_a1.population, 4000)
