from collections import defaultdict
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
from ..dates import notice_deadline, period_end
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
    enforceable_date = fields.Date(
        compute="_compute_enforceable_date",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        help="Date from which the convention is enforceable: the later of the "
        "Préfecture's acknowledgement of receipt and the last signature (the parties "
        "are notified of the convention they signed). It can be corrected.",
    )
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
        # a convention recorded already signed (e.g. imported) is created with
        # its parties, then takes its state: the lock applies from then on
        states = [
            vals.pop("state") if vals.get("state") in LOCKED_STATES else None for vals in vals_list
        ]
        conventions = super().create(vals_list)
        by_state = defaultdict(list)
        for convention, state in zip(conventions, states, strict=True):
            if state:
                by_state[state].append(convention.id)
        for state, ids in by_state.items():
            self.browse(ids).write({"state": state})
        return conventions

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

    @api.depends("transmission_required", "acknowledgement_date", "date_signed")
    def _compute_enforceable_date(self):
        """A convention is enforceable ("exécutoire") once it is transmitted
        to the Préfecture -- the day of the acknowledgement of receipt -- and
        notified to the parties, which hold it once the last of them has
        signed: the later of the two dates. It can be corrected by hand (a
        later notification). A convention that need not be transmitted has
        no enforceable date: it applies from its last signature."""
        for convention in self:
            received = convention.transmission_required and convention.acknowledgement_date
            convention.enforceable_date = received and max(
                received, convention.date_signed or received
            )

    @api.depends("date_signed", "effective_date_mode", "enforceable_date", "transmission_required")
    def _compute_date_start(self):
        for convention in self:
            mode = convention.effective_date_mode
            if mode == "last_signature" or (
                mode == "enforceable" and not convention.transmission_required
            ):
                convention.date_start = convention.date_signed
            elif mode == "enforceable":
                convention.date_start = convention.enforceable_date

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
        # a convention that takes effect when enforceable gets its effective
        # date from its transmission, after the signature
        if not self.date_start and self.effective_date_mode != "enforceable":
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

    def action_view_amendments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_conventions.health_convention_amendment_action"
        )
        action["domain"] = [("convention_id", "=", self.id)]
        action["context"] = {"default_convention_id": self.id}
        return action

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

    def _get_report_subject(self):
        """What the printed convention relates to ("Relative à"): the
        convention's own subject; not the subject copied from its template,
        which is the template's general wording."""
        self.ensure_one()
        subject = (self.subject or "").strip()
        if not subject or subject == (self.template_id.subject or "").strip():
            return False
        return subject

    def _format_report_date(self, day):
        return format_date(self.env, day, date_format="d MMMM y")

    def _format_months(self, months):
        """A number of months as a convention words it: in years when whole."""
        if months and months % 12 == 0:
            years = months // 12
            if years == 1:
                return self.env._("one year")
            return self.env._("%(count)s years", count=years)
        if months == 1:
            return self.env._("one month")
        return self.env._("%(count)s months", count=months)

    def _get_report_term_sentences(self):
        """The "Duration" section of the printed convention, from its fields:
        effective date, duration and end of the first period, tacit renewal,
        notice, and the renewals so far (in the language of the environment)."""
        self.ensure_one()
        return [
            sentence
            for sentence in (
                self._get_report_start_sentence(),
                self._get_report_duration_sentence(),
                self._get_report_renewal_sentence(),
                self._get_report_notice_sentence(),
                self._get_report_current_period_sentence(),
            )
            if sentence
        ]

    def _get_report_start_sentence(self):
        mode = self.effective_date_mode
        if not self.date_start:
            if mode == "last_signature":
                return self.env._(
                    "This convention takes effect on the date of its signature by the "
                    "last of the parties."
                )
            if mode == "enforceable":
                return self.env._(
                    "This convention takes effect on the date it becomes enforceable, "
                    "once transmitted to the Préfecture and notified to the parties."
                )
            return False
        start = self._format_report_date(self.date_start)
        if mode == "last_signature":
            return self.env._(
                "This convention takes effect on %(date)s, date of its signature by the "
                "last of the parties.",
                date=start,
            )
        if mode == "enforceable":
            return self.env._(
                "This convention takes effect on %(date)s, date on which it became enforceable.",
                date=start,
            )
        return self.env._("This convention takes effect on %(date)s.", date=start)

    def _get_report_duration_sentence(self):
        if not self.duration_months:
            return False
        duration = self._format_months(self.duration_months)
        first_end = self._get_initial_date_end()
        if first_end:
            return self.env._(
                "It is concluded for %(duration)s, until %(date)s.",
                duration=duration,
                date=self._format_report_date(first_end),
            )
        return self.env._("It is concluded for %(duration)s.", duration=duration)

    def _get_report_renewal_sentence(self):
        if not self.tacit_renewal:
            return self.env._(
                "It is not renewed tacitly: only an express decision of the parties extends it."
            )
        period = self._format_months(self.renewal_months)
        if self.max_renewals:
            return self.env._(
                "It is renewed tacitly, each time for %(period)s, %(count)s times at most.",
                period=period,
                count=self.max_renewals,
            )
        return self.env._("It is renewed tacitly, each time for %(period)s.", period=period)

    def _get_report_notice_sentence(self):
        if not self.notice_months:
            return False
        notice = self._format_months(self.notice_months)
        if self.tacit_renewal:
            return self.env._(
                "Each party may terminate it or oppose its renewal by registered letter "
                "with acknowledgement of receipt, with a notice of %(notice)s before the "
                "end of the current period.",
                notice=notice,
            )
        return self.env._(
            "Each party may terminate it by registered letter with acknowledgement of "
            "receipt, with a notice of %(notice)s.",
            notice=notice,
        )

    def _get_report_current_period_sentence(self):
        """The renewals so far and the current end, once the term moved."""
        if not self.date_end or self.date_end == self._get_initial_date_end():
            return False
        sentence = self.env._(
            "Renewals and amendments so far: %(count)s; the current period ends on %(date)s.",
            count=len(self.renewal_ids)
            + len(
                self.amendment_ids.filtered(
                    lambda amendment: amendment.state == "in_force" and amendment.new_date_end
                )
            ),
            date=self._format_report_date(self.date_end),
        )
        if self.notice_deadline:
            sentence += " " + self.env._(
                "Last day to give notice: %(date)s.",
                date=self._format_report_date(self.notice_deadline),
            )
        return sentence
