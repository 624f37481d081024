from odoo import api, models
from odoo.tools import format_date

INDICATOR = "health.observatory.indicator"
GP_ACTION = "health_observatory.res_partner_action_observatory_gp"
INDICATOR_ACTION = "health_observatory.health_observatory_indicator_action"


class HealthOverviewTile(models.Model):
    """The observatory's figures of the steering overview.

    They are read from the indicator rows (``health.observatory.indicator``),
    the observatory's one computation of the medical demography, replaced
    after each import and every night: the figures are those of the rows'
    reference date, which the subtitles give."""

    _inherit = "health.overview.tile"

    @api.model
    def _health_observatory_commune_totals(self):
        """Sums over the communes' rows, or None when the reader may not read
        the indicators."""
        Indicator = self.env[INDICATOR]
        if not Indicator.has_access("read"):
            return None
        [totals] = Indicator._read_group(
            [("territory_type", "=", "commune")],
            [],
            [
                "__count",
                "gp_count:sum",
                "gp_60_count:sum",
                "gp_age_unknown_count:sum",
                "departures_5:sum",
                "reference_date:max",
            ],
        )
        keys = ("rows", "gps", "gps_60", "age_unknown", "departures_5", "date")
        return dict(zip(keys, totals, strict=True))

    @api.model
    def _health_observatory_no_figure(self, totals):
        if totals is None:
            return {"display": "–", "subtitle": self.env._("Reserved to the observatory.")}
        return {
            "display": "–",
            "subtitle": self.env._(
                "No indicator computed yet: import the communes and the GPs (RPPS)."
            ),
        }

    def _health_tile_observatory_gps(self, today):
        totals = self._health_observatory_commune_totals()
        if not totals or not totals["rows"]:
            return self._health_observatory_no_figure(totals)
        return {
            "value": totals["gps"] or 0,
            "subtitle": self.env._(
                "GPs practising in the communes on %(date)s, %(old)s of them aged 60 and over",
                date=format_date(self.env, totals["date"]),
                old=totals["gps_60"] or 0,
            ),
            "res_model": "res.partner",
            "domain": self.env["res.partner"]._health_practising_gp_domain(),
            "action": GP_ACTION,
        }

    def _health_tile_observatory_departures(self, today):
        totals = self._health_observatory_commune_totals()
        if not totals or not totals["rows"]:
            return self._health_observatory_no_figure(totals)
        return {
            "value": totals["departures_5"] or 0,
            "target": totals["gps"] or 0,
            "subtitle": self.env._(
                "GPs expected to stop within 5 years, of %(gps)s practising "
                "(%(unknown)s of unknown age), on %(date)s",
                gps=totals["gps"] or 0,
                unknown=totals["age_unknown"] or 0,
                date=format_date(self.env, totals["date"]),
            ),
            "res_model": INDICATOR,
            "domain": [("territory_type", "=", "commune"), ("departures_5", ">", 0)],
            "action": INDICATOR_ACTION,
        }

    def _health_tile_observatory_at_risk(self, today):
        totals = self._health_observatory_commune_totals()
        if not totals or not totals["rows"]:
            return self._health_observatory_no_figure(totals)
        domain = [("territory_type", "=", "commune"), ("at_risk", "=", True)]
        count = self.env[INDICATOR].search_count(domain)
        return {
            "value": count,
            "alert": bool(count),
            "subtitle": self.env._(
                "Communes where too many GPs may leave within %(years)s years, "
                "or too few would remain, on %(date)s",
                years=self.env[INDICATOR]._thresholds()["horizon"],
                date=format_date(self.env, totals["date"]),
            ),
            "res_model": INDICATOR,
            "domain": domain,
            "action": INDICATOR_ACTION,
        }

    def _health_tile_observatory_density(self, today):
        """Density of the département (the most populated one when the
        observatory follows several) and its density in 5 years if nobody
        replaces the GPs who leave."""
        Indicator = self.env[INDICATOR]
        if not Indicator.has_access("read"):
            return self._health_observatory_no_figure(None)
        row = Indicator.search(
            [("territory_type", "=", "departement"), ("population", ">", 0)],
            order="population desc, id",
            limit=1,
        )
        if not row:
            return self._health_observatory_no_figure(False)
        return {
            "value": row.density_5,
            "target": row.density,
            "alert": row.density_5 < Indicator._thresholds()["density"],
            "subtitle": self.env._(
                "%(name)s: GPs per 10,000 inhabitants in 5 years if nobody replaces "
                "those who leave, against %(density)s on %(date)s",
                name=row.territory_id.name,
                density=row.density,
                date=format_date(self.env, row.reference_date),
            ),
            "res_model": INDICATOR,
            "domain": [("id", "=", row.id)],
            "views": ["list", "form"],
        }
