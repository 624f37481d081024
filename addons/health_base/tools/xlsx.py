"""Spreadsheets of the suite, written with xlsxwriter (an Odoo dependency).

Workbooks are written in constant-memory mode: each row goes to disk as it
is written, so a sheet of a hundred thousand rows stays small in memory.
Rows must therefore be written top to bottom, which ``XlsxSheet`` does.
"""

import io
from datetime import date, datetime

import xlsxwriter

MONEY_FORMAT = '#,##0.00 "€"'

# Cell formats by column kind.
_KIND_FORMATS = {
    "text": {},
    "date": {"num_format": "dd/mm/yyyy"},
    "datetime": {"num_format": "dd/mm/yyyy hh:mm"},
    "int": {"num_format": "0"},
    "float": {"num_format": "0.00"},
    "money": {"num_format": MONEY_FORMAT},
    "percent": {"num_format": "0.0%"},
}


class XlsxSheet:
    """A worksheet written row after row under a header row."""

    def __init__(self, book, worksheet, columns, title=None):
        self.book = book
        self.worksheet = worksheet
        self.kinds = [kind for _header, _width, kind in columns]
        self.row = 0
        if title:
            worksheet.write(0, 0, title, book.formats["title"])
            self.row = 2
        for col, (header, width, kind) in enumerate(columns):
            if kind not in _KIND_FORMATS:
                raise ValueError(f"Unknown column kind {kind!r}")
            worksheet.set_column(col, col, width)
            worksheet.write(self.row, col, header, book.formats["header"])
        self.row += 1

    def _write(self, values, total=False):
        formats = self.book.total_formats if total else self.book.formats
        for col, value in enumerate(values):
            kind = self.kinds[col] if col < len(self.kinds) else "text"
            self._write_cell(col, value, kind, formats)
        self.row += 1

    def _write_cell(self, col, value, kind, formats):
        sheet, cell_format = self.worksheet, formats[kind]
        if value is None or value is False:
            sheet.write_blank(self.row, col, None, cell_format)
        elif isinstance(value, datetime):
            sheet.write_datetime(self.row, col, value, cell_format)
        elif isinstance(value, date):
            sheet.write_datetime(
                self.row, col, datetime(value.year, value.month, value.day), cell_format
            )
        elif isinstance(value, int | float) and not isinstance(value, bool):
            sheet.write_number(self.row, col, value, cell_format)
        else:
            sheet.write_string(self.row, col, str(value), cell_format)

    def write_row(self, values):
        """Write one row; ``values`` in column order (None/False: empty cell)."""
        self._write(values)

    def write_total(self, values):
        """Write a total row (bold, ruled above)."""
        self._write(values, total=True)

    def skip(self, count=1):
        """Leave ``count`` empty rows."""
        self.row += count


class XlsxBook:
    """A workbook in memory-constant mode; ``close()`` gives its bytes."""

    def __init__(self):
        self.buffer = io.BytesIO()
        self.workbook = xlsxwriter.Workbook(
            self.buffer, {"constant_memory": True, "strings_to_formulas": False}
        )
        add = self.workbook.add_format
        self.formats = {kind: add(spec) for kind, spec in _KIND_FORMATS.items()}
        self.formats["title"] = add({"bold": True, "font_size": 14})
        self.formats["header"] = add(
            {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
        )
        self.total_formats = {
            kind: add({**spec, "bold": True, "top": 1}) for kind, spec in _KIND_FORMATS.items()
        }
        self.sheet_names = set()

    def add_sheet(self, name, columns, title=None):
        """A new sheet; ``columns`` is a list of ``(header, width, kind)``."""
        worksheet = self.workbook.add_worksheet(self._sheet_name(name))
        return XlsxSheet(self, worksheet, columns, title=title)

    def _sheet_name(self, name):
        """Excel's rules: 31 characters, none of ``[]:*?/\\``, unique."""
        clean = "".join("-" if char in "[]:*?/\\" else char for char in name or "Sheet")[:31]
        candidate, index = clean, 2
        while candidate.lower() in self.sheet_names:
            suffix = f" ({index})"
            candidate = clean[: 31 - len(suffix)] + suffix
            index += 1
        self.sheet_names.add(candidate.lower())
        return candidate

    def close(self):
        """Finish the workbook and return its content."""
        self.workbook.close()
        return self.buffer.getvalue()
