from datetime import date, timedelta

from odoo import api, models
from odoo.addons.health_base import tools

DESK_USER = "health_desk.group_health_desk_user"
REQUESTS_ACTION = "health_desk.helpdesk_ticket_action_desk"
INDICATORS_ACTION = "health_desk.helpdesk_ticket_action_indicators"


class HealthOverviewTile(models.Model):
    """The one-stop desk's figures of the steering overview: what is open,
    what is late, how often the target time is kept, and how satisfied the
    requesters are.  Each figure counts the requests the reader may read
    (a desk officer: the desks they belong to)."""

    _inherit = "health.overview.tile"

    @api.model
    def _health_desk_no_figure(self):
        """The figure of a reader who is no desk officer: nothing to count or open."""
        return {"value": 0.0, "display": "–", "subtitle": self.env._("Reserved to the desk.")}

    @api.model
    def _health_desk_received_until(self, today):
        """Requests received up to the end of ``today`` (programme's time zone)."""
        return [("health_received_date", "<", tools.local_to_utc(today + timedelta(days=1), 0))]

    @api.model
    def _health_desk_year_bounds(self, field, today):
        """``field`` (a UTC datetime) within the calendar year of ``today``, up to today."""
        return [
            (field, ">=", tools.local_to_utc(date(today.year, 1, 1), 0)),
            (field, "<", tools.local_to_utc(today + timedelta(days=1), 0)),
        ]

    def _health_tile_desk_open(self, today):
        if not self.env.user.has_group(DESK_USER):
            return self._health_desk_no_figure()
        Ticket = self.env["helpdesk.ticket"]
        domain = [
            ("health_is_desk", "=", True),
            ("closed", "=", False),
            *self._health_desk_received_until(today),
        ]
        [(count, answered)] = Ticket._read_group(
            domain, [], ["__count", "health_first_answer_date:count"]
        )
        return {
            "value": count,
            "subtitle": self.env._("%(unanswered)s not answered yet", unanswered=count - answered),
            "res_model": "helpdesk.ticket",
            "domain": domain,
            "action": REQUESTS_ACTION,
        }

    def _health_tile_desk_overdue(self, today):
        if not self.env.user.has_group(DESK_USER):
            return self._health_desk_no_figure()
        domain = self.env["helpdesk.ticket"]._health_desk_overdue_domain(today)
        count = self.env["helpdesk.ticket"].search_count(domain)
        return {
            "value": count,
            "alert": bool(count),
            "subtitle": self.env._(
                "Open requests not answered by their due date (target time in working days)"
            ),
            "res_model": "helpdesk.ticket",
            "domain": domain,
            "action": REQUESTS_ACTION,
        }

    def _health_tile_desk_in_time(self, today):
        """The desk's indicator "answered within target" over the requests of
        the year that have been answered."""
        if not self.env.user.has_group(DESK_USER):
            return self._health_desk_no_figure()
        domain = [
            ("health_is_desk", "=", True),
            ("health_first_answer_date", "!=", False),
            *self._health_desk_year_bounds("health_received_date", today),
        ]
        [(count, rate)] = self.env["helpdesk.ticket"]._read_group(
            domain, [], ["__count", "health_in_time_rate:avg"]
        )
        rate = rate or 0.0
        return {
            "value": rate,
            "target": 100.0 if count else 0.0,
            "subtitle": self.env._(
                "%(in_time)s of the %(count)s requests received in %(year)s and answered, "
                "answered within the target time",
                in_time=round(rate * count / 100.0),
                count=count,
                year=today.year,
            ),
            "res_model": "helpdesk.ticket",
            "domain": domain,
            "action": INDICATORS_ACTION,
        }

    def _health_tile_desk_satisfaction(self, today):
        """Share of "satisfied" among the answers to the closing e-mail of
        the requests closed this year."""
        if not self.env.user.has_group(DESK_USER):
            return self._health_desk_no_figure()
        domain = [
            ("health_is_desk", "=", True),
            ("health_satisfaction", "!=", False),
            *self._health_desk_year_bounds("closed_date", today),
        ]
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(domain, ["health_satisfaction"], ["__count"])
        )
        rated = sum(counts.values())
        return {
            "value": self._health_rate(counts.get("3", 0), rated),
            "target": 100.0 if rated else 0.0,
            "subtitle": self.env._(
                "%(satisfied)s satisfied, %(partly)s partly, %(unhappy)s not satisfied, "
                "of %(rated)s requesters who answered in %(year)s",
                satisfied=counts.get("3", 0),
                partly=counts.get("2", 0),
                unhappy=counts.get("1", 0),
                rated=rated,
                year=today.year,
            ),
            "res_model": "helpdesk.ticket",
            "domain": domain,
            "views": ["list", "form"],
        }
