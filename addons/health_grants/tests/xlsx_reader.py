"""Read back the cells of an xlsx file in tests, with the standard library.

A workbook is a zip of XML parts: the sheets (``xl/worksheets/*.xml``), the
strings they share (``xl/sharedStrings.xml``) and the number formats of the
cells (``xl/styles.xml``).  Values come back as Python values: text as str,
numbers as float, cells formatted as dates as ``date``.
"""

import io
import re
import zipfile
from datetime import date, timedelta
from xml.etree import ElementTree

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"m": MAIN}
# Built-in number formats that are dates (ECMA-376, 18.8.30).
BUILTIN_DATE_FORMATS = {14, 15, 16, 17, 22}
EXCEL_EPOCH = date(1899, 12, 30)


def _text(element):
    return "".join(t.text or "" for t in element.iter(f"{{{MAIN}}}t"))


class Sheet:
    """The cells of one sheet: ``sheet["B4"]``, ``sheet.row(4)``, ``sheet.number_format("B4")``."""

    def __init__(self, name, cells, formats):
        self.name = name
        self.cells = cells
        self.formats = formats

    def __getitem__(self, ref):
        return self.cells.get(ref)

    def number_format(self, ref):
        return self.formats.get(ref, "General")

    def row(self, number, width=None):
        """The values of row ``number`` (1-based), from column A to the last
        written one (or ``width`` columns)."""
        columns = [
            _column_index(ref)
            for ref in self.cells
            if int(re.sub(r"[A-Z]+", "", ref)) == number
        ]
        width = width or (max(columns) + 1 if columns else 0)
        return [self.cells.get(f"{_column_name(index)}{number}") for index in range(width)]


def _column_index(ref):
    index = 0
    for char in re.match(r"[A-Z]+", ref).group():
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def _column_name(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _styles(book):
    """[format code of each cell style], from xl/styles.xml."""
    if "xl/styles.xml" not in book.namelist():
        return []
    root = ElementTree.fromstring(book.read("xl/styles.xml"))
    codes = {
        int(fmt.get("numFmtId")): fmt.get("formatCode")
        for fmt in root.iterfind("m:numFmts/m:numFmt", NS)
    }
    styles = []
    for xf in root.iterfind("m:cellXfs/m:xf", NS):
        fmt_id = int(xf.get("numFmtId", 0))
        if fmt_id in codes:
            styles.append(codes[fmt_id])
        elif fmt_id in BUILTIN_DATE_FORMATS:
            styles.append("dd/mm/yyyy")
        else:
            styles.append("General")
    return styles


def _is_date_format(code):
    code = re.sub(r'"[^"]*"|\[[^\]]*\]', "", code or "").lower()
    return any(part in code for part in ("d", "y")) and "#" not in code


def _read_sheet(root, shared, styles):
    cells, formats = {}, {}
    for cell in root.iterfind("m:sheetData/m:row/m:c", NS):
        ref = cell.get("r")
        style = int(cell.get("s", 0))
        code = styles[style] if style < len(styles) else "General"
        kind = cell.get("t", "n")
        raw = cell.findtext("m:v", namespaces=NS)
        if kind == "inlineStr":
            value = _text(cell)
        elif raw is None:
            continue
        elif kind == "s":
            value = shared[int(raw)]
        elif kind in ("str", "e"):
            value = raw
        elif kind == "b":
            value = raw == "1"
        elif _is_date_format(code):
            value = EXCEL_EPOCH + timedelta(days=int(float(raw)))
        else:
            value = float(raw)
        cells[ref] = value
        formats[ref] = code
    return cells, formats


def read_xlsx(content):
    """{sheet name: Sheet} of the xlsx file ``content`` (bytes), in the
    order of the workbook."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        shared = []
        if "xl/sharedStrings.xml" in book.namelist():
            root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = [_text(item) for item in root.iterfind("m:si", NS)]
        styles = _styles(book)
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        sheets = {}
        for sheet in workbook.iterfind("m:sheets/m:sheet", NS):
            target = targets[sheet.get(f"{{{RELS}}}id")].lstrip("/")
            path = target if target.startswith("xl/") else f"xl/{target}"
            cells, formats = _read_sheet(ElementTree.fromstring(book.read(path)), shared, styles)
            sheets[sheet.get("name")] = Sheet(sheet.get("name"), cells, formats)
    return sheets
