from collections import defaultdict

from odoo import api, fields, models

CONVENTION_GROUP = "health_conventions.group_convention_user"


class HealthTerritory(models.Model):
    _inherit = "health.territory"

    health_convention_ids = fields.Many2many(
        "health.convention",
        string="Conventions Covering It",
        compute="_compute_health_convention_ids",
        groups=CONVENTION_GROUP,
        help="Conventions in force whose territory is this territory or one that "
        "contains it (its EPCI, its département).",
    )
    health_convention_count = fields.Integer(
        string="Conventions",
        compute="_compute_health_convention_ids",
        groups=CONVENTION_GROUP,
    )

    def _health_covering_convention_domain(self):
        """Conventions that cover one of these territories: their territory is
        the territory itself or one of its ancestors."""
        return [("territory_id", "parent_of", self.ids), ("state", "=", "in_force")]

    @api.depends_context("uid")
    def _compute_health_convention_ids(self):
        # what a user sees follows their rights: one cached value per user
        Convention = self.env["health.convention"]
        conventions = Convention
        # the fields are restricted to convention users, but a computation
        # triggered for someone else must not fail: it finds nothing
        if self.ids and Convention.has_access("read"):
            conventions = Convention.search(self._health_covering_convention_domain())
        by_territory = defaultdict(list)
        for convention in conventions:
            by_territory[convention.territory_id.id].append(convention.id)
        rank = {convention_id: i for i, convention_id in enumerate(conventions.ids)}
        for territory in self:
            ancestors = (int(node) for node in (territory.parent_path or "").split("/") if node)
            covering = Convention.browse(
                sorted(
                    (cid for ancestor in ancestors for cid in by_territory.get(ancestor, ())),
                    key=rank.__getitem__,
                )
            )
            territory.health_convention_ids = covering
            territory.health_convention_count = len(covering)

    def action_health_view_conventions(self):
        """The conventions covering the territory, those in force first: the
        filter can be removed to see the ones in preparation or ended."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_conventions.health_convention_action"
        )
        action["domain"] = [("territory_id", "parent_of", self.id)]
        action["context"] = {"search_default_in_force": 1}
        action["display_name"] = self.env._(
            "Conventions Covering %(territory)s", territory=self.display_name
        )
        return action
