import io
import json
from datetime import date

from odoo.addons.health_base.tests.common import QueryCountMixin
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ObservatoryCommon, sample_bytes

REF = date(2027, 3, 1)
SQUARE = [[[8.7, 41.9], [8.8, 41.9], [8.8, 42.0], [8.7, 42.0], [8.7, 41.9]]]
SQUARE_FINE = [
    [
        [8.7000001, 41.9000004],
        [8.8, 41.9],
        [8.8, 42.0],
        [8.7, 42.0, 120.5],
        [8.7000001, 41.9000004],
    ]
]


def feature(code, geometry, key="code"):
    return {"type": "Feature", "properties": {key: code, "nom": "X"}, "geometry": geometry}


def polygon(coordinates):
    return {"type": "Polygon", "coordinates": coordinates}


def geojson_file(*features, data=None):
    if data is None:
        data = {"type": "FeatureCollection", "features": list(features)}
    return io.BytesIO(json.dumps(data).encode())


@tagged("post_install", "-at_install")
class TestImportContours(ObservatoryCommon):
    def _file(self):
        return geojson_file(
            feature("2A001", polygon(SQUARE_FINE)),
            feature(
                "2A003",
                {"type": "MultiPolygon", "coordinates": [SQUARE, SQUARE]},
                key="INSEE_COM",
            ),
            feature("79999", polygon(SQUARE)),
        )

    def test_good_file_then_again(self):
        summary = self.import_file("contours", self._file(), "contours.geojson")
        self.assertIn("3 outlines, 2 communes of the territory, 2 changed", summary)
        self.assertIn("1 unknown codes skipped. (79999)", summary)
        # only the geometry is kept, rounded to 5 decimals, without altitude
        self.assertEqual(json.loads(self.commune_a1.health_contour), polygon(SQUARE))
        self.assertEqual(json.loads(self.commune_b1.health_contour)["type"], "MultiPolygon")
        self.assertFalse(self.commune_a2.health_contour)
        self.env.flush_all()
        write_date = self.commune_a1.write_date
        summary = self.import_file("contours", self._file(), "contours.geojson")
        self.assertIn("2 communes of the territory, 0 changed", summary)
        self.assertEqual(self.commune_a1.write_date, write_date)

    def test_malformed_files_write_nothing(self):
        self.commune_a1.health_contour = json.dumps(polygon(SQUARE))
        before = self.commune_a1.health_contour
        good = feature("2A002", polygon(SQUARE))
        open_ring = polygon([SQUARE[0][:-1] + [[8.75, 41.95]]])
        out_of_range = polygon([[[p[1] * 10, p[0]] for p in SQUARE[0]]])
        cases = [
            (io.BytesIO(b"code;geometry\n2A001;POLYGON((1 2))\n"), "not a GeoJSON \\(JSON\\)"),
            (geojson_file(data=[good]), "not a GeoJSON FeatureCollection"),
            (geojson_file(good, {"type": "Feature", "geometry": SQUARE}), "feature 2 has no"),
            (geojson_file(good, feature("2A001", open_ring)), "outline of 2A001 is not"),
            (geojson_file(good, feature("2A001", out_of_range)), "outline of 2A001 is not"),
            (
                geojson_file(good, feature("2A001", {"type": "Point", "coordinates": [8, 42]})),
                "outline of 2A001 is not",
            ),
            (
                geojson_file(
                    good,
                    feature(
                        "2A001",
                        polygon([[[8 + i / 1e5, 42.12345] for i in range(6000)] + [[8, 42.12345]]]),
                    ),
                ),
                "outline of 2A001 is too detailed",
            ),
        ]
        for stream, message in cases:
            with self.subTest(message=message):
                with self.assertRaisesRegex(UserError, f"nothing was changed: .*{message}"):
                    self.import_file("contours", stream, "contours.geojson")
                self.assertEqual(self.commune_a1.health_contour, before)
                self.assertFalse(self.commune_a2.health_contour)

    def test_import_reserved_to_the_observatory(self):
        with self.assertRaises(AccessError):
            self.import_file("contours", self._file(), "c.geojson", user=self.user_officer)
        self.assertFalse(self.commune_a1.health_contour)

    def test_outline_checked_on_write(self):
        commune = self.commune_a1.with_user(self.user_manager)
        for value in ("not json", '{"type": "Point", "coordinates": [8, 42]}', "[1, 2]"):
            with self.subTest(value=value), self.assertRaises(ValidationError):
                commune.write({"health_contour": value})
            self.assertFalse(self.commune_a1.health_contour)
        commune.write({"health_contour": json.dumps(polygon(SQUARE))})
        self.assertTrue(self.commune_a1.health_contour)
        with self.assertRaises(AccessError):
            self.commune_a2.with_user(self.user_observer).write(
                {"health_contour": json.dumps(polygon(SQUARE))}
            )

    def test_shipped_sample(self):
        communes_csv = sample_bytes("communes_79.csv").decode()
        self.import_file("communes", self.csv_file(communes_csv), "communes_79.csv")
        sample = io.BytesIO(sample_bytes("communes_79.geojson"))
        summary = self.import_file("contours", sample, "communes_79.geojson")
        self.assertIn("256 outlines, 256 communes of the territory, 256 changed", summary)
        niort = self.env["health.territory"].search(
            [("territory_type", "=", "commune"), ("code", "=", "79191")]
        )
        outline = json.loads(niort.health_contour)
        self.assertEqual(outline["type"], "Polygon")
        ring = outline["coordinates"][0]
        lon = sum(p[0] for p in ring) / len(ring)
        lat = sum(p[1] for p in ring) / len(ring)
        self.assertAlmostEqual(lat, niort.latitude, delta=0.05)
        self.assertAlmostEqual(lon, niort.longitude, delta=0.05)
        sample = io.BytesIO(sample_bytes("communes_79.geojson"))
        summary = self.import_file("contours", sample, "communes_79.geojson")
        self.assertIn("256 communes of the territory, 0 changed", summary)


