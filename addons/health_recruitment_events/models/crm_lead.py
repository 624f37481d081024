from collections import defaultdict

from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    health_evening_invited_count = fields.Integer(
        string="Welcome Evenings Invited",
        compute="_compute_health_evening_counts",
        groups="health_recruitment.group_recruitment_user",
    )
    health_evening_attended_count = fields.Integer(
        string="Welcome Evenings Attended",
        compute="_compute_health_evening_counts",
        groups="health_recruitment.group_recruitment_user",
    )

    def _compute_health_evening_counts(self):
        """Invitations and attendances of the candidates, one grouped query
        for the batch; counting needs no right on the invitations."""
        counts = defaultdict(lambda: [0, 0])
        partners = self.partner_id
        if partners:
            groups = (
                self.env["health.event.invitation"]
                .sudo()
                ._read_group(
                    [("partner_id", "in", partners.ids)],
                    ["partner_id", "health_attended"],
                    ["__count"],
                )
            )
            for partner, attended, count in groups:
                counts[partner][0] += count
                if attended:
                    counts[partner][1] += count
        for lead in self:
            invited, attended = counts[lead.partner_id]
            lead.health_evening_invited_count = invited
            lead.health_evening_attended_count = attended

    @api.model
    def _health_open_candidacies(self, partners):
        """{partner: latest open candidacy} of ``partners``, in one search and
        within the rights of the current user (open as health_recruitment
        defines it)."""
        if not partners:
            return {}
        leads = self.search(
            [
                ("partner_id", "in", partners.ids),
                ("type", "=", "opportunity"),
                *self._health_open_candidacy_domain(),
            ],
            order="create_date desc, id desc",
        )
        result = {}
        for lead in leads:
            result.setdefault(lead.partner_id, lead)
        return result

    def action_health_view_welcome_evenings(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "health_events.health_event_invitation_action"
        )
        action["domain"] = [("partner_id", "=", self.partner_id.id)]
        action["context"] = {"create": False}
        return action
