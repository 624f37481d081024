import io
import re
import zipfile
from xml.etree import ElementTree

from stdnum import luhn

from odoo.tests import TransactionCase, new_test_user

_XLSX_TEXT = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}t"
_XLSX_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}


def make_rpps(seed):
    """A valid RPPS number (check digit included) that demo data does not use."""
    base = f"19{seed:08d}"
    return base + luhn.calc_check_digit(base)


def _cell_column(reference):
    letters = re.match(r"[A-Z]+", reference).group(0)
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def read_xlsx(content):
    """The cells of an xlsx file: ``{sheet name: [[value, …], …]}``, rows and
    columns from 0, numbers as floats, strings as text, empty cells as None.

    A small reader for tests (xlsxwriter writes, it does not read)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = set(archive.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            for item in root.findall("m:si", _XLSX_NS):
                shared.append("".join(text.text or "" for text in item.iter(_XLSX_TEXT)))
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {
            rel.get("Id"): rel.get("Target") for rel in rels.findall("rel:Relationship", _XLSX_NS)
        }
        sheets = {}
        for sheet in workbook.find("m:sheets", _XLSX_NS):
            target = targets[sheet.get(f"{{{_XLSX_NS['r']}}}id")].lstrip("/")
            path = target if target.startswith("xl/") else f"xl/{target}"
            root = ElementTree.fromstring(archive.read(path))
            rows = []
            for row in root.iter(f"{{{_XLSX_NS['m']}}}row"):
                index = int(row.get("r")) - 1
                while len(rows) <= index:
                    rows.append([])
                cells = rows[index]
                for cell in row.findall("m:c", _XLSX_NS):
                    col = _cell_column(cell.get("r"))
                    while len(cells) <= col:
                        cells.append(None)
                    value = cell.find("m:v", _XLSX_NS)
                    kind = cell.get("t")
                    if kind == "s":
                        cells[col] = shared[int(value.text)]
                    elif kind == "inlineStr":
                        cells[col] = "".join(t.text or "" for t in cell.iter(_XLSX_TEXT))
                    elif kind == "str":
                        cells[col] = value.text if value is not None else ""
                    elif value is not None:
                        cells[col] = float(value.text)
            sheets[sheet.get("name")] = rows
        return sheets


class QueryCountMixin:
    """Query counts that do not depend on how many records are processed.

    Absolute counts of Odoo's own queries change with Odoo's patch releases;
    what the suite guarantees is that a batch does not grow with its size.
    """

    def _count_queries(self, run, data):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        run(data)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def assertQueryCountSame(self, prepare, run, n=5, msg=None):
        """Assert that ``run(prepare(size))`` makes as many queries for
        ``size = n`` as for ``size = 3 * n``; return that count.

        ``prepare`` is not measured."""
        small = self._count_queries(run, prepare(n))
        large = self._count_queries(run, prepare(3 * n))
        self.assertEqual(
            small,
            large,
            msg or f"{small} queries for {n} records but {large} for {3 * n}",
        )
        return small


class HealthBaseCommon(TransactionCase):
    """Users of each role of the suite's base, and a small territory tree.

    Test records are created here rather than taken from the demo data so
    that the tests also run on a database without demo data.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.user_employee = new_test_user(
            cls.env, login="hb_employee", groups="base.group_user", name="Plain Employee"
        )
        cls.user_officer = new_test_user(
            cls.env,
            login="hb_officer",
            groups="base.group_user,health_base.group_health_user",
            name="Programme Officer",
        )
        cls.user_manager = new_test_user(
            cls.env,
            login="hb_manager",
            groups="base.group_user,health_base.group_health_manager",
            name="Health Manager",
        )
        cls.user_portal = new_test_user(
            cls.env, login="hb_portal", groups="base.group_portal", name="Portal User"
        )
        Territory = cls.env["health.territory"]
        cls.dept = Territory.create(
            {"name": "Test Département", "territory_type": "departement", "code": "2A"}
        )
        cls.epci_a, cls.epci_b = Territory.create(
            [
                {
                    "name": "CC Alpha",
                    "territory_type": "epci",
                    "code": "200000001",
                    "parent_id": cls.dept.id,
                    "zoning": "zip",
                },
                {
                    "name": "CC Beta",
                    "territory_type": "epci",
                    "code": "200000002",
                    "parent_id": cls.dept.id,
                },
            ]
        )
        cls.commune_a1, cls.commune_a2, cls.commune_b1 = Territory.create(
            [
                {
                    "name": "Alpha-le-Haut",
                    "territory_type": "commune",
                    "code": "2A001",
                    "parent_id": cls.epci_a.id,
                    "zoning": "zip",
                },
                {
                    "name": "Alpha-le-Bas",
                    "territory_type": "commune",
                    "code": "2A002",
                    "parent_id": cls.epci_a.id,
                },
                {
                    "name": "Beta-sur-Mer",
                    "territory_type": "commune",
                    "code": "2A003",
                    "parent_id": cls.epci_b.id,
                },
            ]
        )
        cls.role_intern = cls.env.ref("health_base.role_intern")
        cls.role_gp = cls.env.ref("health_base.role_gp")
        cls.role_msu = cls.env.ref("health_base.role_msu")
