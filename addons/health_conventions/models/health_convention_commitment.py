from odoo import fields, models


class HealthConventionCommitment(models.Model):
    """What a party commits to do under the convention."""

    _name = "health.convention.commitment"
    _description = "Convention Commitment"
    _inherit = ["health.input.mixin"]
    _order = "convention_id, party_id, sequence, id"

    convention_id = fields.Many2one(
        "health.convention", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="convention_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    party_id = fields.Many2one(
        "health.convention.party",
        string="Party",
        required=True,
        ondelete="cascade",
        domain="[('convention_id', '=', convention_id)]",
    )
    name = fields.Text(string="Commitment", required=True)
    measure_id = fields.Many2one("health.toolbox.measure", string="Toolbox measure")
    done = fields.Boolean()
