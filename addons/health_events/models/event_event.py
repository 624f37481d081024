from datetime import datetime, time, timedelta

import pytz
from babel.dates import format_date, format_time

from odoo import Command, api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import babel_locale_parse


class EventEvent(models.Model):
    _name = "event.event"
    _inherit = ["event.event", "health.territory.mixin", "health.input.mixin"]
    # the input checks apply to the fields of the suite only
    _health_checked_fields = {
        "health_semester_id",
        "health_territory_id",
        "health_calendar_event_id",
        "health_guest_partner_ids",
        "health_kit_line_ids",
        "health_kit_stock",
    }

    health_is_welcome_evening = fields.Boolean(
        string="Intern Welcome Evening",
        related="event_type_id.health_is_welcome_evening",
        store=True,
    )
    health_semester_id = fields.Many2one(
        "health.internship.semester",
        string="Internship Semester",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        help="The internship semester this welcome evening opens.",
    )
    health_calendar_event_id = fields.Many2one(
        "calendar.event",
        string="Calendar Entry",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    health_guest_partner_ids = fields.Many2many(
        "res.partner",
        "health_event_event_guest_partner_rel",
        "event_id",
        "partner_id",
        string="Staff and Elected Officials",
        help="Staff and elected officials who attend the evening: they are put on its "
        "calendar entry and invited with the interns.",
    )
    health_invitation_ids = fields.One2many(
        "health.event.invitation", "event_id", string="Invitations"
    )
    health_invitation_count = fields.Integer(
        string="Number of Invitations", compute="_compute_health_indicators"
    )
    health_invited_count = fields.Integer(
        string="Number Invited", compute="_compute_health_indicators"
    )
    health_declined_count = fields.Integer(
        string="Number Declined", compute="_compute_health_indicators"
    )
    health_registered_count = fields.Integer(
        string="Number Registered", compute="_compute_health_indicators"
    )
    health_waiting_count = fields.Integer(
        string="Number on Waiting List", compute="_compute_health_indicators"
    )
    health_attended_count = fields.Integer(
        string="Number Present", compute="_compute_health_indicators"
    )
    health_no_show_count = fields.Integer(
        string="Number of No-shows", compute="_compute_health_indicators"
    )
    health_participant_count = fields.Integer(
        string="Participants",
        compute="_compute_health_indicators",
        help="Attendees marked present at the door, plus their companions.",
    )
    health_kit_line_ids = fields.One2many(
        "health.event.kit.line", "event_id", string="Welcome Kit Composition", copy=True
    )
    health_kit_stock = fields.Integer(
        string="Kits Prepared", help="Number of welcome kits available for this evening."
    )
    health_kit_given_count = fields.Integer(
        string="Kits Given", compute="_compute_health_indicators"
    )
    health_kit_remaining = fields.Integer(string="Kits Left", compute="_compute_health_indicators")
    health_is_tonight = fields.Boolean(
        string="Tonight",
        compute="_compute_health_is_tonight",
        search="_search_health_is_tonight",
        help="The evening takes place today (in the user's timezone).",
    )
    health_sponsor_ids = fields.Many2many(
        "res.partner",
        string="Sponsors",
        compute="_compute_health_sponsor_ids",
        help="Partners who sponsor items of the welcome kit.",
    )
    _sql_constraints = [
        (
            "health_semester_territory_unique",
            "unique(health_semester_id, health_territory_id)",
            "There is already a welcome evening for this semester and territory.",
        ),
    ]

    # ------------------------------------------------------------ checks
    @api.constrains("health_kit_stock", "seats_max", "seats_limited")
    def _check_health_counts(self):
        for event in self:
            if event.health_kit_stock < 0:
                raise ValidationError(
                    self.env._(
                        "The number of kits prepared for %(event)s cannot be negative "
                        "(got %(count)s): write 0 if there are none.",
                        event=event.display_name,
                        count=event.health_kit_stock,
                    )
                )
            if event.health_is_welcome_evening and event.seats_max < 0:
                raise ValidationError(
                    self.env._(
                        "The maximum number of attendees of %(event)s cannot be negative "
                        "(got %(count)s): write 0 for no limit.",
                        event=event.display_name,
                        count=event.seats_max,
                    )
                )

    # An evening opens its semester: held at the latest before the semester
    # ends and at the earliest this many days before it starts (the earliest
    # offset a template accepts).
    _health_days_before_semester = 30

    @api.constrains("date_begin", "health_semester_id")
    def _check_health_semester_dates(self):
        for event in self.filtered(lambda event: event.health_semester_id and event.date_begin):
            semester = event.health_semester_id
            local = event.with_context(tz=event.date_tz or "UTC")
            day = fields.Datetime.context_timestamp(local, event.date_begin).date()
            earliest = semester.date_start - timedelta(days=self._health_days_before_semester)
            if not earliest <= day <= semester.date_end:
                raise ValidationError(
                    self.env._(
                        "%(event)s is dated %(day)s, outside its internship semester "
                        "%(semester)s (%(start)s to %(end)s): correct the date or the "
                        "semester. An evening may be held up to %(days)s days before the "
                        "semester starts.",
                        event=event.display_name,
                        day=day,
                        semester=semester.display_name,
                        start=semester.date_start,
                        end=semester.date_end,
                        days=self._health_days_before_semester,
                    )
                )

    # ------------------------------------------------------------ computes
    def _compute_health_indicators(self):
        """Read from the indicator report: the form, the list, the export and
        the report count the same way (see health.event.indicator.report)."""
        Report = self.env["health.event.indicator.report"]
        fnames = Report._health_event_totals()
        totals = {
            event.id: dict(zip(fnames, values, strict=True))
            for event, *values in Report._read_group(
                [("event_id", "in", self.ids)],
                ["event_id"],
                [f"{name}:sum" for name in fnames],
            )
        }
        for event in self:
            data = totals.get(event.id, {})
            for name, fname in fnames.items():
                event[fname] = data.get(name) or 0
            event.health_kit_remaining = max(
                event.health_kit_stock - event.health_kit_given_count, 0
            )

    @api.model
    def _health_today_bounds(self, now=None):
        """Start and end (naive UTC) of the current day in the user's timezone."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "Europe/Paris")
        now = now or fields.Datetime.now()
        day = pytz.utc.localize(now).astimezone(tz).date()
        start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
        end = tz.localize(datetime.combine(day + timedelta(days=1), time.min)).astimezone(pytz.utc)
        return start.replace(tzinfo=None), end.replace(tzinfo=None)

    def _compute_health_is_tonight(self):
        start, end = self._health_today_bounds()
        for event in self:
            event.health_is_tonight = bool(
                event.date_begin
                and event.date_end
                and event.date_begin < end
                and event.date_end >= start
            )

    def _search_health_is_tonight(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("This search on the evenings of tonight is not supported."))
        start, end = self._health_today_bounds()
        domain = [("date_begin", "<", end), ("date_end", ">=", start)]
        if (operator == "=") != value:
            return ["!", "&", *domain]
        return domain

    @api.depends("health_kit_line_ids.sponsor_id")
    def _compute_health_sponsor_ids(self):
        for event in self:
            event.health_sponsor_ids = event.health_kit_line_ids.sponsor_id

    # ------------------------------------------------------------ defaults
    @api.model
    def _health_default_territory(self):
        """The territory proposed for a new welcome evening.

        The one of the user's last welcome evening (an organiser usually
        serves one territory), else the user's own territory, else the
        company's.
        """
        last = self.search(
            [
                ("health_is_welcome_evening", "=", True),
                ("user_id", "=", self.env.uid),
                ("health_territory_id", "!=", False),
            ],
            order="create_date desc, id desc",
            limit=1,
        )
        return (
            last.health_territory_id
            or self.env.user.partner_id.health_territory_id
            or self.env.company.partner_id.health_territory_id
        )

    @api.model
    def default_get(self, fields_list):
        defaults = super().default_get(fields_list)
        if "health_territory_id" in fields_list and not defaults.get("health_territory_id"):
            type_id = defaults.get("event_type_id") or self.env.context.get("default_event_type_id")
            event_type = self.env["event.type"].browse(type_id if isinstance(type_id, int) else [])
            event_type = event_type.exists()
            if event_type.health_is_welcome_evening:
                defaults["health_territory_id"] = self._health_default_territory().id
        return defaults

    # ------------------------------------------------------------ dates
    def _health_date_label(self):
        """The start of the evening as people read it, in the language of the
        environment and the evening's timezone, without seconds nor offset:
        "jeudi 5 novembre 2026 à 19 h 00" in French."""
        self.ensure_one()
        if not self.date_begin:
            return ""
        locale = babel_locale_parse(self.env.lang or "en_US")
        tz = pytz.timezone(self.date_tz or self.env.user.tz or "Europe/Paris")
        local = pytz.utc.localize(self.date_begin).astimezone(tz)
        day = format_date(local.date(), "full", locale=locale)
        # French writes the hours "19 h 00"; other languages their short time
        hour_format = "H 'h' mm" if locale.language == "fr" else "short"
        hour = format_time(local, hour_format, tzinfo=tz, locale=locale)
        return (
            locale.datetime_formats["full"]
            .replace("'", "")
            .replace("{1}", day)
            .replace("{0}", hour)
        )

    # ------------------------------------------------------------ generator
    @api.model
    def _health_default_event_type(self):
        return self.env.ref("health_events.event_type_welcome_evening", raise_if_not_found=False)

    @api.model
    def _health_next_semester(self, day=None):
        """The internship semester after the one covering ``day`` (today by default).

        Semesters are reference data that a scheduled action creates ahead;
        the missing one is created here so that an organiser is never stuck.
        """
        return self.env["health.internship.semester"].get_next(day, create=True)

    @api.model
    def _health_evening_tz(self, event_type):
        """Timezone name of the evenings of ``event_type``."""
        return event_type.default_timezone or self.env.user.tz or "Europe/Paris"

    @api.model
    def _health_evening_dates(self, semester, event_type):
        """Start and end (naive UTC datetimes) of the evening of ``semester``."""
        tz = pytz.timezone(self._health_evening_tz(event_type))
        day = semester.date_start + timedelta(days=event_type.health_offset_days)
        hours = int(event_type.health_start_hour)
        minutes = round((event_type.health_start_hour - hours) * 60)
        local = tz.localize(datetime.combine(day, time(hours, minutes)))
        begin = local.astimezone(pytz.utc).replace(tzinfo=None)
        return begin, begin + timedelta(hours=event_type.health_duration)

    @api.model
    def _health_prepare_welcome_evening_values(self, semester, territory, event_type):
        date_begin, date_end = self._health_evening_dates(semester, event_type)
        return {
            "name": self.env._(
                "Intern welcome evening - %(semester)s - %(territory)s",
                semester=semester.display_name,
                territory=territory.name,
            ),
            "event_type_id": event_type.id,
            "health_semester_id": semester.id,
            "health_territory_id": territory.id,
            "date_begin": date_begin,
            "date_end": date_end,
            "date_tz": self._health_evening_tz(event_type),
            "user_id": self.env.user.id,
        }

    @api.model
    def _health_generate_welcome_evening(self, territory, semester=None, event_type=None):
        """The welcome evening of ``semester`` (the next one by default) in ``territory``.

        Idempotent: an existing evening for the semester and territory is
        returned as it is.  A new one gets its calendar entry and its
        invitations (to invite) drawn from the semester's interns, the
        territory's MSU, the guests and the last no-shows (see
        ``_health_setup_welcome_evening``).
        """
        if not territory:
            raise UserError(self.env._("Choose the territory of the welcome evening."))
        event_type = event_type or self._health_default_event_type()
        if not event_type or not event_type.health_is_welcome_evening:
            raise UserError(
                self.env._(
                    "Choose an event template marked as an intern welcome evening "
                    "to generate the evening."
                )
            )
        semester = semester or self._health_next_semester()
        existing = self.with_context(active_test=False).search(
            [
                ("health_semester_id", "=", semester.id),
                ("health_territory_id", "=", territory.id),
            ],
            limit=1,
        )
        if existing:
            return existing
        event = self.create(
            self._health_prepare_welcome_evening_values(semester, territory, event_type)
        )
        event._health_setup_welcome_evening()
        return event

    def _health_setup_welcome_evening(self):
        """What a generated evening gets: its calendar entry and its invitations.

        An extension hook (the accounting addon adds the analytic account).
        """
        self._health_create_calendar_event()
        self._health_add_invitees()

    def _health_prepare_calendar_values(self):
        self.ensure_one()
        partners = self.user_id.partner_id | self.health_guest_partner_ids
        return {
            "name": self.name,
            "start": self.date_begin,
            "stop": self.date_end,
            "user_id": self.user_id.id or self.env.user.id,
            "partner_ids": [Command.set(partners.ids)],
            "location": self.address_id.contact_address or False,
            "privacy": "public",
        }

    def _health_create_calendar_event(self):
        """Publish the evenings in the calendar of staff and elected officials.

        The attendees are not mailed from here: invitees receive the
        evening's own invitation, through the mail queue.
        """
        to_publish = self.filtered(lambda event: not event.health_calendar_event_id)
        if not to_publish:
            return
        meetings = (
            self.env["calendar.event"]
            .with_context(no_mail_to_attendees=True, dont_notify=True)
            .create([event._health_prepare_calendar_values() for event in to_publish])
        )
        for event, meeting in zip(to_publish, meetings, strict=True):
            event.health_calendar_event_id = meeting.id

    def write(self, vals):
        result = super().write(vals)
        if {"name", "date_begin", "date_end", "health_guest_partner_ids", "user_id"} & set(vals):
            for event in self.filtered("health_calendar_event_id"):
                event.health_calendar_event_id.with_context(
                    no_mail_to_attendees=True, dont_notify=True
                ).write(event._health_prepare_calendar_values())
        if {"seats_max", "seats_limited"} & set(vals):
            self._health_promote_waiting_list()
        return result

    # ------------------------------------------------------------ invitees
    def _health_invitee_domain(self, role_code):
        self.ensure_one()
        domain = self.env["res.partner"]._health_role_domain(role_code)
        if self.health_territory_id:
            domain += [("health_territory_area", "=", self.health_territory_id.id)]
        return domain

    def _health_get_invitees(self):
        """{partner: (category, previous no-show)} of the people to invite.

        An extension hook: other addons add invitees here.
        """
        self.ensure_one()
        Partner = self.env["res.partner"]
        invitees = {}
        if self.health_semester_id:
            interns = Partner.search(
                [
                    *self._health_invitee_domain(tools.ROLE_INTERN),
                    ("health_internship_semester_ids", "in", self.health_semester_id.ids),
                ]
            )
            invitees.update(dict.fromkeys(interns, (tools.ROLE_INTERN, False)))
        for partner in self._health_previous_no_shows():
            invitees.setdefault(partner, (tools.ROLE_INTERN, True))
        for partner in Partner.search(self._health_invitee_domain(tools.ROLE_MSU)):
            invitees.setdefault(partner, (tools.ROLE_MSU, False))
        for partner in self.health_guest_partner_ids:
            invitees.setdefault(partner, ("official", False))
        return invitees

    def _health_previous_no_shows(self):
        """People who registered for the territory's previous evening but did not come."""
        self.ensure_one()
        if not self.health_territory_id:
            return self.env["res.partner"]
        previous = self.search(
            [
                ("health_is_welcome_evening", "=", True),
                ("health_territory_id", "=", self.health_territory_id.id),
                ("date_begin", "<", self.date_begin),
                ("id", "!=", self.id),
            ],
            order="date_begin desc",
            limit=1,
        )
        registrations = self.env["event.registration"].search(
            [("event_id", "in", previous.ids), ("health_no_show", "=", True)]
        )
        return registrations.partner_id

    def _health_add_invitees(self):
        """Create the missing invitations (to invite); returns them."""
        vals_list = []
        for event in self:
            already = set(event.health_invitation_ids.partner_id.ids)
            for partner, (category, no_show) in event._health_get_invitees().items():
                if partner.id in already:
                    continue
                vals_list.append(
                    {
                        "event_id": event.id,
                        "partner_id": partner.id,
                        "category": category,
                        "previous_no_show": no_show,
                    }
                )
        return self.env["health.event.invitation"].create(vals_list)

    # ------------------------------------------------------------ waiting list
    def _health_promote_waiting_list(self):
        """Confirm waiting registrations, first come first served, while seats are free."""
        waiting = self.env["event.registration"].search(
            [
                ("event_id", "in", self.ids),
                ("state", "=", "draft"),
                ("health_waiting_list", "=", True),
            ],
            order="create_date, id",
        )
        promoted = self.env["event.registration"]
        for event, registrations in waiting.grouped("event_id").items():
            if event.seats_limited and event.seats_max:
                registrations = registrations[: max(event.seats_available, 0)]
            promoted |= registrations
        if promoted:
            promoted.write({"state": "open", "health_waiting_list": False})
            promoted._health_notify_promoted()
        return promoted

    # ------------------------------------------------------------ actions
    def action_health_invite(self):
        """Invite the people not invited yet (through the mail queue) and say
        how many were invited and how many were left aside, and why.

        Interns placed in the territory since the evening was generated are
        added first.  Invitees without an e-mail address are left to invite.
        """
        self._health_add_invitees()
        invitations = self.health_invitation_ids
        to_invite = invitations.filtered(lambda inv: inv.state == "to_invite")
        without_email = to_invite.filtered(lambda inv: not inv.partner_id.email)
        to_send = to_invite - without_email
        already = len(invitations) - len(to_invite)
        if not to_send:
            raise UserError(
                self.env._(
                    "Nobody was invited: %(already)s person(s) already invited, "
                    "%(no_email)s without an e-mail address. Complete their contact "
                    "or add guests or interns of the semester first.",
                    already=already,
                    no_email=len(without_email),
                )
            )
        to_send.action_send()
        return self._health_invite_notification(len(to_send), already, without_email)

    def _health_invite_notification(self, sent, already, without_email):
        """The notification that tells the organiser the result of "Invite",
        then opens the invitations."""
        message = self.env._(
            "%(sent)s invitation(s) sent. Skipped: %(already)s already invited, "
            "%(no_email)s without an e-mail address.",
            sent=sent,
            already=already,
            no_email=len(without_email),
        )
        if without_email:
            message += " " + self.env._(
                "Complete the contact of %(names)s, then invite again.",
                names=", ".join(without_email[:5].partner_id.mapped("display_name")),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Invitations"),
                "message": message,
                "type": "warning" if without_email else "success",
                "sticky": bool(without_email),
                "next": self.action_health_view_invitations(),
            },
        }

    def action_health_send_reminders(self):
        invitations = self.health_invitation_ids.filtered(lambda inv: inv.state == "invited")
        if not invitations:
            raise UserError(self.env._("Every invitee has answered: no reminder to send."))
        invitations._health_send_reminders()
        return True

    def action_health_mark_no_shows(self):
        """After the evening: registered people who did not come are marked as no-shows."""
        self._health_mark_no_shows()
        return True

    def _health_mark_no_shows(self, now=None):
        """``now`` (naive UTC, the current time by default) tells which evenings began."""
        now = now or fields.Datetime.now()
        not_started = self.filtered(lambda event: event.date_begin > now)
        if not_started:
            raise UserError(
                self.env._(
                    "The evening %(name)s has not started yet: mark the no-shows after it.",
                    name=not_started[0].display_name,
                )
            )
        registrations = self.env["event.registration"].search(
            [("event_id", "in", self.ids), ("state", "=", "open")]
        )
        registrations.write({"health_no_show": True})
        self.env["health.event.invitation"].search(
            [("event_id", "in", self.ids), ("state", "=", "invited")]
        ).write({"state": "no_answer"})

    def action_health_view_invitations(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_events.health_event_invitation_action"
        )
        action["domain"] = [("event_id", "in", self.ids)]
        action["context"] = {"default_event_id": self[:1].id}
        return action

    def action_health_view_checkin(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_events.event_registration_action_health_checkin"
        )
        action["domain"] = [("event_id", "in", self.ids)]
        action["context"] = {"default_event_id": self[:1].id}
        return action

    # ------------------------------------------------------------ export
    def _health_indicator_columns(self):
        """(key, header, width, kind) of the columns of the export: an extension hook."""
        return [
            ("name", self.env._("Evening"), 40, "text"),
            ("semester", self.env._("Internship semester"), 24, "text"),
            ("territory", self.env._("Territory"), 40, "text"),
            ("date", self.env._("Date"), 18, "datetime"),
            ("invited", self.env._("Number Invited"), 14, "int"),
            ("registered", self.env._("Number Registered"), 14, "int"),
            ("declined", self.env._("Number Declined"), 14, "int"),
            ("attended", self.env._("Number Present"), 14, "int"),
            ("no_show", self.env._("Number of No-shows"), 14, "int"),
            ("participants", self.env._("Participants"), 14, "int"),
            ("kits", self.env._("Kits given"), 14, "int"),
        ]

    def _health_indicator_row(self):
        """The values of this evening in the export, by column key: an extension hook."""
        self.ensure_one()
        return {
            "name": self.name,
            "semester": self.health_semester_id.display_name or "",
            "territory": self.health_territory_id.complete_name or "",
            "date": fields.Datetime.context_timestamp(self, self.date_begin).replace(tzinfo=None),
            "invited": self.health_invited_count,
            "registered": self.health_registered_count,
            "declined": self.health_declined_count,
            "attended": self.health_attended_count,
            "no_show": self.health_no_show_count,
            "participants": self.health_participant_count,
            "kits": self.health_kit_given_count,
        }

    def _health_export_xlsx(self):
        columns = self._health_indicator_columns()
        book = self.env["health.xlsx.export"]._xlsx_book()
        sheet = book.add_sheet(
            self.env._("Welcome evenings"),
            [(header, width, kind) for _key, header, width, kind in columns],
        )
        for event in self.sorted("date_begin"):
            row = event._health_indicator_row()
            sheet.write_row([row[key] for key, *_rest in columns])
        return book.close()

    def action_health_export_indicators(self):
        if not self:
            raise UserError(self.env._("Select the welcome evenings to export."))
        return self.env["health.xlsx.export"]._xlsx_download(
            self._health_export_xlsx(), self.env._("welcome-evenings-indicators.xlsx")
        )
