from odoo import Command, fields, models
from odoo.addons.health_base import tools
from odoo.exceptions import UserError

# who asks the desk -> type of the candidacy
CANDIDATE_TYPE_BY_KIND = {
    "student": tools.ROLE_STUDENT,
    "intern": tools.ROLE_INTERN,
    "professional": tools.ROLE_GP,
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"
    _health_checked_fields = {"health_measure_ids"}

    health_measure_ids = fields.Many2many(
        "health.toolbox.measure",
        "helpdesk_ticket_health_measure_rel",
        "ticket_id",
        "measure_id",
        string="Measures asked for",
        help="Measures of the toolbox the requester asks for; copied to their candidacy.",
    )

    def action_health_desk_candidacy(self):
        """Open the requester's candidacy, or create it, with the measures asked
        for: the recruitment team takes over from the desk."""
        self.ensure_one()
        if not self.env.user.has_group("health_desk.group_health_desk_user"):
            raise UserError(self.env._("Only desk officers may open a candidacy from a request."))
        if not self.partner_id:
            raise UserError(self.env._("Link the request to the requester's contact first."))
        lead = self._health_desk_update_candidacy() or self._health_desk_create_candidacy()
        if not self.env.user.has_group("health_recruitment.group_recruitment_user"):
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "success",
                    "message": self.env._(
                        "Candidacy %(name)s is with the recruitment team.", name=lead.name
                    ),
                },
            }
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": lead.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _health_desk_update_candidacy(self):
        Lead = self.env["crm.lead"].sudo()
        lead = Lead.search(
            [*Lead._health_open_candidacy_domain(), ("partner_id", "=", self.partner_id.id)],
            order="id desc",
            limit=1,
        )
        if not lead:
            return lead
        missing = self.health_measure_ids - lead.health_measure_line_ids.measure_id
        lead.write(
            {
                "health_measure_line_ids": [
                    Command.create({"measure_id": measure.id}) for measure in missing
                ],
                "ticket_id": lead.ticket_id.id or self.id,
            }
        )
        lead.message_post(
            body=self.env._(
                "Request %(number)s of the one-stop desk: %(title)s",
                number=self.number,
                title=self.name,
            )
        )
        return lead

    def _health_desk_create_candidacy(self):
        team = self.env.ref("health_recruitment.crm_team_recruitment")
        return (
            self.env["crm.lead"]
            .sudo()
            .create(
                {
                    "name": self.env._("Candidacy of %(name)s", name=self.partner_id.name),
                    "type": "opportunity",
                    "team_id": team.id,
                    "partner_id": self.partner_id.id,
                    "email_from": self.partner_id.email,
                    "health_candidate_type": CANDIDATE_TYPE_BY_KIND.get(
                        self.health_requester_kind, tools.ROLE_GP
                    ),
                    "health_target_territory_ids": [Command.set(self.health_territory_id.ids)],
                    "health_measure_line_ids": [
                        Command.create({"measure_id": measure.id})
                        for measure in self.health_measure_ids
                    ],
                    "ticket_id": self.id,
                }
            )
        )
