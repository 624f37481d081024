from odoo import fields, models


class HealthObservatoryMovement(models.Model):
    """An arrival or a departure of a GP in a commune of the territory."""

    _name = "health.observatory.movement"
    _inherit = ["health.input.mixin"]
    _description = "Arrival or Departure of a GP"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="GP", required=True, index=True, ondelete="cascade"
    )
    territory_id = fields.Many2one(
        "health.territory",
        string="Commune",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('territory_type', '=', 'commune')]",
    )
    movement_type = fields.Selection(
        [("arrival", "Arrival"), ("departure", "Departure")],
        string="Movement",
        required=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    origin = fields.Selection(
        [("rpps", "RPPS import"), ("manual", "Entered by hand")],
        required=True,
        default="manual",
    )
    note = fields.Char()
