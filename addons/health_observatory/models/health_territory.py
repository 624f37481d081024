from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import geojson


class HealthTerritory(models.Model):
    _inherit = "health.territory"

    health_apl_ids = fields.One2many(
        "health.observatory.apl", "territory_id", string="APL per Year", readonly=True
    )
    health_apl = fields.Float(
        string="APL to GPs",
        digits=(6, 3),
        compute="_compute_health_apl",
        store=True,
        help="DREES potential localised accessibility to general practitioners: "
        "consultations a year accessible per standardised inhabitant (latest year imported).",
    )
    health_apl_year = fields.Integer(string="APL Year", compute="_compute_health_apl", store=True)
    health_successor_code = fields.Char(
        string="Code in the Newer Geography",
        help="Code of the commune it merged into in the newer geography "
        "(files keyed on newer codes, such as the ARS zoning, reach it through this code).",
    )
    health_contour = fields.Text(
        string="Outline (GeoJSON)",
        prefetch=False,
        help="Outline of the commune drawn on the observatory's maps: a GeoJSON "
        "Polygon or MultiPolygon geometry in WGS 84 longitude/latitude, imported "
        "from a contours file.",
    )
    health_gp_ids = fields.One2many(
        "res.partner",
        "health_practice_commune_id",
        string="GPs Practising Here",
        domain=[("health_practising", "=", True)],
    )
    health_indicator_id = fields.Many2one(
        "health.observatory.indicator",
        string="Indicators",
        compute="_compute_health_indicator_id",
    )
    health_gp_count = fields.Integer(string="GPs", compute="_compute_health_indicator_id")
    health_departures_5 = fields.Integer(
        string="Departures Within 5 Years", compute="_compute_health_indicator_id"
    )
    health_density = fields.Float(
        string="GPs per 10,000 Inhabitants", compute="_compute_health_indicator_id"
    )
    health_at_risk = fields.Boolean(string="At Risk", compute="_compute_health_indicator_id")
    health_risk_reasons = fields.Char(string="Why at Risk", compute="_compute_health_indicator_id")

    @api.constrains("health_contour")
    def _check_health_contour(self):
        for territory in self.filtered("health_contour"):
            if geojson.loads(territory.health_contour) is None:
                raise ValidationError(
                    self.env._(
                        "The outline of %(territory)s is not a GeoJSON Polygon or "
                        "MultiPolygon: give closed rings of at least four [longitude, "
                        "latitude] points in WGS 84 degrees, or leave it empty.",
                        territory=territory.name,
                    )
                )

    @api.depends("health_apl_ids.year", "health_apl_ids.value")
    def _compute_health_apl(self):
        # the current APL is the latest year's: one definition for the form,
        # the indicators and whoever reads the territory
        for territory in self:
            latest = max(territory.sudo().health_apl_ids, key=lambda row: row.year, default=None)
            territory.health_apl = latest.value if latest else 0.0
            territory.health_apl_year = latest.year if latest else 0

    def _compute_health_indicator_id(self):
        # aggregated figures, no personal data: shown to whoever sees the territory
        rows = (
            self.env["health.observatory.indicator"]
            .sudo()
            .search([("territory_id", "in", self.ids)])
        )
        by_territory = {row.territory_id.id: row for row in rows}
        empty = self.env["health.observatory.indicator"].sudo()
        for territory in self:
            row = by_territory.get(territory.id, empty)
            territory.health_indicator_id = row
            territory.health_gp_count = row.gp_count
            territory.health_departures_5 = row.departures_5
            territory.health_density = row.density
            territory.health_at_risk = row.at_risk
            territory.health_risk_reasons = row.risk_reasons

    def action_health_view_apl_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_observatory.health_observatory_apl_action"
        )
        action["domain"] = [("territory_id", "child_of", self.id)]
        action["context"] = {"search_default_group_year": 1}
        return action

    def action_health_view_gps(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_observatory.res_partner_action_observatory_gp"
        )
        action["domain"] = [
            ("health_practising", "=", True),
            ("health_practice_commune_id", "child_of", self.id),
        ]
        return action
