from odoo import api, fields, models


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
        if operator not in ("=", "ilike", "in", "child_of"):
            return [("health_territory_id", operator, value)]
        if isinstance(value, int) or (
            isinstance(value, list | tuple) and all(isinstance(v, int) for v in value)
        ):
            areas = value
        else:
            areas = (
                self.env["health.territory"]
                .search(
                    [
                        "|",
                        ("complete_name", "ilike", value),
                        ("code", "=", value),
                    ]
                )
                .ids
            )
        return [("health_territory_id", "child_of", areas)]
