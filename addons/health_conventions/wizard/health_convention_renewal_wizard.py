from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError

from ..dates import renewal_end


class HealthConventionRenewalWizard(models.TransientModel):
    """Renew a convention expressly, by an act of the parties (a deliberation
    or a decision): an act already recorded, or a new one from its number,
    date and body."""

    _name = "health.convention.renewal.wizard"
    _description = "Renew a Convention Expressly"
    _inherit = ["health.input.mixin"]

    convention_id = fields.Many2one("health.convention", required=True, ondelete="cascade")
    previous_date_end = fields.Date(related="convention_id.date_end", string="Current end date")
    date_end = fields.Date(
        string="New end date",
        compute="_compute_date_end",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
    )
    act_id = fields.Many2one(
        "health.authorising.act",
        string="Authorising act",
        help="Act renewing the convention, if already recorded; otherwise enter its "
        "number and date below.",
    )
    act_number = fields.Char(string="Act number", help="e.g. the deliberation number.")
    act_date = fields.Date(string="Act date")
    act_body = fields.Selection(tools.DELIBERATION_BODIES, string="Adopted by")

    @api.depends("convention_id")
    def _compute_date_end(self):
        for wizard in self:
            convention = wizard.convention_id
            months = convention.renewal_months or convention.duration_months
            wizard.date_end = (
                convention.date_end and months and renewal_end(convention.date_end, months)
            )

    def _prepare_act_vals(self):
        """Values of the act created from the number and date (extension hook)."""
        self.ensure_one()
        return {
            "act_type": "deliberation",
            "number": self.act_number,
            "date": self.act_date,
            "body": self.act_body,
            "subject": self.env._(
                "Express renewal of %(convention)s", convention=self.convention_id.display_name
            ),
            "partner_id": self.convention_id.company_id.partner_id.id,
            "company_id": self.convention_id.company_id.id,
        }

    def _get_act(self):
        self.ensure_one()
        if self.act_id:
            return self.act_id
        if not (self.act_number and self.act_date):
            raise UserError(
                self.env._(
                    "Choose the act that renews the convention, or enter its number "
                    "and date to record it."
                )
            )
        return self.env["health.authorising.act"].create(self._prepare_act_vals())

    def action_confirm(self):
        self.ensure_one()
        self.convention_id._renew_expressly(self.date_end, self._get_act())
        return {"type": "ir.actions.act_window_close"}
