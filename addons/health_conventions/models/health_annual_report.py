from datetime import date

from odoo import api, models

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class HealthAnnualReport(models.AbstractModel):
    """What the annual reports of a convention and of a territory share: the
    year's figures computed in batch, their sheets in the spreadsheet and
    their attachment to a steering committee."""

    _name = "health.annual.report"
    _description = "Annual Report Figures"

    @api.model
    def _report_lang(self):
        """The language of the reports: the conventions' (French when it is
        installed, else the user's)."""
        return self.env["health.convention"]._get_report_lang() or "en_US"

    @api.model
    def _measure_rows(self, territories, year):
        """Every figure the suite measures, for ``territories`` in ``year``
        and the year before: ``[{"name", "unit", "values": {territory id:
        value}, "previous": {territory id: value}}]``.

        Each measure is computed once per year for all the territories (its
        grouped queries do not grow with their number).  Measures count the
        records of every application, whatever the rights of the reader."""
        if not territories:
            return []
        rows = []
        measures = self.env["health.indicator.measure"].sudo().search([("available", "=", True)])
        for measure in measures:
            rows.append(
                {
                    "name": measure.name,
                    "unit": measure.unit or "",
                    "values": measure._health_values(
                        territories, date(year, 1, 1), date(year, 12, 31)
                    ),
                    "previous": measure._health_values(
                        territories, date(year - 1, 1, 1), date(year - 1, 12, 31)
                    ),
                }
            )
        return rows

    @api.model
    def _indicator_rows(self, indicators, year):
        """``{indicator id: row}``: each indicator's target and value of the
        year (measured by the suite, or recorded by hand), in a few queries
        for any number of indicators."""
        measured = indicators._health_measured_values(year)
        values = self.env["health.convention.indicator.value"].search_fetch(
            [("indicator_id", "in", indicators.ids), ("year", "=", year)],
            ["indicator_id", "value"],
        )
        recorded = {value.indicator_id.id: value.value for value in values}
        rows = {}
        for indicator in indicators:
            value = measured.get(indicator.id, recorded.get(indicator.id))
            rows[indicator.id] = {
                "name": indicator.name,
                "unit": indicator.unit or "",
                "target": indicator.target,
                "value": value,
                "measured": indicator.id in measured,
                "achievement": (value or 0.0) / indicator.target
                if indicator.target and value is not None
                else None,
            }
        return rows

    # ------------------------------------------------------------ spreadsheet

    @api.model
    def _xlsx_indicator_columns(self, year):
        return [
            (self.env._("Indicator"), 50, "text"),
            (self.env._("Unit"), 14, "text"),
            (self.env._("Target"), 12, "float"),
            (self.env._("Value %(year)s", year=year), 12, "float"),
            (self.env._("Achievement"), 12, "percent"),
            (self.env._("Source"), 14, "text"),
        ]

    @api.model
    def _xlsx_indicator_values(self, row):
        return [
            row["name"],
            row["unit"],
            row["target"],
            row["value"],
            row["achievement"],
            self.env._("measured") if row["measured"] else self.env._("recorded"),
        ]

    @api.model
    def _xlsx_measures_sheet(self, book, measure_rows, territories, year, title):
        """One sheet of the measured figures: a row per territory and figure,
        the year and the year before side by side."""
        sheet = book.add_sheet(
            self.env._("Territory figures"),
            [
                (self.env._("Territory"), 40, "text"),
                (self.env._("Figure"), 40, "text"),
                (self.env._("Unit"), 14, "text"),
                (self.env._("Value %(year)s", year=year), 14, "float"),
                (self.env._("Value %(year)s", year=year - 1), 14, "float"),
            ],
            title=title,
        )
        for territory in territories:
            for row in measure_rows:
                sheet.write_row(
                    [
                        territory.complete_name,
                        row["name"],
                        row["unit"],
                        row["values"].get(territory.id, 0.0),
                        row["previous"].get(territory.id, 0.0),
                    ]
                )
        return sheet

    # ------------------------------------------------------------ attachment

    @api.model
    def _attachments(self, report_xmlid, records, year, xlsx, name, res_model, res_id):
        """The PDF (in French) and the spreadsheet of the year, attached to
        a record (a committee meeting)."""
        pdf, __ = (
            self.env["ir.actions.report"]
            .with_context(lang=self._report_lang())
            ._render_qweb_pdf(report_xmlid, records.ids, data={"year": year})
        )
        return self.env["ir.attachment"].create(
            [
                {
                    "name": f"{name}.pdf",
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": res_model,
                    "res_id": res_id,
                },
                {
                    "name": f"{name}.xlsx",
                    "raw": xlsx,
                    "mimetype": XLSX_MIMETYPE,
                    "res_model": res_model,
                    "res_id": res_id,
                },
            ]
        )
