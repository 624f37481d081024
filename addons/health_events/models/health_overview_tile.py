from datetime import datetime, time, timedelta

from odoo import api, models

# an evening this close whose invitees have not half answered is an alert
UNANSWERED_WINDOW_DAYS = 21


class HealthOverviewTile(models.Model):
    """The welcome evenings' figures of the steering overview."""

    _inherit = "health.overview.tile"

    @api.model
    def _health_semester_evenings_domain(self, today):
        semester = self.env["health.internship.semester"].get_for_date(today)
        return semester, [
            ("health_is_welcome_evening", "=", True),
            ("health_semester_id", "in", semester.ids),
        ]

    def _health_tile_events_semester_evenings(self, today):
        semester, domain = self._health_semester_evenings_domain(today)
        events = self.env["event.event"].search(domain)
        past = events.filtered(lambda event: event.date_begin.date() <= today)
        return {
            "value": len(past),
            "target": len(events),
            "subtitle": self.env._(
                "%(done)s held of %(total)s planned for the %(semester)s semester",
                done=len(past),
                total=len(events),
                semester=semester.display_name or "–",
            ),
            "res_model": "event.event",
            "domain": [("id", "in", events.ids)],
            "views": ["list", "kanban", "form"],
        }

    def _health_tile_events_semester_participants(self, today):
        semester = self.env["health.internship.semester"].get_for_date(today)
        domain = [
            ("event_id.health_is_welcome_evening", "=", True),
            ("event_id.health_semester_id", "in", semester.ids),
            ("state", "in", ("open", "done")),
        ]
        groups = dict(self.env["event.registration"]._read_group(domain, ["state"], ["__count"]))
        attended = groups.get("done", 0)
        registered = attended + groups.get("open", 0)
        return {
            "value": attended,
            "target": registered,
            "subtitle": self.env._(
                "Participants of the evenings, of %(registered)s registered",
                registered=registered,
            ),
            "res_model": "event.registration",
            "domain": [*domain[:2], ("state", "=", "done")],
        }

    def _health_tile_events_unanswered(self, today):
        """Evenings within three weeks whose invitees have not half answered."""
        start = datetime.combine(today, time.min)
        end = datetime.combine(today + timedelta(days=UNANSWERED_WINDOW_DAYS), time.max)
        groups = self.env["health.event.invitation"]._read_group(
            [
                ("event_id.date_begin", ">=", start),
                ("event_id.date_begin", "<=", end),
                ("state", "!=", "to_invite"),
            ],
            ["event_id", "state"],
            ["__count"],
        )
        sent, answered = {}, {}
        for event, state, count in groups:
            sent[event] = sent.get(event, 0) + count
            if state in ("registered", "declined"):
                answered[event] = answered.get(event, 0) + count
        late = [event.id for event, count in sent.items() if 2 * answered.get(event, 0) < count]
        return {
            "value": len(late),
            "alert": bool(late),
            "subtitle": self.env._(
                "Evenings within %(days)s days with fewer than half of the invitees answered",
                days=UNANSWERED_WINDOW_DAYS,
            ),
            "res_model": "event.event",
            "domain": [("id", "in", late)],
        }
