from odoo import fields, models


class HealthWebsiteOpportunityImage(models.Model):
    _name = "health.website.opportunity.image"
    _inherit = ["health.input.mixin", "image.mixin"]
    _description = "Practice Opportunity Photo"
    _order = "sequence, id"

    name = fields.Char(
        string="Alternative Text",
        required=True,
        translate=True,
        help="What the photo shows, read aloud by screen readers.",
    )
    sequence = fields.Integer(default=10)
    opportunity_id = fields.Many2one(
        "health.website.opportunity", required=True, index=True, ondelete="cascade"
    )
    image_1920 = fields.Image(required=True)
