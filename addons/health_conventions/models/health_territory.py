from datetime import date

from odoo import api, models
from odoo.addons.health_base.tools import reference_date
from odoo.exceptions import AccessError

from .health_convention import LOCKED_STATES

REPORT_XMLID = "health_conventions.action_report_health_territory_annual"


class HealthTerritory(models.Model):
    """The annual report of a territory for its steering committee."""

    _inherit = "health.territory"

    def _health_check_annual_report_access(self):
        """The report shows figures of every application (read with higher
        rights) and the conventions: for the conventions' users only."""
        if not (self.env.su or self.env.user.has_group("health_conventions.group_convention_user")):
            raise AccessError(
                self.env._(
                    "Only the users of the conventions can print the annual report of a "
                    "territory; ask the head of the health service for these rights."
                )
            )

    def _health_covering_conventions_domain(self, year):
        """Conventions that applied in ``year`` to the territory: those of the
        territory, of a territory it contains (a commune's convention within
        an EPCI) and of a territory that contains it (the département's
        convention also applies to its EPCIs)."""
        self.ensure_one()
        return [
            "|",
            ("territory_id", "child_of", self.id),
            ("territory_id", "parent_of", self.id),
            ("state", "in", LOCKED_STATES),
            "|",
            ("date_start", "=", False),
            ("date_start", "<=", date(year, 12, 31)),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", date(year, 1, 1)),
            "|",
            ("termination_date", "=", False),
            ("termination_date", ">=", date(year, 1, 1)),
        ]

    def _health_convention_scope(self, convention):
        """How a covering convention relates to the territory."""
        self.ensure_one()
        if convention.territory_id == self:
            return self.env._("this territory")
        if str(self.id) in (convention.territory_id.parent_path or "").split("/"):
            return self.env._("part of the territory")
        return self.env._("wider territory")

    def _health_annual_figures(self, year):
        """The year's figures of the territory: ``{"year", "territories"
        (the territory and every territory it contains), "measures" (see
        ``health.annual.report._measure_rows``), "conventions": [{"convention",
        "scope", "indicators"}]}``.  Each measure is computed once for the
        whole subtree, the indicators of all the conventions at once."""
        self.ensure_one()
        self._health_check_annual_report_access()
        Report = self.env["health.annual.report"]
        territories = self.search([("id", "child_of", self.id)])
        conventions = self.env["health.convention"].search(
            self._health_covering_conventions_domain(year), order="date_start, name, id"
        )
        indicator_rows = Report._indicator_rows(conventions.indicator_ids, year)
        return {
            "year": year,
            "territories": territories,
            "measures": Report._measure_rows(territories, year),
            "conventions": [
                {
                    "convention": convention,
                    "scope": self._health_convention_scope(convention),
                    "indicators": [indicator_rows[i.id] for i in convention.indicator_ids],
                }
                for convention in conventions
            ],
        }

    def _health_annual_report_name(self, year):
        self.ensure_one()
        return self.env._("annual-report-%(territory)s-%(year)s", territory=self.name, year=year)

    def _health_annual_report_xlsx(self, year, figures=None):
        """The territory's annual report as a spreadsheet: its figures and
        those of every territory it contains, then the conventions'
        indicators."""
        self.ensure_one()
        figures = figures or self._health_annual_figures(year)
        Report = self.env["health.annual.report"]
        book = self.env["health.xlsx.export"]._xlsx_book()
        Report._xlsx_measures_sheet(
            book,
            figures["measures"],
            figures["territories"],
            year,
            self.env._(
                "%(territory)s – annual report %(year)s", territory=self.complete_name, year=year
            ),
        )
        sheet = book.add_sheet(
            self.env._("Conventions"),
            [
                (self.env._("Convention"), 16, "text"),
                (self.env._("Title"), 40, "text"),
                (self.env._("Territory"), 30, "text"),
                (self.env._("Scope"), 20, "text"),
                *Report._xlsx_indicator_columns(year),
            ],
            title=self.env._(
                "Conventions covering %(territory)s in %(year)s", territory=self.name, year=year
            ),
        )
        for item in figures["conventions"]:
            convention = item["convention"]
            head = [
                convention.name,
                convention.title,
                convention.territory_id.complete_name,
                item["scope"],
            ]
            if not item["indicators"]:
                sheet.write_row(head)
            for row in item["indicators"]:
                sheet.write_row(head + Report._xlsx_indicator_values(row))
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

    def action_health_annual_report(self):
        """Open the annual report's wizard (year, committee to attach to)."""
        self.ensure_one()
        self._health_check_annual_report_access()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Annual report of %(territory)s", territory=self.name),
            "res_model": "health.territory.annual.report",
            "view_mode": "form",
            "target": "new",
            "context": {"default_territory_id": self.id},
        }


class ReportHealthTerritoryAnnual(models.AbstractModel):
    _name = "report.health_conventions.report_health_territory_annual"
    _description = "Territory Annual Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        territories = self.env["health.territory"].browse(docids)
        year = int((data or {}).get("year") or reference_date(self).year - 1)
        return {
            "doc_ids": docids,
            "doc_model": "health.territory",
            "docs": territories,
            "year": year,
            "report_lang": self.env["health.annual.report"]._report_lang(),
            "figures": {t.id: t._health_annual_figures(year) for t in territories},
        }
