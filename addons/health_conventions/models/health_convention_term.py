from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError
from odoo.tools.misc import format_date

from ..dates import renewal_end


class HealthConvention(models.Model):
    """The term of a convention over time: express renewals, the daily
    scheduled action that renews (tacitly) or expires the conventions at
    term, and the activities that remind their deadlines."""

    _inherit = "health.convention"

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
