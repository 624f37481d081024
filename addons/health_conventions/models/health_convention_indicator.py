from datetime import date

from odoo import api, fields, models
from odoo.addons.health_base.tools import reference_date
from odoo.exceptions import ValidationError

from ..checks import REFERENCE_MAX_LENGTH


class HealthConventionIndicator(models.Model):
    """An evaluation indicator of a convention, with its target and the
    values recorded each year."""

    _name = "health.convention.indicator"
    _description = "Convention Indicator"
    _inherit = ["health.input.mixin"]
    _order = "convention_id, sequence, id"
    _health_max_lengths = {"unit": REFERENCE_MAX_LENGTH}

    convention_id = fields.Many2one(
        "health.convention", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="convention_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Indicator", required=True)
    unit = fields.Char(help="e.g. interns, doctors, participants.")
    target = fields.Float(help="Value to reach each year.")
    value_ids = fields.One2many("health.convention.indicator.value", "indicator_id")
    measure_id = fields.Many2one(
        "health.indicator.measure",
        string="Measured by",
        ondelete="restrict",
        help="A figure of the suite that fills the yearly value by itself, counted in "
        "the convention's territory; leave empty to record the values by hand.",
    )
    territory_id = fields.Many2one(related="convention_id.territory_id")
    actual = fields.Float(
        string="This year",
        compute="_compute_actual",
        help="The value of the current year so far: measured, or recorded by hand.",
    )
    last_year = fields.Integer(compute="_compute_last_value")
    last_value = fields.Float(compute="_compute_last_value")
    achievement = fields.Float(
        string="Achievement (%)",
        compute="_compute_last_value",
        help="Last recorded value against the target.",
    )

    @api.depends("value_ids.year", "value_ids.value", "target")
    def _compute_last_value(self):
        for indicator in self:
            last = indicator.value_ids.sorted("year")[-1:]
            indicator.last_year = last.year
            indicator.last_value = last.value
            indicator.achievement = (
                100.0 * last.value / indicator.target if last and indicator.target else 0.0
            )

    @api.depends_context("date")
    def _compute_actual(self):
        today = reference_date(self)
        measured = self._health_measured_values(today.year, today)
        for indicator in self:
            if indicator.measure_id:
                indicator.actual = measured.get(indicator.id, 0.0)
            else:
                indicator.actual = sum(
                    indicator.value_ids.filtered(lambda v: v.year == today.year).mapped("value")
                )

    def _health_measured_values(self, year, until=None):
        """{indicator id: value} of the measured indicators for ``year`` (up
        to ``until``): one computation per measure for all the territories
        of the batch.  Measures count figures of every application, whatever
        the rights of the reader on their records."""
        result = {}
        date_from, date_to = date(year, 1, 1), min(date(year, 12, 31), until or date.max)
        measured = self.filtered(lambda i: i.measure_id and i.convention_id.territory_id)
        for measure in measured.measure_id:
            indicators = measured.filtered(lambda i, m=measure: i.measure_id == m)
            territories = indicators.convention_id.territory_id
            values = measure.sudo()._health_values(territories, date_from, date_to)
            for indicator in indicators:
                result[indicator.id] = values.get(indicator.convention_id.territory_id.id, 0.0)
        return result

    def _health_fill_values(self, year, until=None):
        """Record the measured value of ``year`` on the measured indicators
        (the year's row is created or updated)."""
        measured = self._health_measured_values(year, until)
        if not measured:
            return
        Value = self.env["health.convention.indicator.value"]
        existing = {
            value.indicator_id.id: value
            for value in Value.search([("indicator_id", "in", list(measured)), ("year", "=", year)])
        }
        to_create = []
        for indicator_id, amount in measured.items():
            if indicator_id in existing:
                if existing[indicator_id].value != amount:
                    existing[indicator_id].value = amount
            else:
                to_create.append({"indicator_id": indicator_id, "year": year, "value": amount})
        Value.create(to_create)

    def action_health_fill_values(self):
        """Fill this year's measured values (button)."""
        today = reference_date(self)
        self._health_fill_values(today.year, today)

    @api.model
    def _cron_fill_measured_values(self, day=None):
        """Keep the measured values of the current year (and of the previous
        year until its committee) up to date."""
        today = fields.Date.to_date(day) if day else reference_date(self)
        indicators = self.search(
            [
                ("measure_id", "!=", False),
                ("convention_id.state", "in", ("signed", "in_force", "expired")),
            ]
        )
        indicators._health_fill_values(today.year - 1)
        indicators._health_fill_values(today.year, today)

    @api.constrains("target")
    def _check_target(self):
        for indicator in self:
            if indicator.target < 0:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s: the target cannot be negative; enter the number "
                        "to reach each year (0 or more).",
                        indicator=indicator.name,
                    )
                )
