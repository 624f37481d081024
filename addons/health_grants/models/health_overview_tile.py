from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models

# a certified installment not billed after this many days is an alert
CERTIFIED_UNBILLED_DAYS = 15
OPEN_STATES = ("to_certify", "certified", "billed")


class HealthOverviewTile(models.Model):
    """The grants' figures of the steering overview."""

    _inherit = "health.overview.tile"

    @api.model
    def _health_envelope_totals(self, year):
        envelopes = self.env["health.grant.envelope"].search([("year", "=", year)])
        return envelopes, sum(envelopes.mapped("amount")), sum(envelopes.mapped("committed_amount"))

    def _health_envelope_figure(self, today, field, label):
        envelopes, total, committed = self._health_envelope_totals(today.year)
        value = sum(envelopes.mapped(field)) if field != "committed_amount" else committed
        return {
            "value": value,
            "target": total,
            "subtitle": self.env._(
                "%(label)s of the %(year)s envelopes (%(count)s programmes)",
                label=label,
                year=today.year,
                count=len(envelopes.program_id),
            ),
            "res_model": "health.grant.envelope",
            "domain": [("id", "in", envelopes.ids)],
            "action": "health_grants.health_grant_envelope_action_progress",
        }

    def _health_tile_grants_committed(self, today):
        return self._health_envelope_figure(today, "committed_amount", self.env._("Committed"))

    def _health_tile_grants_billed(self, today):
        return self._health_envelope_figure(today, "billed_amount", self.env._("Billed"))

    def _health_tile_grants_paid(self, today):
        return self._health_envelope_figure(today, "paid_amount", self.env._("Paid"))

    def _health_installments_figure(self, domain, subtitle, alert=False):
        [(count, amount)] = self.env["health.grant.installment"]._read_group(
            domain, [], ["__count", "amount:sum"]
        )
        return {
            "value": amount or 0.0,
            "alert": alert and bool(count),
            "subtitle": subtitle % {"count": count},
            "res_model": "health.grant.installment",
            "domain": domain,
        }

    def _health_tile_grants_due_month(self, today):
        first = today.replace(day=1)
        domain = [
            ("due_date", ">=", first),
            ("due_date", "<=", first + relativedelta(months=1, days=-1)),
            ("state", "in", OPEN_STATES),
        ]
        return self._health_installments_figure(
            domain, self.env._("%(count)s installments due this month, not paid yet")
        )

    def _health_tile_grants_overdue(self, today):
        domain = [("due_date", "<", today), ("state", "in", OPEN_STATES)]
        return self._health_installments_figure(
            domain, self.env._("%(count)s installments past their due date, not paid"), alert=True
        )

    def _health_tile_grants_certified_unbilled(self, today):
        domain = [
            ("state", "=", "certified"),
            ("certified_date", "<", today - timedelta(days=CERTIFIED_UNBILLED_DAYS)),
        ]
        figure = self._health_installments_figure(
            domain,
            self.env._("%(count)s installments certified more than 15 days ago and not billed"),
            alert=True,
        )
        return figure

    @api.model
    def _health_installation_cost_parts(self, date_from, date_to):
        parts = super()._health_installation_cost_parts(date_from, date_to)
        Installment = self.env["health.grant.installment"]
        if not Installment.has_access("read"):
            return parts
        [(amount,)] = Installment._read_group(
            [("state", "=", "paid"), ("due_date", ">=", date_from), ("due_date", "<=", date_to)],
            [],
            ["amount:sum"],
        )
        return [*parts, (self.env._("grants paid"), amount or 0.0)]
