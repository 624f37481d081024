import logging

from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.http import request
from odoo.tools import consteq

_logger = logging.getLogger(__name__)

# a field hidden from people and filled by robots
HONEYPOT = "website_url"


class HealthDeskController(http.Controller):
    def _form_values(self, post=None, error=None):
        tickets = request.env["helpdesk.ticket"]
        return {
            "categories": tickets._health_desk_form_categories(),
            "territories": request.env["health.territory"]
            .sudo()
            .search([("territory_type", "=", "commune")], order="name"),
            "kinds": tickets._fields["health_requester_kind"]._description_selection(request.env),
            "consent_text": tickets._health_desk_consent_text(),
            "post": post or {},
            "error": error,
        }

    @http.route("/guichet", type="http", auth="public", website=True, sitemap=True)
    def desk_form(self, **kwargs):
        return request.render("health_desk.desk_form_page", self._form_values())

    @http.route(
        "/guichet/envoyer",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        sitemap=False,
    )
    def desk_form_submit(self, **post):
        if post.get(HONEYPOT):
            _logger.info("Desk form: a robot filled the hidden field, nothing recorded")
            return request.render("health_desk.desk_form_thanks", {"ticket": None})
        try:
            request.env["ir.http"]._verify_request_recaptcha_token("health_desk_request")
            ticket = request.env["helpdesk.ticket"]._health_desk_create_from_form(
                post, request.httprequest.remote_addr
            )
        except (UserError, ValidationError) as error:
            return request.render(
                "health_desk.desk_form_page", self._form_values(post, error.args[0])
            )
        return request.render("health_desk.desk_form_thanks", {"ticket": ticket})

    @http.route("/guichet/faq", type="http", auth="public", website=True, sitemap=True)
    def desk_faq(self, **kwargs):
        categories = (
            request.env["helpdesk.ticket.category"]
            .sudo()
            .search([("health_faq_published", "=", True), ("health_canned_answer", "!=", False)])
        )
        return request.render("health_desk.desk_faq_page", {"categories": categories})

    @http.route(
        "/guichet/satisfaction/<int:ticket_id>/<string:score>",
        type="http",
        auth="public",
        website=True,
        sitemap=False,
    )
    def desk_satisfaction(self, ticket_id, score, token=None, **kwargs):
        ticket = request.env["helpdesk.ticket"].sudo().browse(ticket_id).exists()
        recorded = bool(
            ticket
            and token
            and ticket.access_token
            and consteq(ticket.access_token, token)
            and ticket._health_desk_set_satisfaction(score)
        )
        return request.render("health_desk.desk_satisfaction_page", {"recorded": recorded})


class HealthDeskTicketController(HelpdeskTicketController):
    @http.route()
    def support_ticket_close(self, **kw):
        """OCA's portal closing reads the ticket as superuser: only someone who
        may read the request closes it, and a desk request only its requester
        (not the partner institution it was transferred to)."""
        ticket_id = str(kw.get("ticket_id") or "")
        if not ticket_id.isdigit():
            raise NotFound()
        ticket = request.env["helpdesk.ticket"].browse(int(ticket_id))
        try:
            ticket.check_access("read")
        except AccessError as error:
            raise Forbidden() from error
        if not ticket.sudo()._health_desk_may_close_from_portal(request.env.user):
            raise Forbidden()
        return super().support_ticket_close(**kw)
