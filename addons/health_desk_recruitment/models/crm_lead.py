from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    health_desk_ticket_count = fields.Integer(
        string="Desk requests", compute="_compute_health_desk_ticket_count"
    )

    def _compute_health_desk_ticket_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.partner_id.ids), ("health_is_desk", "=", True)],
                ["partner_id"],
                ["__count"],
            )
        )
        for lead in self:
            lead.health_desk_ticket_count = counts.get(lead.partner_id, 0) if lead.partner_id else 0

    def action_health_desk_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "health_desk.helpdesk_ticket_action_desk"
        )
        action["domain"] = [("health_is_desk", "=", True), ("partner_id", "=", self.partner_id.id)]
        action["context"] = {"default_partner_id": self.partner_id.id}
        return action
