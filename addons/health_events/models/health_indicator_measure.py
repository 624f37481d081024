from datetime import datetime, time, timedelta

from odoo import models
from odoo.addons.health_base import tools


class HealthIndicatorMeasure(models.Model):
    """The welcome evenings' measures an indicator can be bound to."""

    _inherit = "health.indicator.measure"

    def _health_evening_attendance(self, territories, date_from, date_to, extra_domain=()):
        groups = self.env["event.registration"]._read_group(
            [
                ("state", "=", "done"),
                ("event_id.health_is_welcome_evening", "=", True),
                ("event_id.date_begin", ">=", datetime.combine(date_from, time.min)),
                (
                    "event_id.date_begin",
                    "<",
                    datetime.combine(date_to + timedelta(days=1), time.min),
                ),
                *extra_domain,
            ],
            ["event_id"],
            ["__count"],
        )
        return self._health_roll_up(
            territories, [(event.health_territory_id, count) for event, count in groups]
        )

    def _health_measure_interns_welcomed(self, territories, date_from, date_to):
        """Interns who came to a welcome evening of the territory."""
        return self._health_evening_attendance(
            territories,
            date_from,
            date_to,
            [("partner_id.health_role_ids.code", "=", tools.ROLE_INTERN)],
        )

    def _health_measure_evening_participants(self, territories, date_from, date_to):
        """Everyone who came to a welcome evening of the territory."""
        return self._health_evening_attendance(territories, date_from, date_to)