@tagged("post_install", "-at_install")
class TestMapRecords(QueryCountMixin, ObservatoryCommon):
    FIELDS = ["territory_name", "latitude", "longitude", "departure_colour"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.commune_a1.write(
            {
                "health_contour": json.dumps(polygon(SQUARE)),
                "latitude": 41.95,
                "longitude": 8.75,
            }
        )
        cls.commune_a2.write({"latitude": 41.8, "longitude": 8.9})
        # the only GP of Alpha-le-Haut reaches 67 in 2027: all of them may leave
        cls.env["res.partner"].create(
            {
                "name": "Dr Leaving",
                "health_role_ids": [(4, cls.role_gp.id)],
                "health_practising": True,
                "health_practice_commune_id": cls.commune_a1.id,
                "health_birth_year": 1960,
            }
        )
        cls.Indicator = cls.env["health.observatory.indicator"]
        cls.Indicator._refresh(REF)

    def _shapes(self, colour_field="departure_colour", domain=None, user=None):
        Indicator = self.Indicator.with_user(user or self.user_observer)
        domain = domain or [("epci_id", "=", self.epci_a.id), ("territory_type", "=", "commune")]
        rows = Indicator.get_map_records(domain, self.FIELDS, colour_field)
        return {row["territory_name"].rsplit(" / ", 1)[-1]: row for row in rows}

    def test_polygon_with_outline_else_circle(self):
        rows = self._shapes()
        # only the communes of the search are sent
        self.assertEqual(set(rows), {"Alpha-le-Haut", "Alpha-le-Bas"})
        haut = rows["Alpha-le-Haut"]
        self.assertEqual(haut["departure_colour"], "#d7301f")
        self.assertEqual(
            haut["shape"],
            {"kind": "polygon", "geometry": polygon(SQUARE), "colour": "#d7301f"},
        )
        self.assertEqual(
            rows["Alpha-le-Bas"]["shape"],
            {"kind": "circle", "latlng": [41.8, 8.9], "colour": "#9e9e9e"},
        )
        # no outline and no centre: nothing to draw
        beta = self._shapes(domain=[("territory_id", "=", self.commune_b1.id)])
        self.assertFalse(beta["Beta-sur-Mer"]["shape"])

    def test_colour_of_the_map(self):
        # Alpha-le-Bas has inhabitants but no GP: red on the density map,
        # grey on the map of departures
        self.assertEqual(self._shapes()["Alpha-le-Bas"]["shape"]["colour"], "#9e9e9e")
        rows = self._shapes("density_colour")
        self.assertEqual(rows["Alpha-le-Bas"]["shape"]["colour"], "#d7301f")
        # a field that is not a map colour is not read: the density is drawn
        rows = self._shapes("risk_reasons")
        self.assertEqual(rows["Alpha-le-Bas"]["shape"]["colour"], "#d7301f")

    def test_reserved_to_the_observatory(self):
        with self.assertRaises(AccessError):
            self._shapes(user=self.user_officer)

    def test_demo_communes_have_outlines(self):
        sornac = self.env.ref("health_base.territory_sornac_demo", raise_if_not_found=False)
        if not sornac:
            self.skipTest("no demo data")
        demo = self.env["health.territory"].search(
            [
                ("territory_type", "=", "commune"),
                ("parent_id", "child_of", sornac.parent_id.parent_id.id),
            ]
        )
        self.assertEqual(len(demo), 9)
        for commune in demo:
            ring = json.loads(commune.health_contour)["coordinates"][0]
            lons, lats = [p[0] for p in ring], [p[1] for p in ring]
            self.assertTrue(min(lons) < commune.longitude < max(lons), commune.name)
            self.assertTrue(min(lats) < commune.latitude < max(lats), commune.name)

    def test_outline_not_prefetched(self):
        self.env.invalidate_all()
        Territory = self.env["health.territory"]
        communes = Territory.browse((self.commune_a1 | self.commune_a2).ids)
        communes.mapped("name")
        self.assertFalse(self.env.cache.contains(communes[0], Territory._fields["health_contour"]))

    def test_queries_do_not_grow_with_the_communes(self):
        Territory = self.env["health.territory"]

        def prepare(n):
            epci = Territory.create(
                {
                    "name": f"CC Bench {n}",
                    "territory_type": "epci",
                    "code": f"21000{n:04d}",
                    "parent_id": self.dept.id,
                }
            )
            Territory.create(
                [
                    {
                        "name": f"Bench {n} {i}",
                        "territory_type": "commune",
                        "parent_id": epci.id,
                        "latitude": 42.0,
                        "longitude": 9.0,
                        "health_contour": json.dumps(polygon(SQUARE)) if i % 2 else False,
                    }
                    for i in range(n)
                ]
            )
            self.Indicator._refresh(REF)
            return epci

        def run(epci):
            rows = self.Indicator.with_user(self.user_observer).get_map_records(
                [("epci_id", "=", epci.id), ("territory_type", "=", "commune")],
                self.FIELDS,
                "departure_colour",
            )
            self.assertTrue(rows)
            self.assertTrue(all(row["shape"] for row in rows))

        self.assertQueryCountSame(prepare, run)
