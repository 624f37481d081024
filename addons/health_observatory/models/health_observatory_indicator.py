from collections import defaultdict

from odoo import api, fields, models
from odoo.addons.health_base import tools

from ..tools import geojson
from .res_partner import PERSONAL_FIELDS

HORIZONS = (1, 3, 5, 10)
GREY = "#9e9e9e"
# (upper bound excluded, colour): densities per 10,000 inhabitants
DENSITY_COLOURS = [(4, "#d7301f"), (6, "#fc8d59"), (8, "#fdcc8a"), (None, "#1a9850")]
# (upper bound excluded, colour): share of GPs leaving within the horizon, in %
DEPARTURE_COLOURS = [(1, "#1a9850"), (25, "#fdcc8a"), (50, "#fc8d59"), (None, "#d7301f")]
MAP_COLOUR_FIELDS = ("density_colour", "departure_colour")
MAP_LIMIT = 5000


def _colour(value, scale):
    for bound, colour in scale:
        if bound is None or value < bound:
            return colour
    return GREY


class HealthObservatoryIndicator(models.Model):
    """Demography of the GPs of one territory at a reference date.

    The rows are derived data: ``_refresh`` replaces them all at once (after
    each import, and every night), from the roster, the populations, the APL
    and the zoning of the territories.
    """

    _name = "health.observatory.indicator"
    _description = "Medical Demography Indicators"
    _order = "territory_type, at_risk desc, territory_name"
    _rec_name = "territory_id"

    territory_id = fields.Many2one(
        "health.territory", required=True, index=True, ondelete="cascade", readonly=True
    )
    territory_name = fields.Char(related="territory_id.complete_name", store=True)
    territory_type = fields.Selection(related="territory_id.territory_type", store=True)
    epci_id = fields.Many2one("health.territory", string="EPCI", readonly=True)
    departement_id = fields.Many2one("health.territory", string="Département", readonly=True)
    reference_date = fields.Date(readonly=True)
    population = fields.Integer(readonly=True, aggregator="sum")
    gp_count = fields.Integer(string="GPs", readonly=True, aggregator="sum")
    gp_60_count = fields.Integer(string="GPs Aged 60 and Over", readonly=True, aggregator="sum")
    gp_age_unknown_count = fields.Integer(
        string="GPs of Unknown Age", readonly=True, aggregator="sum"
    )
    departures_1 = fields.Integer(string="Departures Within 1 Year", aggregator="sum")
    departures_3 = fields.Integer(string="Departures Within 3 Years", aggregator="sum")
    departures_5 = fields.Integer(string="Departures Within 5 Years", aggregator="sum")
    departures_10 = fields.Integer(string="Departures Within 10 Years", aggregator="sum")
    density = fields.Float(
        string="GPs per 10,000 Inhabitants", digits=(6, 2), aggregator="avg", readonly=True
    )
    density_5 = fields.Float(
        string="Density in 5 Years if Nobody Replaces Them",
        digits=(6, 2),
        aggregator="avg",
        readonly=True,
    )
    density_10 = fields.Float(
        string="Density in 10 Years if Nobody Replaces Them",
        digits=(6, 2),
        aggregator="avg",
        readonly=True,
    )
    departure_share = fields.Float(
        string="Share Leaving Within the Horizon (%)",
        digits=(5, 1),
        aggregator="avg",
        readonly=True,
    )
    apl = fields.Float(string="APL", digits=(6, 3), aggregator="avg", readonly=True)
    zoning = fields.Selection(related="territory_id.zoning", store=True)
    zoning_qpv = fields.Boolean(related="territory_id.zoning_qpv", store=True)
    zoning_frr = fields.Boolean(related="territory_id.zoning_frr", store=True)
    at_risk = fields.Boolean(string="At Risk", readonly=True)
    apl_alert = fields.Boolean(string="Low APL", readonly=True)
    risk_reasons = fields.Char(string="Why at Risk", readonly=True)
    latitude = fields.Float(related="territory_id.latitude")
    longitude = fields.Float(related="territory_id.longitude")
    density_colour = fields.Char(readonly=True)
    departure_colour = fields.Char(readonly=True)

    # ------------------------------------------------------------ settings
    @api.model
    def _thresholds(self):
        env = self.env
        return {
            "end_age": self.env["res.partner"]._health_end_of_practice_age(),
            "horizon": tools.get_int_param(
                env, "health_observatory.alert_horizon", 5, minimum=1, maximum=10
            ),
            "share": tools.get_float_param(
                env, "health_observatory.alert_departure_share", 50.0, minimum=0, maximum=100
            ),
            "density": tools.get_float_param(
                env, "health_observatory.alert_density", 6.0, minimum=0
            ),
            "apl": tools.get_float_param(env, "health_observatory.alert_apl", 2.5, minimum=0),
        }

    # ------------------------------------------------------------- compute
    @api.model
    def _refresh(self, reference_date=None):
        """Replace every indicator row by rows computed at ``reference_date``."""
        reference_date = reference_date or fields.Date.context_today(self)
        vals_list = self._prepare_rows(reference_date)
        self.sudo().search([("territory_id", "!=", False)]).unlink()
        rows = self.sudo().create(vals_list)
        self._after_refresh(rows)
        return rows

    @api.model
    def _prepare_rows(self, reference_date):
        """Values of the indicator rows of every territory at ``reference_date``
        (nothing written: the snapshots reuse them)."""
        settings = self._thresholds()
        territories = self.env["health.territory"].search(
            [("territory_type", "in", ("departement", "epci", "commune"))]
        )
        per_commune = self._gp_figures(reference_date, settings)
        communes = territories.filtered(lambda t: t.territory_type == "commune")
        by_id = {t.id: t for t in territories}
        totals = defaultdict(lambda: defaultdict(float))
        for commune in communes:
            figures = per_commune.get(commune.id, {})
            ancestors = [int(i) for i in commune.parent_path.split("/") if i]
            for ancestor in ancestors:
                total = totals[ancestor]
                for key, value in figures.items():
                    total[key] += value
                total["population"] += commune.population
                if commune.health_apl and commune.population:
                    total["apl_weighted"] += commune.health_apl * commune.population
                    total["apl_population"] += commune.population
        vals_list = []
        for territory in territories:
            total = totals.get(territory.id, {})
            vals_list.append(self._prepare_row(territory, total, by_id, reference_date, settings))
        return vals_list

    @api.model
    def _after_refresh(self, rows):
        """Hook: the indicators have just been replaced by ``rows``."""
        return rows

    @api.model
    def _gp_figures(self, reference_date, settings):
        """Per practice commune: GPs, aged 60+, unknown age, departures per horizon."""
        Partner = self.env["res.partner"].sudo()
        gps = Partner.search_read(
            Partner._health_practising_gp_domain(),
            ["health_practice_commune_id", *PERSONAL_FIELDS],
            load=None,
        )
        year = reference_date.year
        figures = defaultdict(lambda: defaultdict(int))
        for gp in gps:
            counts = figures[gp["health_practice_commune_id"]]
            counts["gp_count"] += 1
            birth = Partner._health_birth_year_from(gp, year)
            if birth is None and not gp["health_declared_end_year"]:
                counts["gp_age_unknown_count"] += 1
            elif birth is not None and year - birth >= 60:
                counts["gp_60_count"] += 1
            end = Partner._health_end_year_from(gp, settings["end_age"], year)
            for horizon in HORIZONS:
                if end is not None and end - year <= horizon:
                    counts[f"departures_{horizon}"] += 1
            if end is not None and end - year <= settings["horizon"]:
                counts["departures_horizon"] += 1
        return figures

    @api.model
    def _prepare_row(self, territory, total, by_id, reference_date, settings):
        population = int(total.get("population", 0))
        gps = int(total.get("gp_count", 0))
        departures = {h: int(total.get(f"departures_{h}", 0)) for h in HORIZONS}
        horizon_departures = int(total.get("departures_horizon", 0))

        def density(count):
            return round(count * 10000 / population, 2) if population else 0.0

        share = round(100.0 * horizon_departures / gps, 1) if gps else 0.0
        projected = density(gps - horizon_departures)
        apl_population = total.get("apl_population")
        apl = round(total["apl_weighted"] / apl_population, 3) if apl_population else 0.0
        reasons = []
        if gps and share >= settings["share"] and horizon_departures:
            reasons.append(
                self.env._(
                    "%(share)s%% of the GPs may leave within %(years)s years",
                    share=round(share),
                    years=settings["horizon"],
                )
            )
        if gps and population and projected < settings["density"]:
            reasons.append(
                self.env._(
                    "%(density)s GPs per 10,000 inhabitants in %(years)s years",
                    density=projected,
                    years=settings["horizon"],
                )
            )
        ancestors = [by_id.get(int(i)) for i in territory.parent_path.split("/") if i]
        return {
            "territory_id": territory.id,
            "epci_id": next((t.id for t in ancestors if t and t.territory_type == "epci"), False),
            "departement_id": next(
                (t.id for t in ancestors if t and t.territory_type == "departement"), False
            ),
            "reference_date": reference_date,
            "population": population,
            "gp_count": gps,
            "gp_60_count": int(total.get("gp_60_count", 0)),
            "gp_age_unknown_count": int(total.get("gp_age_unknown_count", 0)),
            **{f"departures_{h}": departures[h] for h in HORIZONS},
            "density": density(gps),
            "density_5": density(gps - departures[5]),
            "density_10": density(gps - departures[10]),
            "departure_share": share,
            "apl": apl,
            "at_risk": bool(reasons),
            "apl_alert": bool(apl) and apl < settings["apl"],
            "risk_reasons": "; ".join(reasons) or False,
            "density_colour": _colour(density(gps), DENSITY_COLOURS) if population else GREY,
            "departure_colour": _colour(share, DEPARTURE_COLOURS) if gps else GREY,
        }

    # ----------------------------------------------------------------- map
    @api.model
    def get_map_legend(self, colour_field):
        """Colours and labels of the map's legend for ``colour_field``."""
        if colour_field == "departure_colour":
            return [
                {"colour": "#1a9850", "label": self.env._("No expected departure")},
                {"colour": "#fdcc8a", "label": self.env._("Under 25% of the GPs leaving")},
                {"colour": "#fc8d59", "label": self.env._("25 to 50% of the GPs leaving")},
                {"colour": "#d7301f", "label": self.env._("Half of the GPs or more leaving")},
                {"colour": GREY, "label": self.env._("No GP")},
            ]
        return [
            {"colour": "#d7301f", "label": self.env._("Under 4 GPs per 10,000 inhabitants")},
            {"colour": "#fc8d59", "label": self.env._("4 to 6 GPs per 10,000 inhabitants")},
            {"colour": "#fdcc8a", "label": self.env._("6 to 8 GPs per 10,000 inhabitants")},
            {"colour": "#1a9850", "label": self.env._("8 GPs or more per 10,000 inhabitants")},
            {"colour": GREY, "label": self.env._("Population unknown")},
        ]

    @api.model
    def get_map_records(self, domain, field_names, colour_field, limit=MAP_LIMIT):
        """The rows the coloured maps draw: ``search_read(domain, field_names)``,
        each row with the ``shape`` drawn for it (see ``_map_shapes``)."""
        if colour_field not in MAP_COLOUR_FIELDS:
            colour_field = MAP_COLOUR_FIELDS[0]
        limit = min(int(limit or MAP_LIMIT), MAP_LIMIT)
        rows = self.search_read(domain, list(field_names), limit=limit)
        shapes = self.browse([row["id"] for row in rows])._map_shapes(colour_field)
        for row in rows:
            row["shape"] = shapes[row["id"]]
        return rows

    def _map_shapes(self, colour_field):
        """``{id: shape}``: the commune's outline filled with its colour when it
        has one (``{"kind": "polygon", "geometry": …, "colour": …}``), else a
        circle at its centre (``{"kind": "circle", "latlng": […], "colour": …}``),
        else False. The outlines of all the rows are read in one query."""
        territories = self.territory_id
        contours = {
            row["id"]: row["health_contour"]
            for row in territories.read(["health_contour"], load=None)
            if row["health_contour"]
        }
        shapes = {}
        for row in self:
            colour = row[colour_field] or GREY
            geometry = geojson.loads(contours.get(row.territory_id.id))
            if geometry:
                shapes[row.id] = {"kind": "polygon", "geometry": geometry, "colour": colour}
            elif row.latitude and row.longitude:
                shapes[row.id] = {
                    "kind": "circle",
                    "latlng": [row.latitude, row.longitude],
                    "colour": colour,
                }
            else:
                shapes[row.id] = False
        return shapes

    def action_refresh(self):
        self._refresh()
        return {"type": "ir.actions.client", "tag": "soft_reload"}
