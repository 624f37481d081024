from datetime import timedelta

from odoo import Command, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

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


class HealthConvention(models.Model):
    """Steering committees of a convention: calendar meetings planned from
    the committee cadence over the term."""

    _inherit = "health.convention"

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
        """Plan the steering committees of the term and say what was planned."""
        events = self._plan_committees()
        if events:
            dates = ", ".join(
                format_date(self.env, day)
                for day in sorted({event.start.date() for event in events})
            )
            message = self.env._(
                "Steering committees planned: %(count)s, on %(dates)s. Send the "
                "invitations from each meeting once its date is confirmed.",
                count=len(events),
                dates=dates,
            )
            kind = "success"
        else:
            message = self.env._(
                "No steering committee to plan: the committees of the term are already "
                "planned, or the committee cadence does not fit in the term."
            )
            kind = "info"
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Steering committees"),
                "message": message,
                "type": kind,
                "sticky": False,
                # reload the convention: its committee count changed
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _plan_committees(self):
        """Plan the steering committees of the term from the cadence; returns
        the meetings created (none for the dates already planned).

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
