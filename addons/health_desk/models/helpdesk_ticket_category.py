from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskTicketCategory(models.Model):
    _inherit = ["helpdesk.ticket.category", "health.input.mixin"]
    _name = "helpdesk.ticket.category"
    _health_checked_fields = {
        "health_team_id",
        "health_partner_id",
        "health_target_days",
        "health_faq_question",
        "health_canned_answer",
    }

    health_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Desk in charge",
        help="Requests of this category are routed to this desk.",
    )
    health_partner_id = fields.Many2one(
        "res.partner",
        string="Partner institution in charge",
        domain=[("is_company", "=", True)],
        help="Institution that usually answers this kind of question (ARS, CPAM, "
        "Order of physicians, another local authority's desk); proposed on transfer.",
    )
    health_target_days = fields.Integer(
        string="Target time (working days)",
        default=5,
        help="Working days (Monday to Friday, French public holidays excluded) "
        "within which the requester should get an answer.",
    )
    health_faq_question = fields.Char(
        string="FAQ question",
        translate=True,
        help="Question shown on the public FAQ page of the desk.",
    )
    health_canned_answer = fields.Html(
        string="Canned answer",
        translate=True,
        help="Standard answer of this category: shown on the public FAQ page and "
        "inserted in a reply by the officer in one click.",
    )
    health_faq_published = fields.Boolean(
        string="Published in the FAQ",
        help="Show this category's question and canned answer on the public FAQ page.",
    )

    @api.constrains("health_target_days")
    def _check_health_target_days(self):
        for category in self:
            if not 0 <= category.health_target_days <= 250:
                raise ValidationError(
                    self.env._(
                        "The target time of the category %(name)s must be between 0 and "
                        "250 working days.",
                        name=category.display_name,
                    )
                )
