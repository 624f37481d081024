from datetime import date, timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_date

from ..checks import (
    MAX_COPIES,
    MAX_MONTHS,
    MAX_REMINDER_DAYS,
    NAME_MAX_LENGTH,
    REFERENCE_MAX_LENGTH,
    date_range_error,
    is_record_id,
)
from ..dates import notice_deadline, period_end, renewal_end
from ..selections import CONVENTION_KINDS

# states from which the terms change only through an amendment
LOCKED_STATES = ("signed", "in_force", "expired", "terminated")
TERM_FIELDS = (
    "effective_date_mode",
    "date_start",
    "duration_months",
    "tacit_renewal",
    "renewal_months",
    "max_renewals",
    "notice_months",
)


def _same_value(current, new):
    """Whether the value ``new`` given to write equals the ``current`` one
    (dates may be given as strings)."""
    if isinstance(current, models.BaseModel):
        current = current.id
    if isinstance(current, date):
        current = fields.Date.to_string(current)
    if isinstance(new, date):
        new = fields.Date.to_string(new)
    return (current or False) == (new or False)


# steering committees: from 10:00 to 12:00, local time of the programme
COMMITTEE_HOURS = (10, 12)


def _working_day_within(day, last_day):
    """The next working day from ``day``, or, when it falls after
    ``last_day``, the last working day before."""
    working = tools.next_working_day(day)
    if working <= last_day:
        return working
    while not tools.is_working_day(day):
        day -= timedelta(days=1)
    return day


STATES = [
    ("draft", "Draft"),
    ("negotiation", "Negotiation"),
    ("signed", "Signed"),
    ("in_force", "In force"),
    ("expired", "Expired"),
    ("terminated", "Terminated"),
]


