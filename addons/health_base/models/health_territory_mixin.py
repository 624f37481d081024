from odoo import api, fields, models
from odoo.osv import expression


class HealthTerritoryMixin(models.AbstractModel):
    """Link a record to a territory and search it by area.

    Records get ``health_territory_id`` and a search-only field
    ``health_territory_area`` so that searching for a territory (by name,
    code or id) finds every record located in it *or below it*: searching
    the département finds the records of its EPCIs and communes.
    """

    _name = "health.territory.mixin"
    _description = "Territory Mixin"

    health_territory_id = fields.Many2one(
        "health.territory",
        string="Territory",
        index="btree_not_null",
        ondelete="restrict",
    )
    health_territory_area = fields.Char(
        string="Within Territory",
        compute="_compute_health_territory_area",
        search="_search_health_territory_area",
        help="Search for records located in a territory or any territory below it.",
    )

    def _compute_health_territory_area(self):
        for record in self:
            record.health_territory_area = record.health_territory_id.complete_name

    @api.model
    def _search_health_territory_area(self, operator, value):
        """Records located in the territories matching ``value`` or below them.

        ``value`` is a territory id or a list of ids, or a text matched
        against the territories' full names and official codes.  Negative
        operators give the records outside those areas (or without territory).
        """
        negative = operator in ("!=", "not ilike", "not in")
        if value is False or value is None:
            return [("health_territory_id", "=" if not negative else "!=", False)]
        areas = self._health_territory_areas(value)
        domain = [("health_territory_id", "child_of", areas.ids)]
        if negative:
            return ["|", ("health_territory_id", "=", False), "!", *domain]
        return domain

    @api.model
    def _health_territory_areas(self, value):
        Territory = self.env["health.territory"].with_context(active_test=False)
        values = value if isinstance(value, list | tuple) else [value]
        ids = [v for v in values if isinstance(v, int)]
        texts = [v for v in values if isinstance(v, str) and v.strip()]
        areas = Territory.browse(ids)
        if texts:
            # one search for all the texts: each matches a full name or a code
            domain = expression.OR(
                [
                    ["|", ("complete_name", "ilike", t.strip()), ("code", "=ilike", t.strip())]
                    for t in texts
                ]
            )
            areas |= Territory.search(domain)
        return areas
