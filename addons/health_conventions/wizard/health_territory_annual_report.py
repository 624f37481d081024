from odoo import api, fields, models
from odoo.addons.health_base.tools import reference_date
from odoo.exceptions import UserError, ValidationError

from ..models.health_territory import REPORT_XMLID


class HealthTerritoryAnnualReport(models.TransientModel):
    """Print the annual report of a territory, download its spreadsheet, or
    attach both to a steering committee's meeting."""

    _name = "health.territory.annual.report"
    _description = "Territory Annual Report"
    _inherit = ["health.input.mixin"]

    territory_id = fields.Many2one("health.territory", required=True, ondelete="cascade")
    committee_id = fields.Many2one(
        "calendar.event",
        string="Committee meeting",
        help="The meeting whose minutes receive the report (PDF and spreadsheet).",
    )
    year = fields.Integer(
        compute="_compute_year",
        store=True,
        readonly=False,
        required=True,
        help="The year reported on (the year before the committee's meeting by default).",
    )

    @api.depends("committee_id")
    def _compute_year(self):
        for wizard in self:
            if wizard.committee_id:
                wizard.year = wizard.committee_id._health_review_year()
            elif not wizard.year:
                wizard.year = reference_date(wizard).year - 1

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not 2000 <= wizard.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "%(year)s is not a year the report can cover: enter a year between "
                        "2000 and 2100.",
                        year=wizard.year,
                    )
                )

    def action_print(self):
        self.ensure_one()
        self.territory_id._health_check_annual_report_access()
        return self.env.ref(REPORT_XMLID).report_action(self.territory_id, data={"year": self.year})

    def action_download_xlsx(self):
        self.ensure_one()
        territory = self.territory_id
        return self.env["health.xlsx.export"]._xlsx_download(
            territory._health_annual_report_xlsx(self.year),
            territory._health_annual_report_name(self.year),
        )

    def action_attach(self):
        """Attach the PDF and the spreadsheet to the committee's meeting and
        mention them in its minutes, then open the meeting."""
        self.ensure_one()
        committee = self.committee_id
        if not committee:
            raise UserError(
                self.env._("Choose the committee meeting to attach the annual report to.")
            )
        if not committee.health_convention_id and not committee.health_territory_id:
            # the meeting becomes the territory's committee (listed with the others)
            committee.health_territory_id = self.territory_id
        attachments = self.territory_id._health_annual_report_attachments(
            self.year, "calendar.event", committee.id
        )
        committee._health_note_annual_report(self.year, attachments)
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": committee.id,
            "view_mode": "form",
            "target": "current",
        }