class HealthConvention(models.Model):
    """A partnership convention between public bodies and health actors."""

    _name = "health.convention"
    _description = "Partnership Convention"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "health.prefecture.transmission.mixin",
        "health.convention.terms.mixin",
        "health.input.mixin",
    ]
    _order = "date_start desc, id desc"
    _rec_names_search = ["name", "title"]
    _health_max_lengths = {
        "name": REFERENCE_MAX_LENGTH,
        "act_identifier": REFERENCE_MAX_LENGTH,
        "signature_place": NAME_MAX_LENGTH,
    }

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index=True
    )
    title = fields.Char(required=True, tracking=True)
    subject = fields.Text(help='What the convention relates to ("Relative à").')
    preamble = fields.Html()
    kind = fields.Selection(
        CONVENTION_KINDS, default="territorial_partnership", required=True, tracking=True
    )
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, copy=False, tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(
        string="Financial commitment",
        tracking=True,
        help="Total amount the convention commits (current terms, amendments included).",
    )
    template_id = fields.Many2one("health.convention.template", copy=False)
    party_ids = fields.One2many("health.convention.party", "convention_id", copy=True)
    article_ids = fields.One2many("health.convention.article", "convention_id", copy=True)
    amendment_ids = fields.One2many("health.convention.amendment", "convention_id")
    commitment_ids = fields.One2many("health.convention.commitment", "convention_id")
    indicator_ids = fields.One2many("health.convention.indicator", "convention_id")
    committee_ids = fields.One2many("calendar.event", "health_convention_id")
    measure_ids = fields.Many2many(
        "health.toolbox.measure", string="Toolbox measures", help="Measures mobilised."
    )
    territory_id = fields.Many2one("health.territory", help="Territory the convention covers.")
    # duration
    effective_date_mode = fields.Selection(string="Takes effect on")
    date_signed = fields.Date(
        string="Last signature",
        compute="_compute_date_signed",
        store=True,
        help="Signature date of the last signing party.",
    )
    date_start = fields.Date(
        string="Effective date",
        compute="_compute_date_start",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
    )
    duration_months = fields.Integer(tracking=True)
    date_end = fields.Date(
        string="End date",
        compute="_compute_date_end",
        store=True,
        tracking=True,
        copy=False,
        index=True,
        help="Last day of the current term: effective date plus the duration, then "
        "the end set by each renewal and each amendment in force, in the order they "
        "were recorded.",
    )
    tacit_renewal = fields.Boolean(tracking=True)
    renewal_ids = fields.One2many(
        "health.convention.renewal", "convention_id", string="Renewal history", readonly=True
    )
    renewal_count = fields.Integer(
        string="Renewals",
        compute="_compute_renewal_count",
        store=True,
        help="Tacit renewals so far (counted against the maximum); express renewals "
        "by amendment are listed in the Renewals tab too.",
    )
    notice_months = fields.Integer(
        help="Notice a party must give to terminate the convention or prevent its renewal.",
    )
    notice_deadline = fields.Date(
        string="Last day to give notice",
        compute="_compute_notice_deadline",
        store=True,
        index=True,
        help="For a tacitly renewable convention: last day on which a party can "
        "give notice so that the convention ends at its term.",
    )
    custom_reminders = fields.Boolean(
        string="Own reminder delays",
        help="Remind the deadlines of this convention with its own delays instead of "
        "the general settings.",
    )
    notice_reminder_days = fields.Integer(
        string="Notice reminder (days before)",
        default=lambda self: self._get_notice_reminder_days(),
        help="How many days before the last day to give notice the responsible gets an "
        "activity (when the convention has its own reminder delays).",
    )
    end_reminder_days = fields.Integer(
        string="End reminder (days before)",
        default=lambda self: self._get_end_reminder_days(),
        help="How many days before the end date the responsible gets an activity "
        "(when the convention has its own reminder delays).",
    )
    notice_reminder_date = fields.Date(
        compute="_compute_reminder_dates",
        store=True,
        help="With its own reminder delays: day the notice deadline is reminded.",
    )
    end_reminder_date = fields.Date(
        compute="_compute_reminder_dates",
        store=True,
        help="With its own reminder delays: day the end date is reminded.",
    )
    notice_reminded_deadline = fields.Date(
        readonly=True, copy=False, help="Last day to give notice the responsible was reminded of."
    )
    end_reminded_deadline = fields.Date(
        readonly=True, copy=False, help="End date the responsible was reminded of."
    )
    notice_reminder_done = fields.Boolean(compute="_compute_reminder_done", store=True)
    end_reminder_done = fields.Boolean(compute="_compute_reminder_done", store=True)
    # signature and steering
    signature_place = fields.Char(help='Place of signature ("Fait à").')
    copies = fields.Integer(string="Original copies", default=2)
    committee_count = fields.Integer(compute="_compute_counts")
    amendment_count = fields.Integer(compute="_compute_counts")
    # termination
    termination_date = fields.Date(readonly=True, copy=False, tracking=True)
    termination_reason = fields.Text(readonly=True, copy=False)
    termination_party_id = fields.Many2one(
        "health.convention.party", string="Requested by", readonly=True, copy=False
    )
    termination_letter_date = fields.Date(string="Registered letter", readonly=True, copy=False)
    termination_notice_respected = fields.Boolean(
        string="Notice respected", readonly=True, copy=False
    )

    _sql_constraints = [
        ("name_company_unique", "unique(name, company_id)", "This reference already exists."),
    ]

    # ------------------------------------------------------------ create
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("health.convention") or "/"
            # an id that is not a template's is refused by the input check
            if is_record_id(vals.get("template_id")):
                template = (
                    self.env["health.convention.template"].browse(vals["template_id"]).exists()
                )
                for key, value in (
                    self._prepare_vals_from_template(template) if template else {}
                ).items():
                    vals.setdefault(key, value)
        return super().create(vals_list)

    @api.model
    def _prepare_vals_from_template(self, template):
        """Values a convention takes from its template (extension hook)."""
        return {
            "title": template.title or template.name,
            "kind": template.kind,
            "subject": template.subject,
            "preamble": template.preamble,
            "effective_date_mode": template.effective_date_mode,
            "duration_months": template.duration_months,
            "tacit_renewal": template.tacit_renewal,
            "renewal_months": template.renewal_months,
            "max_renewals": template.max_renewals,
            "notice_months": template.notice_months,
            "committee_cadence_months": template.committee_cadence_months,
            "signature_place": template.signature_place,
            "article_ids": [
                Command.create(line._prepare_article_vals()) for line in template.line_ids
            ],
        }

    @api.onchange("template_id")
    def _onchange_template_id(self):
        if not self.template_id:
            return
        vals = self._prepare_vals_from_template(self.template_id)
        vals["article_ids"] = [Command.clear(), *vals["article_ids"]]
        self.update(vals)

    def write(self, vals):
        if "date_end" in vals:
            raise UserError(
                self.env._(
                    "The end date follows from the effective date, the duration, the "
                    "renewals and the amendments: record a renewal or an amendment to "
                    "change it."
                )
            )
        self._check_terms_unlocked(vals)
        return super().write(vals)

    def _get_locked_term_fields(self):
        """Terms that can no longer change once the convention is signed (extension hook)."""
        return TERM_FIELDS

    def _check_terms_unlocked(self, vals):
        """Refuse to change the terms of a signed convention: they change
        only through an amendment (a signed convention can go back to draft)."""
        changed = [
            fname
            for fname in self._get_locked_term_fields()
            if fname in vals
            and any(
                convention.state in LOCKED_STATES
                and not _same_value(convention[fname], vals[fname])
                for convention in self
            )
        ]
        if changed:
            self.filtered(lambda c: c.state in LOCKED_STATES)[:1]._raise_terms_locked(
                [self._health_field_label(self._fields[fname]) for fname in changed]
            )

    def _raise_terms_locked(self, labels):
        self.ensure_one()
        raise UserError(
            self.env._(
                "%(convention)s is signed: its terms (%(fields)s) can no longer be "
                "changed. Record an amendment to change them, or, if the convention is "
                "not in force yet, put it back to draft.",
                convention=self.display_name,
                fields=", ".join(labels),
            )
        )

    # ----------------------------------------------------------- compute
    @api.depends("party_ids.signature_date", "party_ids.is_signatory")
    def _compute_date_signed(self):
        for convention in self:
            dates = [
                party.signature_date
                for party in convention.party_ids
                if party.is_signatory and party.signature_date
            ]
            convention.date_signed = max(dates) if dates else False

    @api.depends("date_signed", "effective_date_mode")
    def _compute_date_start(self):
        for convention in self:
            if convention.effective_date_mode == "last_signature":
                convention.date_start = convention.date_signed

    @api.depends(
        "date_start",
        "duration_months",
        "renewal_ids.date",
        "renewal_ids.date_end",
        "amendment_ids.state",
        "amendment_ids.date_applied",
        "amendment_ids.new_date_end",
    )
    def _compute_date_end(self):
        for convention in self:
            end = convention._get_initial_date_end()
            for _order, new_end in sorted(convention._get_term_changes()):
                end = new_end
            convention.date_end = end

    def _get_initial_date_end(self):
        """End of the initial term: the effective date plus the duration."""
        self.ensure_one()
        # a duration out of bounds is refused by the constraint
        if 0 < self.duration_months <= MAX_MONTHS:
            return period_end(self.date_start, self.duration_months)
        return False

    def _get_term_changes(self):
        """The changes of the end date, as ``(order, new end)``: the renewals
        (tacit or express, each records its new end) and the amendments in
        force that set a new end date (extending or shortening the term);
        ordered by the day they were recorded, a renewal before an amendment
        of the same day, then by number (extension hook)."""
        self.ensure_one()
        changes = [
            ((renewal.date, 0, renewal.number or 0, renewal.id), renewal.date_end)
            for renewal in self.renewal_ids
            if renewal.date and renewal.date_end
        ]
        changes += [
            (
                (amendment.date_applied, 1, amendment.number or 0, amendment.id),
                amendment.new_date_end,
            )
            for amendment in self.amendment_ids
            if amendment.state == "in_force" and amendment.date_applied and amendment.new_date_end
        ]
        return changes

    @api.depends("date_end", "notice_months", "tacit_renewal")
    def _compute_notice_deadline(self):
        for convention in self:
            convention.notice_deadline = convention.tacit_renewal and notice_deadline(
                convention.date_end, convention.notice_months
            )

    @api.depends("renewal_ids.kind")
    def _compute_renewal_count(self):
        for convention in self:
            convention.renewal_count = len(
                convention.renewal_ids.filtered(lambda renewal: renewal.kind == "tacit")
            )

    @api.depends(
        "custom_reminders",
        "notice_reminder_days",
        "end_reminder_days",
        "notice_deadline",
        "date_end",
    )
    def _compute_reminder_dates(self):
        for convention in self:
            custom = convention.custom_reminders and all(
                0 <= days <= MAX_REMINDER_DAYS
                for days in (convention.notice_reminder_days, convention.end_reminder_days)
            )
            convention.notice_reminder_date = (
                custom
                and convention.notice_deadline
                and convention.notice_deadline - timedelta(days=convention.notice_reminder_days)
            )
            convention.end_reminder_date = (
                custom
                and convention.date_end
                and convention.date_end - timedelta(days=convention.end_reminder_days)
            )

    @api.depends("notice_deadline", "notice_reminded_deadline", "date_end", "end_reminded_deadline")
    def _compute_reminder_done(self):
        """A deadline is reminded once: until it moves."""
        for convention in self:
            convention.notice_reminder_done = bool(
                convention.notice_deadline
                and convention.notice_reminded_deadline == convention.notice_deadline
            )
            convention.end_reminder_done = bool(
                convention.date_end and convention.end_reminded_deadline == convention.date_end
            )

    def _compute_counts(self):
        committees = dict(
            self.env["calendar.event"]._read_group(
                [("health_convention_id", "in", self.ids)],
                ["health_convention_id"],
                ["__count"],
            )
        )
        amendments = dict(
            self.env["health.convention.amendment"]._read_group(
                [("convention_id", "in", self.ids)], ["convention_id"], ["__count"]
            )
        )
        for convention in self:
            convention.committee_count = committees.get(convention, 0)
            convention.amendment_count = amendments.get(convention, 0)

    @api.depends("name", "title")
    def _compute_display_name(self):
        for convention in self:
            convention.display_name = (
                f"{convention.name} – {convention.title}"
                if convention.title and convention.name not in (False, "/")
                else convention.title or convention.name
            )

    # ------------------------------------------------------- constraints
    @api.constrains("notice_reminder_days", "end_reminder_days")
    def _check_reminder_days(self):
        for convention in self:
            days = (convention.notice_reminder_days, convention.end_reminder_days)
            if min(days) < 0:
                raise ValidationError(
                    self.env._(
                        "%(convention)s: the reminder delays cannot be negative.",
                        convention=convention.display_name,
                    )
                )
            if max(days) > MAX_REMINDER_DAYS:
                raise ValidationError(
                    self.env._(
                        "%(convention)s: a reminder delay is at most %(limit)s days; "
                        "enter a smaller number of days.",
                        convention=convention.display_name,
                        limit=MAX_REMINDER_DAYS,
                    )
                )

    @api.constrains("amount", "copies")
    def _check_amount_and_copies(self):
        for convention in self:
            if convention.amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(convention)s: the financial commitment cannot be negative; "
                        "enter 0 or a positive amount.",
                        convention=convention.display_name,
                    )
                )
            if not 1 <= convention.copies <= MAX_COPIES:
                raise ValidationError(
                    self.env._(
                        "%(convention)s: the number of original copies must lie between "
                        "1 and %(limit)s.",
                        convention=convention.display_name,
                        limit=MAX_COPIES,
                    )
                )

    # the end date is the last of the computed dates (last signature ->
    # effective date -> end date): checked when it is computed or written,
    # it sees the others up to date
    @api.constrains("date_end")
    def _check_dates(self):
        for convention in self:
            error = date_range_error(convention, ("date_start", "date_end", "date_signed"))
            if error:
                raise ValidationError(error)
            start, end = convention.date_start, convention.date_end
            if start and end and end < start:
                raise ValidationError(
                    self.env._(
                        "%(convention)s: the end date cannot be before the effective date.",
                        convention=convention.display_name,
                    )
                )
            if convention.date_signed and end and end < convention.date_signed:
                raise ValidationError(
                    self.env._(
                        "%(convention)s: the last signature (%(signed)s) is after the end "
                        "date (%(end)s); correct the signature dates or the end date.",
                        convention=convention.display_name,
                        signed=format_date(self.env, convention.date_signed),
                        end=format_date(self.env, end),
                    )
                )

    # ----------------------------------------------------------- actions
    def action_negotiate(self):
        if any(convention.state != "draft" for convention in self):
            raise UserError(self.env._("Only draft conventions can go to negotiation."))
        self.write({"state": "negotiation"})

    def action_back_to_draft(self):
        if any(convention.state not in ("negotiation", "signed") for convention in self):
            raise UserError(
                self.env._("Only conventions in negotiation or signed can go back to draft.")
            )
        self.write({"state": "draft"})

    def action_sign(self):
        if any(convention.state not in ("draft", "negotiation") for convention in self):
            raise UserError(self.env._("This convention is already signed."))
        for convention in self:
            convention._check_signatures()
        self.write({"state": "signed"})

    def _check_signatures(self):
        self.ensure_one()
        signing = self.party_ids.filtered("is_signatory")
        if len(signing) < 2:
            raise UserError(
                self.env._(
                    "%(convention)s needs at least two signing parties before it is signed.",
                    convention=self.display_name,
                )
            )
        unsigned = signing.filtered(lambda party: not party.signature_date)
        if unsigned:
            raise UserError(
                self.env._(
                    "%(convention)s: enter the signature date of %(parties)s.",
                    convention=self.display_name,
                    parties=", ".join(unsigned.mapped("partner_id.display_name")),
                )
            )
        if not self.date_start:
            raise UserError(
                self.env._(
                    "%(convention)s: enter the effective date.", convention=self.display_name
                )
            )

    def action_put_in_force(self):
        if any(convention.state != "signed" for convention in self):
            raise UserError(self.env._("Only signed conventions can be put in force."))
        self._check_enforceable(tools.reference_date(self))
        self.write({"state": "in_force"})

    def action_open_termination(self):
        self.ensure_one()
        if self.state not in ("signed", "in_force"):
            raise UserError(self.env._("Only signed or in-force conventions can be terminated."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Terminate the convention"),
            "res_model": "health.convention.termination",
            "view_mode": "form",
            "target": "new",
            "context": {"default_convention_id": self.id},
        }

    def action_open_express_renewal(self):
        self.ensure_one()
        if self.state != "in_force":
            raise UserError(self.env._("Only conventions in force can be renewed."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Renew the convention expressly"),
            "res_model": "health.convention.renewal.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_convention_id": self.id},
        }

    def _renew_expressly(self, new_end, act):
        """Extend the convention until ``new_end`` by an act of the parties
        (a ``health.authorising.act``: deliberation, decision)."""
        self.ensure_one()
        if self.state != "in_force":
            raise UserError(self.env._("Only conventions in force can be renewed."))
        previous_end = self.date_end
        if not (new_end and previous_end and new_end > previous_end):
            raise UserError(
                self.env._(
                    "%(convention)s: the new end date must be after the current one (%(date)s).",
                    convention=self.display_name,
                    date=format_date(self.env, previous_end),
                )
            )
        today = tools.reference_date(self)
        self.env["health.convention.renewal"].sudo().create(
            self._prepare_renewal_line_vals(previous_end, new_end, "express", today, act_id=act.id)
        )
        self._replace_moved_deadline_activities(today)
        self.message_post(
            body=self.env._(
                "Renewed expressly until %(date)s (%(act)s).",
                date=format_date(self.env, new_end),
                act=act.display_name,
            )
        )

    def action_view_committees(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_conventions.calendar_event_action_health_committee"
        )
        action["domain"] = [("health_convention_id", "=", self.id)]
        action["context"] = {
            "default_health_convention_id": self.id,
            "default_partner_ids": self._get_committee_partners().ids,
        }
        return action

    def action_view_amendments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_conventions.health_convention_amendment_action"
        )
        action["domain"] = [("convention_id", "=", self.id)]
        action["context"] = {"default_convention_id": self.id}
        return action

    # ------------------------------------------------ steering committees
    def _get_committee_partners(self):
        """Attendees of the steering committees: the parties' representatives."""
        return (
            self.party_ids.mapped(lambda party: party.representative_id or party.partner_id)
            | self.user_id.partner_id
        )

    def _get_committee_dates(self):
        """One date per cadence from the effective date to the end of the term,
        moved to the next working day (the previous one at the end of the term)."""
        self.ensure_one()
        if not (self.date_start and self.date_end and self.committee_cadence_months > 0):
            return []
        dates, index = [], 1
        while True:
            day = fields.Date.add(self.date_start, months=self.committee_cadence_months * index)
            if day > self.date_end + timedelta(days=1):
                return dates
            dates.append(_working_day_within(min(day, self.date_end), self.date_end))
            index += 1

    def _prepare_committee_vals(self, day, number):
        """A committee on ``day`` from 10:00 to 12:00, Paris time."""
        self.ensure_one()
        start = tools.local_to_utc(day, COMMITTEE_HOURS[0])
        stop = tools.local_to_utc(day, COMMITTEE_HOURS[1])
        return {
            "name": self.env._(
                "Steering committee %(number)s – %(convention)s",
                number=number,
                convention=self.title,
            ),
            "start": start,
            "stop": stop,
            "health_convention_id": self.id,
            "health_annual_review": True,
            "partner_ids": [Command.set(self._get_committee_partners().ids)],
            "user_id": self.user_id.id,
        }

    def action_plan_committees(self):
        """Plan the steering committees of the term from the cadence.

        The meetings are created without invitations: send them from each
        meeting once its date is confirmed.
        """
        existing = {
            (event.health_convention_id.id, event.start.date()) for event in self.committee_ids
        }
        vals_list = []
        for convention in self:
            if not convention.date_start:
                raise UserError(
                    self.env._(
                        "%(convention)s: enter the effective date before planning "
                        "the steering committees.",
                        convention=convention.display_name,
                    )
                )
            for number, day in enumerate(convention._get_committee_dates(), start=1):
                if (convention.id, day) not in existing:
                    vals_list.append(convention._prepare_committee_vals(day, number))
        return self.env["calendar.event"].with_context(no_mail_to_attendees=True).create(vals_list)

    # ------------------------------------------------- scheduled action
    @api.model
    def _get_term_reached_domain(self, today):
        return [("state", "=", "in_force"), ("date_end", "<", today)]

    @api.model
    def _cron_process_terms(self, today=None):
        """Daily: renew or expire conventions at term, remind the deadlines."""
        today = fields.Date.to_date(today) or tools.reference_date(self)
        due = self.search(self._get_term_reached_domain(today))
        renewed, expired = due._renew_or_expire(today)
        self._schedule_deadline_activities(today)
        return renewed, expired

    def _can_renew(self, count=None):
        """Whether the convention renews tacitly after ``count`` renewals
        (by default, its renewals so far)."""
        self.ensure_one()
        count = self.renewal_count if count is None else count
        return self.tacit_renewal and (not self.max_renewals or count < self.max_renewals)

    def _renew_or_expire(self, today):
        """Renew tacitly renewable conventions at term, expire the others.

        The renewals are computed in memory, then all the renewal lines of
        the run are created at once (the end dates follow from them), so that
        the work takes a few queries whatever the number of conventions; a
        convention whose term passed long ago is
        renewed as many times as needed (within its maximum).
        Returns (renewed, expired).
        """
        convention_sudo = self.sudo().with_context(tracking_disable=True)
        renewed_ids, expired_ids = [], []
        bodies, renewal_vals = {}, []
        for convention in self:
            end, count, steps = convention.date_end, convention.renewal_count, []
            while end < today and convention._can_renew(count):
                new_end = renewal_end(end, convention.renewal_months)
                count += 1
                renewal_vals.append(
                    convention._prepare_renewal_line_vals(end, new_end, "tacit", today)
                )
                steps.append((count, new_end))
                end = new_end
            if steps:
                renewed_ids.append(convention.id)
                env = convention._get_message_env()
                bodies[convention.id] = " ".join(
                    env._(
                        "Renewed tacitly (renewal %(count)s) until %(date)s.",
                        count=number,
                        date=format_date(env, day),
                    )
                    for number, day in steps
                )
            if end < today:
                expired_ids.append(convention.id)
        renewed, expired = self.browse(renewed_ids), self.browse(expired_ids)
        # the end dates follow from the renewal lines
        self.env["health.convention.renewal"].sudo().create(renewal_vals)
        if expired:
            convention_sudo.browse(expired.ids).write({"state": "expired"})
            for convention in expired:
                body = convention._get_message_env()._("Expired at its term.")
                previous = bodies.get(convention.id)
                bodies[convention.id] = f"{previous} {body}" if previous else body
        if bodies:
            self.browse(list(bodies)).sudo()._message_log_batch(bodies=bodies)
        return renewed, expired

    def _get_message_env(self):
        """Environment in the responsible's language, for what the scheduled
        action writes in the chatter and the activities."""
        self.ensure_one()
        lang = self.user_id.lang or self.env.lang
        return self.env if lang == self.env.lang else self.with_context(lang=lang).env

    def _prepare_renewal_line_vals(self, previous_end, new_end, kind, today, **extra):
        """Values of a renewal line (extension hook)."""
        self.ensure_one()
        return {
            "convention_id": self.id,
            "kind": kind,
            "previous_date_end": previous_end,
            "date_start": previous_end + timedelta(days=1),
            "date_end": new_end,
            "date": today,
            **extra,
        }

    @api.model
    def _get_notice_reminder_days(self):
        """Days before the last day to give notice the responsible is reminded."""
        return tools.get_int_param(
            self.env, "health_conventions.notice_reminder_days", 30, minimum=0
        )

    @api.model
    def _get_end_reminder_days(self):
        """Days before the end date the responsible is reminded."""
        return tools.get_int_param(self.env, "health_conventions.end_reminder_days", 60, minimum=0)

    @api.model
    def _schedule_deadline_activities(self, today, domain=()):
        """Activities for the responsible before the notice deadline and the end.

        How many days before is set by the system parameters
        ``health_conventions.notice_reminder_days`` and
        ``health_conventions.end_reminder_days``, or by the convention's
        own delays when it has some; each deadline is reminded once (the
        deadline reminded is kept: a deadline that moves is reminded again).
        ``domain`` restricts the conventions.
        """
        notice_days = self._get_notice_reminder_days()
        end_days = self._get_end_reminder_days()
        notice_domain = self._get_reminder_due_domain(
            today, "notice_deadline", "notice_reminder_date", notice_days
        )
        notice_due = self.search([*domain, *notice_domain, ("notice_reminder_done", "=", False)])
        end_domain = self._get_reminder_due_domain(today, "date_end", "end_reminder_date", end_days)
        end_due = self.search([*domain, *end_domain, ("end_reminder_done", "=", False)])
        vals_list = [vals for c in notice_due for vals in c._prepare_notice_activity_vals()]
        vals_list += [vals for c in end_due - notice_due for vals in c._prepare_end_activity_vals()]
        # a convention reminded of both deadlines on the same day gets its second
        # activity in a second batch: mail.activity subscribes the responsible
        # once per activity and would insert the same follower twice
        both_vals = [vals for c in end_due & notice_due for vals in c._prepare_end_activity_vals()]
        Activity = self.env["mail.activity"].sudo()
        activities = Activity.create(vals_list)
        if both_vals:
            activities |= Activity.create(both_vals)
        for deadline, conventions in notice_due.grouped("notice_deadline").items():
            conventions.sudo().write({"notice_reminded_deadline": deadline})
        for deadline, conventions in end_due.grouped("date_end").items():
            conventions.sudo().write({"end_reminded_deadline": deadline})
        return activities

    def _replace_moved_deadline_activities(self, today):
        """Make the activities follow the current deadlines of the conventions.

        When a deadline moves (an amendment, an express renewal), the
        activity that reminds the former one, if not passed yet, is deleted,
        and the new deadline is reminded when it is due (today if it is
        already): one activity per deadline. The activities of deadlines
        already passed are left to their responsible.
        """
        type_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "health_conventions.mail_activity_type_convention_deadline"
        )
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", type_id),
                    ("date_deadline", ">=", today),
                ]
            )
        )
        deadlines = {
            convention.id: {convention.notice_deadline, convention.date_end} for convention in self
        }
        activities.filtered(
            lambda activity: activity.date_deadline not in deadlines[activity.res_id]
        ).unlink()
        return self._schedule_deadline_activities(today, domain=[("id", "in", self.ids)])

    @api.model
    def _get_reminder_due_domain(self, today, deadline_field, reminder_field, default_days):
        """Conventions in force whose deadline is to be reminded today: the
        conventions with their own delays by their stored reminder date, the
        others by the general delay -- one query for all."""
        return [
            ("state", "=", "in_force"),
            (deadline_field, ">=", today),
            "|",
            "&",
            (reminder_field, "=", False),
            (deadline_field, "<=", today + timedelta(days=default_days)),
            (reminder_field, "<=", today),
        ]

    def _prepare_activity_vals(self, summary, deadline):
        self.ensure_one()
        return {
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": self.env["ir.model.data"]._xmlid_to_res_id(
                "health_conventions.mail_activity_type_convention_deadline"
            ),
            "summary": summary,
            "date_deadline": deadline,
            "user_id": (self.user_id or self.env.ref("base.user_root")).id,
        }

    def _prepare_notice_activity_vals(self):
        env = self._get_message_env()
        summary = env._(
            "Last day to give notice: %(date)s", date=format_date(env, self.notice_deadline)
        )
        return [self._prepare_activity_vals(summary, self.notice_deadline)]

    def _prepare_end_activity_vals(self):
        env = self._get_message_env()
        if self._can_renew():
            summary = env._("Renewed tacitly after %(date)s", date=format_date(env, self.date_end))
        else:
            summary = env._("Convention ends on %(date)s", date=format_date(env, self.date_end))
        return [self._prepare_activity_vals(summary, self.date_end)]

    # ------------------------------------------------------- termination
    def _terminate(self, vals):
        """Record a termination; ``vals`` come from the termination wizard."""
        self.ensure_one()
        self.write({**vals, "state": "terminated"})
        body = Markup("%s<br/>%s") % (
            self.env._(
                "Terminated on %(date)s.", date=format_date(self.env, vals["termination_date"])
            ),
            vals.get("termination_reason") or "",
        )
        if not vals.get("termination_notice_respected"):
            body += Markup("<br/><strong>%s</strong>") % self.env._(
                "The notice period was not respected."
            )
        self.message_post(body=body)

    # ------------------------------------------------------------ report
    def _get_report_lang(self):
        """Conventions are printed in French when French is installed."""
        return "fr_FR" if self.env["res.lang"]._lang_get("fr_FR") else self.env.lang

    def _get_signing_parties(self):
        return self.party_ids.filtered("is_signatory")
