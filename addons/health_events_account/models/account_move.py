from odoo import api, fields, models


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "health.input.mixin"]
    # the input checks apply to the fields of the suite only
    _health_checked_fields = {"health_event_id"}

    health_event_id = fields.Many2one(
        "event.event",
        string="Welcome Evening",
        index="btree_not_null",
        ondelete="restrict",
        copy=False,
        domain=[("health_is_welcome_evening", "=", True)],
        help="The welcome evening this bill pays for (venue, catering…): its lines are "
        "charged to the evening's analytic account.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        moves = super().create(vals_list)
        moves.filtered("health_event_id")._health_apply_event_analytic()
        return moves

    def write(self, vals):
        result = super().write(vals)
        if vals.get("health_event_id") or "invoice_line_ids" in vals or "line_ids" in vals:
            self.filtered("health_event_id")._health_apply_event_analytic()
        return result

    def _health_apply_event_analytic(self):
        """Charge the product lines without analytic distribution to the evening."""
        for move in self:
            account = move.health_event_id.health_analytic_account_id
            if not account:
                continue
            lines = move.invoice_line_ids.filtered(
                lambda line: line.display_type == "product" and not line.analytic_distribution
            )
            if lines:
                lines.analytic_distribution = {str(account.id): 100}
