from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HealthEventKitLine(models.Model):
    """One item of the welcome kit handed to the interns at an evening."""

    _name = "health.event.kit.line"
    _inherit = ["health.input.mixin"]
    _description = "Welcome Kit Item"
    _order = "event_id, sequence, id"

    event_id = fields.Many2one("event.event", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    quantity = fields.Integer(string="Quantity per Kit", default=1)
    sponsor_id = fields.Many2one(
        "res.partner",
        string="Sponsor",
        index="btree_not_null",
        ondelete="restrict",
        help="Partner who offers this item (tourist office, bank, local business…).",
    )
    note = fields.Char()

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity < 1:
                raise ValidationError(
                    self.env._(
                        "The quantity of %(item)s in a kit must be at least 1.", item=line.name
                    )
                )
