from markupsafe import Markup

from odoo import api, models
from odoo.addons.health_base.tools import reference_date
from odoo.exceptions import UserError

REPORT_XMLID = "health_conventions.action_report_health_convention_annual"


class HealthConvention(models.Model):
    """The year's figures of a convention, for its steering committee."""

    _inherit = "health.convention"

    def _health_annual_figures(self, year):
        """``{convention id: {"year", "indicators": [...], "measures": [...]}}``:
        each indicator with its target and the year's value (measured or
        recorded), and every figure the suite measures in the convention's
        territory (this year and the year before), computed once for the
        whole batch."""
        Report = self.env["health.annual.report"]
        indicator_rows = Report._indicator_rows(self.indicator_ids, year)
        measures = Report._measure_rows(self.territory_id, year)
        return {
            convention.id: {
                "year": year,
                "indicators": [indicator_rows[i.id] for i in convention.indicator_ids],
                "measures": measures if convention.territory_id else [],
            }
            for convention in self
        }

    def _health_annual_report_name(self, year):
        self.ensure_one()
        return self.env._("annual-report-%(ref)s-%(year)s", ref=self.name, year=year)

    def _health_annual_report_xlsx(self, year):
        """The annual report as a spreadsheet (health_base's xlsx export)."""
        self.ensure_one()
        figures = self._health_annual_figures(year)[self.id]
        Report = self.env["health.annual.report"]
        book = self.env["health.xlsx.export"]._xlsx_book()
        title = self.env._(
            "%(convention)s – annual report %(year)s", convention=self.display_name, year=year
        )
        sheet = book.add_sheet(
            self.env._("Indicators"), Report._xlsx_indicator_columns(year), title=title
        )
        for row in figures["indicators"]:
            sheet.write_row(Report._xlsx_indicator_values(row))
        Report._xlsx_measures_sheet(
            book,
            figures["measures"],
            self.territory_id,
            year,
            self.env._(
                "%(territory)s in %(year)s", territory=self.territory_id.display_name, year=year
            ),
        )
        return book.close()

    def _health_annual_report_attachments(self, year, res_model, res_id):
        """The PDF and the spreadsheet of the year, attached to a record."""
        self.ensure_one()
        return self.env["health.annual.report"]._attachments(
            REPORT_XMLID,
            self,
            year,
            self._health_annual_report_xlsx(year),
            self._health_annual_report_name(year),
            res_model,
            res_id,
        )

    def action_health_annual_report_xlsx(self):
        self.ensure_one()
        year = reference_date(self).year - 1
        return self.env["health.xlsx.export"]._xlsx_download(
            self._health_annual_report_xlsx(year), self._health_annual_report_name(year)
        )


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    def _health_note_annual_report(self, year, attachments):
        """Mention the attached annual report in the minutes."""
        self.ensure_one()
        self.health_minutes = (self.health_minutes or Markup()) + Markup("<p>%s</p>") % self.env._(
            "Annual report %(year)s attached: %(files)s",
            year=year,
            files=", ".join(attachments.mapped("name")),
        )

    def action_health_attach_annual_report(self):
        """Attach the annual report of the reviewed year (PDF and xlsx) of
        the committee's convention, or else of its territory, to the
        committee and mention it in the minutes: one click."""
        for committee in self:
            convention = committee.health_convention_id
            territory = committee.health_territory_id
            if not convention and not territory:
                raise UserError(
                    self.env._(
                        "%(meeting)s is the committee of neither a convention nor a territory: "
                        "choose the convention or the territory it steers first.",
                        meeting=committee.name,
                    )
                )
            year = committee._health_review_year()
            record = convention or territory
            attachments = record._health_annual_report_attachments(
                year, "calendar.event", committee.id
            )
            committee._health_note_annual_report(year, attachments)
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
            "report_lang": self.env["health.annual.report"]._report_lang(),
            "figures": conventions._health_annual_figures(year),
        }
