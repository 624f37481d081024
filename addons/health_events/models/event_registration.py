from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class EventRegistration(models.Model):
    _name = "event.registration"
    _inherit = ["event.registration", "health.input.mixin"]
    # the input checks apply to the fields of the suite only
    _health_checked_fields = {
        "health_invitation_ids",
        "health_companion_count",
        "health_dietary_need",
        "health_dietary_note",
        "health_needs_transport",
        "health_transport_note",
        "health_photo_consent",
        "health_waiting_list",
        "health_no_show",
        "health_kit_received",
    }

    health_invitation_ids = fields.One2many(
        "health.event.invitation", "registration_id", string="Invitation"
    )
    health_companion_count = fields.Integer(
        string="Companions", help="People coming with the attendee (spouse, children…)."
    )
    health_dietary_need = fields.Selection(
        [
            ("none", "No particular need"),
            ("vegetarian", "Vegetarian"),
            ("vegan", "Vegan"),
            ("no_pork", "No pork"),
            ("gluten_free", "Gluten-free"),
            ("other", "Other (see note)"),
        ],
        string="Dietary Needs",
        default="none",
    )
    health_dietary_note = fields.Char(string="Dietary Note")
    health_needs_transport = fields.Boolean(
        string="Needs Transport", help="The attendee needs a ride or a shuttle to the evening."
    )
    health_transport_note = fields.Char(string="Transport Note")
    health_photo_consent = fields.Boolean(
        string="Photo Consent",
        help="The attendee agrees to appear in photos of the evening used in the "
        "programme's communication.",
    )
    health_waiting_list = fields.Boolean(
        string="On Waiting List",
        readonly=True,
        copy=False,
        help="The evening was full: the registration is confirmed as soon as a seat frees.",
    )
    health_no_show = fields.Boolean(
        string="No-show",
        copy=False,
        help="Registered but did not come: invited again to the next evening.",
    )
    health_kit_received = fields.Boolean(
        string="Kit Handed Over",
        copy=False,
        help="The attendee received the welcome kit at the evening.",
    )

    @api.constrains("health_companion_count")
    def _check_health_companion_count(self):
        for registration in self:
            if not 0 <= registration.health_companion_count <= 10:
                raise ValidationError(
                    self.env._(
                        "The number of companions of %(name)s must lie between 0 and 10 "
                        "(got %(count)s).",
                        name=registration.display_name,
                        count=registration.health_companion_count,
                    )
                )

    @api.constrains("health_kit_received")
    def _check_health_kit_stock(self):
        events = self.filtered("health_kit_received").event_id.filtered("health_kit_stock")
        if not events:
            return
        given = dict(
            self._read_group(
                [("event_id", "in", events.ids), ("health_kit_received", "=", True)],
                ["event_id"],
                ["__count"],
            )
        )
        for event in events:
            if given.get(event, 0) > event.health_kit_stock:
                raise ValidationError(
                    self.env._(
                        "No welcome kit left for %(event)s: %(stock)s kits were prepared "
                        "and all have been given.",
                        event=event.display_name,
                        stock=event.health_kit_stock,
                    )
                )

    # ------------------------------------------------------------ waiting list
    @api.model_create_multi
    def create(self, vals_list):
        self._health_apply_waiting_list(vals_list)
        registrations = super().create(vals_list)
        registrations.filtered(lambda reg: reg.state == "done")._health_check_attendance_day()
        return registrations

    @api.model
    def _health_apply_waiting_list(self, vals_list):
        """Put new registrations of a full welcome evening on its waiting list.

        Counts the free seats of each evening once, then hands them out in
        the order of ``vals_list``.
        """
        event_ids = {
            vals["event_id"]
            for vals in vals_list
            # other values of event_id are Odoo's to refuse
            if isinstance(vals.get("event_id"), int)
            and vals["event_id"] > 0
            and vals.get("state", "open") in ("open", False)
        }
        events = self.env["event.event"].browse(event_ids)
        free = {
            event.id: event.seats_available
            for event in events
            if event.health_is_welcome_evening and event.seats_limited and event.seats_max
        }
        for vals in vals_list:
            event_id = vals.get("event_id")
            if event_id not in free or vals.get("state", "open") not in ("open", False):
                continue
            if free[event_id] > 0:
                free[event_id] -= 1
            else:
                vals.update(state="draft", health_waiting_list=True)

    def write(self, vals):
        freeing = vals.get("state") == "cancel" or vals.get("active") is False
        events = (
            self.filtered(lambda reg: reg.state in ("open", "done")).event_id if freeing else None
        )
        if vals.get("state") == "done":
            self._health_check_attendance_day()
        result = super().write(vals)
        if vals.get("state") == "cancel":
            self.health_invitation_ids.filtered(lambda inv: inv.state == "registered").write(
                {"state": "declined"}
            )
        if events:
            events._health_promote_waiting_list()
        return result

    def unlink(self):
        events = self.filtered(lambda reg: reg.state in ("open", "done")).event_id
        result = super().unlink()
        events.exists()._health_promote_waiting_list()
        return result

    def _health_notify_promoted(self):
        """Tell the people taken off the waiting list that their seat is confirmed."""
        to_notify = self.filtered("email")
        if to_notify:
            template = self.env.ref("health_events.mail_template_waiting_list_confirmed")
            template.sudo().send_mail_batch(to_notify.ids, force_send=False)

    # ------------------------------------------------------------ door
    def _health_check_attendance_day(self, now=None):
        """Refuse to record an attendance at a welcome evening outside its day.

        The day runs from midnight before the evening to midnight after its
        end, in the evening's timezone.  Nobody records an attendance before
        the day (the attendance opens the intern's candidacy); after it, an
        events manager may still correct the list of who came.
        """
        now = now or fields.Datetime.now()
        is_manager = self.env.user.has_group("health_events.group_health_events_manager")
        for event in self.event_id.filtered("health_is_welcome_evening"):
            tz = pytz.timezone(event.date_tz or "Europe/Paris")
            first_day = pytz.utc.localize(event.date_begin).astimezone(tz).date()
            last_day = pytz.utc.localize(event.date_end).astimezone(tz).date()
            opens = tz.localize(datetime.combine(first_day, time.min)).astimezone(pytz.utc)
            closes = tz.localize(
                datetime.combine(last_day + timedelta(days=1), time.min)
            ).astimezone(pytz.utc)
            if now < opens.replace(tzinfo=None):
                raise UserError(
                    self.env._(
                        "%(event)s takes place on %(date)s: attendances are recorded on "
                        "the day of the evening, not before.",
                        event=event.display_name,
                        date=event._health_date_label(),
                    )
                )
            if now >= closes.replace(tzinfo=None) and not is_manager:
                raise UserError(
                    self.env._(
                        "%(event)s took place on %(date)s: attendances are recorded on the "
                        "day of the evening. Ask an events manager to correct the list of "
                        "attendees afterwards.",
                        event=event.display_name,
                        date=event._health_date_label(),
                    )
                )

    def action_health_mark_attended(self):
        waiting = self.filtered("health_waiting_list")
        if waiting:
            raise UserError(
                self.env._(
                    "%(name)s is on the waiting list: confirm the registration before "
                    "marking the attendance.",
                    name=waiting[0].display_name,
                )
            )
        self.write({"state": "done", "health_no_show": False})

    def action_health_give_kit(self):
        self.filtered(lambda reg: not reg.health_kit_received).write({"health_kit_received": True})
