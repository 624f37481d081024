from datetime import timedelta

from odoo import models
from odoo.addons.health_base import tools


class HealthIndicatorMeasure(models.Model):
    """The one-stop desk's measure an indicator can be bound to."""

    _inherit = "health.indicator.measure"

    def _health_measure_desk_requests(self, territories, date_from, date_to):
        """Desk requests received in the period (days of the programme's time
        zone, both included), located by the commune or intercommunality the
        question is about, else by the requester's territory."""
        groups = self.env["helpdesk.ticket"]._read_group(
            [
                ("health_is_desk", "=", True),
                ("health_received_date", ">=", tools.local_to_utc(date_from, 0)),
                ("health_received_date", "<", tools.local_to_utc(date_to + timedelta(days=1), 0)),
            ],
            ["health_territory_id", "partner_id"],
            ["__count"],
        )
        return self._health_roll_up(
            territories,
            [
                (territory or partner.health_territory_id, count)
                for territory, partner, count in groups
            ],
        )
