from odoo import api, fields, models


class HealthEventInvitation(models.Model):
    _inherit = "health.event.invitation"

    health_attended = fields.Boolean(
        string="Attended",
        compute="_compute_health_attended",
        store=True,
        help="The invitee came to the evening (registration marked attended).",
    )
    health_candidacy_id = fields.Many2one(
        "crm.lead",
        string="Open Candidacy",
        compute="_compute_health_candidacy_id",
        groups="health_recruitment.group_recruitment_user",
        help="The invitee's open candidacy in the recruitment pipeline.",
    )

    @api.depends("registration_id.state")
    def _compute_health_attended(self):
        for invitation in self:
            invitation.health_attended = invitation.registration_id.state == "done"

    def _compute_health_candidacy_id(self):
        candidacies = self.env["crm.lead"]._health_open_candidacies(self.partner_id)
        for invitation in self:
            invitation.health_candidacy_id = candidacies.get(
                invitation.partner_id, self.env["crm.lead"]
            )
