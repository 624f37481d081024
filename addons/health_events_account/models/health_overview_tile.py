from datetime import timedelta

from odoo import api, models
from odoo.addons.health_base import tools


class HealthOverviewTile(models.Model):
    """The welcome evenings' part of what the programme spends on
    installations."""

    _inherit = "health.overview.tile"

    @api.model
    def _health_installation_cost_parts(self, date_from, date_to):
        """Adds the costs of the welcome evenings held in the period (their
        day in the programme's time zone): the untaxed total of their posted
        vendor bills, credit notes deducted, in the company's currency.

        Like the evenings' cost, it is read by whoever may read the
        evenings, without access to the accounting; only the evenings the
        reader may read count."""
        parts = super()._health_installation_cost_parts(date_from, date_to)
        Event = self.env["event.event"]
        if not Event.has_access("read"):
            return parts
        evenings = Event._search(
            [
                ("health_is_welcome_evening", "=", True),
                ("date_begin", ">=", tools.local_to_utc(date_from, 0)),
                ("date_begin", "<", tools.local_to_utc(date_to + timedelta(days=1), 0)),
            ]
        )
        # amounts in the company's currency: the companies of the reader that
        # share the currency of the current one
        currency = self.env.company.currency_id
        companies = self.env.companies.filtered(lambda company: company.currency_id == currency)
        [(amount,)] = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("health_event_id", "in", evenings),
                    ("move_type", "in", ("in_invoice", "in_refund")),
                    ("state", "=", "posted"),
                    ("company_id", "in", companies.ids),
                ],
                [],
                ["amount_untaxed_signed:sum"],
            )
        )
        # vendor bills are signed negatively, credit notes positively
        return [*parts, (self.env._("welcome evenings"), -amount if amount else 0.0)]
