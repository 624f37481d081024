from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.health_grant_checks import MAX_BUDGET_YEAR, MIN_BUDGET_YEAR, check_range


class HealthGrantReportWizard(models.TransientModel):
    """Choose a finance spreadsheet and download it."""

    _name = "health.grant.report.wizard"
    _inherit = ["health.input.mixin"]
    _description = "Grant Spreadsheet Export"

    report_type = fields.Selection(
        [
            ("commitments", "Commitments against envelopes"),
            ("installments", "Installments due, overdue and paid per semester"),
            ("statement", "Statement of a beneficiary"),
        ],
        required=True,
        default="commitments",
    )
    year = fields.Integer(string="Budget Year", default=lambda self: fields.Date.today().year)
    program_ids = fields.Many2many("health.grant.program", string="Programmes")
    semester_ids = fields.Many2many("health.internship.semester", string="Semesters")
    partner_id = fields.Many2one("res.partner", string="Beneficiary")

    @api.constrains("year")
    def _check_year(self):
        check_range(self, "year", MIN_BUDGET_YEAR, MAX_BUDGET_YEAR, allow_empty=True)

    def _installment_domain(self):
        domain = []
        if self.program_ids:
            domain.append(("program_id", "in", self.program_ids.ids))
        if self.semester_ids:
            domain.append(("semester_id", "in", self.semester_ids.ids))
        return domain

    def _render(self):
        """(content, file name) of the chosen spreadsheet."""
        self.ensure_one()
        xlsx = self.env["health.grant.xlsx"]
        if self.report_type == "commitments":
            if not self.year:
                raise UserError(self.env._("Choose the budget year."))
            return (
                xlsx._commitments_xlsx(self.year, self.program_ids or None),
                self.env._("commitments_%s.xlsx", self.year),
            )
        if self.report_type == "installments":
            return (
                xlsx._installments_xlsx(self._installment_domain()),
                self.env._("installments_%s.xlsx", fields.Date.context_today(self)),
            )
        if not self.partner_id:
            raise UserError(self.env._("Choose the beneficiary of the statement."))
        return (
            xlsx._statement_xlsx(self.partner_id),
            self.env._("statement_%s.xlsx", self.partner_id.display_name),
        )

    def action_export(self):
        content, filename = self._render()
        return self.env["health.xlsx.export"]._xlsx_download(content, filename)
