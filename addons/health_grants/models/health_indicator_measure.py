from odoo import models


class HealthIndicatorMeasure(models.Model):
    """The grants' measures an indicator can be bound to."""

    _inherit = "health.indicator.measure"

    def _health_measure_grants_paid(self, territories, date_from, date_to):
        """Installments due in the period and paid, by the beneficiary's
        territory (the internship supervisors of the territory)."""
        groups = self.env["health.grant.installment"]._read_group(
            [("state", "=", "paid"), ("due_date", ">=", date_from), ("due_date", "<=", date_to)],
            ["partner_id"],
            ["amount:sum"],
        )
        return self._health_roll_up(
            territories, [(partner.health_territory_id, amount) for partner, amount in groups]
        )
