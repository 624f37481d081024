from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.addons.health_base import tools
from odoo.tools import format_date


class EventRegistration(models.Model):
    _inherit = "event.registration"

    health_candidacy_id = fields.Many2one(
        "crm.lead",
        string="Open Candidacy",
        compute="_compute_health_candidacy_id",
        groups="health_recruitment.group_recruitment_user",
        help="The attendee's open candidacy in the recruitment pipeline.",
    )

    def _compute_health_candidacy_id(self):
        candidacies = self.env["crm.lead"]._health_open_candidacies(self.partner_id)
        for registration in self:
            registration.health_candidacy_id = candidacies.get(
                registration.partner_id, self.env["crm.lead"]
            )

    # ------------------------------------------------------------ attendance
    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        registrations.filtered(lambda reg: reg.state == "done")._health_sync_candidacies()
        return registrations

    def write(self, vals):
        attending = (
            self.filtered(lambda reg: reg.state != "done")
            if vals.get("state") == "done"
            else self.browse()
        )
        result = super().write(vals)
        attending.filtered(lambda reg: reg.state == "done")._health_sync_candidacies()
        return result

    def _health_candidacy_registrations(self):
        """The attendances that feed the recruitment pipeline: interns (by
        their health role or their invitation) at an evening whose template
        opens candidacies.  An extension hook."""
        return self.filtered(
            lambda reg: reg.partner_id
            and reg.event_id.event_type_id.health_create_candidacy
            and (
                tools.ROLE_INTERN in reg.partner_id.health_role_ids.mapped("code")
                or tools.ROLE_INTERN in reg.health_invitation_ids.mapped("category")
            )
        )

    @api.model
    def _health_candidacy_team(self):
        """The recruitment team that receives the candidacies of the evenings."""
        Team = self.env["crm.team"].sudo()
        team = self.env.ref("health_recruitment.crm_team_recruitment", raise_if_not_found=False)
        if team and team.sudo().active and team.sudo().health_is_recruitment:
            return team.sudo()
        return Team.search([("health_is_recruitment", "=", True)], limit=1)

    def _prepare_health_candidacy_values(self, team, source):
        """Values of the candidacy opened by this attendance (the first stage
        of ``team`` is given by the caller for the whole batch)."""
        self.ensure_one()
        event = self.event_id
        return {
            "name": self.env._("Candidacy of %(name)s", name=self.partner_id.name),
            "type": "opportunity",
            "partner_id": self.partner_id.id,
            "team_id": team.id,
            "user_id": team.user_id.id,
            "health_candidate_type": tools.ROLE_INTERN,
            "health_semester_id": event.health_semester_id.id,
            "health_target_territory_ids": [Command.set(event.health_territory_id.ids)],
            "source_id": source.id,
        }

    def _health_attendance_note(self):
        """Note logged on the candidacy for these attendances of one person."""
        items = Markup("").join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(event)s, %(date)s",
                event=reg.event_id.name,
                date=format_date(
                    self.env, fields.Datetime.context_timestamp(reg, reg.event_id.date_begin)
                ),
            )
            for reg in self
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("Attended the intern welcome evening:"),
            items,
        )

    def _health_sync_candidacies(self):
        """Open a candidacy for the interns who attended without one, in one
        create; log the attendance on every candidacy concerned, in batch.

        The organisers need no right on the candidacies: the pipeline is fed
        as superuser, the recruitment rules still decide who reads them.
        """
        registrations = self._health_candidacy_registrations()
        if not registrations:
            return self.env["crm.lead"]
        Lead = self.env["crm.lead"].sudo().with_context(mail_create_nosubscribe=True)
        open_by_partner = Lead._health_open_candidacies(registrations.partner_id)
        # what the values and notes read, in one query per model: the
        # registrations are regrouped below, and a regrouped recordset would
        # otherwise read its partner and evening one by one
        registrations.partner_id.fetch(["name"])
        registrations.event_id.fetch(
            ["name", "date_begin", "health_semester_id", "health_territory_id"]
        )
        by_partner = defaultdict(lambda: self.browse())
        for registration in registrations.sorted(lambda reg: reg.event_id.date_begin):
            by_partner[registration.partner_id] |= registration
        new_partners = [partner for partner in by_partner if partner not in open_by_partner]
        created = Lead.browse()
        team = self._health_candidacy_team() if new_partners else None
        if team:
            stage = Lead._stage_find(team_id=team.id, domain=[("fold", "=", False)])
            source = self.env.ref(
                "health_recruitment.utm_source_intern_evening", raise_if_not_found=False
            )
            # the stage as a default: given in the values, crm would handle
            # won/lost stages lead by lead
            created = Lead.with_context(default_stage_id=stage.id).create(
                [
                    by_partner[partner][0]._prepare_health_candidacy_values(
                        team, source or self.env["utm.source"]
                    )
                    for partner in new_partners
                ]
            )
            open_by_partner.update({lead.partner_id: lead for lead in created})
        bodies = {
            open_by_partner[partner].id: regs._health_attendance_note()
            for partner, regs in by_partner.items()
            if partner in open_by_partner
        }
        if bodies:
            Lead.browse(list(bodies))._message_log_batch(bodies=bodies, message_type="comment")
        return created
