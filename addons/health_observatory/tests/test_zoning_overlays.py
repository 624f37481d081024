from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ObservatoryCommon, sample_bytes


@tagged("post_install", "-at_install")
class TestZoningOverlays(ObservatoryCommon):
    FILE = "code_commune,zonage_qpv,zonage_mg,frr\n2A001,oui,ZIP,0\n2A002,non,ZAC,1\n2A003,,HZ,x\n"

    def overlays(self, commune):
        return commune.zoning, commune.zoning_qpv, commune.zoning_frr

    def test_overlays_add_to_the_zoning(self):
        summary = self.import_file("zoning", self.csv_file(self.FILE), "zonage.csv")
        self.assertEqual(self.overlays(self.commune_a1), ("zip", True, False), summary)
        self.assertEqual(self.overlays(self.commune_a2), ("zac", False, True))
        self.assertEqual(self.overlays(self.commune_b1), ("none", False, True))
        self.env["health.observatory.indicator"]._refresh(date(2027, 3, 1))
        indicators = self.env["health.observatory.indicator"].search(
            [("territory_id", "in", (self.commune_a1 | self.commune_a2).ids)]
        )
        self.assertEqual(
            {(i.territory_id, i.zoning, i.zoning_qpv, i.zoning_frr) for i in indicators},
            {(self.commune_a1, "zip", True, False), (self.commune_a2, "zac", False, True)},
        )
        again = self.import_file("zoning", self.csv_file(self.FILE), "zonage.csv")
        self.assertIn("0 changed", again)
        newer = self.FILE.replace("2A001,oui,ZIP,0", "2A001,non,ZIP,oui")
        self.import_file("zoning", self.csv_file(newer), "zonage.csv")
        self.assertEqual(self.overlays(self.commune_a1), ("zip", False, True))

    def test_file_without_overlays_keeps_them(self):
        self.import_file("zoning", self.csv_file(self.FILE), "zonage.csv")
        # the ARS file carries only ZIP/ZAC: the overlays are left as they are
        self.assertNotIn("qpv", sample_bytes("zonage_79.csv").decode().lower())
        text = "code_commune,zonage_mg\n2A001,ZAC\n2A002,ZAC\n"
        self.import_file("zoning", self.csv_file(text), "zonage.csv")
        self.assertEqual(self.overlays(self.commune_a1), ("zac", True, False))
        self.assertEqual(self.overlays(self.commune_a2), ("zac", False, True))

    def test_malformed_overlay_writes_nothing(self):
        bad = self.FILE.replace("2A002,non,ZAC,1", "2A002,peut-être,ZAC,1")
        with self.assertRaisesRegex(UserError, "line 3.*zonage_qpv holds peut-être"):
            self.import_file("zoning", self.csv_file(bad), "zonage.csv")
        self.assertEqual(self.overlays(self.commune_a1), ("zip", False, False))
        self.assertEqual(self.overlays(self.commune_b1), ("none", False, False))
