from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    health_is_desk = fields.Boolean(
        string="One-stop desk",
        help="The team is a one-stop desk of the territorial health programme: its "
        "requests get the desk's target times, transfers and indicators.",
    )
    health_territory_id = fields.Many2one(
        "health.territory",
        string="Desk territory",
        help="Territory served by the desk (a commune, an intercommunality, the department).",
    )
