from odoo import api, fields, models
from odoo.addons.health_base.tools import reference_date
from odoo.exceptions import ValidationError
from odoo.tools import format_amount


class HealthRecruitmentInstallationCostSummary(models.TransientModel):
    """The cost per installation over a period, with all its parts: the
    figure of the overview tile (health.recruitment.installation.cost's
    ``_health_cost_summary``) for any period, optionally for a territory."""

    _name = "health.recruitment.installation.cost.summary"
    _inherit = ["health.input.mixin"]
    _description = "Cost per Installation over a Period"

    date_from = fields.Date(string="From", required=True, default=lambda self: self._default_from())
    date_to = fields.Date(string="To", required=True, default=lambda self: reference_date(self))
    territory_id = fields.Many2one(
        "health.territory",
        string="Territory",
        help="Count only the installations in this territory, with their toolbox measures: "
        "the programme-wide costs (grants, evenings...) belong to no territory and are "
        "left out.",
    )
    currency_id = fields.Many2one(
        "res.currency", string="Currency", default=lambda self: self.env.company.currency_id
    )
    installation_count = fields.Integer(string="Installations", compute="_compute_summary")
    measures_cost = fields.Monetary(
        string="Toolbox Measures",
        currency_field="currency_id",
        compute="_compute_summary",
        help="Cost of the toolbox measures of the doctors installed in the period "
        "(declined measures excluded).",
    )
    programme_cost = fields.Monetary(
        string="Programme-wide Costs",
        currency_field="currency_id",
        compute="_compute_summary",
        help="What the other applications spent in the period: grants paid, welcome "
        "evenings' bills...",
    )
    total_cost = fields.Monetary(
        string="Total Cost", currency_field="currency_id", compute="_compute_summary"
    )
    cost_per_installation = fields.Monetary(
        string="Cost per Installation",
        currency_field="currency_id",
        compute="_compute_summary",
        help="Total cost divided by the number of doctors installed in the period.",
    )
    parts_display = fields.Text(string="Breakdown", compute="_compute_summary")

    @api.model
    def _default_from(self):
        return reference_date(self).replace(month=1, day=1)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for summary in self:
            if summary.date_to < summary.date_from:
                raise ValidationError(
                    self.env._(
                        "The period ends on %(end)s, before it starts on %(start)s: "
                        "correct one of the dates.",
                        end=summary.date_to,
                        start=summary.date_from,
                    )
                )

    def _health_summary(self):
        self.ensure_one()
        return self.env["health.recruitment.installation.cost"]._health_cost_summary(
            self.date_from, self.date_to, self.territory_id or None
        )

    @api.depends("date_from", "date_to", "territory_id")
    def _compute_summary(self):
        for summary in self:
            if not (summary.date_from and summary.date_to):
                summary.update(
                    {
                        "installation_count": 0,
                        "measures_cost": 0.0,
                        "programme_cost": 0.0,
                        "total_cost": 0.0,
                        "cost_per_installation": 0.0,
                        "parts_display": False,
                    }
                )
                continue
            figure = summary._health_summary()
            measures = figure["parts"][0][1]
            currency = summary.currency_id or self.env.company.currency_id
            summary.update(
                {
                    "installation_count": figure["count"],
                    "measures_cost": measures,
                    "programme_cost": figure["total"] - measures,
                    "total_cost": figure["total"],
                    "cost_per_installation": figure["cost_per_installation"],
                    "parts_display": "\n".join(
                        summary._health_part_line(label, amount, currency)
                        for label, amount in figure["parts"]
                    ),
                }
            )

    def _health_part_line(self, label, amount, currency):
        return f"{label[:1].upper()}{label[1:]}: {format_amount(self.env, amount, currency)}"

    def action_open_installations(self):
        """The installations the cost is divided by."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Installations"),
            "res_model": "crm.lead",
            "domain": self._health_summary()["domain"],
            "views": [(False, "list"), (False, "form")],
            "context": {"create": False},
            "target": "current",
        }
