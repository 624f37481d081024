from collections import defaultdict

from odoo import api, fields, models


class HealthIndicatorMeasure(models.Model):
    """A figure the suite computes for a territory and a period, that an
    indicator (of a convention...) can be bound to.

    Measures are data records declared by each application; the value comes
    from the method ``_health_measure_<code>(territories, date_from, date_to)``
    that the application adds to this model and that returns
    ``{territory id: value}`` for the given territories (each one counting
    the records located in it or below it), in a few grouped queries.
    """

    _name = "health.indicator.measure"
    _inherit = ["health.input.mixin"]
    _description = "Indicator Measure"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, help="The value is computed by the method _health_measure_<code>."
    )
    sequence = fields.Integer(default=10)
    unit = fields.Char(translate=True, help="e.g. interns, doctors, euros.")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    available = fields.Boolean(
        compute="_compute_available",
        search="_search_available",
        help="The application that computes this figure is installed.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another measure already has this code."),
    ]

    def _compute_available(self):
        for measure in self:
            measure.available = hasattr(measure, f"_health_measure_{measure.code}")

    def _search_available(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Search on availability with = or != only."))
        measures = self.with_context(active_test=False).search_fetch([], ["code"])
        ids = measures.filtered("available").ids
        return [("id", "in" if (operator == "=") == value else "not in", ids)]

    def _health_values(self, territories, date_from, date_to):
        """{territory id: value} of the measure for the period."""
        self.ensure_one()
        method = getattr(self, f"_health_measure_{self.code}", None)
        if method is None or not territories:
            return {}
        return method(territories, date_from, date_to)

    @api.model
    def _health_roll_up(self, territories, pairs):
        """Sum ``pairs`` of (territory, value) into each of ``territories``
        that contains the pair's territory (itself or an ancestor).

        ``pairs`` come from one grouped query by territory; the containment
        is read from the territories' parent path, with no further query.
        """
        totals = defaultdict(float)
        for territory, value in pairs:
            if not territory:
                continue
            ancestors = {int(part) for part in (territory.parent_path or "").split("/") if part}
            for target in territories:
                if target.id in ancestors:
                    totals[target.id] += value or 0.0
        return {territory.id: totals.get(territory.id, 0.0) for territory in territories}

    @api.model
    def _health_roll_up_sets(self, territories, pairs):
        """Like ``_health_roll_up`` for (territory, ids) pairs: counts the
        distinct ids of each territory (a record located in two communes of
        one EPCI counts once in the EPCI)."""
        sets = defaultdict(set)
        for territory, ids in pairs:
            if not territory:
                continue
            ancestors = {int(part) for part in (territory.parent_path or "").split("/") if part}
            for target in territories:
                if target.id in ancestors:
                    sets[target.id].update(ids or [])
        return {territory.id: float(len(sets.get(territory.id, ()))) for territory in territories}
