import base64
import io
from datetime import datetime, time, timedelta

import pytz
import xlsxwriter

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError


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
        "health_analytic_account_id",
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
    health_sponsor_ids = fields.Many2many(
        "res.partner",
        string="Sponsors",
        compute="_compute_health_sponsor_ids",
        help="Partners who sponsor items of the welcome kit.",
    )
    health_analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic Account",
        copy=False,
        ondelete="restrict",
        help="Vendor bills linked to the evening are charged to this analytic account.",
    )
    health_bill_ids = fields.One2many("account.move", "health_event_id", string="Vendor Bills")
    health_bill_count = fields.Integer(string="Bills", compute="_compute_health_costs")
    health_currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", string="Cost Currency"
    )
    health_cost_amount = fields.Monetary(
        string="Cost",
        currency_field="health_currency_id",
        compute="_compute_health_costs",
        help="Untaxed total of the posted vendor bills (credit notes deducted).",
    )
    health_cost_per_participant = fields.Monetary(
        string="Cost per Participant",
        currency_field="health_currency_id",
        compute="_compute_health_costs",
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
        invitation_data = self.env["health.event.invitation"]._read_group(
            [("event_id", "in", self.ids)], ["event_id", "state"], ["__count"]
        )
        invitations = {}
        for event, state, count in invitation_data:
            invitations.setdefault(event.id, {})[state] = count
        registration_data = self.env["event.registration"]._read_group(
            [("event_id", "in", self.ids)],
            ["event_id", "state", "health_waiting_list", "health_no_show", "health_kit_received"],
            ["__count", "health_companion_count:sum"],
        )
        registrations = {}
        for event, state, waiting, no_show, kit, count, companions in registration_data:
            data = registrations.setdefault(
                event.id,
                {
                    "registered": 0,
                    "waiting": 0,
                    "attended": 0,
                    "no_show": 0,
                    "companions": 0,
                    "kits": 0,
                },
            )
            if kit:
                data["kits"] += count
            if state in ("open", "done"):
                data["registered"] += count
            if state == "draft" and waiting:
                data["waiting"] += count
            if state == "done":
                data["attended"] += count
                data["companions"] += companions
            if no_show:
                data["no_show"] += count
        for event in self:
            states = invitations.get(event.id, {})
            data = registrations.get(event.id, {})
            event.health_invitation_count = sum(states.values())
            event.health_invited_count = sum(
                count for state, count in states.items() if state != "to_invite"
            )
            event.health_declined_count = states.get("declined", 0)
            event.health_registered_count = data.get("registered", 0)
            event.health_waiting_count = data.get("waiting", 0)
            event.health_attended_count = data.get("attended", 0)
            event.health_no_show_count = data.get("no_show", 0)
            event.health_participant_count = data.get("attended", 0) + data.get("companions", 0)
            given = data.get("kits", 0)
            event.health_kit_given_count = given
            event.health_kit_remaining = max(event.health_kit_stock - given, 0)

    @api.depends("health_kit_line_ids.sponsor_id")
    def _compute_health_sponsor_ids(self):
        for event in self:
            event.health_sponsor_ids = event.health_kit_line_ids.sponsor_id

    def _compute_health_costs(self):
        # Costs are read by event organisers who need not see the accounting.
        bill_data = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("health_event_id", "in", self.ids),
                    ("move_type", "in", ("in_invoice", "in_refund")),
                    ("state", "!=", "cancel"),
                ],
                ["health_event_id", "state"],
                ["__count", "amount_untaxed_signed:sum"],
            )
        )
        counts, costs = {}, {}
        for event, state, count, amount in bill_data:
            counts[event.id] = counts.get(event.id, 0) + count
            if state == "posted":
                # vendor bills are signed negatively, credit notes positively
                costs[event.id] = costs.get(event.id, 0.0) - amount
        for event in self:
            event.health_bill_count = counts.get(event.id, 0)
            event.health_cost_amount = costs.get(event.id, 0.0)
            participants = event.health_participant_count
            event.health_cost_per_participant = (
                event.health_cost_amount / participants if participants else 0.0
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
        returned as it is.  A new one gets its calendar entry, its analytic
        account and its invitations (to invite) drawn from the semester's
        interns, the territory's MSU, the guests and the last no-shows.
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
        event._health_create_analytic_account()
        event._health_create_calendar_event()
        event._health_add_invitees()
        return event

    def _health_create_analytic_account(self):
        plan = self.env.ref("health_events.analytic_plan_welcome_evenings")
        # Accounting data: an organiser without accounting rights still gets
        # the analytic account the bills of the evening will be charged to.
        accounts = (
            self.env["account.analytic.account"]
            .sudo()
            .create(
                [
                    {"name": event.name, "plan_id": plan.id, "company_id": event.company_id.id}
                    for event in self
                ]
            )
        )
        for event, account in zip(self, accounts, strict=True):
            event.health_analytic_account_id = account.id

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
                    *self._health_invitee_domain("intern"),
                    ("health_internship_semester_ids", "in", self.health_semester_id.ids),
                ]
            )
            invitees.update(dict.fromkeys(interns, ("intern", False)))
        for partner in self._health_previous_no_shows():
            invitees.setdefault(partner, ("intern", True))
        for partner in Partner.search(self._health_invitee_domain("msu")):
            invitees.setdefault(partner, ("msu", False))
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
        """Invite the people not invited yet (through the mail queue).

        Interns placed in the territory since the evening was generated are
        added first.
        """
        self._health_add_invitees()
        invitations = self.health_invitation_ids.filtered(lambda inv: inv.state == "to_invite")
        if not invitations:
            raise UserError(
                self.env._("Nobody is left to invite: add guests or interns of the semester first.")
            )
        invitations.action_send()
        return self.action_health_view_invitations()

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

    def action_health_view_bills(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_in_invoice_type"
        )
        action["domain"] = [("health_event_id", "in", self.ids)]
        action["context"] = {
            "default_move_type": "in_invoice",
            "default_health_event_id": self[:1].id,
        }
        return action

    # ------------------------------------------------------------ export
    def _health_indicator_rows(self):
        """One row per evening for the export: an extension hook."""
        return [
            {
                "name": event.name,
                "semester": event.health_semester_id.display_name or "",
                "territory": event.health_territory_id.complete_name or "",
                "date": fields.Datetime.context_timestamp(event, event.date_begin).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "invited": event.health_invited_count,
                "registered": event.health_registered_count,
                "declined": event.health_declined_count,
                "attended": event.health_attended_count,
                "no_show": event.health_no_show_count,
                "participants": event.health_participant_count,
                "kits": event.health_kit_given_count,
                "cost": event.health_cost_amount,
                "cost_per_participant": event.health_cost_per_participant,
            }
            for event in self.sorted("date_begin")
        ]

    def _health_export_xlsx(self):
        columns = [
            ("name", self.env._("Evening")),
            ("semester", self.env._("Internship semester")),
            ("territory", self.env._("Territory")),
            ("date", self.env._("Date")),
            ("invited", self.env._("Number Invited")),
            ("registered", self.env._("Number Registered")),
            ("declined", self.env._("Number Declined")),
            ("attended", self.env._("Number Present")),
            ("no_show", self.env._("Number of No-shows")),
            ("participants", self.env._("Participants")),
            ("kits", self.env._("Kits given")),
            ("cost", self.env._("Cost")),
            ("cost_per_participant", self.env._("Cost per participant")),
        ]
        stream = io.BytesIO()
        workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Welcome evenings"))
        bold = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        for col, (_key, title) in enumerate(columns):
            sheet.write(0, col, title, bold)
        for row, values in enumerate(self._health_indicator_rows(), start=1):
            for col, (key, _title) in enumerate(columns):
                cell_format = money if key.startswith("cost") else None
                sheet.write(row, col, values[key], cell_format)
        sheet.set_column(0, 2, 40)
        sheet.set_column(3, len(columns) - 1, 14)
        workbook.close()
        return stream.getvalue()

    def action_health_export_indicators(self):
        if not self:
            raise UserError(self.env._("Select the welcome evenings to export."))
        attachment = self.env["ir.attachment"].create(
            {
                "name": self.env._("welcome-evenings-indicators.xlsx"),
                "datas": base64.b64encode(self._health_export_xlsx()),
                "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
