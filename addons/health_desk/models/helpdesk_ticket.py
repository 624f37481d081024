import logging
from datetime import timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import email_normalize, html2plaintext, plaintext2html
from odoo.tools.mail import parse_contact_from_email

_logger = logging.getLogger(__name__)

# identity of the requester, emptied when a request is anonymised
REQUESTER_IDENTITY_FIELDS = (
    "partner_id",
    "partner_name",
    "partner_email",
    "health_phone",
    "health_rpps",
    "health_remote_hash",
    "health_partner_answer",
    "notes",
)

# keys of the public form
FORM_FIELDS = (
    "kind",
    "name",
    "email",
    "phone",
    "rpps",
    "territory_id",
    "category_id",
    "subject",
    "description",
)


class HelpdeskTicket(models.Model):
    _inherit = ["helpdesk.ticket", "health.input.mixin"]
    _name = "helpdesk.ticket"
    _health_checked_fields = {
        "health_received_date",
        "health_requester_kind",
        "health_phone",
        "health_rpps",
        "health_territory_id",
        "health_consent_text",
        "health_consent_date",
        "health_transfer_partner_id",
        "health_transfer_contact_id",
        "health_satisfaction",
    }
    _health_max_lengths = {"health_rpps": 20, "health_phone": 40}

    health_is_desk = fields.Boolean(
        string="Desk request", related="team_id.health_is_desk", store=True
    )
    health_received_date = fields.Datetime(
        string="Received on",
        default=fields.Datetime.now,
        copy=False,
        help="When the question reached the desk (the call, the visit, the form, "
        "the e-mail): the target time runs from this moment.",
    )
    health_requester_kind = fields.Selection(
        [
            ("student", "Medical student"),
            ("intern", "Intern"),
            ("professional", "Health professional"),
            ("other", "Other"),
        ],
        string="Requester is",
    )
    health_phone = fields.Char(string="Requester phone")
    health_rpps = fields.Char(
        string="Requester RPPS",
        help="RPPS number given by the requester; used to find the existing contact.",
    )
    health_territory_id = fields.Many2one(
        "health.territory",
        string="Territory",
        index=True,
        help="Commune or intercommunality the question is about.",
    )
    health_consent_text = fields.Text(
        string="Consent given",
        readonly=True,
        copy=False,
        help="Exact text of the consent accepted by the requester on the public form.",
    )
    health_consent_date = fields.Datetime(string="Consent date", readonly=True, copy=False)
    health_remote_hash = fields.Char(
        string="Sender fingerprint",
        readonly=True,
        copy=False,
        index=True,
        help="Hash of the address the public form was sent from; limits the number "
        "of requests per hour. Emptied by the anonymisation.",
    )
    health_target_date = fields.Date(
        string="Answer due",
        compute="_compute_health_target_date",
        store=True,
        help="Last working day on which the requester should get an answer: the "
        "category's target time counted in working days from the receipt.",
    )
    health_first_answer_date = fields.Datetime(string="First answer on", readonly=True, copy=False)
    health_first_answer_days = fields.Integer(
        string="Working days to first answer",
        compute="_compute_health_delays",
        store=True,
        aggregator="avg",
    )
    health_resolution_days = fields.Integer(
        string="Working days to resolution",
        compute="_compute_health_delays",
        store=True,
        aggregator="avg",
    )
    health_answered_in_time = fields.Boolean(
        string="Answered within target", compute="_compute_health_delays", store=True
    )
    health_in_time_rate = fields.Float(
        string="Answered within target (%)",
        compute="_compute_health_delays",
        store=True,
        aggregator="avg",
        help="100 for a request answered within its target time, 0 otherwise; "
        "its average over answered requests is the share answered in time.",
    )
    health_overdue = fields.Boolean(
        string="Overdue",
        readonly=True,
        copy=False,
        help="Not answered and its answer due date has passed (updated every night).",
    )
    health_transfer_partner_id = fields.Many2one(
        "res.partner",
        string="Transferred to",
        index=True,
        copy=False,
        domain=[("is_company", "=", True)],
        help="Partner institution the request was transferred to.",
    )
    health_transfer_contact_id = fields.Many2one(
        "res.partner",
        string="Partner contact",
        copy=False,
        help="Contact of the partner institution who answers.",
    )
    health_transfer_date = fields.Datetime(string="Transferred on", readonly=True, copy=False)
    health_partner_answer = fields.Text(string="Partner's answer", readonly=True, copy=False)
    health_partner_answer_date = fields.Datetime(
        string="Partner answered on", readonly=True, copy=False
    )
    health_satisfaction = fields.Selection(
        [("3", "Satisfied"), ("2", "Partly satisfied"), ("1", "Not satisfied")],
        string="Satisfaction",
        copy=False,
        help="Given by the requester from the link of the closing e-mail.",
    )
    health_anonymized = fields.Boolean(string="Anonymised", readonly=True, copy=False)

    # ---------------------------------------------------------------- dates
    @api.model
    def _health_local_date(self, value):
        """The day in the programme's time zone of a UTC datetime."""
        if not value:
            return False
        zone = pytz.timezone(tools.PROGRAMME_TZ)
        return pytz.utc.localize(value).astimezone(zone).date()

    @api.model
    def _health_add_working_days(self, day, days):
        """The ``days``-th working day after ``day`` (the next working day
        itself when ``days`` is 0)."""
        if not days:
            return tools.next_working_day(day)
        for _index in range(days):
            day = tools.next_working_day(day + timedelta(days=1))
        return day

    @api.model
    def _health_working_days_between(self, start, end):
        """Working days after ``start`` up to ``end`` included (0 for an answer
        on the day of receipt)."""
        count = 0
        day = start + timedelta(days=1)
        while day <= end:
            count += tools.is_working_day(day)
            day += timedelta(days=1)
        return count

    # category's target read at receipt: changing a category's target does not
    # rewrite the due dates (and the indicators) of past requests
    @api.depends("health_received_date", "category_id")
    def _compute_health_target_date(self):
        for ticket in self:
            received = self._health_local_date(ticket.health_received_date)
            ticket.health_target_date = (
                received
                and ticket.category_id
                and self._health_add_working_days(received, ticket.category_id.health_target_days)
            )

    @api.depends(
        "health_received_date", "health_first_answer_date", "closed_date", "health_target_date"
    )
    def _compute_health_delays(self):
        for ticket in self:
            received = self._health_local_date(ticket.health_received_date)
            answered = self._health_local_date(ticket.health_first_answer_date)
            closed = self._health_local_date(ticket.closed_date)
            ticket.health_first_answer_days = (
                received and answered and self._health_working_days_between(received, answered)
            )
            ticket.health_resolution_days = (
                received and closed and self._health_working_days_between(received, closed)
            )
            in_time = bool(
                answered and ticket.health_target_date and answered <= ticket.health_target_date
            )
            ticket.health_answered_in_time = in_time
            ticket.health_in_time_rate = 100.0 if in_time else 0.0

    # ---------------------------------------------------------------- create
    @api.model_create_multi
    def create(self, vals_list):
        self._health_desk_route(vals_list)
        self._health_desk_match_requesters(vals_list)
        tickets = super().create(vals_list)
        tickets.filtered("health_is_desk")._health_desk_notify(
            "health_desk.mail_template_request_received"
        )
        return tickets

    @api.model
    def _health_desk_route(self, vals_list):
        """A request without a desk goes to the desk in charge of its category."""
        category_ids = {
            vals["category_id"]
            for vals in vals_list
            if vals.get("category_id") and not vals.get("team_id")
        }
        teams = {
            category.id: category.health_team_id.id
            for category in self.env["helpdesk.ticket.category"].sudo().browse(category_ids)
        }
        for vals in vals_list:
            if not vals.get("team_id") and teams.get(vals.get("category_id")):
                vals["team_id"] = teams[vals["category_id"]]

    @api.model
    def _health_desk_match_requesters(self, vals_list):
        """Link each desk request to its requester's contact: the existing one
        (RPPS, e-mail, then name) or a new one, never a duplicate."""
        desk_team_ids = set(
            self.env["helpdesk.ticket.team"].sudo().search([("health_is_desk", "=", True)]).ids
        )
        todo = [
            vals
            for vals in vals_list
            if vals.get("team_id") in desk_team_ids
            and not vals.get("partner_id")
            and (vals.get("partner_email") or vals.get("health_rpps") or vals.get("partner_name"))
        ]
        if not todo:
            return
        requesters = []
        for vals in todo:
            # the mail gateway gives the whole "Name <address>"
            name, email = parse_contact_from_email(vals.get("partner_email") or "")
            requesters.append(
                {
                    "rpps": vals.get("health_rpps"),
                    "email": email,
                    "name": vals.get("partner_name") or name,
                }
            )
        partners = self.env["res.partner"]._health_desk_find_requesters(requesters)
        created = {}
        for vals, requester, partner in zip(todo, requesters, partners, strict=True):
            if requester["email"]:
                vals["partner_email"] = requester["email"]
            if requester["name"] and not vals.get("partner_name"):
                vals["partner_name"] = requester["name"]
            if not partner:
                key = (
                    (requester["email"] or "").strip().lower()
                    or (requester["rpps"] or "")
                    or (requester["name"] or "").strip().lower()
                )
                partner = created.get(key)
                if partner is None:
                    partner = created[key] = self._health_desk_create_requester(vals)
            vals["partner_id"] = partner.id
            vals.setdefault("partner_name", partner.name)
            vals.setdefault("partner_email", partner.email)

    @api.model
    def _health_desk_create_requester(self, vals):
        name = (vals.get("partner_name") or "").strip()
        email = vals.get("partner_email") or False
        return (
            self.env["res.partner"]
            .sudo()
            .create(
                {
                    "name": name or email or self.env._("Desk requester"),
                    "email": email,
                    "phone": vals.get("health_phone") or False,
                    "health_rpps": vals.get("health_rpps") or False,
                    "health_territory_id": vals.get("health_territory_id") or False,
                    "lang": self._health_desk_requester_lang(),
                }
            )
        )

    @api.model
    def _health_desk_requester_lang(self):
        """The desk writes in French to the people it creates, when French is
        installed (the visitor of the public form has no language of their own)."""
        langs = [code for code, _name in self.env["res.lang"].get_installed()]
        return "fr_FR" if "fr_FR" in langs else self.env.lang or "en_US"

    # ---------------------------------------------------------------- mail
    @api.model
    def message_new(self, msg, custom_values=None):
        """A question e-mailed to a desk's alias: channel e-mail, sender matched."""
        custom_values = dict(custom_values or {})
        channel = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email", False)
        if channel:
            custom_values.setdefault("channel_id", channel.id)
        email_from = msg.get("email_from") or ""
        if not msg.get("author_id") and email_from:
            name, email = parse_contact_from_email(email_from)
            custom_values.setdefault("partner_name", name or email)
            custom_values.setdefault("partner_email", email)
        return super().message_new(msg, custom_values=custom_values)

    def _health_desk_notify(self, template_xmlid):
        """Keep the requester informed: a French e-mail from the template,
        posted on the request (visible in their portal)."""
        template = self.env.ref(template_xmlid, raise_if_not_found=False)
        tickets = self.filtered(lambda ticket: ticket.partner_id.email or ticket.partner_email)
        if not template or not tickets:
            return
        tickets.sudo().with_context(health_desk_notice=True).message_post_with_source(
            template, subtype_xmlid="mail.mt_comment", message_type="comment"
        )

    def _message_post_after_hook(self, message, msg_vals):
        """Record the answer of the partner institution and the first answer
        of the desk."""
        res = super()._message_post_after_hook(message, msg_vals)
        if (
            self.env.context.get("health_desk_notice")
            or not self.health_is_desk
            or message.message_type not in ("comment", "email")
            or message.subtype_id != self.env.ref("mail.mt_comment")
            or not message.author_id
        ):
            return res
        author = message.author_id
        institution = self.health_transfer_partner_id.commercial_partner_id
        if institution and author.commercial_partner_id == institution:
            self.sudo()._health_desk_record_partner_answer(message)
        elif (
            not self.health_first_answer_date
            and author != self.partner_id
            and author.sudo().user_ids.filtered(lambda user: not user.share)
        ):
            self.sudo().health_first_answer_date = fields.Datetime.now()
        return res

    def _health_desk_record_partner_answer(self, message):
        self.ensure_one()
        now = fields.Datetime.now()
        values = {
            "health_partner_answer": html2plaintext(message.body or "").strip(),
            "health_partner_answer_date": now,
            "stage_id": self.env.ref("health_desk.helpdesk_ticket_stage_answered").id,
        }
        if not self.health_first_answer_date:
            values["health_first_answer_date"] = now
        self.write(values)
        self._health_desk_notify("health_desk.mail_template_request_answered")

    def _track_template(self, tracking):
        """Closing a desk request sends the desk's French closing e-mail (with
        the satisfaction links) instead of the generic one of the stage."""
        res = super()._track_template(tracking)
        ticket = self[0]
        if ticket.health_is_desk and "stage_id" in tracking and ticket.stage_id.closed:
            res["stage_id"] = (
                self.env.ref("health_desk.mail_template_request_closed"),
                {
                    "message_type": "comment",
                    "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment"),
                    "email_layout_xmlid": "mail.mail_notification_light",
                },
            )
        return res

    def _message_track_post_template(self, changes):
        # the e-mails of the stages are notices, not answers
        return super(
            HelpdeskTicket, self.with_context(health_desk_notice=True)
        )._message_track_post_template(changes)

    # ---------------------------------------------------------------- transfer
    def action_health_desk_transfer(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_desk.health_desk_transfer_action"
        )
        action["context"] = {
            "default_ticket_id": self.id,
            "default_partner_id": self.category_id.health_partner_id.id,
        }
        return action

    def _health_desk_transfer(self, institution, contact, message):
        """Hand the request over to a partner institution: its contact follows
        the request (portal access, e-mails), the requester is told."""
        if not self.env.user.has_group("health_desk.group_health_desk_user"):
            raise UserError(self.env._("Only desk officers may transfer a request."))
        if self.filtered(lambda ticket: ticket.closed):
            raise UserError(self.env._("A closed request cannot be transferred: reopen it first."))
        contact = contact or institution
        previous = self.health_transfer_contact_id - contact
        if previous:
            self.message_unsubscribe(previous.ids)
        self.write(
            {
                "health_transfer_partner_id": institution.id,
                "health_transfer_contact_id": contact.id,
                "health_transfer_date": fields.Datetime.now(),
                "stage_id": self.env.ref("health_desk.helpdesk_ticket_stage_transferred").id,
            }
        )
        self.message_subscribe(contact.ids)
        for ticket in self:
            ticket.with_context(health_desk_notice=True).message_post(
                body=message
                or self.env._("This request is transferred to you: please answer on the request."),
                partner_ids=contact.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self._health_desk_notify("health_desk.mail_template_request_transferred")

    # ---------------------------------------------------------------- canned answers
    def action_health_desk_canned_answer(self):
        """Send the category's canned answer to the requester."""
        self.ensure_one()
        if not self.category_id.health_canned_answer:
            raise UserError(self.env._("The category of this request has no canned answer."))
        self.message_post(
            body=self.category_id.health_canned_answer,
            partner_ids=self.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True

    def _health_desk_may_close_from_portal(self, user):
        """A desk request is closed on the portal by its requester only."""
        self.ensure_one()
        if not self.health_is_desk or not user.share:
            return True
        return self.partner_id.commercial_partner_id == user.partner_id.commercial_partner_id

    # ---------------------------------------------------------------- satisfaction
    def _health_desk_satisfaction_url(self, score):
        self.ensure_one()
        base = self.get_base_url()
        return f"{base}/guichet/satisfaction/{self.id}/{score}?token={self._portal_ensure_token()}"

    def _health_desk_set_satisfaction(self, score):
        """The requester's answer to the closing e-mail (only on closed requests)."""
        self.ensure_one()
        if score not in {"1", "2", "3"} or not self.closed:
            return False
        self.sudo().health_satisfaction = score
        return True

    # ---------------------------------------------------------------- jobs
    @api.model
    def _health_desk_overdue_domain(self, today):
        """The desk requests late on ``today``: open, not answered, and their
        answer due date has passed (the one rule of the nightly flag and of
        the overview)."""
        return [
            ("health_is_desk", "=", True),
            ("closed", "=", False),
            ("health_first_answer_date", "=", False),
            ("health_target_date", "<", today),
        ]

    @api.model
    def _cron_health_desk_overdue(self, today=None):
        """Flag the open desk requests without an answer past their due date."""
        today = today or tools.reference_date(self)
        tickets = self.sudo().with_context(active_test=False)
        overdue = tickets.search(
            [*self._health_desk_overdue_domain(today), ("health_overdue", "=", False)]
        )
        cleared = tickets.search(
            [
                ("health_overdue", "=", True),
                "|",
                "|",
                ("closed", "=", True),
                ("health_first_answer_date", "!=", False),
                ("health_target_date", ">=", today),
            ]
        )
        overdue.write({"health_overdue": True})
        cleared.write({"health_overdue": False})
        return overdue

    @api.model
    def _health_desk_retention_years(self):
        return tools.get_int_param(self.env, "health_desk.retention_years", 3, minimum=1)

    @api.model
    def _cron_health_desk_anonymize(self, today=None, limit=1000):
        """Anonymise the desk requests closed longer ago than the retention period."""
        today = today or tools.reference_date(self)
        limit_date = today - relativedelta(years=self._health_desk_retention_years())
        tickets = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("health_is_desk", "=", True),
                    ("health_anonymized", "=", False),
                    ("closed", "=", True),
                    ("closed_date", "<", fields.Datetime.to_datetime(limit_date)),
                ],
                limit=limit,
            )
        )
        tickets._health_desk_anonymize()
        _logger.info("Anonymised %s desk requests", len(tickets))
        return tickets

    def _health_desk_anonymize(self):
        """Remove the requester's identity and the exchanges; keep the figures
        (category, channel, territory, dates, delays, satisfaction)."""
        tickets = self.sudo().with_context(active_test=False, tracking_disable=True)
        if not tickets:
            return
        values = dict.fromkeys(REQUESTER_IDENTITY_FIELDS, False)
        values.update(
            {
                "name": self.env._("Anonymised request"),
                "description": "<p>-</p>",
                "health_anonymized": True,
            }
        )
        tickets.write(values)
        self.env["mail.message"].sudo().search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
        ).unlink()
        for model in ("mail.followers", "ir.attachment"):
            self.env[model].sudo().search(
                [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
            ).unlink()

    @api.model
    def _health_desk_remote_hash(self, address):
        """A keyed hash of the sender's address: enough to count their
        requests, useless to find the address back (a plain hash of an IPv4
        address is reversed by trying them all)."""
        return tools.keyed_hash(self.env, address)[:32]

    # ---------------------------------------------------------------- public form
    @api.model
    def _health_desk_consent_text(self):
        return self.env._(
            "I agree that the desk and the partner institutions it calls upon (ARS, "
            "CPAM, Order of physicians, local authorities) process the data of this "
            "form to answer my question. They are kept for three years after the "
            "answer, then anonymised. I may access, correct or erase them by writing "
            "to the desk."
        )

    @api.model
    def _health_desk_form_categories(self):
        return (
            self.env["helpdesk.ticket.category"]
            .sudo()
            .search([("health_team_id.health_is_desk", "=", True), ("show_in_portal", "=", True)])
        )

    @api.model
    def _health_desk_create_from_form(self, post, remote_addr):
        """Create the request sent through the public form (as superuser: the
        visitor has no rights), after the spam and input checks.

        Raises UserError with a message for the visitor on bad input."""
        self._health_desk_check_rate(remote_addr)
        values = {key: (post.get(key) or "").strip() for key in FORM_FIELDS}
        missing = [label for key, label in self._health_desk_form_required() if not values[key]]
        if missing:
            raise UserError(self.env._("Please fill in: %(fields)s.", fields=", ".join(missing)))
        if not post.get("consent"):
            raise UserError(
                self.env._("Please accept the processing of your data so that we can answer.")
            )
        if not email_normalize(values["email"]):
            raise UserError(
                self.env._("The e-mail address %(email)s is not valid.", email=values["email"])
            )
        if len(values["description"]) > 10000:
            raise UserError(self.env._("Your question is too long (10,000 characters at most)."))
        category = self._health_desk_form_categories().filtered(
            lambda cat: str(cat.id) == values["category_id"]
        )
        if not category:
            raise UserError(self.env._("Please choose the subject of your question in the list."))
        territory = self.env["health.territory"].sudo().browse()
        if values["territory_id"].isdigit():
            territory = territory.browse(int(values["territory_id"])).exists()
        kind = (
            values["kind"]
            if values["kind"] in dict(self._fields["health_requester_kind"].selection)
            else "other"
        )
        now = fields.Datetime.now()
        ticket_values = {
            "name": values["subject"],
            "description": plaintext2html(values["description"]),
            "category_id": category.id,
            "team_id": category.health_team_id.id,
            # not the public user, whom OCA's auto-assignment would pick
            "user_id": False,
            "channel_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web").id,
            "partner_name": values["name"],
            "partner_email": email_normalize(values["email"]),
            "health_phone": values["phone"] or False,
            "health_rpps": values["rpps"] or False,
            "health_requester_kind": kind,
            "health_territory_id": territory.id,
            "health_received_date": now,
            "health_consent_text": self._health_desk_consent_text(),
            "health_consent_date": now,
            "health_remote_hash": self._health_desk_remote_hash(remote_addr),
        }
        try:
            with self.env.cr.savepoint():
                return self.sudo().create(ticket_values)
        except ValidationError as error:
            raise UserError(error.args[0]) from error

    @api.model
    def _health_desk_form_required(self):
        return [
            ("name", self.env._("your name")),
            ("email", self.env._("your e-mail")),
            ("category_id", self.env._("the subject")),
            ("subject", self.env._("the title")),
            ("description", self.env._("your question")),
        ]

    @api.model
    def _health_desk_check_rate(self, remote_addr):
        limit = tools.get_int_param(self.env, "health_desk.form_max_per_hour", 5, minimum=1)
        sent = self.sudo().search_count(
            [
                ("health_remote_hash", "=", self._health_desk_remote_hash(remote_addr)),
                # create_date is the database's clock: compare with it
                ("create_date", ">", self.env.cr.now() - timedelta(hours=1)),
            ]
        )
        if sent >= limit:
            raise UserError(
                self.env._(
                    "Too many questions were sent from your connection in the last hour: "
                    "please try again later or call the desk."
                )
            )
