from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EventType(models.Model):
    _name = "event.type"
    _inherit = ["event.type", "health.input.mixin"]
    # the input checks apply to the fields of the suite only
    _health_checked_fields = {
        "health_is_welcome_evening",
        "health_offset_days",
        "health_start_hour",
        "health_duration",
        "health_reminder_days",
    }

    health_is_welcome_evening = fields.Boolean(
        string="Intern Welcome Evening",
        help="Evenings of this template welcome the interns at each internship-semester "
        "start; the generator dates them from the semester start.",
    )
    health_offset_days = fields.Integer(
        string="Days After Semester Start",
        default=14,
        help="The evening is held this many days after the start of the internship semester.",
    )
    health_start_hour = fields.Float(
        string="Start Time",
        default=19.0,
        help="Local time at which the evening starts (in the template's timezone).",
    )
    health_duration = fields.Float(string="Duration (hours)", default=3.0)
    health_reminder_days = fields.Integer(
        string="Reminder (days before)",
        default=7,
        help="Invitees who have not answered get a reminder this many days before the evening.",
    )

    @api.constrains(
        "health_offset_days", "health_start_hour", "health_duration", "health_reminder_days"
    )
    def _check_health_schedule(self):
        for event_type in self.filtered("health_is_welcome_evening"):
            if not -30 <= event_type.health_offset_days <= 90:
                raise ValidationError(
                    self.env._(
                        "The welcome evening must be held between 30 days before and 90 days "
                        "after the semester start (got %(days)s days).",
                        days=event_type.health_offset_days,
                    )
                )
            if not 0 <= event_type.health_start_hour < 24:
                raise ValidationError(
                    self.env._("The start time must lie between 00:00 and 23:59.")
                )
            if not 0 < event_type.health_duration <= 12:
                raise ValidationError(
                    self.env._("The duration of an evening must lie between 0 and 12 hours.")
                )
            if not 0 <= event_type.health_reminder_days <= 90:
                raise ValidationError(
                    self.env._(
                        "The reminder must be sent between 0 and 90 days before the evening "
                        "(got %(days)s days).",
                        days=event_type.health_reminder_days,
                    )
                )
