from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    health_website_territory_ids = fields.Many2many(
        "health.territory",
        "res_users_health_website_territory_rel",
        "user_id",
        "territory_id",
        string="Opportunities of",
        help="Territories whose practice opportunities this officer manages on the "
        "public site (their communes included).",
    )
