from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

# the measures that count the candidacies from one source (utm_source_id):
# this code, or this code followed by "_" and a suffix (a code is unique, one
# measure per source: candidacies_source_congress...)
SOURCE_MEASURE_CODE = "candidacies_source"


class HealthIndicatorMeasure(models.Model):
    """The recruitment measures an indicator can be bound to."""

    _inherit = "health.indicator.measure"

    utm_source_id = fields.Many2one(
        "utm.source",
        string="Candidacy Source",
        ondelete="restrict",
        domain=[("health_is_recruitment", "=", True)],
        help="For the measure of the candidacies from a source: the source counted.",
    )
    is_source_measure = fields.Boolean(
        string="Counts a Source",
        compute="_compute_is_source_measure",
        help="The measure counts the candidacies from its source.",
    )

    def _health_counts_source(self):
        """Whether the measure counts the candidacies from its source."""
        self.ensure_one()
        code = self.code or ""
        return code == SOURCE_MEASURE_CODE or code.startswith(f"{SOURCE_MEASURE_CODE}_")

    @api.depends("code")
    def _compute_is_source_measure(self):
        for measure in self:
            measure.is_source_measure = measure._health_counts_source()

    def _compute_available(self):
        result = super()._compute_available()
        for measure in self:
            if measure._health_counts_source():
                measure.available = True
        return result

    def _health_values(self, territories, date_from, date_to):
        self.ensure_one()
        if self._health_counts_source() and territories:
            return self._health_measure_candidacies_source(territories, date_from, date_to)
        return super()._health_values(territories, date_from, date_to)

    @api.constrains("code", "utm_source_id")
    def _check_utm_source(self):
        for measure in self:
            if measure._health_counts_source() and not measure.utm_source_id:
                raise ValidationError(
                    self.env._(
                        "The measure %(measure)s counts the candidacies from a source: "
                        "choose its candidacy source.",
                        measure=measure.name,
                    )
                )

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

    def _health_candidacies_by_territory(self, territories, date_from, date_to, extra_domain=()):
        groups = self.env["crm.lead"]._read_group(
            [
                ("health_is_recruitment", "=", True),
                ("create_date", ">=", datetime.combine(date_from, time.min)),
                ("create_date", "<", datetime.combine(date_to + timedelta(days=1), time.min)),
                *extra_domain,
            ],
            ["health_target_territory_ids"],
            ["id:array_agg"],
        )
        return self._health_roll_up_sets(territories, groups)

    def _health_measure_candidacies(self, territories, date_from, date_to):
        """Candidacies recorded in the period that target the territory."""
        return self._health_candidacies_by_territory(territories, date_from, date_to)

    def _health_measure_candidacies_source(self, territories, date_from, date_to):
        """Candidacies from the measure's source recorded in the period that
        target the territory."""
        self.ensure_one()
        if not self.utm_source_id:
            return dict.fromkeys(territories.ids, 0.0)
        return self._health_candidacies_by_territory(
            territories, date_from, date_to, [("source_id", "=", self.utm_source_id.id)]
        )
