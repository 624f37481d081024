from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    health_observatory_end_age = fields.Integer(
        string="End-of-Practice Age",
        config_parameter="health_observatory.end_of_practice_age",
        default=67,
        help="Age at which a GP is expected to stop when they declared nothing.",
    )
    health_observatory_horizon = fields.Integer(
        string="Alert Horizon (Years)",
        config_parameter="health_observatory.alert_horizon",
        default=5,
    )
    health_observatory_departure_share = fields.Float(
        string="Alert: Share of GPs Leaving (%)",
        config_parameter="health_observatory.alert_departure_share",
        default=50.0,
    )
    health_observatory_density = fields.Float(
        string="Alert: Projected Density Below",
        config_parameter="health_observatory.alert_density",
        default=6.0,
        help="GPs per 10,000 inhabitants at the horizon if nobody replaces the leavers.",
    )
    health_observatory_apl = fields.Float(
        string="Alert: APL Below",
        config_parameter="health_observatory.alert_apl",
        default=2.5,
    )
    health_observatory_retention_years = fields.Integer(
        string="Keep Personal Data After a Departure (Years)",
        config_parameter="health_observatory.retention_years",
        default=2,
    )
