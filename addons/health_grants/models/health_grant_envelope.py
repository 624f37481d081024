from odoo import api, fields, models


class HealthGrantEnvelope(models.Model):
    """The budget a programme may commit in one budget year."""

    _name = "health.grant.envelope"
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
        ("amount_positive", "CHECK(amount >= 0)", "An envelope cannot be negative."),
    ]

    @api.depends("amount", "program_id", "year")
    def _compute_amounts(self):
        committed = self.env["health.grant"]._committed_amounts(
            self.program_id.ids, list(set(self.mapped("year")))
        )
        for envelope in self:
            envelope.committed_amount = committed.get((envelope.program_id.id, envelope.year), 0.0)
            envelope.remaining_amount = envelope.amount - envelope.committed_amount
