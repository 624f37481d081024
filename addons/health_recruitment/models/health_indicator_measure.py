from datetime import datetime, time, timedelta

from odoo import models


class HealthIndicatorMeasure(models.Model):
    """The recruitment measures an indicator can be bound to."""

    _inherit = "health.indicator.measure"

    def _health_measure_installations(self, territories, date_from, date_to):
        """Doctors installed in the period, by commune of installation."""
        groups = self.env["crm.lead"]._read_group(
            [
                ("health_is_recruitment", "=", True),
                ("health_is_installed", "=", True),
                ("health_installation_date", ">=", date_from),
                ("health_installation_date", "<=", date_to),
            ],
            ["health_installation_territory_id"],
            ["__count"],
        )
        return self._health_roll_up(territories, groups)

    def _health_measure_candidacies(self, territories, date_from, date_to):
        """Candidacies recorded in the period that target the territory."""
        groups = self.env["crm.lead"]._read_group(
            [
                ("health_is_recruitment", "=", True),
                ("create_date", ">=", datetime.combine(date_from, time.min)),
                ("create_date", "<", datetime.combine(date_to + timedelta(days=1), time.min)),
            ],
            ["health_target_territory_ids"],
            ["id:array_agg"],
        )
        return self._health_roll_up_sets(territories, groups)
