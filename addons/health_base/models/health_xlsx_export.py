from odoo import api, models

from ..tools import XlsxBook

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class HealthXlsxExport(models.AbstractModel):
    """The one way the suite writes and hands out spreadsheets.

    Exports build a :class:`~odoo.addons.health_base.tools.XlsxBook` with
    ``_xlsx_book()`` and return ``_xlsx_download(content, filename)`` from
    their action: the file is kept as a private attachment (readable by the
    user who asked for it) and downloaded by the browser.
    """

    _name = "health.xlsx.export"
    _description = "Spreadsheet Export"

    @api.model
    def _xlsx_book(self):
        return XlsxBook()

    @api.model
    def _xlsx_attachment(self, content, filename):
        """The attachment holding the file: linked to no record, so that only
        its creator (and administrators) can read it."""
        if not filename.lower().endswith(".xlsx"):
            filename += ".xlsx"
        return self.env["ir.attachment"].create(
            {"name": filename, "raw": content, "mimetype": XLSX_MIMETYPE}
        )

    @api.model
    def _xlsx_download(self, content, filename):
        attachment = self._xlsx_attachment(content, filename)
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
