from odoo import fields, models

BILLED_STATES = ("billed", "paid")


class HealthGrantEnvelope(models.Model):
    """How far each envelope is committed, billed and paid (overview)."""

    _inherit = "health.grant.envelope"

    billed_amount = fields.Monetary(string="Billed", compute="_compute_progress")
    paid_amount = fields.Monetary(string="Paid", compute="_compute_progress")
    committed_rate = fields.Float(string="Committed (%)", compute="_compute_progress")
    billed_rate = fields.Float(string="Billed (%)", compute="_compute_progress")
    paid_rate = fields.Float(string="Paid (%)", compute="_compute_progress")

    def _compute_progress(self):
        groups = (
            self.env["health.grant.installment"]
            .sudo()
            ._read_group(
                [
                    ("program_id", "in", self.program_id.ids),
                    ("budget_year", "in", list(set(self.mapped("year")))),
                    ("state", "in", BILLED_STATES),
                ],
                ["program_id", "budget_year", "state"],
                ["amount:sum"],
            )
        )
        amounts = {}
        for program, year, state, amount in groups:
            billed, paid = amounts.get((program.id, year), (0.0, 0.0))
            amounts[(program.id, year)] = (
                billed + amount,
                paid + (amount if state == "paid" else 0.0),
            )
        for envelope in self:
            billed, paid = amounts.get((envelope.program_id.id, envelope.year), (0.0, 0.0))
            envelope.billed_amount = billed
            envelope.paid_amount = paid
            total = envelope.amount
            envelope.committed_rate = 100.0 * envelope.committed_amount / total if total else 0.0
            envelope.billed_rate = 100.0 * billed / total if total else 0.0
            envelope.paid_rate = 100.0 * paid / total if total else 0.0
