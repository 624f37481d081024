from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError


class CalendarEvent(models.Model):
    """A steering committee of a convention is a calendar meeting."""

    _name = "calendar.event"
    _inherit = ["calendar.event", "health.input.mixin"]
    # Odoo's fields of a meeting keep Odoo's behaviour
    _health_checked_fields = {
        "health_convention_id",
        "health_territory_id",
        "health_annual_review",
        "health_minutes",
        "health_decisions",
    }

    health_convention_id = fields.Many2one(
        "health.convention", string="Convention", index="btree_not_null", ondelete="set null"
    )
    health_territory_id = fields.Many2one(
        "health.territory",
        string="Steered territory",
        index="btree_not_null",
        ondelete="set null",
        help="The territory whose annual report this steering committee reviews, when it "
        "steers the programme of a territory rather than one convention.",
    )
    health_annual_review = fields.Boolean(
        string="Annual review", help="The committee reviews the year's indicators."
    )
    health_minutes = fields.Html(string="Minutes")
    health_decisions = fields.Html(string="Decisions")

    def _health_review_year(self):
        """The year a committee reviews: the year before the meeting."""
        self.ensure_one()
        return self.start.year - 1

    def _health_indicator_review(self):
        """HTML table of the convention's indicators for the reviewed year."""
        self.ensure_one()
        year = self._health_review_year()
        rows = Markup()
        for indicator in self.health_convention_id.indicator_ids:
            value = indicator.value_ids.filtered(lambda v: v.year == year)[:1]
            rows += Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>") % (
                indicator.name + (f" ({indicator.unit})" if indicator.unit else ""),
                f"{indicator.target:g}",
                f"{value.value:g}" if value else "–",
            )
        return Markup(
            "<h4>%s</h4><table class='table table-sm'><thead><tr><th>%s</th><th>%s</th>"
            "<th>%s</th></tr></thead><tbody>%s</tbody></table>"
        ) % (
            self.env._("Annual review %(year)s", year=year),
            self.env._("Indicator"),
            self.env._("Target"),
            self.env._("Value"),
            rows,
        )

    def action_health_annual_review(self):
        """Add the review of the convention's indicators to the minutes."""
        for event in self:
            if not event.health_convention_id.indicator_ids:
                raise UserError(
                    self.env._(
                        "The convention of %(meeting)s has no indicator to review.",
                        meeting=event.name,
                    )
                )
            event.health_minutes = (
                event.health_minutes or Markup()
            ) + event._health_indicator_review()
