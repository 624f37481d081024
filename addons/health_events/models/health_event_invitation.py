import re
import secrets
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import consteq

# What secrets.token_urlsafe() gives, long enough not to be guessed.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{20,128}")


class HealthEventInvitation(models.Model):
    """An invitation to a welcome evening, apart from the registration.

    It follows the invitee from the list of people to invite to the answer;
    accepting creates the event registration.  The access token lets an
    invitee without an account answer from the links of the mail.
    """

    _name = "health.event.invitation"
    _inherit = ["health.input.mixin"]
    _description = "Welcome Evening Invitation"
    _order = "event_id desc, category, partner_id"
    _rec_name = "partner_id"

    event_id = fields.Many2one(
        "event.event", string="Evening", required=True, index=True, ondelete="cascade"
    )
    partner_id = fields.Many2one(
        "res.partner", string="Invitee", required=True, index=True, ondelete="cascade"
    )
    email = fields.Char(related="partner_id.email")
    category = fields.Selection(
        [
            (tools.ROLE_INTERN, "Intern"),
            (tools.ROLE_MSU, "Internship supervisor (MSU)"),
            ("official", "Elected official or staff"),
            ("other", "Other guest"),
        ],
        required=True,
        default="other",
    )
    state = fields.Selection(
        [
            ("to_invite", "To invite"),
            ("invited", "Invited"),
            ("registered", "Registered"),
            ("declined", "Declined"),
            ("no_answer", "No answer"),
        ],
        string="Status",
        required=True,
        default="to_invite",
        readonly=True,
        copy=False,
        index=True,
    )
    previous_no_show = fields.Boolean(
        string="Missed Last Evening",
        readonly=True,
        help="Registered for the previous evening of the territory but did not come.",
    )
    access_token = fields.Char(
        copy=False,
        readonly=True,
        default=lambda self: secrets.token_urlsafe(24),
        groups="health_events.group_health_events_user",
    )
    date_invited = fields.Datetime(string="Invited On", readonly=True, copy=False)
    date_answered = fields.Datetime(string="Answered On", readonly=True, copy=False)
    date_reminded = fields.Datetime(string="Reminded On", readonly=True, copy=False)
    registration_id = fields.Many2one(
        "event.registration",
        string="Registration",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    registration_state = fields.Selection(related="registration_id.state", string="Attendance")
    semester_id = fields.Many2one(
        related="event_id.health_semester_id", store=True, string="Internship Semester"
    )
    territory_id = fields.Many2one(
        related="event_id.health_territory_id", store=True, string="Territory"
    )
    company_id = fields.Many2one(related="event_id.company_id", store=True)

    _sql_constraints = [
        (
            "event_partner_unique",
            "unique(event_id, partner_id)",
            "This person is already invited to this evening.",
        ),
    ]

    # ------------------------------------------------------------ checks
    @api.constrains("access_token")
    def _check_access_token(self):
        for invitation in self.sudo():
            token = invitation.access_token
            if token and not TOKEN_PATTERN.fullmatch(token):
                raise ValidationError(
                    self.env._(
                        "The answer token of the invitation of %(name)s must be 20 to 128 "
                        "letters, digits, '-' or '_': do not type or import it, one is "
                        "generated.",
                        name=invitation.partner_id.display_name,
                    )
                )

    @api.constrains("date_invited", "date_answered")
    def _check_health_dates(self):
        for invitation in self:
            invited, answered = invitation.date_invited, invitation.date_answered
            if invited and answered and answered < invited:
                raise ValidationError(
                    self.env._(
                        "The invitation of %(name)s cannot be answered (%(answered)s) before "
                        "it was sent (%(invited)s).",
                        name=invitation.partner_id.display_name,
                        answered=answered,
                        invited=invited,
                    )
                )

    # ------------------------------------------------------------ links
    def _health_answer_url(self, answer):
        self.ensure_one()
        base = self.event_id.get_base_url()
        return f"{base}/health_events/invitation/{self.id}/{self.sudo().access_token}/{answer}"

    def _health_check_token(self, token):
        """Whether ``token`` opens this invitation; any text is safe to give."""
        self.ensure_one()
        expected = self.sudo().access_token or ""
        if not expected or not isinstance(token, str) or not TOKEN_PATTERN.fullmatch(token):
            return False
        return consteq(expected.encode(), token.encode())

    # ------------------------------------------------------------ sending
    def _health_send_template(self, template):
        """Queue ``template`` for these invitations, in one batch (mail.mail queue)."""
        without_email = self.filtered(lambda inv: not inv.partner_id.email)
        if without_email:
            raise UserError(
                self.env._(
                    "%(count)s invitee(s) have no email address, e.g. %(name)s: "
                    "complete their contact or remove their invitation.",
                    count=len(without_email),
                    name=without_email[0].partner_id.display_name,
                )
            )
        template.send_mail_batch(self.ids, force_send=False)

    def action_send(self):
        invitations = self.filtered(lambda inv: inv.state in ("to_invite", "no_answer"))
        if not invitations:
            raise UserError(self.env._("These people have already been invited."))
        invitations._health_send_template(
            self.env.ref("health_events.mail_template_invitation").sudo()
        )
        invitations.write({"state": "invited", "date_invited": fields.Datetime.now()})
        return True

    def _health_send_reminders(self, now=None):
        self._health_send_template(self.env.ref("health_events.mail_template_reminder").sudo())
        self.write({"date_reminded": now or fields.Datetime.now()})

    @api.model
    def _cron_send_reminders(self, now=None):
        """Remind the invitees who did not answer; close the invitations of past evenings.

        ``now`` (naive UTC datetime, the current time by default) is the
        reference time, so that tests and scheduled actions agree on it.
        """
        now = fields.Datetime.to_datetime(now) or fields.Datetime.now()
        pending = self.search(
            [
                ("state", "=", "invited"),
                ("date_reminded", "=", False),
                ("event_id.date_begin", ">", now),
                ("partner_id.email", "!=", False),
            ]
        )
        due = pending.filtered(
            lambda inv: inv.event_id.date_begin
            - timedelta(days=inv.event_id.event_type_id.health_reminder_days or 0)
            <= now
        )
        if due:
            due._health_send_reminders(now=now)
        self.search([("state", "=", "invited"), ("event_id.date_end", "<", now)]).write(
            {"state": "no_answer"}
        )

    # ------------------------------------------------------------ answers
    def _prepare_registration_values(self):
        self.ensure_one()
        return {
            "event_id": self.event_id.id,
            "partner_id": self.partner_id.id,
            "name": self.partner_id.name,
            "email": self.partner_id.email,
            "phone": self.partner_id.phone,
        }

    def action_register(self):
        """Register the invitees (accepted by phone, at the desk…), in one batch."""
        self._health_register()
        return True

    def _health_register(self, details=None, now=None):
        """Register the invitees; ``now`` (the current time by default) closes
        the registrations of the evenings that are over."""
        now = now or fields.Datetime.now()
        to_register = self.filtered(lambda inv: inv.state != "registered")
        started = to_register.event_id.filtered(lambda event: event.date_end < now)
        if started:
            raise UserError(
                self.env._(
                    "The evening %(name)s is over: registrations are closed.",
                    name=started[0].display_name,
                )
            )
        registrations = self.env["event.registration"].create(
            [dict(inv._prepare_registration_values(), **(details or {})) for inv in to_register]
        )
        for invitation, registration in zip(to_register, registrations, strict=True):
            # the record rather than its id: it was just created, the input
            # check need not look for it in the database
            invitation.write({"registration_id": registration})
        to_register.write({"state": "registered", "date_answered": now})
        return registrations

    def action_decline(self):
        to_decline = self.filtered(lambda inv: inv.state != "declined")
        to_decline.registration_id.filtered(lambda reg: reg.state != "cancel").action_cancel()
        to_decline.write({"state": "declined", "date_answered": fields.Datetime.now()})
        return True

    def _health_answer(self, answer, details=None):
        """Answer given by the invitee through the links of the mail.

        ``details`` are registration values given with an acceptance
        (companions, dietary and transport needs, photo consent).
        Idempotent: answering twice the same way changes nothing.  Returns
        True when the answer changed the invitation.
        """
        self.ensure_one()
        target = "registered" if answer == "accept" else "declined"
        if self.state == target:
            return False
        if answer == "accept":
            self._health_register(details=details)
        else:
            self.action_decline()
        self._health_notify_organiser(answer)
        return True

    def _health_notify_organiser(self, answer):
        self.ensure_one()
        event = self.event_id
        if answer == "accept":
            body = self.env._("%(name)s accepted the invitation.", name=self.partner_id.name)
        else:
            body = self.env._("%(name)s declined the invitation.", name=self.partner_id.name)
        partners = event.user_id.partner_id
        event.message_post(
            body=Markup("<p>%s</p>") % body,
            partner_ids=partners.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
