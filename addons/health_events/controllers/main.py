from odoo import fields, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request


class HealthEventInvitationController(http.Controller):
    """Accept or decline an invitation from the links of the mail, without an account.

    The link carries the invitation's access token.  A GET shows the
    question (mail scanners that follow links change nothing); the POST of
    that page records the answer.  Answering twice the same way is harmless.
    """

    _answers = ("accept", "decline")

    def _health_get_invitation(self, invitation_id, token):
        """The invitation the link opens, or an empty recordset: whatever the
        id and the token, nothing is read beyond one existing invitation."""
        Invitation = request.env["health.event.invitation"].sudo()
        if not 0 < invitation_id < 2**31:  # PostgreSQL ids are 32-bit integers
            return Invitation
        invitation = Invitation.browse(invitation_id).exists()
        if not invitation or not invitation._health_check_token(token):
            return Invitation
        lang = invitation.partner_id.lang
        if lang:
            # the page and the messages of the answer speak the invitee's language
            request.update_context(lang=lang)
            invitation = invitation.with_context(lang=lang)
        return invitation

    def _health_dietary_needs(self):
        """[(value, label)] of the dietary needs, in the language of the request."""
        return (
            request.env["event.registration"]
            ._fields["health_dietary_need"]
            ._description_selection(request.env)
        )

    def _health_render(self, invitation, answer, done=False, status=200, error=None):
        lang = invitation.partner_id.lang if invitation else None
        if lang:
            request.update_context(lang=lang)
        values = {
            "invitation": invitation,
            "answer": answer,
            "done": done,
            "error": error,
            "dietary_needs": self._health_dietary_needs(),
        }
        if invitation:
            values["event"] = invitation.event_id.with_context(lang=lang)
        return request.render("health_events.invitation_answer_page", values, status=status)

    @http.route(
        "/health_events/invitation/<int:invitation_id>/<string:token>/<string:answer>",
        type="http",
        auth="public",
        methods=["GET"],
        website=False,
        sitemap=False,
    )
    def health_invitation_page(self, invitation_id, token, answer, **kwargs):
        invitation = self._health_get_invitation(invitation_id, token)
        if not invitation or answer not in self._answers:
            return self._health_render(invitation.browse(), answer, status=404)
        return self._health_render(invitation, answer)

    @http.route(
        "/health_events/invitation/<int:invitation_id>/<string:token>/<string:answer>",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,  # the access token authenticates the request
        website=False,
        sitemap=False,
    )
    def health_invitation_answer(self, invitation_id, token, answer, **kwargs):
        invitation = self._health_get_invitation(invitation_id, token)
        if not invitation or answer not in self._answers:
            return self._health_render(invitation.browse(), answer, status=404)
        if invitation.event_id.date_end < fields.Datetime.now():
            return self._health_render(invitation, "closed")
        details = {}
        if answer == "accept":
            details, error = self._health_parse_details(kwargs)
            if error:
                return self._health_render(invitation, answer, status=400, error=error)
        try:
            with request.env.cr.savepoint():
                invitation._health_answer(answer, details=details)
        except (UserError, ValidationError) as exc:
            # a rule of the evening refused the answer: say which, write nothing
            request.env.invalidate_all()
            return self._health_render(invitation, answer, status=400, error=exc.args[0])
        return self._health_render(invitation, answer, done=True)

    def _health_parse_details(self, form):
        """Registration details given with the answer: (values, error message)."""
        companions = form.get("companions") or "0"
        companions = companions.strip() if isinstance(companions, str) else ""
        # isdigit() also accepts "²" or Arabic-Indic digits, which int() refuses
        if not (companions.isascii() and companions.isdigit()) or not 0 <= int(companions) <= 10:
            return {}, request.env._(
                "The number of people coming with you must be a whole number between 0 and 10."
            )
        needs = dict(self._health_dietary_needs())
        dietary_need = form.get("dietary_need") or "none"
        if not isinstance(dietary_need, str) or dietary_need not in needs:
            return {}, request.env._("Choose your dietary needs in the list.")
        return {
            "health_companion_count": int(companions),
            "health_dietary_need": dietary_need,
            "health_dietary_note": str(form.get("dietary_note") or "").strip()[:200] or False,
            "health_needs_transport": bool(form.get("needs_transport")),
            "health_photo_consent": bool(form.get("photo_consent")),
        }, None
