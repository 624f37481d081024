from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError

# indicator figures kept month after month
SNAPSHOT_FIELDS = (
    "population",
    "gp_count",
    "gp_60_count",
    "departures_5",
    "density",
    "apl",
    "at_risk",
)


class HealthObservatorySnapshot(models.Model):
    """The key indicators of a territory for one month.

    The indicators are replaced at each refresh: the snapshots keep what they
    were, one row per territory and month, so that the evolution of the
    territory (GPs, ages, departures, density, APL) can be drawn."""

    _name = "health.observatory.snapshot"
    _inherit = ["health.input.mixin"]
    _description = "Monthly Snapshot of the Indicators"
    _order = "month desc, territory_type, territory_name"
    _rec_name = "territory_id"

    territory_id = fields.Many2one(
        "health.territory", required=True, index=True, ondelete="cascade", readonly=True
    )
    territory_name = fields.Char(related="territory_id.complete_name", store=True)
    territory_type = fields.Selection(related="territory_id.territory_type", store=True)
    epci_id = fields.Many2one("health.territory", string="EPCI", readonly=True)
    departement_id = fields.Many2one("health.territory", string="Département", readonly=True)
    month = fields.Date(
        required=True, index=True, readonly=True, help="First day of the month of the snapshot."
    )
    reference_date = fields.Date(
        readonly=True, help="Day the figures were computed on, within the month."
    )
    population = fields.Integer(readonly=True, aggregator="sum")
    gp_count = fields.Integer(string="GPs", readonly=True, aggregator="sum")
    gp_60_count = fields.Integer(string="GPs Aged 60 and Over", readonly=True, aggregator="sum")
    departures_5 = fields.Integer(
        string="Departures Within 5 Years", readonly=True, aggregator="sum"
    )
    density = fields.Float(
        string="GPs per 10,000 Inhabitants", digits=(6, 2), aggregator="avg", readonly=True
    )
    apl = fields.Float(string="APL", digits=(6, 3), aggregator="avg", readonly=True)
    at_risk = fields.Boolean(string="At Risk", readonly=True)

    _sql_constraints = [
        (
            "territory_month_unique",
            "unique(territory_id, month)",
            "A territory has one snapshot per month.",
        ),
    ]

    @api.model
    def _cron_snapshot(self, today=None):
        """Monthly scheduled action: the snapshot of the month of ``today``."""
        return self._snapshot(today or fields.Date.context_today(self))

    @api.model
    def _snapshot(self, today):
        """Store the indicators computed at ``today`` as the snapshot of its
        month: the rows of the month already taken are updated (a second run
        in the month changes nothing if nothing moved), the missing ones are
        created at once. Returns the number of rows created and changed."""
        month = today.replace(day=1)
        rows = self.env["health.observatory.indicator"].sudo()._prepare_rows(today)
        Snapshot = self.sudo()
        existing = {
            row["territory_id"]: row
            for row in Snapshot.search_read(
                [("month", "=", month)], ["territory_id", *SNAPSHOT_FIELDS], load=None
            )
        }
        to_create = []
        to_write = defaultdict(list)
        for row in rows:
            vals = {name: row[name] for name in SNAPSHOT_FIELDS}
            current = existing.get(row["territory_id"])
            if not current:
                to_create.append(
                    {
                        "territory_id": row["territory_id"],
                        "epci_id": row["epci_id"],
                        "departement_id": row["departement_id"],
                        "month": month,
                        "reference_date": today,
                        **vals,
                    }
                )
                continue
            changed = {name: value for name, value in vals.items() if current[name] != value}
            if changed:
                changed["reference_date"] = today
                to_write[tuple(sorted(changed.items()))].append(current["id"])
        for vals, ids in to_write.items():
            Snapshot.browse(ids).write(dict(vals))
        Snapshot.create(to_create)
        return len(to_create), sum(len(ids) for ids in to_write.values())

    def action_take_snapshot(self):
        """Button of the list (with or without selected rows): the snapshot
        of the current month, now."""
        if not self.env.user.has_group("health_observatory.group_observatory_user"):
            raise AccessError(self.env._("Only the observatory's users may take a snapshot."))
        self._snapshot(fields.Date.context_today(self))
        return {"type": "ir.actions.client", "tag": "soft_reload"}
