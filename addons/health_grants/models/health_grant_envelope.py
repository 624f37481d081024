from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

from .health_grant_checks import MAX_BUDGET_YEAR, MIN_BUDGET_YEAR, check_not_negative, check_range


class HealthGrantEnvelope(models.Model):
    """The budget a programme may commit in one budget year."""

    _name = "health.grant.envelope"
    _inherit = ["health.input.mixin"]
    _description = "Grant Budget Envelope"
    _order = "year desc, id"
    _rec_name = "year"

    program_id = fields.Many2one(
        "health.grant.program", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="program_id.company_id", store=True)
    currency_id = fields.Many2one(related="program_id.currency_id")
    year = fields.Integer(string="Budget Year", required=True)
    amount = fields.Monetary(string="Envelope", required=True)
    committed_amount = fields.Monetary(string="Committed", compute="_compute_amounts")
    remaining_amount = fields.Monetary(string="Remaining", compute="_compute_amounts")

    _sql_constraints = [
        (
            "program_year_unique",
            "unique(program_id, year)",
            "A programme has one envelope per budget year.",
        ),
    ]

    @api.constrains("amount", "year", "program_id")
    def _check_amount(self):
        check_not_negative(self, ("amount",))
        check_range(self, "year", MIN_BUDGET_YEAR, MAX_BUDGET_YEAR)
        committed = self.env["health.grant"]._committed_amounts(
            self.program_id.ids, list(set(self.mapped("year")))
        )
        for envelope in self:
            done = committed.get((envelope.program_id.id, envelope.year), 0.0)
            if float_compare(envelope.amount, done, precision_rounding=0.01) < 0:
                raise ValidationError(
                    self.env._(
                        "The %(year)s envelope of %(program)s cannot be lower than what the "
                        "approved grants already commit (%(committed).2f €): cancel grants "
                        "first or keep at least that amount.",
                        year=envelope.year,
                        program=envelope.program_id.name,
                        committed=done,
                    )
                )

    @api.depends("amount", "program_id", "year")
    def _compute_amounts(self):
        committed = self.env["health.grant"]._committed_amounts(
            self.program_id.ids, list(set(self.mapped("year")))
        )
        for envelope in self:
            envelope.committed_amount = committed.get((envelope.program_id.id, envelope.year), 0.0)
            envelope.remaining_amount = envelope.amount - envelope.committed_amount
