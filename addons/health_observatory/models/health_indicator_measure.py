from collections import defaultdict

from odoo import api, models


class HealthIndicatorMeasure(models.Model):
    """The observatory's measures an indicator can be bound to: the GPs
    practising in the territory at the end of the period, and those who
    left it during the period."""

    _inherit = "health.indicator.measure"

    @api.model
    def _health_observatory_roster_at(self, day):
        """{GP id: practice commune id} of the GPs practising on ``day``.

        The roster as it stands (the GPs the indicators count), with the
        arrivals and departures recorded after ``day`` undone, latest first:
        a GP who arrived later is taken off, a GP who left later is put back
        in the commune they left.  A GP with no recorded movement counts
        where the roster has them now."""
        Partner = self.env["res.partner"]
        gps = Partner.search_read(
            Partner._health_practising_gp_domain(),
            ["health_practice_commune_id"],
            load=None,
        )
        roster = {gp["id"]: gp["health_practice_commune_id"] for gp in gps}
        later = self.env["health.observatory.movement"].search_read(
            [("date", ">", day)],
            ["partner_id", "territory_id", "movement_type"],
            order="date desc, id desc",
            load=None,
        )
        for movement in later:
            partner, commune = movement["partner_id"], movement["territory_id"]
            if movement["movement_type"] == "departure":
                roster[partner] = commune
            elif roster.get(partner) == commune:
                del roster[partner]
        return roster

    @api.model
    def _health_observatory_ancestors(self, commune_ids):
        """{commune id: set of the ids of the commune and of its ancestors}."""
        communes = self.env["health.territory"].browse(sorted(set(commune_ids)))
        return {
            commune.id: {int(part) for part in (commune.parent_path or "").split("/") if part}
            for commune in communes
        }

    def _health_measure_gps_practising(self, territories, date_from, date_to):
        """GPs practising in a commune of the territory on the last day of
        the period."""
        roster = self._health_observatory_roster_at(date_to)
        ancestors = self._health_observatory_ancestors(roster.values())
        counts = defaultdict(int)
        for commune in roster.values():
            for territory_id in ancestors.get(commune, ()):
                counts[territory_id] += 1
        return {territory.id: float(counts[territory.id]) for territory in territories}

    def _health_measure_gps_departed(self, territories, date_from, date_to):
        """GPs who left the territory in the period: a departure from one of
        its communes is recorded in the period (RPPS import or by hand), and
        on the last day of the period they do not practise in it any more (a
        move between two communes of the territory is no departure from it).
        Each GP counts once."""
        departures = self.env["health.observatory.movement"].search_read(
            [
                ("movement_type", "=", "departure"),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["partner_id", "territory_id"],
            load=None,
        )
        if not departures:
            return dict.fromkeys(territories.ids, 0.0)
        roster = self._health_observatory_roster_at(date_to)
        ancestors = self._health_observatory_ancestors(
            [m["territory_id"] for m in departures] + list(roster.values())
        )
        left = defaultdict(set)
        for movement in departures:
            partner = movement["partner_id"]
            still_in = ancestors.get(roster.get(partner), set())
            for territory_id in ancestors.get(movement["territory_id"], ()) - still_in:
                left[territory_id].add(partner)
        return {territory.id: float(len(left[territory.id])) for territory in territories}
