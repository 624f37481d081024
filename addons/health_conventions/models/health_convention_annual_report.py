from datetime import date

from markupsafe import Markup

from odoo import api, models
from odoo.addons.health_base.tools import reference_date
from odoo.exceptions import UserError

REPORT_XMLID = "health_conventions.action_report_health_convention_annual"


class HealthConvention(models.Model):
    """The year's figures of a convention, for its steering committee."""

    _inherit = "health.convention"

    def _health_annual_figures(self, year):
        """{"year", "indicators": [...], "measures": [...]} of the convention:
        each indicator with its target and the year's value (measured or
        recorded), and every figure the suite measures in its territory."""
        self.ensure_one()
        indicators = self.indicator_ids
        measured = indicators._health_measured_values(year)
        recorded = {
            value.indicator_id.id: value.value
            for value in indicators.value_ids.filtered(lambda v: v.year == year)
        }
        rows = []
        for indicator in indicators:
            value = measured.get(indicator.id, recorded.get(indicator.id))
            rows.append(
                {
                    "name": indicator.name,
                    "unit": indicator.unit or "",
                    "target": indicator.target,
                    "value": value,
                    "measured": indicator.id in measured,
                    "achievement": (value or 0.0) / indicator.target
                    if indicator.target and value is not None
                    else None,
                }
            )
        measures = []
        territory = self.territory_id
        if territory:
            Measure = self.env["health.indicator.measure"].sudo()
            for measure in Measure.search([("available", "=", True)]):
                values = measure._health_values(territory, date(year, 1, 1), date(year, 12, 31))
                measures.append(
                    {
                        "name": measure.name,
                        "unit": measure.unit or "",
                        "value": values.get(territory.id, 0.0),
                    }
                )
        return {"year": year, "indicators": rows, "measures": measures}

    def _health_annual_report_xlsx(self, year):
        """The annual report as a spreadsheet (health_base's xlsx export)."""
        self.ensure_one()
        figures = self._health_annual_figures(year)
        book = self.env["health.xlsx.export"]._xlsx_book()
        title = self.env._(
            "%(convention)s – annual report %(year)s", convention=self.display_name, year=year
        )
        sheet = book.add_sheet(
            self.env._("Indicators"),
            [
                (self.env._("Indicator"), 50, "text"),
                (self.env._("Unit"), 14, "text"),
                (self.env._("Target"), 12, "float"),
                (self.env._("Value %(year)s", year=year), 12, "float"),
                (self.env._("Achievement"), 12, "percent"),
                (self.env._("Source"), 14, "text"),
            ],
            title=title,
        )
        for row in figures["indicators"]:
            sheet.write_row(
                [
                    row["name"],
                    row["unit"],
                    row["target"],
                    row["value"],
                    row["achievement"],
                    self.env._("measured") if row["measured"] else self.env._("recorded"),
                ]
            )
        sheet = book.add_sheet(
            self.env._("Territory figures"),
            [
                (self.env._("Figure"), 50, "text"),
                (self.env._("Unit"), 14, "text"),
                (self.env._("Value %(year)s", year=year), 14, "float"),
            ],
            title=self.env._(
                "%(territory)s in %(year)s", territory=self.territory_id.display_name, year=year
            ),
        )
        for row in figures["measures"]:
            sheet.write_row([row["name"], row["unit"], row["value"]])
        return book.close()

    def _health_annual_report_attachments(self, year, res_model, res_id):
        """The PDF and the spreadsheet of the year, attached to a record."""
        self.ensure_one()
        pdf, __ = (
            self.env["ir.actions.report"]
            .with_context(lang="fr_FR")
            ._render_qweb_pdf(REPORT_XMLID, self.ids, data={"year": year})
        )
        name = self.env._("annual-report-%(ref)s-%(year)s", ref=self.name, year=year)
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
                    "raw": self._health_annual_report_xlsx(year),
                    "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "res_model": res_model,
                    "res_id": res_id,
                },
            ]
        )

    def action_health_annual_report_xlsx(self):
        self.ensure_one()
        year = reference_date(self).year - 1
        return self.env["health.xlsx.export"]._xlsx_download(
            self._health_annual_report_xlsx(year),
            self.env._("annual-report-%(ref)s-%(year)s", ref=self.name, year=year),
        )


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    def action_health_attach_annual_report(self):
        """Attach the annual report of the reviewed year (PDF and xlsx) to the
        committee and mention it in the minutes: one click."""
        for committee in self:
            convention = committee.health_convention_id
            if not convention:
                raise UserError(
                    self.env._(
                        "%(meeting)s is not the committee of a convention.", meeting=committee.name
                    )
                )
            year = committee._health_review_year()
            attachments = convention._health_annual_report_attachments(
                year, "calendar.event", committee.id
            )
            committee.health_minutes = (committee.health_minutes or Markup()) + Markup(
                "<p>%s</p>"
            ) % self.env._(
                "Annual report %(year)s attached: %(files)s",
                year=year,
                files=", ".join(attachments.mapped("name")),
            )
        return True


class ReportHealthConventionAnnual(models.AbstractModel):
    _name = "report.health_conventions.report_health_convention_annual"
    _description = "Convention Annual Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        conventions = self.env["health.convention"].browse(docids)
        year = int((data or {}).get("year") or reference_date(self).year - 1)
        return {
            "doc_ids": docids,
            "doc_model": "health.convention",
            "docs": conventions,
            "year": year,
            "figures": {c.id: c._health_annual_figures(year) for c in conventions},
        }
