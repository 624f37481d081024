from collections import defaultdict

from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    health_target_at_risk = fields.Boolean(
        string="Targets a Commune at Risk",
        compute="_compute_health_target_risk",
        store=True,
        help="One of the target territories is, or contains, a commune flagged at risk "
        "by the observatory.",
    )
    health_target_priority = fields.Integer(
        string="Observatory Priority",
        compute="_compute_health_target_risk",
        store=True,
        aggregator="max",
        help="GPs expected to leave within 5 years in the communes at risk that the "
        "candidate targets: the higher, the more the candidacy matters.",
    )

    @api.depends("health_target_territory_ids")
    def _compute_health_target_risk(self):
        at_risk = (
            self.env["health.observatory.indicator"]
            .sudo()
            .search_read(
                [("at_risk", "=", True), ("territory_type", "=", "commune")],
                ["territory_id", "departures_5"],
                load=None,
            )
        )
        communes = (
            self.env["health.territory"].sudo().browse([row["territory_id"] for row in at_risk])
        )
        paths = {commune.id: commune.parent_path for commune in communes}
        # every territory containing an at-risk commune: {territory id: {commune: departures}}
        covered = defaultdict(dict)
        for row in at_risk:
            for ancestor in paths[row["territory_id"]].split("/")[:-1]:
                covered[int(ancestor)][row["territory_id"]] = row["departures_5"]
        for lead in self:
            found = {}
            for territory in lead.health_target_territory_ids:
                found.update(covered.get(territory.id, {}))
            lead.health_target_at_risk = bool(found)
            lead.health_target_priority = sum(found.values())
