from datetime import datetime, time, timedelta

from odoo import api, models

# windows of the overview, in days
NOTICE_WINDOW_DAYS = 90
NOTICE_ALERT_DAYS = 30
COMMITTEE_WINDOW_DAYS = 60
RUNNING_STATES = ("signed", "in_force")


class HealthOverviewTile(models.Model):
    """The conventions' figures of the steering overview."""

    _inherit = "health.overview.tile"

    @api.model
    def _health_notice_domain(self, today, days):
        return [
            ("state", "in", RUNNING_STATES),
            ("notice_deadline", ">=", today),
            ("notice_deadline", "<=", today + timedelta(days=days)),
        ]

    def _health_conventions_figure(self, domain, subtitle, alert=False, model="health.convention"):
        count = self.env[model].search_count(domain)
        return {
            "value": count,
            "alert": alert and bool(count),
            "subtitle": subtitle,
            "res_model": model,
            "domain": domain,
        }

    def _health_tile_conventions_notice_90(self, today):
        return self._health_conventions_figure(
            self._health_notice_domain(today, NOTICE_WINDOW_DAYS),
            self.env._("Last day to give notice within %(days)s days", days=NOTICE_WINDOW_DAYS),
        )

    def _health_tile_conventions_notice_undecided(self, today):
        """A notice deadline within 30 days and no termination recorded: the
        convention renews by itself unless someone decides."""
        domain = [
            *self._health_notice_domain(today, NOTICE_ALERT_DAYS),
            ("termination_date", "=", False),
        ]
        return self._health_conventions_figure(
            domain,
            self.env._(
                "Notice deadline within %(days)s days and no decision recorded",
                days=NOTICE_ALERT_DAYS,
            ),
            alert=True,
        )

    def _health_tile_conventions_renewals_year(self, today):
        domain = [("date", ">=", today.replace(month=1, day=1)), ("date", "<=", today)]
        return self._health_conventions_figure(
            domain,
            self.env._("Renewals recorded since 1 January %(year)s", year=today.year),
            model="health.convention.renewal",
        )

    def _health_tile_conventions_expiries_year(self, today):
        domain = [
            ("state", "in", (*RUNNING_STATES, "expired")),
            ("date_end", ">=", today.replace(month=1, day=1)),
            ("date_end", "<=", today.replace(month=12, day=31)),
        ]
        return self._health_conventions_figure(
            domain, self.env._("Terms ending in %(year)s", year=today.year)
        )

    def _health_tile_conventions_committees_due(self, today):
        domain = [
            ("health_convention_id", "!=", False),
            ("start", ">=", datetime.combine(today, time.min)),
            (
                "start",
                "<=",
                datetime.combine(today + timedelta(days=COMMITTEE_WINDOW_DAYS), time.max),
            ),
        ]
        figure = self._health_conventions_figure(
            domain,
            self.env._("Committees meeting within %(days)s days", days=COMMITTEE_WINDOW_DAYS),
            model="calendar.event",
        )
        figure["views"] = ["list", "calendar", "form"]
        return figure

    def _health_tile_conventions_indicators_behind(self, today):
        """Indicators of running conventions whose latest value (measured
        this year, else the last recorded) is below the target."""
        indicators = self.env["health.convention.indicator"].search(
            [("convention_id.state", "in", RUNNING_STATES), ("target", ">", 0)]
        )
        measured = indicators._health_measured_values(today.year - 1)
        behind = indicators.filtered(lambda i: measured.get(i.id, i.last_value) < i.target)
        return {
            "value": len(behind),
            "target": len(indicators),
            "alert": bool(behind),
            "subtitle": self.env._(
                "%(count)s of %(total)s indicators below their target",
                count=len(behind),
                total=len(indicators),
            ),
            "res_model": "health.convention.indicator",
            "domain": [("id", "in", behind.ids)],
        }
